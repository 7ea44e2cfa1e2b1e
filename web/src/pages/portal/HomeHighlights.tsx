import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { publicAnnouncementApi } from '../../api/announcements';
import { publicOutreachApi } from '../../api/outreach';
import { DateTime } from '../../components/DateTime';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { zoneOf } from '../../lib/agencyTime';

/** The home page's latest announcements and upcoming outreach events, three of each. */
export function HomeHighlights() {
  const announcements = useQuery({ queryKey: ['public', 'announcements', 'home'], queryFn: () => publicAnnouncementApi.list({ pageSize: 3 }) });
  const events = useQuery({ queryKey: ['public', 'outreach', 'home'], queryFn: () => publicOutreachApi.list({ when: 'upcoming', pageSize: 3 }) });
  return (
    <>
      <section aria-labelledby="judul-pengumuman-terbaru">
        <h2 id="judul-pengumuman-terbaru">Pengumuman terbaru</h2>
        {announcements.isPending ? (
          <Loading label="Memuat pengumuman…" />
        ) : announcements.isError ? (
          <ErrorState error={announcements.error} onRetry={() => void announcements.refetch()} />
        ) : announcements.data.items.length === 0 ? (
          <EmptyState>Belum ada pengumuman.</EmptyState>
        ) : (
          <ul className="link-list">
            {announcements.data.items.map((item) => (
              <li key={item.id}>
                <Link to={`/pengumuman/${item.id}`}>{item.title}</Link>{' '}
                <span className="muted">
                  — {item.agency.name}, <DateTime value={item.publishedAt} timeZone={zoneOf(item.agency.timezone)} />
                </span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/pengumuman">Semua pengumuman</Link> · <Link to="/pengumuman/verifikasi">Periksa keaslian berkas</Link>
        </p>
      </section>
      <section aria-labelledby="judul-sosialisasi-beranda">
        <h2 id="judul-sosialisasi-beranda">Sosialisasi karier ASN</h2>
        {events.isPending ? (
          <Loading label="Memuat acara…" />
        ) : events.isError ? (
          <ErrorState error={events.error} onRetry={() => void events.refetch()} />
        ) : events.data.items.length === 0 ? (
          <EmptyState>Belum ada acara sosialisasi yang akan datang.</EmptyState>
        ) : (
          <ul className="link-list">
            {events.data.items.map((event) => (
              <li key={event.id}>
                <Link to={`/sosialisasi/${event.id}`}>{event.title}</Link>{' '}
                <span className="muted">
                  — {event.agency.name}, <DateTime value={event.startsAt} timeZone={zoneOf(event.agency.timezone)} />
                </span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/sosialisasi">Semua acara sosialisasi</Link>
        </p>
      </section>
    </>
  );
}
