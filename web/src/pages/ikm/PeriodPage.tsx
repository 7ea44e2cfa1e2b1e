import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ikmApi } from '../../api/ikm';
import { useAgencyDetail, useMe } from '../../api/queries';
import { BarChart } from '../../components/Charts';
import { DateTime } from '../../components/DateTime';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { FormErrors } from '../../components/FormErrors';
import { RequireAuth } from '../../components/RequireAuth';
import { formatNumber } from '../../lib/time';
import { AgencyHeading } from '../admin/AgencyHeading';
import { canManageIkm, canReadIkm, formatIkm, formatNrr, ikmPaths, surveyStatusLabel } from './access';
import { Grade } from './Grade';

function PeriodView({ agencyId, periodKey }: { agencyId: string; periodKey: string }) {
  const me = useMe();
  const manage = canManageIkm(me.data, agencyId);
  const queryClient = useQueryClient();
  const { name: agencyName, timezone } = useAgencyDetail(agencyId);
  const query = useQuery({ queryKey: ['ikm', agencyId, 'period', periodKey], queryFn: () => ikmApi.period(agencyId, periodKey) });
  const publish = useMutation({ mutationFn: () => ikmApi.publish(agencyId, periodKey), onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['ikm', agencyId] }) });
  if (query.isPending) return <Loading label="Memuat laporan…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const report = query.data;
  const withRespondents = report.surveys.filter((s) => s.result.respondents > 0);
  return (
    <>
      <p className="breadcrumb">
        <Link to={ikmPaths.surveys(agencyId)}>‹ Semua survei IKM</Link>
      </p>
      <AgencyHeading title={`Laporan IKM ${report.periodLabel}`} agencyName={agencyName} />
      <ul className="stat-list">
        <li>
          <span className="stat-value">{formatNumber(report.surveys.length)}</span> survei
        </li>
        <li>
          <span className="stat-value">{formatNumber(report.overall.respondents)}</span> responden
        </li>
        <li>
          IKM gabungan: <Grade ikm={report.overall.ikm} grade={report.overall.grade} />
        </li>
      </ul>
      {report.surveys.length === 0 ? (
        <EmptyState>Belum ada survei untuk periode ini.</EmptyState>
      ) : (
        <>
          {withRespondents.length > 0 ? (
            <BarChart
              title={`IKM per unit layanan, ${report.periodLabel}`}
              summary={`IKM ${withRespondents.length} unit layanan pada ${report.periodLabel}, dari ${formatIkm(Math.min(...withRespondents.map((s) => s.result.ikm!)))} sampai ${formatIkm(Math.max(...withRespondents.map((s) => s.result.ikm!)))}.`}
              categoryHeader="Unit / layanan"
              valueHeader="IKM"
              min={25}
              max={100}
              marks={[
                { value: 65, label: 'C' },
                { value: 76.61, label: 'B' },
                { value: 88.31, label: 'A' },
              ]}
              data={withRespondents.map((s) => ({
                label: `${s.survey.unit.name} — ${s.survey.serviceName}`,
                value: s.result.ikm,
                display: formatIkm(s.result.ikm),
                highlight: s.result.grade?.letter === 'C' || s.result.grade?.letter === 'D',
                extra: [
                  s.result.grade ? `${s.result.grade.letter} ${s.result.grade.label}` : '—',
                  `${formatNumber(s.result.respondents)} / ${formatNumber(s.result.sample.required)}${s.result.sample.sufficient ? '' : ' (kurang)'}`,
                ],
              }))}
              extraColumns={[{ header: 'Mutu' }, { header: 'Responden / sampel minimum', numeric: true }]}
            />
          ) : null}
          <div className="table-wrap" role="region" aria-labelledby="judul-nrr-unit" tabIndex={0}>
            <table>
              <caption id="judul-nrr-unit">NRR tiap unsur per unit layanan</caption>
              <thead>
                <tr>
                  <th scope="col">Unit / layanan</th>
                  <th scope="col">Status</th>
                  {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => (
                    <th key={i} scope="col" className="num">
                      U{i}
                    </th>
                  ))}
                  <th scope="col">IKM</th>
                </tr>
              </thead>
              <tbody>
                {report.surveys.map(({ survey, result }) => (
                  <tr key={survey.id}>
                    <th scope="row">
                      <Link to={ikmPaths.survey(agencyId, survey.id)}>{survey.unit.name}</Link>
                      <span className="subtitle">{survey.serviceName}</span>
                    </th>
                    <td>{surveyStatusLabel(survey.status)}</td>
                    {result.elements.map((e) => (
                      <td key={e.index} className="num">
                        {result.respondents > 0 ? formatNrr(e.nrr) : '—'}
                      </td>
                    ))}
                    <td>
                      <Grade ikm={result.ikm} grade={result.grade} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <section aria-labelledby="judul-terbitkan">
        <h2 id="judul-terbitkan">Penerbitan</h2>
        <p>
          <a href={ikmApi.periodPdfUrl(agencyId, periodKey)} target="_blank" rel="noopener noreferrer">
            Pratinjau laporan PDF
          </a>
        </p>
        {report.publications.length > 0 ? (
          <ul className="link-list">
            {report.publications.map((p, i) => (
              <li key={p.id}>
                <Link to={`/pengumuman/${p.announcementId}`}>{i === 0 ? 'Pengumuman terbaru' : 'Pengumuman sebelumnya'}</Link> — diterbitkan <DateTime value={p.publishedAt} timeZone={timezone} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Laporan periode ini belum diterbitkan.</p>
        )}
        {manage ? (
          <>
            {report.openSurveys > 0 ? <Notice kind="info">Masih ada {formatNumber(report.openSurveys)} survei yang dibuka. Tutup survei periode ini sebelum menerbitkan laporan.</Notice> : null}
            <FormErrors error={publish.error} />
            {publish.isSuccess ? (
              <Notice kind="success">
                Laporan diterbitkan sebagai pengumuman. <Link to={`/pengumuman/${publish.data.announcementId}`}>Lihat pengumuman</Link>
              </Notice>
            ) : null}
            <button type="button" className="button" disabled={publish.isPending || report.openSurveys > 0 || report.overall.respondents === 0} onClick={() => publish.mutate()}>
              {publish.isPending ? 'Menerbitkan…' : report.publications.length > 0 ? 'Terbitkan ulang (menggantikan pengumuman sebelumnya)' : 'Terbitkan laporan sebagai pengumuman'}
            </button>
          </>
        ) : null}
      </section>
    </>
  );
}

export function PeriodPage() {
  const { agencyId = '', periodKey = '' } = useParams();
  return <RequireAuth allow={(me) => canReadIkm(me, agencyId)}>{() => <PeriodView key={`${agencyId}-${periodKey}`} agencyId={agencyId} periodKey={periodKey} />}</RequireAuth>;
}
