import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { isApiError } from '../../api/client';
import { Notice } from '../../components/Feedback';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { TextAreaField } from '../../components/TextAreaField';
import { Likert, answerError } from './Likert';

type SurveyFormProps = {
  /** Unique per form on the page (radio groups are named by it). */
  id: string;
  questions: ReadonlyArray<{ key: string; text: string }>;
  commentLabel: string;
  submitLabel: string;
  thanks: string;
  submit: (body: { answers: Record<string, number>; comment: string }) => Promise<unknown>;
  onDone?: () => void;
};

/** A survey answered 1–5 per question with a free comment; every question must be answered. */
export function SurveyForm({ id, questions, commentLabel, submitLabel, thanks, submit, onDone }: SurveyFormProps) {
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const send = useMutation({ mutationFn: () => submit({ answers, comment: comment.trim() }), onSuccess: () => onDone?.() });
  if (send.isSuccess) return <Notice kind="success">{thanks}</Notice>;
  const serverFields = isApiError(send.error) ? send.error.fields : undefined;
  return (
    <>
      <FormErrors error={send.error} />
      {Object.keys(missing).length ? <Notice kind="error">Jawab semua pertanyaan terlebih dahulu.</Notice> : null}
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const unanswered = Object.fromEntries(questions.filter((q) => answers[q.key] === undefined).map((q) => [q.key, 'Pertanyaan ini wajib dijawab']));
          setMissing(unanswered);
          if (Object.keys(unanswered).length === 0) send.mutate();
        }}
      >
        {questions.map((question, index) => (
          <Likert
            key={question.key}
            name={`${id}-${question.key}`}
            number={index + 1}
            text={question.text}
            value={answers[question.key]}
            error={missing[question.key] ?? answerError(serverFields, question.key)}
            onChange={(value) => setAnswers((current) => ({ ...current, [question.key]: value }))}
          />
        ))}
        <TextAreaField label={commentLabel} name={`${id}-komentar`} rows={3} value={comment} onValueChange={setComment} error={fieldError(send.error, 'comment')} />
        <div className="actions">
          <button type="submit" className="button" disabled={send.isPending}>
            {send.isPending ? 'Mengirim…' : submitLabel}
          </button>
        </div>
      </form>
    </>
  );
}
