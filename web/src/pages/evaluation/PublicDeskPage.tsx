import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useMutation, useQuery } from '@tanstack/react-query';
import { DESK_COMMENT_MAX, DESK_SCORE_LABELS, DESK_SCORES } from '../../../../core/evaluation';
import { publicDeskApi } from '../../api/evaluation';
import { Loading, NotFoundState, Notice } from '../../components/Feedback';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { PageTitle } from '../../components/PageTitle';
import { TextAreaField } from '../../components/TextAreaField';
import { randomId } from '../../lib/randomId';
import { Honeypot } from '../../components/Honeypot';

/** A token this browser keeps, so one device rates a desk once in a while (the server's duplicate window). */
function deviceToken(): string {
  try {
    const saved = localStorage.getItem('token-perangkat-loket');
    if (saved) return saved;
    const fresh = randomId().replace(/-/g, '');
    localStorage.setItem('token-perangkat-loket', fresh);
    return fresh;
  } catch {
    return randomId().replace(/-/g, '');
  }
}

function RatingForm({ code, subject }: { code: string; subject: string }) {
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [website, setWebsite] = useState('');
  const send = useMutation({ mutationFn: () => publicDeskApi.rate(code, { score: score ?? 0, comment: comment.trim(), website, clientToken: deviceToken() }) });
  if (send.isSuccess) {
    return (
      <section className="card panel" aria-labelledby="judul-terima-kasih">
        <h2 id="judul-terima-kasih">Terima kasih</h2>
        <Notice kind="success">{send.data.message}</Notice>
      </section>
    );
  }
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        send.mutate();
      }}
    >
      <FormErrors error={send.error} labels={{ score: 'Penilaian', comment: 'Komentar' }} />
      <fieldset className={`likert${fieldError(send.error, 'score') ? ' field-invalid' : ''}`}>
        <legend>Bagaimana pelayanan {subject} hari ini?</legend>
        <div className="likert-options">
          {DESK_SCORES.map((value) => (
            <label key={value} className="likert-option">
              <input type="radio" name="score" value={value} checked={score === value} onChange={() => setScore(value)} required />
              <span>{DESK_SCORE_LABELS[value]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextAreaField label="Komentar (opsional)" rows={3} maxLength={DESK_COMMENT_MAX} value={comment} onValueChange={setComment} error={fieldError(send.error, 'comment')} />
      <Honeypot id="situs-web-loket" value={website} onChange={setWebsite} />
      <button type="submit" className="button" disabled={send.isPending || score === null}>
        {send.isPending ? 'Mengirim…' : 'Kirim penilaian'}
      </button>
    </form>
  );
}

export function PublicDeskPage() {
  const { code = '' } = useParams();
  const query = useQuery({ queryKey: ['public', 'desk', code], queryFn: () => publicDeskApi.desk(code), retry: false });
  if (query.isPending) return <Loading label="Memuat loket…" />;
  if (query.isError) return <NotFoundState title="Loket tidak ditemukan" error={query.error} />;
  const desk = query.data.desk;
  const subject = desk.employee ? desk.employee.name : desk.unitName;
  return (
    <article className="narrow">
      <PageTitle title={`Nilai pelayanan — ${desk.label}`}>
        Nilai pelayanan kami
        <span className="subtitle">
          {desk.label} · {desk.unitName} · {desk.agencyName}
        </span>
      </PageTitle>
      {desk.employee ? (
        <p>
          Anda dilayani oleh <strong>{desk.employee.name}</strong>
          {desk.employee.positionName ? ` (${desk.employee.positionName})` : ''}.
        </p>
      ) : null}
      <p className="muted">Tanpa akun dan tanpa data pribadi. Penilaian Anda menjadi masukan bagi pimpinan unit untuk memperbaiki pelayanan.</p>
      {desk.active ? <RatingForm code={desk.code} subject={subject} /> : <Notice kind="info">Tautan penilaian loket ini sudah tidak aktif.</Notice>}
    </article>
  );
}
