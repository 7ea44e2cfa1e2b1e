import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { SANGGAH_STATUS_LABELS } from '../../../../core/schemas/sanggah';
import { SANGGAH_STATUSES, type SanggahStatus } from '../../../../core/sanggah';
import { Notice } from '../../components/Feedback';
import { SelectField } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { RequireAuth } from '../../components/RequireAuth';
import { hasRole } from '../../lib/roles';

/** The status of an objection (administrative or final result): filed, accepted or rejected. */
export function SanggahStatusTag({ status }: { status: SanggahStatus }) {
  return <span className={`tag tag-${status}`}>{SANGGAH_STATUS_LABELS[status]}</span>;
}

/**
 * The filters of an objection desk (administrative or final): status and selection, kept in the URL
 * as `status` and `seleksi` (useListParams); changing one goes back to the first page.
 */
export function ObjectionFilters({
  extras,
  update,
  selections,
}: {
  extras: Record<string, string | undefined>;
  update: (changes: Record<string, string | number | null>) => void;
  selections: Array<{ id: string; name: string; year: number }>;
}) {
  return (
    <div className="filters">
      <SelectField
        label="Status"
        value={extras.status ?? ''}
        options={[{ value: '', label: 'Semua status' }, ...SANGGAH_STATUSES.map((value) => ({ value, label: SANGGAH_STATUS_LABELS[value] }))]}
        onValueChange={(value) => update({ status: value || null, halaman: null })}
      />
      <SelectField
        label="Seleksi"
        value={extras.seleksi ?? ''}
        options={[{ value: '', label: 'Semua seleksi' }, ...selections.map((s) => ({ value: s.id, label: `${s.name} (${s.year})` }))]}
        onValueChange={(value) => update({ seleksi: value || null, halaman: null })}
      />
    </div>
  );
}

type FiledObjection = { status: SanggahStatus; reason: string; answer: string | null };

/**
 * The applicant's own objection on a result page (administrative or final): the objection filed,
 * with the committee's answer once there is one; else the form to file one; else why it cannot be filed.
 */
export function ApplicantObjectionSection<T extends FiledObjection>({
  headingId,
  result,
  facts,
  answered,
  unanswered,
  form,
}: {
  /** The id that labels the section (kept per page so links and tests stay stable). */
  headingId: string;
  /** The applicant's result: the objection filed, if any; whether one may be filed now, and if not, why. */
  result: { objection: T | null; canObject: boolean; objectionRefusal: string | null };
  /** The facts after the status, as <dt>/<dd> pairs. */
  facts: (objection: T) => ReactNode;
  /** Shown below the committee's answer. */
  answered?: (objection: T) => ReactNode;
  /** Shown in place of the answer while there is none. */
  unanswered: (objection: T) => ReactNode;
  /** The form to file an objection, shown when none is filed and one may be. */
  form: ReactNode;
}) {
  const { objection } = result;
  if (!objection) {
    if (result.canObject) return <>{form}</>;
    return result.objectionRefusal ? <Notice kind="info">{result.objectionRefusal}</Notice> : null;
  }
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Sanggah Anda</h2>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <SanggahStatusTag status={objection.status} />
        </dd>
        {facts(objection)}
      </dl>
      <h3>Alasan Anda</h3>
      <p className="quote">{objection.reason}</p>
      {objection.answer ? (
        <>
          <h3>Jawaban panitia</h3>
          <p className="quote">{objection.answer}</p>
          {answered?.(objection)}
        </>
      ) : (
        unanswered(objection)
      )}
    </section>
  );
}

/** An applicant's page about one of their applications (route parameter `id`); other accounts see a short note instead. */
export function ApplicantApplicationPage({ title, dashboardLink = false, children }: { title: string; dashboardLink?: boolean; children: (applicationId: string) => ReactNode }) {
  const { id = '' } = useParams();
  return (
    <RequireAuth>
      {(me) =>
        hasRole(me, 'pelamar') ? (
          children(id)
        ) : (
          <>
            <PageTitle>{title}</PageTitle>
            <p>Halaman ini untuk akun pelamar.</p>
            {dashboardLink ? (
              <p>
                <Link to="/dasbor">Kembali ke dasbor</Link>
              </p>
            ) : null}
          </>
        )
      }
    </RequireAuth>
  );
}

/** The top of an applicant's result page: the way back to the application, the title with registration number and formation, and the selection. */
export function ApplicantResultHeading({
  applicationId,
  title,
  application,
  formasi,
}: {
  applicationId: string;
  title: string;
  application: { registrationNumber: string | null; selectionName: string };
  formasi: string;
}) {
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/pelamar/pendaftaran/${applicationId}`}>‹ Pendaftaran saya</Link>
      </p>
      <PageTitle title={title}>
        {title}
        <span className="subtitle">
          {application.registrationNumber} · {formasi}
        </span>
      </PageTitle>
      <p>{application.selectionName}</p>
    </>
  );
}
