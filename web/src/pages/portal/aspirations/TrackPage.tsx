import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation } from '@tanstack/react-query';
import { publicAspirationApi, type TrackedAspiration } from '../../../api/aspirations';
import { DateTime } from '../../../components/DateTime';
import { TextField } from '../../../components/Field';
import { Notice } from '../../../components/Feedback';
import { FormErrors, fieldError } from '../../../components/FormErrors';
import { PageTitle } from '../../../components/PageTitle';
import { categoryLabel, statusLabel, statusTag } from '../../aspirations/access';

function Status({ aspiration }: { aspiration: TrackedAspiration }) {
  return (
    <section className="card panel" aria-labelledby="judul-status-pengaduan">
      <h2 id="judul-status-pengaduan">
        {aspiration.reference}: {aspiration.subject}
      </h2>
      <dl className="facts">
        <dt>Instansi</dt>
        <dd>{aspiration.agencyName}</dd>
        <dt>Kategori</dt>
        <dd>{categoryLabel(aspiration.category)}</dd>
        <dt>Status</dt>
        <dd>
          <span className={`tag ${statusTag(aspiration.status)}`} data-testid="status-pengaduan">
            {statusLabel(aspiration.status)}
          </span>
        </dd>
        {aspiration.unitName ? (
          <>
            <dt>Ditangani oleh</dt>
            <dd>{aspiration.unitName}</dd>
          </>
        ) : null}
        <dt>Diterima</dt>
        <dd>
          <DateTime value={aspiration.receivedAt} />
        </dd>
        <dt>Batas waktu jawaban</dt>
        <dd>
          <DateTime value={aspiration.dueAt} />
          {aspiration.overdue ? <span className="overdue"> · melewati batas waktu</span> : null}
        </dd>
      </dl>
      {aspiration.answer ? (
        <section aria-labelledby="judul-jawaban">
          <h3 id="judul-jawaban">Jawaban</h3>
          <div className="announcement-body" data-testid="jawaban-pengaduan">
            {aspiration.answer}
          </div>
          <p className="small muted">
            Dijawab <DateTime value={aspiration.answeredAt} />
          </p>
        </section>
      ) : (
        <p className="muted">Belum ada jawaban.</p>
      )}
      <h3>Riwayat</h3>
      <ol className="summary-list">
        {aspiration.timeline.map((event, i) => (
          <li key={i}>
            <DateTime value={event.at} /> — {event.message}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function TrackPage() {
  const [code, setCode] = useState('');
  const track = useMutation({ mutationFn: () => publicAspirationApi.track(code) });
  return (
    <article className="narrow">
      <PageTitle>Lacak pengaduan</PageTitle>
      <p>Masukkan kode pelacakan 20 karakter yang Anda terima saat mengirim pengaduan. Huruf besar atau kecil dan tanda hubung tidak berpengaruh.</p>
      <FormErrors error={track.error} labels={{ code: 'Kode pelacakan' }} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          track.mutate();
        }}
      >
        <TextField label="Kode pelacakan" name="code" required autoComplete="off" spellCheck={false} value={code} onValueChange={setCode} error={fieldError(track.error, 'code')} />
        <button type="submit" className="button" disabled={track.isPending}>
          {track.isPending ? 'Mencari…' : 'Lacak'}
        </button>
      </form>
      {track.data ? <Status aspiration={track.data.aspiration} /> : null}
      {track.isSuccess ? null : <Notice kind="info">Kode tidak tersimpan di perangkat ini. Kirim pengaduan baru di <Link to="/pengaduan">halaman aspirasi dan pengaduan</Link>.</Notice>}
    </article>
  );
}
