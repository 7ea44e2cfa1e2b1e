import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { ANNOUNCEMENT_KINDS, ANNOUNCEMENT_KIND_LABELS, type AnnouncementKind } from '../../../../../core/announcements';
import { publicAnnouncementApi } from '../../../api/announcements';
import { usePublicAgencies } from '../../../api/queries';
import { DateTime } from '../../../components/DateTime';
import { SelectField } from '../../../components/Field';
import { EmptyState, ErrorState, Loading } from '../../../components/Feedback';
import { PageTitle } from '../../../components/PageTitle';
import { Pagination } from '../../../components/Pagination';
import { SearchForm } from '../../../components/SearchForm';
import { zoneOf } from '../../../lib/agencyTime';
import { formatNumber } from '../../../lib/time';
import { useListParams } from '../../../lib/useListParams';

const PAGE_SIZE = 10;
const kindOptions = [{ value: '', label: 'Semua jenis' }, ...ANNOUNCEMENT_KINDS.map((kind) => ({ value: kind, label: ANNOUNCEMENT_KIND_LABELS[kind] }))];
const kindLabel = (kind: string) => ANNOUNCEMENT_KIND_LABELS[kind as AnnouncementKind] ?? kind;

export function AnnouncementListPage() {
  const { q, page, extras, setQuery, setPage, update } = useListParams(['instansi', 'jenis', 'seleksi']);
  const agencies = usePublicAgencies();
  const agencyOptions = [{ value: '', label: 'Semua instansi' }, ...(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))];
  const list = useQuery({
    queryKey: ['public', 'announcements', q, extras.instansi, extras.jenis, extras.seleksi, page],
    queryFn: () =>
      publicAnnouncementApi.list({ q: q || undefined, agencyId: extras.instansi || undefined, kind: extras.jenis || undefined, selectionId: extras.seleksi || undefined, page, pageSize: PAGE_SIZE }),
    placeholderData: (previous) => previous,
  });

  return (
    <>
      <PageTitle title="Pengumuman">Pengumuman</PageTitle>
      <p className="lead">Pengumuman resmi instansi tentang seleksi ASN. Setiap lampiran memiliki sidik jari SHA-256 untuk memastikan keasliannya.</p>
      <p>
        <Link className="button button-secondary" to="/pengumuman/verifikasi">
          Periksa keaslian berkas
        </Link>
      </p>
      <div className="filters">
        <SearchForm label="Cari pengumuman" value={q} onSearch={setQuery} />
        <SelectField label="Instansi" name="instansi" value={extras.instansi ?? ''} options={agencyOptions} onValueChange={(value) => update({ instansi: value, halaman: null })} />
        <SelectField label="Jenis" name="jenis" value={extras.jenis ?? ''} options={kindOptions} onValueChange={(value) => update({ jenis: value, halaman: null })} />
      </div>
      {extras.seleksi ? (
        <p>
          Menampilkan pengumuman satu seleksi. <button type="button" className="button button-small button-secondary" onClick={() => update({ seleksi: null, halaman: null })}>Tampilkan semua</button>
        </p>
      ) : null}
      {list.isPending ? (
        <Loading label="Memuat pengumuman…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{q || extras.instansi || extras.jenis ? 'Tidak ada pengumuman yang cocok.' : 'Belum ada pengumuman yang diterbitkan.'}</EmptyState>
      ) : (
        <>
          <ul className="announcement-list">
            {list.data.items.map((item) => (
              <li key={item.id} className="card">
                <h2 className="h3">
                  <Link to={`/pengumuman/${item.id}`}>{item.title}</Link>
                </h2>
                <p className="muted">
                  {item.agency.name} · {kindLabel(item.kind)}
                  {item.selectionName ? ` · ${item.selectionName}` : ''} · <DateTime value={item.publishedAt} timeZone={zoneOf(item.agency.timezone)} />
                </p>
                {item.supersededBy ? (
                  <p>
                    <span className="tag tag-kept">Digantikan</span> oleh <Link to={`/pengumuman/${item.supersededBy.id}`}>{item.supersededBy.title}</Link>
                  </p>
                ) : null}
                {item.supersedes ? <p className="muted">Menggantikan “{item.supersedes.title}”</p> : null}
                <p>{item.excerpt}</p>
                <p className="muted">{item.fileCount > 0 ? `${formatNumber(item.fileCount)} lampiran PDF` : 'Tanpa lampiran'}</p>
              </li>
            ))}
          </ul>
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPageChange={setPage} />
        </>
      )}
    </>
  );
}
