import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authApi } from '../api/endpoints';
import { queryKeys, useMe, useUnreadNotifications } from '../api/queries';
import type { Me } from '../api/types';
import { adminAgencies, isSuperAdmin } from '../lib/roles';
import { formatNumber } from '../lib/time';
import { selectionAgencies, selectionPaths } from '../pages/selections/access';
import { bankAgencies, bankPaths } from '../pages/cat-banks/access';

type NavItem = { to: string; label: string; end?: boolean; badge?: number };

function navItems(me: Me | null | undefined, unread: number | undefined): NavItem[] {
  if (!me) {
    return [
      { to: '/', label: 'Beranda', end: true },
      { to: '/formasi', label: 'Cari Formasi' },
      { to: '/pengumuman', label: 'Pengumuman' },
      { to: '/sosialisasi', label: 'Sosialisasi' },
      { to: '/pengaduan', label: 'Pengaduan' },
      { to: '/masuk', label: 'Masuk' },
      { to: '/daftar', label: 'Daftar' },
    ];
  }
  const items: NavItem[] = [
    { to: '/', label: 'Beranda', end: true },
    { to: '/dasbor', label: 'Dasbor' },
    { to: '/formasi', label: 'Cari Formasi' },
    { to: '/pengumuman', label: 'Pengumuman' },
    { to: '/sosialisasi', label: 'Sosialisasi' },
    { to: '/pengaduan', label: 'Pengaduan' },
  ];
  if (isSuperAdmin(me)) {
    items.push({ to: '/admin/instansi', label: 'Instansi', end: true });
    items.push({ to: '/admin/outbox', label: 'Kotak Keluar Surel' });
    items.push({ to: bankPaths.list({ agencyId: null }), label: 'Bank Soal Nasional' });
  }
  const agencies = adminAgencies(me);
  for (const agency of agencies) {
    const suffix = agencies.length > 1 ? ` ${agency.agencyName}` : '';
    items.push({ to: `/admin/instansi/${agency.agencyId}/staf`, label: `Staf${suffix}` });
    items.push({ to: `/admin/instansi/${agency.agencyId}/abk`, label: `ABK${suffix}` });
    items.push({ to: `/admin/instansi/${agency.agencyId}/cat`, label: `Ujian CAT${suffix}` });
    items.push({ to: `/admin/instansi/${agency.agencyId}/pegawai`, label: `Pegawai${suffix}` });
    items.push({ to: `/admin/instansi/${agency.agencyId}/pelatihan`, label: `Pelatihan${suffix}` });
    items.push({ to: `/admin/instansi/${agency.agencyId}/penilaian`, label: `Penilaian Kinerja${suffix}` });
    items.push({ to: `/admin/instansi/${agency.agencyId}/audit`, label: `Jejak Audit${suffix}` });
  }
  const banks = bankAgencies(me);
  for (const agency of banks) items.push({ to: bankPaths.list({ agencyId: agency.agencyId }), label: `Bank Soal${banks.length > 1 ? ` ${agency.agencyName}` : ''}` });
  const rounds = selectionAgencies(me);
  for (const agency of rounds) items.push({ to: selectionPaths.list(agency.agencyId), label: `Seleksi${rounds.length > 1 ? ` ${agency.agencyName}` : ''}` });
  // Verification, results and objections, per agency where the account holds a role for them.
  const verificationGrants = me.roles.filter((grant) => grant.agencyId && ['verifikator', 'admin_instansi', 'panitia', 'pengawas'].includes(grant.role));
  const verificationAgencyIds = [...new Set(verificationGrants.map((grant) => grant.agencyId!))];
  for (const agencyId of verificationAgencyIds) {
    const roles = verificationGrants.filter((grant) => grant.agencyId === agencyId).map((grant) => grant.role);
    const suffix = verificationAgencyIds.length > 1 ? ` ${verificationGrants.find((grant) => grant.agencyId === agencyId)?.agencyName ?? ''}` : '';
    if (roles.some((role) => role !== 'pengawas')) items.push({ to: `/instansi/${agencyId}/verifikasi`, label: `Verifikasi${suffix}` });
    if (roles.includes('admin_instansi') || roles.includes('panitia')) items.push({ to: `/instansi/${agencyId}/hasil-administrasi`, label: `Hasil & Sanggah${suffix}` });
    if (roles.some((role) => role !== 'verifikator')) items.push({ to: `/instansi/${agencyId}/hasil-akhir`, label: `Hasil Akhir${suffix}` });
    if (roles.includes('pengawas')) {
      items.push({ to: `/pengawas/instansi/${agencyId}`, label: `Pemantauan${suffix}` });
      // Administrators reach the audit trail from their own links above.
      if (!roles.includes('admin_instansi')) items.push({ to: `/admin/instansi/${agencyId}/audit`, label: `Jejak Audit${suffix}` });
    }
  }
  // Panel scoring: the panel's and observers' components, the assessor's own candidates.
  const panelGrants = me.roles.filter((grant) => grant.agencyId && ['admin_instansi', 'panitia', 'pengawas', 'penguji'].includes(grant.role));
  const panelAgencyIds = [...new Set(panelGrants.map((grant) => grant.agencyId!))];
  for (const agencyId of panelAgencyIds) {
    const roles = panelGrants.filter((grant) => grant.agencyId === agencyId).map((grant) => grant.role);
    const suffix = panelAgencyIds.length > 1 ? ` ${panelGrants.find((grant) => grant.agencyId === agencyId)?.agencyName ?? ''}` : '';
    if (roles.some((role) => role !== 'penguji')) items.push({ to: `/instansi/${agencyId}/panel`, label: `Penilaian Panel${suffix}` });
    if (roles.includes('penguji')) items.push({ to: `/penilaian/instansi/${agencyId}`, label: `Penilaian Saya${suffix}` });
  }
  if (me.roles.some((grant) => grant.role === 'pelamar')) {
    items.push({ to: '/pelamar/pendaftaran', label: 'Pendaftaran Saya' });
    items.push({ to: '/pelamar/profil', label: 'Profil Pelamar' });
    items.push({ to: '/pelamar/ujian', label: 'Ujian CAT' });
  }
  if (me.roles.some((grant) => grant.role === 'pegawai')) {
    items.push({ to: '/pegawai', label: 'Kepegawaian Saya' });
    items.push({ to: '/pelatihan-saya', label: 'Pelatihan Saya' });
    items.push({ to: '/penilaian-kinerja', label: 'Kinerja Saya' });
  }
  if (me.roles.some((grant) => grant.role === 'atasan')) {
    items.push({ to: '/atasan', label: 'Bawahan Saya' });
    items.push({ to: '/atasan/penilaian', label: 'Penilaian Tim' });
  }
  if (me.roles.some((grant) => grant.role === 'pelatih')) items.push({ to: '/pelatih', label: 'Kelas Saya' });
  items.push({ to: '/notifikasi', label: 'Notifikasi', badge: unread });
  items.push({ to: '/akun', label: 'Akun' });
  return items;
}

export function Layout() {
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const account = me.data ?? null;
  const unread = useUnreadNotifications(Boolean(account));
  const [menuOpen, setMenuOpen] = useState(false);
  const firstRender = useRef(true);

  // After a client-side navigation, move focus to the new page's heading so screen-reader and
  // keyboard users start at the top of the new content, as they would after a full page load.
  useEffect(() => {
    setMenuOpen(false);
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const heading = document.getElementById('judul-halaman') ?? document.getElementById('konten');
    heading?.focus({ preventScroll: false });
  }, [location.pathname]);

  const logout = useMutation({
    mutationFn: () => authApi.logout(),
    onSettled: () => {
      queryClient.setQueryData(queryKeys.me, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'me' && query.queryKey[0] !== 'public' });
      navigate('/masuk', { state: { loggedOut: true } });
    },
  });

  const items = navItems(account, unread.data);

  return (
    <div className="app">
      <a className="skip-link" href="#konten">
        Langsung ke konten utama
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              ASN
            </span>
            <span className="brand-text">Rekrutmen ASN</span>
          </Link>
          <button
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="navigasi-utama"
            onClick={() => setMenuOpen((open) => !open)}
          >
            Menu
          </button>
          <nav id="navigasi-utama" aria-label="Navigasi utama" className={`site-nav${menuOpen ? ' open' : ''}`}>
            <ul>
              {items.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end}>
                    {item.label}
                    {item.badge ? (
                      <span className="badge">
                        {formatNumber(item.badge)}
                        <span className="visually-hidden"> belum dibaca</span>
                      </span>
                    ) : null}
                  </NavLink>
                </li>
              ))}
              {account ? (
                <li>
                  <button
                    type="button"
                    className="nav-button"
                    onClick={() => logout.mutate()}
                    disabled={logout.isPending}
                  >
                    {logout.isPending ? 'Keluar…' : 'Keluar'}
                  </button>
                </li>
              ) : null}
            </ul>
          </nav>
        </div>
        {account ? (
          <p className="signed-in">
            Masuk sebagai <strong>{account.name}</strong>
          </p>
        ) : null}
      </header>
      <main id="konten" tabIndex={-1} className="content">
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>Rekrutmen ASN — sistem seleksi aparatur sipil negara yang transparan, akuntabel, dan bebas biaya.</p>
        <p>Waktu ditampilkan dalam zona waktu instansi (WIB, WITA, atau WIT).</p>
      </footer>
    </div>
  );
}
