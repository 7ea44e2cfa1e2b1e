import { useQuery } from '@tanstack/react-query';
import { publicAspirationApi } from '../../../api/aspirations';
import { usePublicAgencies } from '../../../api/queries';
import { DateTime } from '../../../components/DateTime';
import { SelectField } from '../../../components/Field';
import { EmptyState, ErrorState, Loading } from '../../../components/Feedback';
import { PageTitle } from '../../../components/PageTitle';
import { Pagination } from '../../../components/Pagination';
import { formatNumber } from '../../../lib/time';
import { useListParams } from '../../../lib/useListParams';
import { statusLabel } from '../../aspirations/access';

export function ForumListPage() {
  const { page, extras, setPage, update } = useListParams(['waktu', 'instansi']);
  const past = extras.waktu === 'lalu';
  const agencies = usePublicAgencies();
  const list = useQuery({
    queryKey: ['public', 'forums', past, extras.instansi, page],
    queryFn: () => publicAspirationApi.forums({ when: past ? 'past' : 'upcoming', agencyId: extras.instansi || undefined, page, pageSize: 10 }),
    placeholderData: (p) => p,
  });
  return (
    <>
      <PageTitle>Forum warga</PageTitle>
      <p className="lead">Pertemuan instansi dengan warga untuk mendengar aspirasi. Notulen dan tindak lanjut setiap forum diumumkan di sini.</p>
      <nav className="tabs" aria-label="Waktu forum">
        <button type="button" className={`tab${past ? '' : ' tab-current'}`} aria-pressed={!past} onClick={() => update({ waktu: null, halaman: null })}>
          Akan datang
        </button>
        <button type="button" className={`tab${past ? ' tab-current' : ''}`} aria-pressed={past} onClick={() => update({ waktu: 'lalu', halaman: null })}>
          Sudah terlaksana
        </button>
      </nav>
      <div className="filters">
        <SelectField
          label="Instansi"
          name="instansi"
          value={extras.instansi ?? ''}
          options={[{ value: '', label: 'Semua instansi' }, ...(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))]}
          onValueChange={(value) => update({ instansi: value, halaman: null })}
        />
      </div>
      {list.isPending ? (
        <Loading label="Memuat forum…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{past ? 'Belum ada forum yang terlaksana.' : 'Belum ada forum yang dijadwalkan.'}</EmptyState>
      ) : (
        <>
          <ul className="card-list">
            {list.data.items.map((forum) => (
              <li key={forum.id} className="card">
                <h2 className="h3">{forum.title}</h2>
                <p className="muted">
                  {forum.agency.name} · <DateTime value={forum.scheduledAt} /> · {forum.venue}
                </p>
                {forum.agenda ? <p>{forum.agenda}</p> : null}
                {forum.minutes ? (
                  <details>
                    <summary>Notulen{forum.attendees !== null ? ` (${formatNumber(forum.attendees)} peserta)` : ''}</summary>
                    <div className="announcement-body">{forum.minutes}</div>
                  </details>
                ) : null}
                {forum.followups.length > 0 ? (
                  <>
                    <h3 className="h3">Tindak lanjut</h3>
                    <ul>
                      {forum.followups.map((f) => (
                        <li key={f.reference}>
                          {f.reference}: {f.subject} — {statusLabel(f.status)}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPageChange={setPage} />
        </>
      )}
    </>
  );
}
