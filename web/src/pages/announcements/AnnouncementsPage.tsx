import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ANNOUNCEMENT_KIND_LABELS, ANNOUNCEMENT_STATUS_LABELS, type AnnouncementKind } from '../../../../core/announcements';
import { announcementApi } from '../../api/announcements';
import { useAgencyDetail, useMe } from '../../api/queries';
import { DateTime } from '../../components/DateTime';
import { SelectField } from '../../components/Field';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { Pagination } from '../../components/Pagination';
import { RequireAuth } from '../../components/RequireAuth';
import { SearchForm } from '../../components/SearchForm';
import { formatNumber } from '../../lib/time';
import { useListParams } from '../../lib/useListParams';
import { AgencyHeading } from '../admin/AgencyHeading';
import { canManageAnnouncements, canReadAnnouncements, staffAnnouncementPath } from './access';
import { AnnouncementForm } from './AnnouncementForm';

const PAGE_SIZE = 20;
const statusOptions = [
  { value: '', label: 'Semua status' },
  { value: 'draft', label: 'Draf' },
  { value: 'published', label: 'Diterbitkan' },
];

export const kindLabel = (kind: string) => ANNOUNCEMENT_KIND_LABELS[kind as AnnouncementKind] ?? kind;

function CreatePanel({ agencyId, onCancel }: { agencyId: string; onCancel: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const create = useMutation({
    mutationFn: (input: Parameters<typeof announcementApi.create>[1]) => announcementApi.create(agencyId, input),
    onSuccess: ({ announcement }) => {
      void queryClient.invalidateQueries({ queryKey: ['announcements', agencyId] });
      navigate(staffAnnouncementPath(agencyId, announcement.id), { state: { created: true } });
    },
  });
  return (
    <section className="card panel" aria-labelledby="judul-buat-pengumuman">
      <h2 id="judul-buat-pengumuman" tabIndex={-1} ref={heading}>
        Buat draf pengumuman
      </h2>
      <p className="muted">Draf belum terlihat publik. Lampirkan PDF lalu terbitkan dari halaman draf.</p>
      <AnnouncementForm agencyId={agencyId} submitLabel="Simpan draf" pendingLabel="Menyimpan…" pending={create.isPending} error={create.error} onSubmit={(input) => create.mutate(input)} />
      <button type="button" className="button button-secondary" onClick={onCancel}>
        Batal
      </button>
    </section>
  );
}

function AnnouncementList({ agencyId }: { agencyId: string }) {
  const me = useMe();
  const { q, page, extras, setQuery, setPage, update } = useListParams(['status']);
  const status = extras.status ?? '';
  const { name: agencyName, timezone } = useAgencyDetail(agencyId);
  const [creating, setCreating] = useState(false);
  const manage = canManageAnnouncements(me.data, agencyId);
  const list = useQuery({
    queryKey: ['announcements', agencyId, q, status, page],
    queryFn: () => announcementApi.list(agencyId, { q: q || undefined, status: status || undefined, page, pageSize: PAGE_SIZE }),
    placeholderData: (previous) => previous,
  });

  return (
    <>
      <AgencyHeading title="Pengumuman" agencyName={agencyName} />
      <p>
        Pengumuman yang diterbitkan tampil di <Link to={`/pengumuman?instansi=${agencyId}`}>halaman pengumuman publik</Link> beserta sidik jari SHA-256 setiap
        lampirannya. Pengumuman yang sudah terbit tidak dapat diubah; ralat dilakukan dengan pengumuman pengganti.
      </p>
      {manage ? (
        creating ? (
          <CreatePanel agencyId={agencyId} onCancel={() => setCreating(false)} />
        ) : (
          <p>
            <button type="button" className="button" onClick={() => setCreating(true)}>
              Buat pengumuman
            </button>
          </p>
        )
      ) : null}

      <div className="filters">
        <SearchForm label="Cari pengumuman (judul atau isi)" value={q} onSearch={setQuery} />
        <SelectField label="Status" name="status" value={status} options={statusOptions} onValueChange={(value) => update({ status: value, halaman: null })} />
      </div>

      {list.isPending ? (
        <Loading label="Memuat pengumuman…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{q || status ? 'Tidak ada pengumuman yang cocok.' : 'Belum ada pengumuman.'}</EmptyState>
      ) : (
        <>
          <div className="table-wrap" role="region" aria-labelledby="judul-tabel-pengumuman" tabIndex={0}>
            <table>
              <caption id="judul-tabel-pengumuman">Daftar pengumuman</caption>
              <thead>
                <tr>
                  <th scope="col">Judul</th>
                  <th scope="col">Jenis</th>
                  <th scope="col">Status</th>
                  <th scope="col">Terbit</th>
                  <th scope="col">Lampiran</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">
                      <Link to={staffAnnouncementPath(agencyId, item.id)}>{item.title}</Link>
                      {item.selectionName ? <span className="subtitle">{item.selectionName}</span> : null}
                      {item.supersededBy ? <span className="subtitle">Digantikan oleh “{item.supersededBy.title}”</span> : null}
                    </th>
                    <td>{kindLabel(item.kind)}</td>
                    <td>
                      <span className={`tag tag-${item.status === 'published' ? 'active' : 'pending'}`}>{ANNOUNCEMENT_STATUS_LABELS[item.status]}</span>
                      {item.supersededBy ? <span className="tag tag-kept">Digantikan</span> : null}
                    </td>
                    <td>{item.publishedAt ? <DateTime value={item.publishedAt} timeZone={timezone} /> : '—'}</td>
                    <td>{formatNumber(item.fileCount)}</td>
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

export function AnnouncementsPage() {
  const { agencyId = '' } = useParams();
  return <RequireAuth allow={(me) => canReadAnnouncements(me, agencyId)}>{() => <AnnouncementList key={agencyId} agencyId={agencyId} />}</RequireAuth>;
}
