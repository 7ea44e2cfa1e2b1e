import { formatNumber } from '../lib/time';

type PaginationProps = {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  label?: string;
};

export function Pagination({ page, pageSize, total, onPageChange, label = 'Navigasi halaman' }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
  if (total === 0) return null;
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label={label}>
      <p className="pagination-info">
        Menampilkan {formatNumber(from)}–{formatNumber(to)} dari {formatNumber(total)} · Halaman {formatNumber(page)} dari{' '}
        {formatNumber(pages)}
      </p>
      <div className="pagination-buttons">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => onPageChange(page - 1)}
          disabled={page <= 1}
        >
          ‹ Sebelumnya
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => onPageChange(page + 1)}
          disabled={page >= pages}
        >
          Berikutnya ›
        </button>
      </div>
    </nav>
  );
}
