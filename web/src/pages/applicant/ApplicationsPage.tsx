import { Link } from 'react-router-dom';
import { useApplicantProfile, useOwnApplications } from '../../api/queries';
import type { Me, OwnApplication } from '../../api/types';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { RequireAuth } from '../../components/RequireAuth';
import { hasRole } from '../../lib/roles';
import { Countdown } from './Countdown';
import { APPLICATION_STATUS_TAG, APPLICATION_STATUS_TEXT, formasiKindLabel, selectionTypeLabel } from './labels';
import { NotApplicant, PORTAL_FORMASI_SEARCH, zoneOf } from './shared';
import './applicant.css';

function ApplicationCard({ application }: { application: OwnApplication }) {
  const headingId = `pendaftaran-${application.id}`;
  const draft = application.status === 'draft';
  return (
    <li className="card application-card">
      <article aria-labelledby={headingId}>
        <h2 id={headingId} className="h3">
          <Link to={`/pelamar/pendaftaran/${application.id}`}>{application.formasi.positionName}</Link>
        </h2>
        <p className="muted">{application.formasi.unitName}</p>
        <dl className="facts">
          <dt>Status</dt>
          <dd>
            <span className={`tag ${APPLICATION_STATUS_TAG[application.status]}`}>{APPLICATION_STATUS_TEXT[application.status]}</span>
          </dd>
          <dt>Nomor pendaftaran</dt>
          <dd>{application.registrationNumber ? <strong>{application.registrationNumber}</strong> : 'Terbit setelah dikirim'}</dd>
          <dt>Seleksi</dt>
          <dd>
            {application.selection.name} ({selectionTypeLabel(application.selection.type)} {application.selection.year})
          </dd>
          <dt>Instansi</dt>
          <dd>{application.agency.name}</dd>
          <dt>Jenis formasi</dt>
          <dd>{formasiKindLabel(application.formasi.kind)}</dd>
          <dt>Batas pendaftaran</dt>
          <dd>
            <Countdown closesAt={application.selection.registrationClosesAt} timeZone={zoneOf(application.agency.timezone)} />
          </dd>
        </dl>
        {draft && application.missingDocuments.length > 0 ? (
          <p className="muted">{application.missingDocuments.length} dokumen wajib belum diunggah.</p>
        ) : null}
        <p className="row-actions">
          <Link to={`/pelamar/pendaftaran/${application.id}`} className="button button-small">
            {draft ? 'Lanjutkan pendaftaran' : 'Lihat pendaftaran'}
            <span className="visually-hidden"> {application.formasi.positionName}</span>
          </Link>
          {draft ? null : (
            <Link to={`/pelamar/pendaftaran/${application.id}/hasil`} className="button button-small button-secondary">
              Hasil dan sanggah<span className="visually-hidden"> {application.formasi.positionName}</span>
            </Link>
          )}
          {draft ? null : (
            <Link to={`/pelamar/pendaftaran/${application.id}/hasil-akhir`} className="button button-small button-secondary">
              Hasil akhir<span className="visually-hidden"> {application.formasi.positionName}</span>
            </Link>
          )}
        </p>
      </article>
    </li>
  );
}

function Applications() {
  const applications = useOwnApplications();
  const profile = useApplicantProfile();
  return (
    <div className="pelamar">
      <PageTitle>Pendaftaran saya</PageTitle>
      {profile.data === null ? (
        <Notice kind="info">
          <p>
            Lengkapi <Link to="/pelamar/profil">profil pelamar</Link> (NIK, data diri, pendidikan) sebelum mendaftar pada formasi.
          </p>
        </Notice>
      ) : null}
      {applications.isPending ? (
        <Loading label="Memuat pendaftaran…" />
      ) : applications.isError ? (
        <ErrorState error={applications.error} onRetry={() => void applications.refetch()} />
      ) : applications.data.items.length === 0 ? (
        <EmptyState>
          Anda belum memiliki pendaftaran. <Link to={PORTAL_FORMASI_SEARCH}>Cari formasi yang dibuka</Link> di portal, lalu pilih “Daftar pada formasi ini”.
        </EmptyState>
      ) : (
        <>
          <p>
            Satu seleksi hanya untuk satu formasi. Waktu ditampilkan dalam zona waktu instansi; yang menentukan tepat waktu adalah jam server.
          </p>
          <ul className="card-list application-list">
            {applications.data.items.map((application) => (
              <ApplicationCard key={application.id} application={application} />
            ))}
          </ul>
          <p>
            <Link to={PORTAL_FORMASI_SEARCH}>Cari formasi lain</Link>
          </p>
        </>
      )}
    </div>
  );
}

export function ApplicantApplicationsPage() {
  return <RequireAuth>{(me: Me) => (hasRole(me, 'pelamar') ? <Applications /> : <NotApplicant title="Pendaftaran saya" />)}</RequireAuth>;
}
