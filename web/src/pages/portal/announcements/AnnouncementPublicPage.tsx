import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { ANNOUNCEMENT_KIND_LABELS, type AnnouncementKind } from '../../../../../core/announcements';
import { publicAnnouncementApi } from '../../../api/announcements';
import { DateTime } from '../../../components/DateTime';
import { ErrorState, Loading, Notice } from '../../../components/Feedback';
import { PageTitle } from '../../../components/PageTitle';
import { formatBytes, zoneOf } from '../../../lib/agencyTime';
import { Fingerprint } from './Fingerprint';

export function AnnouncementPublicPage() {
  const { announcementId = '' } = useParams();
  const query = useQuery({ queryKey: ['public', 'announcement', announcementId], queryFn: () => publicAnnouncementApi.get(announcementId) });
  if (query.isPending) return <Loading label="Memuat pengumuman…" />;
  if (query.isError) {
    return (
      <>
        <PageTitle>Pengumuman tidak ditemukan</PageTitle>
        <ErrorState error={query.error} />
        <p>
          <Link to="/pengumuman">Kembali ke daftar pengumuman</Link>
        </p>
      </>
    );
  }
  const item = query.data.announcement;
  const zone = zoneOf(item.agency.timezone);
  return (
    <article>
      <p className="breadcrumb">
        <Link to="/pengumuman">‹ Semua pengumuman</Link>
      </p>
      <PageTitle title={item.title}>
        {item.title}
        <span className="subtitle">{item.agency.name}</span>
      </PageTitle>
      <p className="muted">
        {ANNOUNCEMENT_KIND_LABELS[item.kind as AnnouncementKind] ?? item.kind}
        {item.selectionName ? (
          <>
            {' · '}
            <Link to={`/pengumuman?seleksi=${item.selectionId}`}>{item.selectionName}</Link>
          </>
        ) : null}
        {' · '}diterbitkan <DateTime value={item.publishedAt} timeZone={zone} />
      </p>
      {item.supersededBy ? (
        <Notice kind="info">
          <strong>Pengumuman ini sudah digantikan</strong> oleh <Link to={`/pengumuman/${item.supersededBy.id}`}>“{item.supersededBy.title}”</Link> pada{' '}
          <DateTime value={item.supersededBy.publishedAt} timeZone={zone} />. Gunakan pengumuman yang baru.
        </Notice>
      ) : null}
      {item.supersedes ? (
        <Notice kind="info">
          Pengumuman ini menggantikan <Link to={`/pengumuman/${item.supersedes.id}`}>“{item.supersedes.title}”</Link>.
        </Notice>
      ) : null}
      <div className="announcement-body">{item.body}</div>

      <section aria-labelledby="judul-lampiran-publik">
        <h2 id="judul-lampiran-publik">Lampiran</h2>
        {item.files.length === 0 ? (
          <p className="muted">Pengumuman ini tidak memiliki lampiran.</p>
        ) : (
          <>
            <p>
              Bandingkan sidik jari berkas yang Anda terima dengan yang tertera di sini, atau unggah berkasnya di{' '}
              <Link to="/pengumuman/verifikasi">halaman pemeriksaan keaslian</Link>.
            </p>
            <ul className="file-list">
              {item.files.map((file) => (
                <li key={file.id} className="card">
                  <h3>{file.title}</h3>
                  <p className="muted">
                    {file.fileName} · PDF · {formatBytes(file.sizeBytes)}
                  </p>
                  <Fingerprint sha256={file.sha256} />
                  <p>
                    <a className="button button-small" href={file.downloadUrl}>
                      Unduh<span className="visually-hidden"> {file.title}</span>
                    </a>
                  </p>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </article>
  );
}
