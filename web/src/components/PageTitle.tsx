import type { ReactNode } from 'react';
import { useDocumentTitle } from '../lib/useDocumentTitle';

/** The page's one h1; it receives focus after client-side navigation (see Layout). */
export function PageTitle({ children, title }: { children: ReactNode; title?: string }) {
  useDocumentTitle(title ?? (typeof children === 'string' ? children : ''));
  return (
    <h1 id="judul-halaman" tabIndex={-1}>
      {children}
    </h1>
  );
}
