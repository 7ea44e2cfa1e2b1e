import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAgencyDetail, useMe } from '../../api/queries';
import type { AgencyTimezone } from '../../api/types';
import { resultApi, verificationKeys, type ResultOverview } from '../../api/verification';
import { DateTime } from '../../components/DateTime';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { PublishForm } from '../../components/PublishForm';
import { RequireAuth } from '../../components/RequireAuth';
import { formatNumber } from '../../lib/time';
import { AgencyHeading } from '../admin/AgencyHeading';
import { paths, verificationAccess } from '../verification/access';
import { AreaLinks } from '../verification/shared';
import '../verification/verification.css';

type Stage = NonNullable<ResultOverview['administrative']>;

function StageFacts({ stage, timezone, withWindow }: { stage: Stage; timezone: AgencyTimezone; withWindow: boolean }) {
  return (
    <dl className="facts">
      <dt>Diumumkan</dt>
      <dd>
        <DateTime value={stage.publishedAt} timeZone={timezone} />
        {stage.publishedBy ? ` oleh ${stage.publishedBy}` : ''}
      </dd>
      {stage.announcementId ? (
        <>
          <dt>Pengumuman</dt>
          <dd>
            <Link to={paths.announcement(stage.announcementId)}>Buka pengumuman dan daftar PDF-nya</Link>
          </dd>
        </>
      ) : null}
      <dt>SHA-256 daftar hasil</dt>
      <dd className="hash">{stage.resultHash}</dd>
      {withWindow && stage.objectionClosesAt ? (
        <>
          <dt>Masa sanggah</dt>
          <dd>
            <DateTime value={stage.objectionOpensAt} timeZone={timezone} /> sampai <DateTime value={stage.objectionClosesAt} timeZone={timezone} />
          </dd>
        </>
      ) : null}
    </dl>
  );
}

const PUBLISH_EXPLANATION =
  'Setelah diumumkan, hasil tidak dapat diubah kecuali melalui sanggah. Daftar PDF (nomor pendaftaran, nama, formasi, MS/TMS — tanpa NIK) dan sidik jarinya terbit di pengumuman, dan setiap pelamar diberi tahu melalui aplikasi dan email.';

function ResultCard({ agencyId, result, timezone, canPublish }: { agencyId: string; result: ResultOverview; timezone: AgencyTimezone; canPublish: boolean }) {
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const refresh = (message: string) => () => {
    setDone(message);
    void queryClient.invalidateQueries({ queryKey: verificationKeys.results(agencyId) });
  };
  const publish = useMutation({ mutationFn: (note: string) => resultApi.publish(agencyId, result.selection.id, note), onSuccess: refresh('Hasil seleksi administrasi telah diumumkan.') });
  const publishPost = useMutation({
    mutationFn: (note: string) => resultApi.publishPostObjection(agencyId, result.selection.id, note),
    onSuccess: refresh('Hasil pasca sanggah telah diumumkan.'),
  });
  const headingId = `hasil-${result.selection.id}`;
  const c = result.counts;
  return (
    <li className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {result.selection.name} <span className="muted">({result.selection.year})</span>
      </h2>
      {done ? <Notice kind="success">{done}</Notice> : null}
      <ul className="summary-line">
        <li>
          Pendaftaran: <strong>{formatNumber(c.total)}</strong>
        </li>
        <li>
          Belum diputuskan: <strong>{formatNumber(c.undecided)}</strong>
        </li>
        <li>
          MS: <strong>{formatNumber(c.ms)}</strong>
        </li>
        <li>
          TMS: <strong>{formatNumber(c.tms)}</strong>
        </li>
        <li>
          Empat mata: <strong>{result.settings.fourEyes ? 'ya' : 'tidak'}</strong>
        </li>
        <li>
          Masa sanggah: <strong>{result.settings.objectionDays} hari</strong>
        </li>
      </ul>
      <h3>Hasil seleksi administrasi</h3>
      {result.administrative ? (
        <StageFacts stage={result.administrative} timezone={timezone} withWindow />
      ) : (
        <>
          <p>Belum diumumkan.</p>
          {result.publish.administrative.issues.length ? (
            <ul>
              {result.publish.administrative.issues.map((issue) => (
                <li key={issue}>{issue}</li>
              ))}
            </ul>
          ) : null}
          {canPublish && result.publish.administrative.allowed ? (
            <PublishForm label="Umumkan hasil seleksi administrasi" explanation={PUBLISH_EXPLANATION} pending={publish.isPending} error={publish.error} onPublish={(note) => publish.mutate(note)} />
          ) : null}
        </>
      )}
      {result.administrative ? (
        <>
          <h3>Sanggah</h3>
          <p>
            Diajukan {formatNumber(result.objections.diajukan + result.objections.diterima + result.objections.ditolak)}: menunggu jawaban{' '}
            <strong>{formatNumber(result.objections.diajukan)}</strong>, diterima {formatNumber(result.objections.diterima)}, ditolak {formatNumber(result.objections.ditolak)}.{' '}
            <Link to={`${paths.desk(agencyId)}?seleksi=${result.selection.id}`}>Buka meja sanggah</Link>
          </p>
          <h3>Hasil pasca sanggah</h3>
          {result.postObjection ? (
            <StageFacts stage={result.postObjection} timezone={timezone} withWindow={false} />
          ) : (
            <>
              <p>
                Belum diumumkan.
                {result.postObjectionDueAt ? (
                  <>
                    {' '}
                    Paling lambat <DateTime value={result.postObjectionDueAt} timeZone={timezone} /> (7 hari setelah masa sanggah berakhir, PermenPANRB 27/2021).
                  </>
                ) : null}
              </p>
              {result.publish.postObjection.issues.length ? (
                <ul>
                  {result.publish.postObjection.issues.map((issue) => (
                    <li key={issue}>{issue}</li>
                  ))}
                </ul>
              ) : null}
              {canPublish && result.publish.postObjection.allowed ? (
                <PublishForm label="Umumkan hasil pasca sanggah" explanation={PUBLISH_EXPLANATION} pending={publishPost.isPending} error={publishPost.error} onPublish={(note) => publishPost.mutate(note)} />
              ) : null}
            </>
          )}
        </>
      ) : null}
    </li>
  );
}

function Results({ agencyId }: { agencyId: string }) {
  const me = useMe();
  const { name: agencyName, timezone } = useAgencyDetail(agencyId);
  const canPublish = verificationAccess.manage(me.data, agencyId);
  const results = useQuery({ queryKey: verificationKeys.results(agencyId), queryFn: () => resultApi.list(agencyId) });
  return (
    <div className="verifikasi">
      <AgencyHeading title="Hasil seleksi administrasi" agencyName={agencyName} />
      <AreaLinks agencyId={agencyId} show={canPublish ? ['queue', 'progress', 'desk'] : ['queue', 'desk', 'observer']} />
      <p>
        Hasil diumumkan sekali untuk setiap seleksi, setelah pendaftaran ditutup dan semua pendaftaran diputuskan. Masa sanggah dimulai saat pengumuman; hasil pasca sanggah diumumkan setelah masa sanggah
        berakhir dan semua sanggah dijawab.
      </p>
      {results.isPending ? (
        <Loading label="Memuat hasil…" />
      ) : results.isError ? (
        <ErrorState error={results.error} onRetry={() => void results.refetch()} />
      ) : results.data.items.length === 0 ? (
        <EmptyState>Belum ada seleksi dengan pendaftaran yang dikirim.</EmptyState>
      ) : (
        <ul className="result-cards">
          {results.data.items.map((result) => (
            <ResultCard key={result.selection.id} agencyId={agencyId} result={result} timezone={timezone} canPublish={canPublish} />
          ))}
        </ul>
      )}
    </div>
  );
}

export function ResultsPage() {
  const { agencyId = '' } = useParams();
  return <RequireAuth allow={(me) => verificationAccess.results(me, agencyId)}>{() => <Results key={agencyId} agencyId={agencyId} />}</RequireAuth>;
}
