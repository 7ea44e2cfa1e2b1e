import { Link } from 'react-router-dom';
import { VerificationLinks } from '../verification/DashboardLinks';
import type { Me, Role, RoleGrant } from '../../api/types';
import { Notice } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { RequireAuth } from '../../components/RequireAuth';
import { roleLabel, sortedGrants } from '../../lib/roles';
import { AnnouncementOutreachLinks } from '../announcements/DashboardLinks';
import { SelectionLinks } from '../selections/DashboardLinks';
import { CatSessionLinks } from '../cat-sessions/DashboardLinks';
import { CatBankLinks } from '../cat-banks/DashboardLinks';
import { TrainingLinks } from '../training/DashboardLinks';
import { IkmLinks } from '../ikm/DashboardLinks';
import { DashboardsLinks } from '../dashboards/DashboardLinks';
import { PanelLinks } from '../panel/DashboardLinks';
import { RoleSummary } from './RoleSummary';
import { AspirationLinks } from '../aspirations/DashboardLinks';
import { FinalResultLinks } from '../results/DashboardLinks';

/** What each role does here; roles whose work arrives with later features say so. */
const intro: Record<Role, string> = {
  super_admin: 'Kelola instansi, baca kotak keluar surel, dan kelola bank soal nasional.',
  admin_instansi: 'Seleksi, formasi, verifikasi, sanggah, ujian CAT, dan staf instansi Anda.',
  panitia: 'Seleksi yang Anda kelola: hasil administrasi, sanggah, dan sesi ujian CAT yang Anda awasi.',
  verifikator: 'Periksa berkas pendaftaran dan tetapkan MS/TMS dengan alasan dari katalog instansi.',
  penguji: 'Peserta yang ditugaskan kepada Anda untuk dinilai dengan rubrik: nyatakan bebas konflik kepentingan, lalu nilai.',
  pengawas: 'Anda membaca seluruh proses seleksi yang Anda awasi — verifikasi, sanggah, ujian CAT — beserta jejak auditnya.',
  pelamar: 'Lengkapi profil, pilih formasi di portal, unggah dokumen, kirim pendaftaran, lalu pantau hasil dan sanggah di sini.',
  pegawai: 'Pelatihan yang Anda ikuti dan penilaian kinerja Anda akan tampil di sini.',
  atasan: 'Penilaian kinerja pegawai yang Anda bina akan tampil di sini.',
  pelatih: 'Kelas pelatihan yang Anda ampu dan peserta didiknya akan tampil di sini.',
};

function RoleLinks({ grant }: { grant: RoleGrant }) {
  switch (grant.role) {
    case 'super_admin':
      return (
        <ul className="link-list">
          <li>
            <Link to="/admin/instansi">Kelola instansi</Link>
          </li>
          <li>
            <Link to="/admin/outbox">Kotak keluar surel</Link>
          </li>
        </ul>
      );
    case 'admin_instansi':
      return grant.agencyId ? (
        <ul className="link-list">
          <li>
            <Link to={`/admin/instansi/${grant.agencyId}/staf`}>Kelola staf</Link>
          </li>
          <li>
            <Link to={`/admin/instansi/${grant.agencyId}/audit`}>Jejak audit</Link>
          </li>
          <li>
            <Link to={`/admin/instansi/${grant.agencyId}/abk`}>Analisis beban kerja (ABK)</Link>
          </li>
          <li>
            <Link to={`/admin/instansi/${grant.agencyId}/unit-kerja`}>Unit kerja</Link>
          </li>
        </ul>
      ) : null;
    case 'panitia':
    case 'pengawas':
      return grant.agencyId ? (
        <ul className="link-list">
          <li>
            <Link to={`/admin/instansi/${grant.agencyId}/abk`}>Analisis beban kerja (ABK)</Link>
          </li>
        </ul>
      ) : null;
    case 'pelamar':
      return (
        <ul className="link-list">
          <li>
            <Link to="/pelamar/pendaftaran">Pendaftaran saya</Link>
          </li>
          <li>
            <Link to="/ujian">Ikuti ujian CAT (PIN sesi di lokasi ujian)</Link>
          </li>
          <li>
            <Link to="/pelamar/profil">Profil pelamar</Link>
          </li>
          <li>
            <Link to="/">Lihat seleksi yang dibuka</Link>
          </li>
        </ul>
      );
    default:
      return null;
  }
}

function Dashboard({ me }: { me: Me }) {
  const grants = sortedGrants(me.roles);
  return (
    <>
      <PageTitle title="Dasbor">Dasbor</PageTitle>
      <p className="lead">Selamat datang, {me.name}.</p>
      {!me.emailVerified ? (
        <Notice kind="info">Email Anda belum diverifikasi. Buka tautan verifikasi yang dikirim ke {me.email}.</Notice>
      ) : null}
      {grants.length === 0 ? (
        <p>Akun Anda belum memiliki peran. Hubungi admin instansi Anda bila Anda seharusnya memiliki akses.</p>
      ) : (
        <div className="dashboard-grid">
          {grants.map((grant, index) => {
            const headingId = `peran-${index}`;
            return (
              <section key={`${grant.role}-${grant.agencyId ?? 'nasional'}`} className="card role-section" aria-labelledby={headingId}>
                <h2 id={headingId}>{roleLabel(grant.role)}</h2>
                {grant.agencyName ? <p className="muted">{grant.agencyName}</p> : null}
                <p>{intro[grant.role] ?? 'Fitur untuk peran ini akan tampil di sini.'}</p>
                <RoleSummary grant={grant} />
                <VerificationLinks grant={grant} />
                <RoleLinks grant={grant} />
                <SelectionLinks grant={grant} />
                <AnnouncementOutreachLinks grant={grant} />
                <CatSessionLinks grant={grant} />
                <CatBankLinks grant={grant} />
                <TrainingLinks grant={grant} />
                <IkmLinks grant={grant} />
                <DashboardsLinks grant={grant} />
                <PanelLinks grant={grant} />
                <AspirationLinks grant={grant} />
                <FinalResultLinks grant={grant} />
              </section>
            );
          })}
        </div>
      )}
    </>
  );
}

export function DashboardPage() {
  return <RequireAuth>{(me) => <Dashboard me={me} />}</RequireAuth>;
}
