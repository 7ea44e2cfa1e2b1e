import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { formatNumber } from '../../lib/time';
import { paths, STATUS_LABELS } from './access';

export function StatusTag({ status }: { status: string }) {
  return <span className={`tag tag-${status}`}>{STATUS_LABELS[status] ?? status}</span>;
}

/** Previous/next for a list whose total is exact only up to a cap ("lebih dari 1.000"). */
export function CappedPager({
  page,
  pageSize,
  total,
  totalCapped,
  shown,
  onPageChange,
}: {
  page: number;
  pageSize: number;
  total: number;
  totalCapped: boolean;
  shown: number;
  onPageChange: (page: number) => void;
}) {
  if (total === 0) return null;
  const from = (page - 1) * pageSize + 1;
  const to = from + shown - 1;
  const hasNext = totalCapped ? shown === pageSize : page * pageSize < total;
  return (
    <nav className="pagination" aria-label="Navigasi halaman antrean">
      <p className="pagination-info">
        Menampilkan {formatNumber(from)}–{formatNumber(to)} dari {totalCapped ? `lebih dari ${formatNumber(total)}` : formatNumber(total)} · Halaman{' '}
        {formatNumber(page)}
      </p>
      <div className="pagination-buttons">
        <button type="button" className="button button-secondary" onClick={() => onPageChange(page - 1)} disabled={page <= 1}>
          ‹ Sebelumnya
        </button>
        <button type="button" className="button button-secondary" onClick={() => onPageChange(page + 1)} disabled={!hasNext}>
          Berikutnya ›
        </button>
      </div>
    </nav>
  );
}

/** Links between the pages of one agency's verification, results and objections. */
export function AreaLinks({ agencyId, show }: { agencyId: string; show: Array<'queue' | 'progress' | 'reasons' | 'results' | 'desk' | 'observer'> }) {
  const links: Record<string, [string, string]> = {
    queue: [paths.queue(agencyId), 'Antrean verifikasi'],
    progress: [paths.progress(agencyId), 'Kemajuan per verifikator'],
    reasons: [paths.reasons(agencyId), 'Katalog alasan TMS'],
    results: [paths.results(agencyId), 'Hasil seleksi administrasi'],
    desk: [paths.desk(agencyId), 'Meja sanggah'],
    observer: [paths.observer(agencyId), 'Pemantauan (pengawas)'],
  };
  return (
    <nav aria-label="Halaman terkait">
      <ul className="summary-line">
        {show.map((key) => (
          <li key={key}>
            <Link to={links[key]![0]}>{links[key]![1]}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="stack">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
