import { Link } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle';

export function NotFoundPage() {
  return (
    <>
      <PageTitle>Halaman tidak ditemukan</PageTitle>
      <p>Alamat yang Anda buka tidak ada atau sudah dipindahkan. Periksa kembali tautannya.</p>
      <p>
        <Link to="/">Kembali ke beranda</Link>
      </p>
    </>
  );
}
