import { Link } from 'react-router-dom';
import { useMe, usePublicAgencies } from '../../api/queries';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { HomeHighlights } from '../portal/HomeHighlights';
import { OpenSelections } from '../portal/OpenSelections';
import { timezoneAbbreviations } from '../../lib/time';

export function HomePage() {
  const me = useMe();
  const agencies = usePublicAgencies();

  return (
    <>
      <section className="hero" aria-labelledby="judul-halaman">
        <PageTitle title="Beranda">Rekrutmen ASN yang transparan</PageTitle>
        <p className="lead">
          Lihat seleksi yang sedang dibuka oleh instansi pemerintah daerah, daftar sebagai pelamar, dan pantau setiap
          tahapan seleksi secara terbuka. Pendaftaran tidak dipungut biaya.
        </p>
        {me.data ? (
          <p>
            <Link className="button" to="/dasbor">
              Buka dasbor
            </Link>
          </p>
        ) : (
          <p className="actions">
            <Link className="button" to="/daftar">
              Daftar sebagai pelamar
            </Link>
            <Link className="button button-secondary" to="/masuk">
              Masuk
            </Link>
          </p>
        )}
      </section>

      <OpenSelections />

      <HomeHighlights />

      <section aria-labelledby="judul-instansi">
        <h2 id="judul-instansi">Instansi</h2>
        {agencies.isPending ? (
          <Loading label="Memuat daftar instansi…" />
        ) : agencies.isError ? (
          <ErrorState error={agencies.error} onRetry={() => void agencies.refetch()} />
        ) : agencies.data.items.length === 0 ? (
          <EmptyState>Belum ada instansi yang terdaftar.</EmptyState>
        ) : (
          <ul className="card-list">
            {agencies.data.items.map((agency) => (
              <li key={agency.id} className="card">
                <h3>{agency.name}</h3>
                <p>
                  {agency.region} · <abbr title={agency.timezone}>{timezoneAbbreviations[agency.timezone] ?? agency.timezone}</abbr>
                </p>
                <p className="muted">Kode instansi: {agency.code}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
