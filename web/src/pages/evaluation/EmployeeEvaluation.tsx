import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { evaluationApi, evaluationKeys } from '../../api/evaluation';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { evaluationPaths, planStatusLabel, predikatLabel, predikatTag, ratingLabel } from './access';
import { DeskLinks } from './DeskLinks';
import { RecommendationList } from './RecommendationList';

/** The employee page's evaluation history, and for administrators the employee's desk QR code. */
export function EmployeeEvaluation({ agencyId, employeeId, unitId, employeeName, canManage }: { agencyId: string; employeeId: string; unitId: string | null; employeeName: string; canManage: boolean }) {
  const query = useQuery({ queryKey: evaluationKeys.history(agencyId, employeeId), queryFn: () => evaluationApi.history(agencyId, employeeId) });
  return (
    <>
      <section className="card panel" aria-labelledby="judul-riwayat-penilaian">
        <h2 id="judul-riwayat-penilaian">Riwayat penilaian kinerja</h2>
        {query.isPending ? (
          <Loading />
        ) : query.isError ? (
          <ErrorState error={query.error} />
        ) : query.data.items.length === 0 ? (
          <EmptyState>Belum ada penilaian kinerja.</EmptyState>
        ) : (
          <div className="table-wrap" role="region" aria-label="Riwayat penilaian kinerja" tabIndex={0}>
            <table>
              <caption className="visually-hidden">Riwayat penilaian kinerja</caption>
              <thead>
                <tr>
                  <th scope="col">Periode</th>
                  <th scope="col">Hasil kerja</th>
                  <th scope="col">Perilaku</th>
                  <th scope="col">Predikat</th>
                </tr>
              </thead>
              <tbody>
                {query.data.items.map((item) => (
                  <tr key={item.plan.id}>
                    <th scope="row">
                      <Link to={evaluationPaths.plan(agencyId, item.plan.id)}>{item.period.name}</Link>
                      <span className="subtitle">
                        {planStatusLabel(item.plan.status)}
                        {item.period.status === 'finalised' ? ' · final' : ''}
                      </span>
                    </th>
                    <td>{ratingLabel(item.resultsRating)}</td>
                    <td>{ratingLabel(item.behaviourRating)}</td>
                    <td>
                      <span className={`tag ${predikatTag(item.predikat)}`}>{predikatLabel(item.predikat)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {query.data?.recommendations.length ? (
          <>
            <h3>Rekomendasi pengembangan</h3>
            <RecommendationList items={query.data.recommendations} showEmployee={false} />
          </>
        ) : null}
      </section>
      {canManage ? (
        <section className="card panel" aria-labelledby="judul-qr-pegawai">
          <h2 id="judul-qr-pegawai">Kode QR penilaian pelayanan {employeeName}</h2>
          <p className="muted">Masyarakat yang dilayani menilai pegawai ini lewat kode QR di loketnya; hasilnya menjadi masukan bagi atasan, bukan penilaian.</p>
          <DeskLinks agencyId={agencyId} unitId={unitId} employeeId={employeeId} defaultLabel={`Loket ${employeeName}`} />
        </section>
      ) : null}
    </>
  );
}
