import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { OUTREACH_AUDIENCES, OUTREACH_AUDIENCE_LABELS } from '../../../../../core/outreach';
import { publicOutreachApi } from '../../../api/outreach';
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
import { audienceLabel, kindLabel } from '../../outreach/access';

const PAGE_SIZE = 12;
const audienceOptions = [{ value: '', label: 'Semua kelompok' }, ...OUTREACH_AUDIENCES.map((a) => ({ value: a, label: OUTREACH_AUDIENCE_LABELS[a] }))];

export function EventListPage() {
  const { q, page, extras, setQuery, setPage, update } = useListParams(['waktu', 'kelompok', 'instansi']);
  const past = extras.waktu === 'lalu';
  const agencies = usePublicAgencies();
  const agencyOptions = [{ value: '', label: 'Semua instansi' }, ...(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))];
  const list = useQuery({
    queryKey: ['public', 'outreach', past, q, extras.kelompok, extras.instansi, page],
    queryFn: () =>
      publicOutreachApi.list({ when: past ? 'past' : 'upcoming', q: q || undefined, audience: extras.kelompok || undefined, agencyId: extras.instansi || undefined, page, pageSize: PAGE_SIZE }),
    placeholderData: (previous) => previous,
  });
  return (
    <>
      <PageTitle title="Sosialisasi karier ASN">Sosialisasi karier ASN</PageTitle>
      <p className="lead">Seminar dan lokakarya gratis tentang menjadi aparatur sipil negara, untuk pelajar, mahasiswa, dan masyarakat umum. Daftar tanpa perlu membuat akun.</p>
      <nav className="tabs" aria-label="Waktu acara">
        <button type="button" className={`tab${past ? '' : ' tab-current'}`} aria-pressed={!past} onClick={() => update({ waktu: null, halaman: null })}>
          Akan datang
        </button>
        <button type="button" className={`tab${past ? ' tab-current' : ''}`} aria-pressed={past} onClick={() => update({ waktu: 'lalu', halaman: null })}>
          Sudah lewat
        </button>
      </nav>
      <div className="filters">
        <SearchForm label="Cari acara" value={q} onSearch={setQuery} />
        <SelectField label="Kelompok peserta" name="kelompok" value={extras.kelompok ?? ''} options={audienceOptions} onValueChange={(value) => update({ kelompok: value, halaman: null })} />
        <SelectField label="Instansi" name="instansi" value={extras.instansi ?? ''} options={agencyOptions} onValueChange={(value) => update({ instansi: value, halaman: null })} />
      </div>
      {list.isPending ? (
        <Loading label="Memuat acara…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{past ? 'Belum ada acara yang sudah lewat.' : 'Belum ada acara yang akan datang.'}</EmptyState>
      ) : (
        <>
          <ul className="card-list">
            {list.data.items.map((event) => (
              <li key={event.id} className="card">
                <h2 className="h3">
                  <Link to={`/sosialisasi/${event.id}`}>{event.title}</Link>
                </h2>
                <p className="muted">
                  {kindLabel(event.kind)} · {event.agency.name}
                </p>
                <p>
                  <DateTime value={event.startsAt} timeZone={zoneOf(event.agency.timezone)} />
                  <br />
                  {event.venue || 'Daring'}
                </p>
                <p>Untuk: {event.audiences.map(audienceLabel).join(', ')}</p>
                {event.status === 'cancelled' ? (
                  <p>
                    <span className="tag tag-failed">Dibatalkan</span>
                  </p>
                ) : past ? (
                  <p>{formatNumber(event.counts.attended)} peserta hadir</p>
                ) : event.registrationOpen ? (
                  <p>{event.counts.seatsLeft > 0 ? `${formatNumber(event.counts.seatsLeft)} kursi tersisa` : 'Kursi penuh — daftar tunggu dibuka'}</p>
                ) : (
                  <p>Pendaftaran ditutup</p>
                )}
              </li>
            ))}
          </ul>
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPageChange={setPage} />
        </>
      )}
    </>
  );
}
