import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { FINAL_LIST_LABELS } from '../../../../core/final-results';
import { useAgencyDetail } from '../../api/queries';
import { resultsApi, resultsKeys } from '../../api/results';
import type { AgencyTimezone } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { RequireAuth } from '../../components/RequireAuth';
import { formatNumber } from '../../lib/time';
import { AgencyHeading } from '../admin/AgencyHeading';
import { resultPaths, resultsAccess } from './access';
import { RoundLinks } from './shared';
import '../verification/verification.css';
import './results.css';

function Verification({ agencyId, selectionId }: { agencyId: string; selectionId: string }) {
  const { name: agencyName, timezone } = useAgencyDetail(agencyId);
  const tz = timezone as AgencyTimezone;
  // Recomputed on request only: it reads every answer sheet of the round.
  const report = useQuery({ queryKey: resultsKeys.verify(agencyId, selectionId), queryFn: async () => (await resultsApi.verify(agencyId, selectionId)).report, staleTime: Infinity, gcTime: 0 });
  return (
    <div className="verifikasi results">
      <p className="breadcrumb">
        <Link to={resultPaths.round(agencyId, selectionId)}>‹ {report.data?.selection.name ?? 'Hasil akhir'}</Link>
      </p>
      <AgencyHeading title="Bukti integritas hasil akhir" agencyName={agencyName} />
      <RoundLinks agencyId={agencyId} selectionId={selectionId} />
      <p>
        Setiap daftar hasil akhir yang diumumkan dihitung ulang dari data mentah — setiap nilai CAT dari lembar jawabannya, nilai panel yang dikunci, keputusan yang tercatat bersama daftar — lalu
        dibandingkan baris demi baris dengan yang diumumkan. Sidik jari SHA-256 daftar yang tersimpan juga dibandingkan dengan yang tercetak di pengumuman. Perintah yang sama tersedia bagi siapa pun yang
        memegang salinan basis data: <code>npm run results:verify</code>.
      </p>
      <p>
        <button type="button" className="button button-secondary" disabled={report.isFetching} onClick={() => void report.refetch()}>
          {report.isFetching ? 'Menghitung ulang…' : 'Hitung ulang sekarang'}
        </button>
      </p>
      {report.isPending ? (
        <Loading label="Menghitung ulang dari lembar jawaban…" />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data.lists.length === 0 ? (
        <EmptyState>Belum ada hasil akhir yang diumumkan untuk seleksi ini.</EmptyState>
      ) : (
        <>
          <Notice kind={report.data.ok ? 'success' : 'error'}>
            {report.data.ok ? 'Semua daftar yang diumumkan sama dengan hasil hitung ulang.' : 'Ada perbedaan antara yang diumumkan dan hasil hitung ulang — lihat rinciannya di bawah.'} Diperiksa{' '}
            <DateTime value={report.data.checkedAt} timeZone={tz} />.
          </Notice>
          {report.data.lists.map((list) => (
            <section key={list.list} className={`card ${list.ok ? 'verdict-ok' : 'verdict-bad'}`} aria-labelledby={`judul-${list.list}`}>
              <h2 id={`judul-${list.list}`}>
                {FINAL_LIST_LABELS[list.list]} — {list.ok ? 'cocok' : 'BERBEDA'}
              </h2>
              <dl className="facts">
                <dt>Diumumkan</dt>
                <dd>
                  <DateTime value={list.publishedAt} timeZone={tz} />, {formatNumber(list.lines)} baris
                </dd>
                <dt>SHA-256 di pengumuman</dt>
                <dd className="hash">{list.announcedHash}</dd>
                <dt>SHA-256 daftar tersimpan</dt>
                <dd className="hash">{list.storedHash}</dd>
                <dt>SHA-256 hasil hitung ulang</dt>
                <dd className="hash">{list.recomputedHash}</dd>
              </dl>
              {list.notes.length ? (
                <ul>
                  {list.notes.map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ul>
              ) : null}
              {list.differences.length ? (
                <div className="table-wrap" role="region" aria-labelledby={`judul-beda-${list.list}`} tabIndex={0}>
                  <table className="diff-table">
                    <caption id={`judul-beda-${list.list}`}>Perbedaan baris demi baris ({formatNumber(list.differences.length)})</caption>
                    <thead>
                      <tr>
                        <th scope="col">Nomor pendaftaran</th>
                        <th scope="col">Nama</th>
                        <th scope="col">Kolom</th>
                        <th scope="col">Diumumkan</th>
                        <th scope="col">Hitung ulang</th>
                      </tr>
                    </thead>
                    <tbody>
                      {list.differences.map((d) => (
                        <tr key={`${d.registrationNumber}-${d.field}`}>
                          <th scope="row">{d.registrationNumber}</th>
                          <td>{d.name}</td>
                          <td>{d.field}</td>
                          <td>{d.published}</td>
                          <td>{d.recomputed}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : (
                <p>Tidak ada perbedaan baris.</p>
              )}
            </section>
          ))}
        </>
      )}
    </div>
  );
}

export function VerificationPage() {
  const { agencyId = '', selectionId = '' } = useParams();
  return <RequireAuth allow={(me) => resultsAccess.read(me, agencyId)}>{() => <Verification key={`${agencyId}-${selectionId}`} agencyId={agencyId} selectionId={selectionId} />}</RequireAuth>;
}
