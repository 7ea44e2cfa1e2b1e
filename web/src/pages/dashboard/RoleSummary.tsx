// What is waiting for each role, at the top of its dashboard section: figures that link to the page
// where the work is done. Each figure is one small request (a first page of one row, or a short list).
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { SELECTION_STATUS_LABELS } from '../../../../core/selections';
import { SESSION_STATUS_LABELS } from '../../../../core/schemas/cat-sessions';
import { useAgencyTimezone, useOwnApplications } from '../../api/queries';
import { catSessionsApi } from '../../api/cat-sessions';
import { selectionApi } from '../../api/selections';
import type { RoleGrant } from '../../api/types';
import { sanggahApi, verificationApi } from '../../api/verification';
import { DateTime } from '../../components/DateTime';
import { formatNumber } from '../../lib/time';
import { APPLICATION_STATUS_TAG, APPLICATION_STATUS_TEXT, DECISION_TEXT } from '../applicant/labels';
import { catPaths } from '../cat-sessions/access';
import { selectionPaths } from '../selections/access';
import { paths } from '../verification/access';

type Figure = { label: string; to: string; value: number | undefined; capped?: boolean };

function Figures({ label, figures }: { label: string; figures: Figure[] }) {
  return (
    <ul className="summary-figures" aria-label={label}>
      {figures.map((figure) => (
        <li key={figure.label}>
          <Link to={figure.to}>
            <strong>{figure.value === undefined ? '…' : `${formatNumber(figure.value)}${figure.capped ? '+' : ''}`}</strong> {figure.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}

function ApplicantSummary() {
  const list = useOwnApplications();
  if (list.isPending) return <p className="muted">Memuat pendaftaran…</p>;
  const items = list.data?.items ?? [];
  if (items.length === 0) {
    return (
      <p>
        Anda belum mendaftar pada seleksi mana pun. <Link to="/formasi">Cari formasi yang dibuka</Link>.
      </p>
    );
  }
  return (
    <ul className="dashboard-list" aria-label="Pendaftaran saya">
      {items.slice(0, 5).map((application) => (
        <li key={application.id}>
          <Link to={`/pelamar/pendaftaran/${application.id}`}>{application.formasi.positionName}</Link> — {application.selection.name}{' '}
          <span className={`tag ${APPLICATION_STATUS_TAG[application.status]}`}>{APPLICATION_STATUS_TEXT[application.status]}</span>
          {application.status === 'ms' || application.status === 'tms' ? (
            // The server sends MS/TMS only once the panel has announced the result.
            <>
              {' · '}
              <Link to={paths.applicantResult(application.id)}>Hasil administrasi: {DECISION_TEXT[application.status]}</Link>
            </>
          ) : null}
          {application.status === 'draft' && application.missingDocuments.length > 0 ? (
            <span className="muted"> · {formatNumber(application.missingDocuments.length)} dokumen belum diunggah</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function useQueueTotal(agencyId: string, params: Parameters<typeof verificationApi.queue>[1]) {
  return useQuery({
    queryKey: ['dashboard', agencyId, 'queue', params],
    queryFn: () => verificationApi.queue(agencyId, { ...params, pageSize: 1 }),
    staleTime: 30_000,
  });
}

function VerifierSummary({ agencyId }: { agencyId: string }) {
  const waiting = useQueueTotal(agencyId, { status: 'submitted', assigned: 'unassigned' });
  const mine = useQueueTotal(agencyId, { status: 'submitted', assigned: 'me' });
  const flagged = useQueueTotal(agencyId, { status: 'submitted', flagged: '1' });
  return (
    <Figures
      label="Antrean verifikasi"
      figures={[
        { label: 'pendaftaran menunggu diverifikasi', to: `${paths.queue(agencyId)}?pegang=unassigned`, value: waiting.data?.total, capped: waiting.data?.totalCapped },
        { label: 'sedang saya periksa', to: `${paths.queue(agencyId)}?pegang=me`, value: mine.data?.total },
        { label: 'ditandai kemungkinan ganda', to: `${paths.queue(agencyId)}?duplikat=1`, value: flagged.data?.total },
      ]}
    />
  );
}

function ObjectionsFigure({ agencyId, observer }: { agencyId: string; observer: boolean }) {
  const open = useQuery({ queryKey: ['dashboard', agencyId, 'sanggah', 'diajukan'], queryFn: () => sanggahApi.list(agencyId, { status: 'diajukan', pageSize: 1 }), staleTime: 30_000 });
  const all = useQuery({ queryKey: ['dashboard', agencyId, 'sanggah', 'all'], queryFn: () => sanggahApi.list(agencyId, { pageSize: 1 }), staleTime: 30_000 });
  const to = observer ? paths.observer(agencyId) : paths.desk(agencyId);
  return (
    <Figures
      label="Sanggah"
      figures={[
        { label: 'sanggah menunggu jawaban', to, value: open.data?.total },
        { label: 'sanggah seluruhnya', to, value: all.data?.total },
      ]}
    />
  );
}

function SessionsSummary({ agencyId, proctor }: { agencyId: string; proctor: boolean }) {
  const timeZone = useAgencyTimezone(agencyId);
  const sessions = useQuery({ queryKey: ['dashboard', agencyId, 'cat-sessions'], queryFn: () => catSessionsApi.sessions(agencyId), staleTime: 30_000 });
  const items = (sessions.data?.items ?? []).filter((session) => session.status !== 'closed').slice(0, 3);
  if (!sessions.data) return null;
  if (items.length === 0) return <p className="muted">Tidak ada sesi CAT yang terjadwal atau sedang berjalan.</p>;
  return (
    <ul className="dashboard-list" aria-label="Sesi CAT berikutnya">
      {items.map((session) => (
        <li key={session.id}>
          {proctor ? <Link to={catPaths.console(agencyId, session.id)}>{session.name}</Link> : <Link to={catPaths.sessions(agencyId)}>{session.name}</Link>} —{' '}
          <DateTime value={session.startsAt} timeZone={timeZone} />, {session.venueName} · {session.roomName} ({formatNumber(session.allocated)} peserta){' '}
          <span className="tag">{SESSION_STATUS_LABELS[session.status]}</span>
        </li>
      ))}
    </ul>
  );
}

function SelectionsSummary({ agencyId }: { agencyId: string }) {
  const list = useQuery({ queryKey: ['dashboard', agencyId, 'selections'], queryFn: () => selectionApi.list(agencyId, { page: 1, pageSize: 5 }), staleTime: 30_000 });
  if (!list.data) return null;
  if (list.data.items.length === 0) {
    return (
      <p>
        Belum ada seleksi. <Link to={selectionPaths.list(agencyId)}>Buat seleksi pertama</Link>.
      </p>
    );
  }
  return (
    <ul className="dashboard-list" aria-label="Seleksi instansi">
      {list.data.items.map((selection) => (
        <li key={selection.id}>
          <Link to={selectionPaths.editor(agencyId, selection.id)}>{selection.name}</Link> <span className="tag">{SELECTION_STATUS_LABELS[selection.status]}</span>{' '}
          <span className="muted">
            · {formatNumber(selection.counts.formasi)} formasi, {formatNumber(selection.counts.places)} kebutuhan
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The figures of one role grant; roles whose work arrives with later features show nothing yet. */
export function RoleSummary({ grant }: { grant: RoleGrant }) {
  const agencyId = grant.agencyId;
  switch (grant.role) {
    case 'pelamar':
      return <ApplicantSummary />;
    case 'verifikator':
      return agencyId ? <VerifierSummary agencyId={agencyId} /> : null;
    case 'admin_instansi':
    case 'panitia':
      return agencyId ? (
        <>
          <SelectionsSummary agencyId={agencyId} />
          <ObjectionsFigure agencyId={agencyId} observer={false} />
          <SessionsSummary agencyId={agencyId} proctor />
        </>
      ) : null;
    case 'pengawas':
      return agencyId ? (
        <>
          <ObjectionsFigure agencyId={agencyId} observer />
          <SessionsSummary agencyId={agencyId} proctor={false} />
          <p>
            <Link to={`/admin/instansi/${agencyId}/audit`}>Jejak audit instansi dan pemeriksaan rantai hash</Link>
          </p>
        </>
      ) : null;
    default:
      return null;
  }
}
