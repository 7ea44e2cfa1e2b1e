import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useAgencyDetail } from '../../api/queries';
import { resultApi, sanggahApi, verificationApi, verificationKeys } from '../../api/verification';
import { DateTime } from '../../components/DateTime';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { RequireAuth } from '../../components/RequireAuth';
import { formatNumber } from '../../lib/time';
import { AgencyHeading } from '../admin/AgencyHeading';
import { SanggahTable } from '../sanggah/DeskPage';
import { paths, verificationAccess } from '../verification/access';
import { StatusTag } from '../verification/shared';
import '../verification/verification.css';

const DECISIONS = { status: 'decided', pageSize: 15 } as const;
const OBJECTIONS = { pageSize: 15 } as const;

function Observer({ agencyId }: { agencyId: string }) {
  const { name: agencyName, timezone } = useAgencyDetail(agencyId);
  const results = useQuery({ queryKey: verificationKeys.results(agencyId), queryFn: () => resultApi.list(agencyId) });
  const decisions = useQuery({ queryKey: verificationKeys.queue(agencyId, DECISIONS), queryFn: () => verificationApi.queue(agencyId, DECISIONS) });
  const objections = useQuery({ queryKey: verificationKeys.sanggahList(agencyId, OBJECTIONS), queryFn: () => sanggahApi.list(agencyId, OBJECTIONS) });

  return (
    <div className="verifikasi">
      <AgencyHeading title="Pemantauan seleksi administrasi" agencyName={agencyName} />
      <p>
        Untuk pengawas: setiap keputusan MS/TMS beserta alasannya, setiap sanggah dan jawabannya, serta pengumuman hasil dengan sidik jarinya. Halaman ini hanya untuk dibaca; setiap perubahan oleh
        verifikator dan panitia tercatat di <Link to={`/admin/instansi/${agencyId}/audit`}>jejak audit</Link>.
      </p>

      <section aria-labelledby="judul-hasil-seleksi">
        <h2 id="judul-hasil-seleksi">Hasil per seleksi</h2>
        {results.isPending ? (
          <Loading label="Memuat hasil…" />
        ) : results.isError ? (
          <ErrorState error={results.error} onRetry={() => void results.refetch()} />
        ) : results.data.items.length === 0 ? (
          <EmptyState>Belum ada seleksi dengan pendaftaran yang dikirim.</EmptyState>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="cap-hasil" tabIndex={0}>
            <table>
              <caption id="cap-hasil">Keputusan, pengumuman dan sanggah per seleksi</caption>
              <thead>
                <tr>
                  <th scope="col">Seleksi</th>
                  <th scope="col">Pendaftaran</th>
                  <th scope="col">Belum diputuskan</th>
                  <th scope="col">MS / TMS</th>
                  <th scope="col">Hasil administrasi</th>
                  <th scope="col">Sanggah</th>
                  <th scope="col">Pasca sanggah</th>
                </tr>
              </thead>
              <tbody>
                {results.data.items.map((r) => (
                  <tr key={r.selection.id}>
                    <th scope="row">{r.selection.name}</th>
                    <td>{formatNumber(r.counts.total)}</td>
                    <td>{formatNumber(r.counts.undecided)}</td>
                    <td>
                      {formatNumber(r.counts.ms)} / {formatNumber(r.counts.tms)}
                    </td>
                    <td>
                      {r.administrative ? (
                        <>
                          <DateTime value={r.administrative.publishedAt} timeZone={timezone} />
                          {r.administrative.announcementId ? (
                            <>
                              <br />
                              <Link to={paths.announcement(r.administrative.announcementId)}>pengumuman</Link>
                            </>
                          ) : null}
                          <br />
                          <span className="hash" title="SHA-256 daftar hasil">
                            {r.administrative.resultHash.slice(0, 16)}…
                          </span>
                        </>
                      ) : (
                        'Belum'
                      )}
                    </td>
                    <td>
                      {formatNumber(r.objections.diajukan)} menunggu, {formatNumber(r.objections.diterima)} diterima, {formatNumber(r.objections.ditolak)} ditolak
                    </td>
                    <td>{r.postObjection ? <DateTime value={r.postObjection.publishedAt} timeZone={timezone} /> : 'Belum'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="judul-keputusan-terbaru">
        <h2 id="judul-keputusan-terbaru">Keputusan verifikasi</h2>
        <p>
          <Link to={`${paths.queue(agencyId)}?status=decided`}>Lihat semua keputusan</Link> · <Link to={`${paths.queue(agencyId)}?status=tms`}>hanya TMS</Link>
        </p>
        {decisions.isPending ? (
          <Loading label="Memuat keputusan…" />
        ) : decisions.isError ? (
          <ErrorState error={decisions.error} onRetry={() => void decisions.refetch()} />
        ) : decisions.data.items.length === 0 ? (
          <EmptyState>Belum ada keputusan.</EmptyState>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="cap-keputusan" tabIndex={0}>
            <table>
              <caption id="cap-keputusan">Keputusan MS/TMS (yang terlama dikirim lebih dulu); buka untuk melihat alasan per persyaratan</caption>
              <thead>
                <tr>
                  <th scope="col">Nomor pendaftaran</th>
                  <th scope="col">Nama</th>
                  <th scope="col">Formasi</th>
                  <th scope="col">Keputusan</th>
                  <th scope="col">Diputuskan</th>
                </tr>
              </thead>
              <tbody>
                {decisions.data.items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">
                      <Link to={paths.workspace(agencyId, item.id)}>{item.registrationNumber}</Link>
                    </th>
                    <td>{item.applicantName}</td>
                    <td>{item.formasi.positionName}</td>
                    <td>
                      <StatusTag status={item.status} />
                    </td>
                    <td>
                      <DateTime value={item.decidedAt} timeZone={timezone} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="judul-sanggah-pengawas">
        <h2 id="judul-sanggah-pengawas">Sanggah dan jawabannya</h2>
        <p>
          <Link to={paths.desk(agencyId)}>Lihat semua sanggah</Link>
        </p>
        {objections.isPending ? (
          <Loading label="Memuat sanggah…" />
        ) : objections.isError ? (
          <ErrorState error={objections.error} onRetry={() => void objections.refetch()} />
        ) : objections.data.items.length === 0 ? (
          <EmptyState>Belum ada sanggah.</EmptyState>
        ) : (
          <SanggahTable agencyId={agencyId} items={objections.data.items} timezone={timezone} showAnswers />
        )}
      </section>
    </div>
  );
}

export function ObserverPage() {
  const { agencyId = '' } = useParams();
  return <RequireAuth allow={(me) => verificationAccess.results(me, agencyId)}>{() => <Observer key={agencyId} agencyId={agencyId} />}</RequireAuth>;
}
