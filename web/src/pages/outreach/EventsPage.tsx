import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { outreachApi, type OutreachEventInput } from '../../api/outreach';
import { useAgencyDetail } from '../../api/queries';
import type { AgencyTimezone } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { SelectField } from '../../components/Field';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { Pagination } from '../../components/Pagination';
import { RequireAuth } from '../../components/RequireAuth';
import { SearchForm } from '../../components/SearchForm';
import { formatNumber } from '../../lib/time';
import { useListParams } from '../../lib/useListParams';
import { AgencyHeading } from '../admin/AgencyHeading';
import { canManageOutreach, eventStatusLabel, kindLabel, staffEventPath } from './access';
import { EventForm } from './EventForm';

const PAGE_SIZE = 20;
const statusOptions = [
  { value: '', label: 'Semua status' },
  { value: 'draft', label: 'Draf' },
  { value: 'published', label: 'Diumumkan' },
  { value: 'cancelled', label: 'Dibatalkan' },
];
export const statusTag = (status: string) => (status === 'published' ? 'tag-active' : status === 'cancelled' ? 'tag-failed' : 'tag-pending');

function CreatePanel({ agencyId, timezone, onCancel }: { agencyId: string; timezone: AgencyTimezone; onCancel: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const create = useMutation({
    mutationFn: (input: OutreachEventInput) => outreachApi.create(agencyId, input),
    onSuccess: ({ event }) => {
      void queryClient.invalidateQueries({ queryKey: ['outreach-events', agencyId] });
      navigate(staffEventPath(agencyId, event.id), { state: { created: true } });
    },
  });
  return (
    <section className="card panel" aria-labelledby="judul-buat-acara">
      <h2 id="judul-buat-acara" tabIndex={-1} ref={heading}>
        Buat acara
      </h2>
      <p className="muted">Acara tersimpan sebagai draf; pendaftaran dibuka setelah acara diumumkan.</p>
      <EventForm timezone={timezone} submitLabel="Simpan draf acara" pending={create.isPending} error={create.error} onSubmit={(input) => create.mutate(input)} />
      <button type="button" className="button button-secondary" onClick={onCancel}>
        Batal
      </button>
    </section>
  );
}

function EventList({ agencyId }: { agencyId: string }) {
  const { q, page, extras, setQuery, setPage, update } = useListParams(['status']);
  const status = extras.status ?? '';
  const { name: agencyName, timezone } = useAgencyDetail(agencyId);
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['outreach-events', agencyId, q, status, page],
    queryFn: () => outreachApi.list(agencyId, { q: q || undefined, status: status || undefined, page, pageSize: PAGE_SIZE }),
    placeholderData: (previous) => previous,
  });
  return (
    <>
      <AgencyHeading title="Sosialisasi" agencyName={agencyName} />
      <p>
        Seminar dan lokakarya tentang karier ASN untuk pelajar, mahasiswa, dan masyarakat. Acara yang diumumkan tampil di{' '}
        <Link to={`/sosialisasi?instansi=${agencyId}`}>halaman sosialisasi publik</Link>.
      </p>
      {creating ? (
        <CreatePanel agencyId={agencyId} timezone={timezone} onCancel={() => setCreating(false)} />
      ) : (
        <p>
          <button type="button" className="button" onClick={() => setCreating(true)}>
            Buat acara
          </button>
        </p>
      )}
      <div className="filters">
        <SearchForm label="Cari acara (judul atau tempat)" value={q} onSearch={setQuery} />
        <SelectField label="Status" name="status" value={status} options={statusOptions} onValueChange={(value) => update({ status: value, halaman: null })} />
      </div>
      {list.isPending ? (
        <Loading label="Memuat acara…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{q || status ? 'Tidak ada acara yang cocok.' : 'Belum ada acara sosialisasi.'}</EmptyState>
      ) : (
        <>
          <div className="table-wrap" role="region" aria-labelledby="judul-tabel-acara" tabIndex={0}>
            <table>
              <caption id="judul-tabel-acara">Daftar acara</caption>
              <thead>
                <tr>
                  <th scope="col">Acara</th>
                  <th scope="col">Mulai</th>
                  <th scope="col">Status</th>
                  <th scope="col">Terdaftar / kapasitas</th>
                  <th scope="col">Daftar tunggu</th>
                  <th scope="col">Hadir</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((event) => (
                  <tr key={event.id}>
                    <th scope="row">
                      <Link to={staffEventPath(agencyId, event.id)}>{event.title}</Link>
                      <span className="subtitle">{kindLabel(event.kind)}</span>
                    </th>
                    <td>
                      <DateTime value={event.startsAt} timeZone={timezone} />
                    </td>
                    <td>
                      <span className={`tag ${statusTag(event.status)}`}>{eventStatusLabel(event.status)}</span>
                    </td>
                    <td>
                      {formatNumber(event.counts.registered)} / {formatNumber(event.capacity)}
                    </td>
                    <td>{formatNumber(event.counts.waitlisted)}</td>
                    <td>{formatNumber(event.counts.attended)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPageChange={setPage} />
        </>
      )}
    </>
  );
}

export function EventsPage() {
  const { agencyId = '' } = useParams();
  return <RequireAuth allow={(me) => canManageOutreach(me, agencyId)}>{() => <EventList key={agencyId} agencyId={agencyId} />}</RequireAuth>;
}
