import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../api/client';
import { PageTitle } from './PageTitle';

export function Loading({ label = 'Memuat…' }: { label?: string }) {
  return (
    <p className="status" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label}
    </p>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="alert alert-error" role="alert">
      <p>{errorMessage(error)}</p>
      {onRetry ? (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          Coba lagi
        </button>
      ) : null}
    </div>
  );
}

/** A whole page whose link leads nowhere (a public page with a wrong or expired code): its title, the reason, the way home. */
export function NotFoundState({ title, error, onRetry }: { title: string; error: unknown; onRetry?: () => void }) {
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <ErrorState error={error} onRetry={onRetry} />
      <p>
        <Link to="/">Kembali ke beranda</Link>
      </p>
    </>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** A message that appears after an action; announced by screen readers. */
export function Notice({ kind, children }: { kind: 'success' | 'error' | 'info'; children: ReactNode }) {
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
