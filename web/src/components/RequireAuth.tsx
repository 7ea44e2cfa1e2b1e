import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { useMe } from '../api/queries';
import type { Me } from '../api/types';
import { ErrorState, Loading } from './Feedback';
import { PageTitle } from './PageTitle';

type RequireAuthProps = {
  /** Who may see the page; the server enforces the same rule, this only avoids a useless screen. */
  allow?: (me: Me) => boolean;
  children: (me: Me) => ReactNode;
};

export function RequireAuth({ allow, children }: RequireAuthProps) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading label="Memeriksa sesi…" />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/masuk?lanjut=${encodeURIComponent(next)}`} replace />;
  }
  if (allow && !allow(me.data)) {
    return (
      <>
        <PageTitle>Akses ditolak</PageTitle>
        <p>Akun Anda tidak memiliki peran yang diperlukan untuk membuka halaman ini.</p>
        <p>
          <Link to="/dasbor">Kembali ke dasbor</Link>
        </p>
      </>
    );
  }
  return <>{children(me.data)}</>;
}
