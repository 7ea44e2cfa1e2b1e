import { isRouteErrorResponse, Link, useRouteError } from 'react-router-dom';
import { NotFoundPage } from './NotFoundPage';
import { PageTitle } from '../../components/PageTitle';

/** Shown when a page crashes; a 404 from the router gets the ordinary not-found page. */
export function RouteErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  console.error(error);
  return (
    <main id="konten" className="content">
      <PageTitle>Terjadi kesalahan</PageTitle>
      <p>Halaman ini gagal ditampilkan. Muat ulang halaman atau kembali ke beranda.</p>
      <p>
        <Link to="/">Kembali ke beranda</Link>
      </p>
    </main>
  );
}
