import { Fragment } from 'react';
import { Link, useParams } from 'react-router-dom';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { FINAL_STATUS_LABELS } from '../../../../core/final-results';
import { RANKING_STATUSES } from '../../../../core/ranking';
import { LIST_VIEW_LABELS, LIST_VIEWS, type ListView } from '../../../../core/schemas/results';
import { useAgencyDetail } from '../../api/queries';
import { resultsApi, resultsKeys, type RankingLine, type RankingPage as Page, type RankingParams } from '../../api/results';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { SelectField } from '../../components/Field';
import { Pagination } from '../../components/Pagination';
import { RequireAuth } from '../../components/RequireAuth';
import { SearchForm } from '../../components/SearchForm';
import { useListParams } from '../../lib/useListParams';
import { AgencyHeading } from '../admin/AgencyHeading';
import { decidedSentence, resultPaths, resultsAccess } from './access';
import { FinalStatusTag, RoundLinks, shortLeafName } from './shared';
import '../verification/verification.css';
import './results.css';

const PAGE_SIZE = 50;

/** Why this line stands where it does against its neighbours with the same final score. */
export function TieReasons({ line }: { line: Pick<RankingLine, 'decidedByAbove' | 'decidedByBelow'> }) {
  const above = decidedSentence(line.decidedByAbove);
  const below = decidedSentence(line.decidedByBelow);
  if (!above && !below) return null;
  return (
    <>
      {above ? <span className="tie-reason">Nilai akhir sama dengan peserta di atasnya; urutan {above}.</span> : null}
      {below ? <span className="tie-reason">Nilai akhir sama dengan peserta di bawahnya; urutan {below}.</span> : null}
    </>
  );
}

function RankingTable({ page }: { page: Page }) {
  const formationOf = new Map(page.formations.map((f) => [f.id, f]));
  const groups: Array<{ formasiId: string; items: RankingLine[] }> = [];
  for (const item of page.items) {
    const last = groups[groups.length - 1];
    if (last && last.formasiId === item.formasiId) last.items.push(item);
    else groups.push({ formasiId: item.formasiId, items: [item] });
  }
  const columns = 4 + page.leaves.length;
  return (
    <div className="table-wrap" role="region" aria-labelledby="judul-peringkat" tabIndex={0}>
      <table className="ranking-table">
        <caption id="judul-peringkat">Peringkat per formasi; alasan urutan tampil di bawah nama bila nilai akhir sama</caption>
        <thead>
          <tr>
            <th scope="col">Peringkat</th>
            <th scope="col">Peserta</th>
            {page.leaves.map((leaf) => (
              <th key={leaf.key} scope="col" className="number optional">
                {shortLeafName(leaf.name)}
                {leaf.max ? <span className="muted"> (maks. {leaf.max})</span> : null}
              </th>
            ))}
            <th scope="col" className="number">
              Nilai akhir
            </th>
            <th scope="col">Keterangan</th>
          </tr>
        </thead>
        {groups.map((group) => {
          const formation = formationOf.get(group.formasiId);
          return (
            <Fragment key={group.formasiId}>
              <tbody>
                <tr>
                  <th scope="rowgroup" colSpan={columns}>
                    {formation?.label ?? group.items[0]!.formasi} — kebutuhan {formation?.count ?? '?'}
                    {formation && formation.places !== formation.count ? ` (${formation.places} terbaik diusulkan)` : ''}
                  </th>
                </tr>
                {group.items.map((line) => (
                  <tr key={line.applicationId}>
                    <td className="number">{line.rank ?? '—'}</td>
                    <th scope="row">
                      {line.name}
                      <br />
                      <span className="muted">{line.registrationNumber}</span>
                      <TieReasons line={line} />
                    </th>
                    {page.leaves.map((leaf) => (
                      <td key={leaf.key} className="number optional">
                        {line.scores[leaf.key] ?? (line.missing.includes(leaf.key) ? 'belum ada' : '—')}
                      </td>
                    ))}
                    <td className="number">
                      <strong>{line.finalScore ?? '—'}</strong>
                    </td>
                    <td>
                      <FinalStatusTag status={line.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </Fragment>
          );
        })}
      </table>
    </div>
  );
}

function Ranking({ agencyId, selectionId }: { agencyId: string; selectionId: string }) {
  const { name: agencyName } = useAgencyDetail(agencyId);
  const { q, page, extras, setQuery, setPage, update } = useListParams(['daftar', 'formasi', 'status']);
  const list = (LIST_VIEWS as readonly string[]).includes(extras.daftar ?? '') ? (extras.daftar as ListView) : null;
  const overview = useQuery({ queryKey: resultsKeys.overview(agencyId, selectionId), queryFn: async () => (await resultsApi.overview(agencyId, selectionId)).result, staleTime: 30_000 });
  const defaultList: ListView = overview.data?.pascaSanggah ? 'akhir_pasca_sanggah' : overview.data?.akhir ? 'akhir' : 'preview';
  const shown = list ?? defaultList;
  const params: RankingParams = { list: shown, page, pageSize: PAGE_SIZE, q: q || undefined, formasiId: extras.formasi || undefined, status: extras.status || undefined };
  const ranking = useQuery({ queryKey: resultsKeys.ranking(agencyId, selectionId, params), queryFn: () => resultsApi.ranking(agencyId, selectionId, params), placeholderData: keepPreviousData, enabled: overview.isSuccess });
  const available = LIST_VIEWS.filter((view) => view === 'preview' || (view === 'akhir' && overview.data?.akhir) || (view === 'akhir_pasca_sanggah' && overview.data?.pascaSanggah));
  return (
    <div className="verifikasi results">
      <p className="breadcrumb">
        <Link to={resultPaths.round(agencyId, selectionId)}>‹ {overview.data?.selection.name ?? 'Hasil akhir'}</Link>
      </p>
      <AgencyHeading title="Peringkat per formasi" agencyName={agencyName} />
      <RoundLinks agencyId={agencyId} selectionId={selectionId} />
      {shown === 'preview' ? (
        <Notice kind="info">Pratinjau dihitung dari nilai yang tercatat saat ini dan belum diumumkan; urutannya dapat berubah sampai hasil akhir diumumkan.</Notice>
      ) : ranking.data?.resultHash ? (
        <p>
          Daftar yang diumumkan, SHA-256 <span className="hash">{ranking.data.resultHash}</span>
        </p>
      ) : null}
      <div className="filters">
        <SelectField label="Daftar" value={shown} options={available.map((value) => ({ value, label: LIST_VIEW_LABELS[value] }))} onValueChange={(value) => update({ daftar: value, halaman: null })} />
        <SelectField
          label="Formasi"
          value={extras.formasi ?? ''}
          options={[{ value: '', label: 'Semua formasi' }, ...(ranking.data?.formations ?? []).map((f) => ({ value: f.id, label: `${f.label} (${f.count})` }))]}
          onValueChange={(value) => update({ formasi: value || null, halaman: null })}
        />
        <SelectField
          label="Keterangan"
          value={extras.status ?? ''}
          options={[{ value: '', label: 'Semua' }, ...RANKING_STATUSES.map((value) => ({ value, label: FINAL_STATUS_LABELS[value] }))]}
          onValueChange={(value) => update({ status: value || null, halaman: null })}
        />
      </div>
      <SearchForm label="Cari nama atau nomor pendaftaran" value={q} onSearch={setQuery} />
      {overview.isError ? (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
      ) : ranking.isPending ? (
        <Loading label="Menghitung peringkat…" />
      ) : ranking.isError ? (
        <ErrorState error={ranking.error} onRetry={() => void ranking.refetch()} />
      ) : (
        <>
          {ranking.data.issues.length ? (
            <Notice kind="info">
              Belum dapat diumumkan:
              <ul>
                {ranking.data.issues.map((issue) => (
                  <li key={issue}>{issue}</li>
                ))}
              </ul>
            </Notice>
          ) : null}
          {ranking.data.items.length === 0 ? (
            <EmptyState>Tidak ada peserta dengan saringan ini.</EmptyState>
          ) : (
            <>
              <RankingTable page={ranking.data} />
              <Pagination page={ranking.data.page} pageSize={ranking.data.pageSize} total={ranking.data.total} onPageChange={setPage} />
            </>
          )}
        </>
      )}
    </div>
  );
}

export function RankingPage() {
  const { agencyId = '', selectionId = '' } = useParams();
  return <RequireAuth allow={(me) => resultsAccess.read(me, agencyId)}>{() => <Ranking key={`${agencyId}-${selectionId}`} agencyId={agencyId} selectionId={selectionId} />}</RequireAuth>;
}
