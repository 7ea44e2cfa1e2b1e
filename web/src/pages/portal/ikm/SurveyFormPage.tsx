import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useMutation, useQuery } from '@tanstack/react-query';
import { IKM_ANSWER_KEYS, IKM_PROFILE_FIELDS, IKM_QUESTIONS, IKM_SUGGESTION_MAX, type IkmProfileField } from '../../../../../core/ikm-survey';
import { publicIkmApi, type IkmReceipt, type PublicIkmSurvey, type SubmissionInput } from '../../../api/ikm';
import { DateTime } from '../../../components/DateTime';
import { SelectField } from '../../../components/Field';
import { Loading, NotFoundState, Notice } from '../../../components/Feedback';
import { FormErrors, fieldError } from '../../../components/FormErrors';
import { PageTitle } from '../../../components/PageTitle';
import { TextAreaField } from '../../../components/TextAreaField';
import { randomId } from '../../../lib/randomId';
import { Honeypot } from '../../../components/Honeypot';

const sentKey = (surveyId: string) => `ikm-terkirim-${surveyId}`;

// Answer messages already name their element ("U3 Waktu Penyelesaian: …").
const fieldLabels: Record<string, string> = {
  ...Object.fromEntries(Object.entries(IKM_PROFILE_FIELDS).map(([key, field]) => [`profile.${key}`, field.label])),
  suggestion: 'Saran',
};

function emptyForm(): SubmissionInput {
  return {
    submissionId: randomId(),
    answers: Object.fromEntries(IKM_ANSWER_KEYS.map((key) => [key, null])),
    profile: { ageGroup: '', sex: '', education: '', occupation: '' },
    suggestion: '',
    website: '',
  };
}

function readSent(surveyId: string): string | null {
  try {
    return localStorage.getItem(sentKey(surveyId));
  } catch {
    return null;
  }
}

function Question({ index, value, error, onChange }: { index: number; value: number | null; error?: string; onChange: (value: number) => void }) {
  const question = IKM_QUESTIONS[index]!;
  const errorId = `unsur-${question.index}-galat`;
  return (
    <fieldset className={`likert${error ? ' field-invalid' : ''}`} aria-describedby={error ? errorId : undefined}>
      <legend>
        {question.index}. {question.element}
      </legend>
      <p className="hint">{question.question}</p>
      <div className="likert-options">
        {question.options.map((label, i) => (
          <label key={label} className="likert-option">
            <input type="radio" name={`u${question.index}`} value={i + 1} checked={value === i + 1} onChange={() => onChange(i + 1)} required />
            <span>{label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

function Thanks({ receipt, onAgain }: { receipt: { receivedAt: string; message: string }; onAgain: () => void }) {
  return (
    <section className="card panel" aria-labelledby="judul-terima-kasih">
      <h2 id="judul-terima-kasih">Terima kasih</h2>
      <Notice kind="success">{receipt.message}</Notice>
      <p>
        Diterima pada <DateTime value={receipt.receivedAt} />.
      </p>
      <p className="muted">Setiap orang cukup mengisi satu kali untuk setiap periode. Bila perangkat ini dipakai bersama (misalnya di loket), orang berikutnya dapat mengisi lagi.</p>
      <button type="button" className="button button-secondary" onClick={onAgain}>
        Isi survei untuk orang lain
      </button>
    </section>
  );
}

function SurveyForm({ survey }: { survey: PublicIkmSurvey }) {
  const [form, setForm] = useState<SubmissionInput>(emptyForm);
  const [receipt, setReceipt] = useState<IkmReceipt | { receivedAt: string; message: string } | null>(() => {
    const sent = readSent(survey.id);
    return sent ? { receivedAt: sent, message: 'Anda sudah mengisi survei ini dari perangkat ini. Terima kasih.' } : null;
  });
  const submit = useMutation({
    mutationFn: () => publicIkmApi.submit(survey.id, { ...form, suggestion: form.suggestion.trim() }),
    onSuccess: (result) => {
      try {
        localStorage.setItem(sentKey(survey.id), result.receivedAt);
      } catch {
        // Private browsing: the receipt is still shown.
      }
      setReceipt(result);
      window.scrollTo({ top: 0 });
    },
  });
  if (receipt) {
    return (
      <Thanks
        receipt={receipt}
        onAgain={() => {
          setForm(emptyForm());
          submit.reset();
          setReceipt(null);
        }}
      />
    );
  }
  const setProfile = (field: IkmProfileField) => (value: string) => setForm((current) => ({ ...current, profile: { ...current.profile, [field]: value } }));
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit.mutate();
      }}
    >
      <FormErrors error={submit.error} labels={fieldLabels} />
      <section aria-labelledby="judul-profil-responden">
        <h2 id="judul-profil-responden">Tentang Anda</h2>
        <p className="muted">Tidak ada nama atau nomor identitas yang diminta. Data ini hanya dipakai untuk rekapitulasi.</p>
        {(Object.keys(IKM_PROFILE_FIELDS) as IkmProfileField[]).map((field) => {
          const spec = IKM_PROFILE_FIELDS[field];
          const labels = spec.labels as Readonly<Record<string, string>>;
          return (
            <SelectField
              key={field}
              label={spec.label}
              name={field}
              required
              value={form.profile[field]}
              options={[{ value: '', label: '— Pilih —' }, ...spec.values.map((value) => ({ value, label: labels[value] ?? value }))]}
              onValueChange={setProfile(field)}
              error={fieldError(submit.error, `profile.${field}`)}
            />
          );
        })}
      </section>
      <section aria-labelledby="judul-pertanyaan">
        <h2 id="judul-pertanyaan">Penilaian Anda atas layanan</h2>
        <p className="muted">Pilih satu jawaban untuk setiap pertanyaan, dari yang paling kurang sampai yang paling baik.</p>
        {IKM_QUESTIONS.map((question, i) => (
          <Question
            key={question.index}
            index={i}
            value={form.answers[`u${question.index}`] ?? null}
            error={fieldError(submit.error, `answers.u${question.index}`)}
            onChange={(value) => setForm((current) => ({ ...current, answers: { ...current.answers, [`u${question.index}`]: value } }))}
          />
        ))}
      </section>
      <TextAreaField
        label="Saran untuk perbaikan layanan (opsional)"
        name="suggestion"
        rows={4}
        maxLength={IKM_SUGGESTION_MAX}
        value={form.suggestion}
        onValueChange={(value) => setForm((current) => ({ ...current, suggestion: value }))}
        error={fieldError(submit.error, 'suggestion')}
      />
      <Honeypot id="situs-web" value={form.website} onChange={(website) => setForm((current) => ({ ...current, website }))} />
      <button type="submit" className="button" disabled={submit.isPending}>
        {submit.isPending ? 'Mengirim…' : 'Kirim jawaban'}
      </button>
    </form>
  );
}

export function SurveyFormPage() {
  const { surveyId = '' } = useParams();
  const query = useQuery({ queryKey: ['public', 'ikm-survey', surveyId], queryFn: () => publicIkmApi.survey(surveyId), retry: false });
  if (query.isPending) return <Loading label="Memuat survei…" />;
  if (query.isError) return <NotFoundState title="Survei tidak ditemukan" error={query.error} />;
  const survey = query.data.survey;
  return (
    <article className="narrow">
      <PageTitle title={`Survei Kepuasan Masyarakat — ${survey.unitName}`}>
        Survei Kepuasan Masyarakat
        <span className="subtitle">
          {survey.unitName} · {survey.agency.name}
        </span>
      </PageTitle>
      <dl className="facts">
        <dt>Layanan</dt>
        <dd>{survey.serviceName}</dd>
        <dt>Periode</dt>
        <dd>{survey.periodLabel}</dd>
      </dl>
      <p>
        Pendapat Anda membantu kami memperbaiki pelayanan. Survei ini tanpa akun, memakan waktu sekitar dua menit, dan mengikuti sembilan unsur PermenPANRB Nomor 14 Tahun 2017.
      </p>
      {survey.open ? <SurveyForm survey={survey} /> : <Notice kind="info">Survei untuk periode ini sudah ditutup. Terima kasih atas perhatian Anda.</Notice>}
    </article>
  );
}
