import { useId, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CAT_SUBTESTS, QUESTION_LIMITS, catSubtest, optionLabel } from '../../../../core/cat-bank';
import { catBankApi, catBankKeys, type BankScope, type CatQuestionView, type QuestionBody, type QuestionStatus } from '../../api/cat-banks';
import { errorMessage } from '../../api/client';
import type { Me } from '../../api/types';
import { SelectField, TextField } from '../../components/Field';
import { ErrorState, Loading, Notice } from '../../components/Feedback';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { PageTitle } from '../../components/PageTitle';
import { RequireAuth } from '../../components/RequireAuth';
import { bankPaths, canManageBanks, statusLabel, statusTag, subtestOptions } from './access';
import './cat-banks.css';

type DraftOption = { id?: string; text: string; points: string };
type Draft = { subtest: string; topic: string; stem: string; options: DraftOption[]; keyIndex: number | null };

const emptyOptions = (n: number): DraftOption[] => Array.from({ length: n }, () => ({ text: '', points: '' }));
const fresh = (): Draft => ({ subtest: 'TWK', topic: '', stem: '', options: emptyOptions(5), keyIndex: null });

function draftOf(question: CatQuestionView): Draft {
  return {
    subtest: question.subtest,
    topic: question.topic,
    stem: question.stem,
    options: question.options.map((option) => ({ id: option.id, text: option.text, points: option.points === null ? '' : String(option.points) })),
    keyIndex: question.keyOptionId ? question.options.findIndex((option) => option.id === question.keyOptionId) : null,
  };
}

function bodyOf(draft: Draft): QuestionBody {
  const weighted = catSubtest(draft.subtest)?.type === 'weighted';
  return {
    subtest: draft.subtest,
    topic: draft.topic.trim(),
    stem: draft.stem.trim(),
    options: draft.options.map((option) => ({
      ...(option.id ? { id: option.id } : {}),
      text: option.text.trim(),
      ...(weighted ? { points: option.points.trim() === '' ? null : Number(option.points) } : {}),
    })),
    ...(weighted ? {} : { keyIndex: draft.keyIndex }),
  } as QuestionBody;
}

function TextArea({ label, value, onChange, error, hint, required, rows = 4 }: { label: string; value: string; onChange: (value: string) => void; error?: string; hint?: string; required?: boolean; rows?: number }) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field cb-textarea${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="required"> (wajib)</span> : null}
      </label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <textarea id={id} rows={rows} value={value} aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(event) => onChange(event.target.value)} />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A PNG/JPEG for the stem or an option: preview, replace, remove. */
function ImageControl({ scope, bankId, question, optionId, label, disabled }: { scope: BankScope; bankId: string; question: CatQuestionView; optionId?: string; label: string; disabled: boolean }) {
  const id = useId();
  const queryClient = useQueryClient();
  const has = optionId ? question.options.find((option) => option.id === optionId)?.hasImage : question.hasImage;
  const onSaved = ({ question: saved }: { question: CatQuestionView }) => {
    queryClient.setQueryData(catBankKeys.question(scope, bankId, question.id), { question: saved });
    void queryClient.invalidateQueries({ queryKey: catBankKeys.banks(scope) });
  };
  const upload = useMutation({ mutationFn: (file: File) => catBankApi.uploadImage(scope, bankId, question.id, file, optionId), onSuccess: onSaved });
  const remove = useMutation({ mutationFn: () => catBankApi.removeImage(scope, bankId, question.id, optionId), onSuccess: onSaved });
  return (
    <div className="field">
      {has ? <img className={`cb-image${optionId ? ' cb-image-small' : ''}`} src={catBankApi.imageUrl(scope, bankId, question.id, optionId, question.updatedAt)} alt={`Gambar ${label}`} /> : null}
      <label htmlFor={id}>{has ? `Ganti gambar ${label}` : `Tambah gambar ${label}`} (PNG/JPEG, maks. 1 MB)</label>
      <input
        id={id}
        type="file"
        accept="image/png,image/jpeg"
        disabled={disabled || upload.isPending}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) upload.mutate(file);
          event.target.value = '';
        }}
      />
      {has ? (
        <button type="button" className="button button-small button-secondary" disabled={disabled || remove.isPending} onClick={() => remove.mutate()}>
          Hapus gambar {label}
        </button>
      ) : null}
      {upload.isPending ? <p role="status">Mengunggah…</p> : null}
      {upload.isError ? <p className="field-error">{errorMessage(upload.error)}</p> : null}
      {remove.isError ? <p className="field-error">{errorMessage(remove.error)}</p> : null}
    </div>
  );
}

const transitions: Record<QuestionStatus, Array<{ to: QuestionStatus; label: string; kind?: string }>> = {
  draft: [
    { to: 'reviewed', label: 'Tandai sudah ditelaah' },
    { to: 'retired', label: 'Pensiunkan', kind: 'button-danger' },
  ],
  reviewed: [
    { to: 'active', label: 'Aktifkan' },
    { to: 'draft', label: 'Kembalikan ke draf', kind: 'button-secondary' },
    { to: 'retired', label: 'Pensiunkan', kind: 'button-danger' },
  ],
  active: [{ to: 'retired', label: 'Pensiunkan', kind: 'button-danger' }],
  retired: [{ to: 'draft', label: 'Buka kembali sebagai draf', kind: 'button-secondary' }],
};

function Workflow({ scope, bankId, question, me }: { scope: BankScope; bankId: string; question: CatQuestionView; me: Me }) {
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (status: QuestionStatus) => catBankApi.setStatus(scope, bankId, question.id, status),
    onSuccess: ({ question: saved }) => {
      queryClient.setQueryData(catBankKeys.question(scope, bankId, question.id), { question: saved });
      void queryClient.invalidateQueries({ queryKey: catBankKeys.banks(scope) });
    },
  });
  const isAuthor = question.createdBy?.id === me.id || question.editedBy?.id === me.id;
  return (
    <section className="card" aria-labelledby="judul-status-soal">
      <h2 id="judul-status-soal">Status dan telaah</h2>
      <p>
        Status: <span className={`tag ${statusTag[question.status]}`}>{statusLabel(question.status)}</span>
        {question.inUse ? <span className="tag tag-kept">Sudah masuk naskah ujian</span> : null}
      </p>
      <dl className="facts">
        <dt>Ditulis oleh</dt>
        <dd>{question.createdBy?.name ?? '—'}</dd>
        <dt>Diubah terakhir oleh</dt>
        <dd>{question.editedBy?.name ?? '—'}</dd>
        <dt>Ditelaah oleh</dt>
        <dd>{question.reviewedBy?.name ?? 'Belum ditelaah'}</dd>
      </dl>
      {question.status === 'draft' && isAuthor ? (
        <p className="hint">Anda menulis atau mengubah soal ini: telaah harus dilakukan orang lain (prinsip empat mata).</p>
      ) : null}
      {question.inUse ? <p className="hint">Soal yang sudah masuk naskah peserta tidak dapat diubah; pensiunkan dan buat soal baru bila perlu diperbaiki.</p> : null}
      {change.isError ? <Notice kind="error">{errorMessage(change.error)}</Notice> : null}
      {change.isSuccess ? <Notice kind="success">Status soal kini {statusLabel(change.data.question.status)}.</Notice> : null}
      <div className="actions">
        {transitions[question.status].map((transition) => (
          <button
            key={transition.to}
            type="button"
            className={`button ${transition.kind ?? ''}`}
            disabled={change.isPending || (transition.to === 'reviewed' && isAuthor)}
            onClick={() => change.mutate(transition.to)}
          >
            {transition.label}
          </button>
        ))}
      </div>
    </section>
  );
}

function Editor({ scope, bankId, question, me }: { scope: BankScope; bankId: string; question: CatQuestionView | null; me: Me }) {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => (question ? draftOf(question) : fresh()));
  const [saved, setSaved] = useState(Boolean((location.state as { created?: boolean } | null)?.created));
  const subtest = catSubtest(draft.subtest);
  const weighted = subtest?.type === 'weighted';
  const keyName = useId();
  const save = useMutation({
    mutationFn: () => (question ? catBankApi.updateQuestion(scope, bankId, question.id, bodyOf(draft)) : catBankApi.createQuestion(scope, bankId, bodyOf(draft))),
    onSuccess: ({ question: result }) => {
      void queryClient.invalidateQueries({ queryKey: catBankKeys.banks(scope) });
      queryClient.setQueryData(catBankKeys.question(scope, bankId, result.id), { question: result });
      if (!question) navigate(bankPaths.question(scope, bankId, result.id), { state: { created: true } });
      else {
        setDraft(draftOf(result));
        setSaved(true);
      }
    },
    onMutate: () => setSaved(false),
  });
  const remove = useMutation({
    mutationFn: () => catBankApi.deleteQuestion(scope, bankId, question!.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: catBankKeys.banks(scope) });
      navigate(bankPaths.bank(scope, bankId));
    },
  });
  const setOption = (index: number, change: Partial<DraftOption>) => setDraft((d) => ({ ...d, options: d.options.map((option, i) => (i === index ? { ...option, ...change } : option)) }));
  const frozen = question?.inUse ?? false;
  const labels: Record<string, string> = { subtest: 'Subtes', topic: 'Topik', stem: 'Teks soal', keyIndex: 'Kunci jawaban', options: 'Pilihan jawaban' };
  draft.options.forEach((_, index) => {
    labels[`options.${index}.text`] = `Pilihan ${optionLabel(index)}`;
    labels[`options.${index}.points`] = `Bobot pilihan ${optionLabel(index)}`;
    labels[`options.${index}.id`] = `Pilihan ${optionLabel(index)}`;
  });
  return (
    <>
      <p className="breadcrumb">
        <Link to={bankPaths.bank(scope, bankId)}>‹ Kembali ke bank soal</Link>
      </p>
      <PageTitle>{question ? 'Ubah soal' : 'Soal baru'}</PageTitle>
      {saved ? <Notice kind="success">Soal telah disimpan{question && question.status === 'draft' ? ' sebagai draf; minta rekan menelaahnya' : ''}.</Notice> : null}
      {question ? <Workflow scope={scope} bankId={bankId} question={question} me={me} /> : null}
      <FormErrors error={save.error} labels={labels} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <fieldset disabled={frozen}>
          <legend className="visually-hidden">Isi soal</legend>
          <SelectField
            label="Subtes"
            required
            value={draft.subtest}
            options={subtestOptions}
            error={fieldError(save.error, 'subtest')}
            onValueChange={(value) =>
              setDraft((d) => {
                const next = CAT_SUBTESTS.find((s) => s.code === value);
                const count = next?.type === 'weighted' ? (next.maxOptionPoints ?? 5) : Math.max(d.options.length, 4);
                const options = d.options.length === count ? d.options : [...d.options, ...emptyOptions(Math.max(0, count - d.options.length))].slice(0, Math.max(count, d.options.filter((o) => o.text).length));
                return { ...d, subtest: value, options, keyIndex: next?.type === 'weighted' ? null : d.keyIndex };
              })
            }
          />
          <p className="hint">
            {weighted
              ? `Subtes ${draft.subtest} dinilai dengan bobot setiap pilihan: bilangan bulat ${subtest?.minOptionPoints}–${subtest?.maxOptionPoints}, tanpa kunci tunggal.`
              : `Subtes ${draft.subtest} memakai satu kunci jawaban (benar ${subtest?.correctPoints ?? 5}, salah atau kosong 0).`}
          </p>
          <TextField label="Topik" value={draft.topic} maxLength={QUESTION_LIMITS.topicMax} onValueChange={(topic) => setDraft((d) => ({ ...d, topic }))} error={fieldError(save.error, 'topic')} hint="Materi soal, mis. Pancasila atau Deret angka; dipakai cetak biru untuk memilih soal per topik." />
          <TextArea label="Teks soal" required rows={5} value={draft.stem} onChange={(stem) => setDraft((d) => ({ ...d, stem }))} error={fieldError(save.error, 'stem')} />
          {question ? <ImageControl scope={scope} bankId={bankId} question={question} label="soal" disabled={frozen} /> : null}
          {!weighted ? (
            <p className="hint" id={`${keyName}-hint`}>
              Pilih kunci jawaban dengan tombol “Kunci” pada salah satu pilihan.
            </p>
          ) : null}
          {fieldError(save.error, 'keyIndex') ? <p className="field-error">{fieldError(save.error, 'keyIndex')}</p> : null}
          {draft.options.map((option, index) => {
            const letter = optionLabel(index);
            const pointsError = fieldError(save.error, `options.${index}.points`);
            return (
              <fieldset key={option.id ?? `baru-${index}`} className="cb-option">
                <legend>Pilihan {letter}</legend>
                <TextArea label={`Teks pilihan ${letter}`} rows={2} value={option.text} onChange={(text) => setOption(index, { text })} error={fieldError(save.error, `options.${index}.text`) ?? fieldError(save.error, `options.${index}.id`)} />
                <div className="cb-option-tools">
                  {weighted ? (
                    <TextField
                      label={`Bobot ${letter}`}
                      type="number"
                      inputMode="numeric"
                      min={subtest?.minOptionPoints}
                      max={subtest?.maxOptionPoints}
                      value={option.points}
                      onValueChange={(points) => setOption(index, { points })}
                      error={pointsError}
                    />
                  ) : (
                    <label className="checkbox">
                      <input type="radio" name={keyName} checked={draft.keyIndex === index} onChange={() => setDraft((d) => ({ ...d, keyIndex: index }))} aria-describedby={`${keyName}-hint`} />
                      <span>Kunci: pilihan {letter}</span>
                    </label>
                  )}
                  {draft.options.length > QUESTION_LIMITS.optionsMin ? (
                    <button
                      type="button"
                      className="button button-small button-secondary"
                      onClick={() =>
                        setDraft((d) => ({
                          ...d,
                          options: d.options.filter((_, i) => i !== index),
                          keyIndex: d.keyIndex === null || d.keyIndex === index ? (d.keyIndex === index ? null : d.keyIndex) : d.keyIndex > index ? d.keyIndex - 1 : d.keyIndex,
                        }))
                      }
                    >
                      Hapus pilihan {letter}
                    </button>
                  ) : null}
                </div>
                {question && option.id && question.options.some((o) => o.id === option.id) ? (
                  <ImageControl scope={scope} bankId={bankId} question={question} optionId={option.id} label={`pilihan ${letter}`} disabled={frozen} />
                ) : null}
              </fieldset>
            );
          })}
          {draft.options.length < QUESTION_LIMITS.optionsMax ? (
            <p>
              <button type="button" className="button button-secondary" onClick={() => setDraft((d) => ({ ...d, options: [...d.options, ...emptyOptions(1)] }))}>
                Tambah pilihan
              </button>
            </p>
          ) : null}
          <div className="actions">
            <button type="submit" className="button" disabled={save.isPending}>
              {save.isPending ? 'Menyimpan…' : question ? 'Simpan perubahan' : 'Simpan soal'}
            </button>
            {question ? <span className="hint">Soal yang sudah ditelaah atau aktif kembali menjadi draf bila isinya diubah.</span> : null}
          </div>
        </fieldset>
      </form>
      {question && !frozen ? (
        <section className="card" aria-labelledby="judul-hapus-soal">
          <h2 id="judul-hapus-soal">Hapus soal</h2>
          {remove.isError ? <Notice kind="error">{errorMessage(remove.error)}</Notice> : null}
          <button type="button" className="button button-danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
            Hapus soal ini
          </button>
        </section>
      ) : null}
    </>
  );
}

function ExistingQuestion({ scope, bankId, questionId, me }: { scope: BankScope; bankId: string; questionId: string; me: Me }) {
  const detail = useQuery({ queryKey: catBankKeys.question(scope, bankId, questionId), queryFn: () => catBankApi.question(scope, bankId, questionId) });
  if (detail.isPending) return <Loading label="Memuat soal…" />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  return <Editor key={detail.data.question.id} scope={scope} bankId={bankId} question={detail.data.question} me={me} />;
}

export function QuestionPage({ national = false }: { national?: boolean }) {
  const { agencyId = '', bankId = '', questionId } = useParams();
  const scope: BankScope = { agencyId: national ? null : agencyId };
  return (
    <RequireAuth allow={(me) => canManageBanks(me, scope)}>
      {(me) => (questionId ? <ExistingQuestion key={questionId} scope={scope} bankId={bankId} questionId={questionId} me={me} /> : <Editor scope={scope} bankId={bankId} question={null} me={me} />)}
    </RequireAuth>
  );
}
