import { Link, useParams } from 'react-router-dom';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useAgencyDetail, useMe } from '../../api/queries';
import type { AgencyTimezone } from '../../api/types';
import { resultApi, sanggahApi, verificationKeys, type Sanggah, type SanggahListParams } from '../../api/verification';
import { DateTime } from '../../components/DateTime';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { Pagination } from '../../components/Pagination';
import { RequireAuth } from '../../components/RequireAuth';
import { SearchForm } from '../../components/SearchForm';
import { useListParams } from '../../lib/useListParams';
import { AgencyHeading } from '../admin/AgencyHeading';
import { paths, verificationAccess } from '../verification/access';
import { AreaLinks } from '../verification/shared';
import { ObjectionFilters, SanggahStatusTag } from './shared';
import '../verification/verification.css';

const PAGE_SIZE = 20;

/** The objections of an agency as a table; used by the desk and by the observer's page. */
export function SanggahTable({ agencyId, items, timezone, showAnswers }: { agencyId: string; items: Sanggah[]; timezone: AgencyTimezone; showAnswers: boolean }) {
  return (
    <div className="table-wrap" role="region" aria-labelledby="judul-sanggah" tabIndex={0}>
      <table>
        <caption id="judul-sanggah">Sanggah, yang belum dijawab lebih dulu</caption>
        <thead>
          <tr>
            <th scope="col">Nomor pendaftaran</th>
            <th scope="col">Pelamar</th>
            <th scope="col">Persyaratan disanggah</th>
            <th scope="col">Diajukan</th>
            <th scope="col">Status</th>
            {showAnswers ? <th scope="col">Jawaban</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row">
                <Link to={paths.sanggah(agencyId, item.id)}>{item.application.registrationNumber}</Link>
              </th>
              <td>
                {item.application.applicantName}
                <br />
                <span className="muted">{item.application.formasi}</span>
              </td>
              <td>{item.requirements.map((r) => r.label).join(', ')}</td>
              <td>
                <DateTime value={item.createdAt} timeZone={timezone} />
              </td>
              <td>
                <SanggahStatusTag status={item.status} />
              </td>
              {showAnswers ? (
                <td className="summary">
                  {item.answer ? (
                    <>
                      {item.answer}
                      <br />
                      <span className="muted">
                        {item.answeredBy?.name}, <DateTime value={item.answeredAt} timeZone={timezone} />
                      </span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Desk({ agencyId }: { agencyId: string }) {
  const me = useMe();
  const { q, page, extras, setQuery, setPage, update } = useListParams(['status', 'seleksi']);
  const { name: agencyName, timezone } = useAgencyDetail(agencyId);
  const params: SanggahListParams = { page, pageSize: PAGE_SIZE, q: q || undefined, status: extras.status || undefined, selectionId: extras.seleksi || undefined };
  const list = useQuery({ queryKey: verificationKeys.sanggahList(agencyId, params), queryFn: () => sanggahApi.list(agencyId, params), placeholderData: keepPreviousData });
  const results = useQuery({ queryKey: verificationKeys.results(agencyId), queryFn: () => resultApi.list(agencyId), staleTime: 60_000 });
  const canAnswer = verificationAccess.manage(me.data, agencyId);
  return (
    <div className="verifikasi">
      <AgencyHeading title="Meja sanggah" agencyName={agencyName} />
      <AreaLinks agencyId={agencyId} show={canAnswer ? ['results', 'queue'] : ['results', 'observer']} />
      <p>
        {canAnswer
          ? 'Terima sanggah bila persyaratan yang disanggah ternyata terpenuhi (menjadi MS), atau tolak dengan jawaban. Setiap jawaban tercatat di jejak audit dan dapat dibaca pelamar dan pengawas.'
          : 'Semua sanggah beserta jawabannya, hanya untuk dibaca.'}
      </p>
      <ObjectionFilters extras={extras} update={update} selections={(results.data?.items ?? []).map((r) => r.selection)} />
      <SearchForm label="Cari nomor pendaftaran atau nama pelamar" value={q} onSearch={setQuery} />
      {list.isPending ? (
        <Loading label="Memuat sanggah…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>Tidak ada sanggah dengan saringan ini.</EmptyState>
      ) : (
        <>
          <SanggahTable agencyId={agencyId} items={list.data.items} timezone={timezone} showAnswers />
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPageChange={setPage} />
        </>
      )}
    </div>
  );
}

export function DeskPage() {
  const { agencyId = '' } = useParams();
  return <RequireAuth allow={(me) => verificationAccess.results(me, agencyId)}>{() => <Desk key={agencyId} agencyId={agencyId} />}</RequireAuth>;
}
