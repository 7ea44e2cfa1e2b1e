import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { CLAIM_LABELS, FORMASI_KIND_RULES } from '../../../../core/eligibility';
import { EDUCATION_LEVEL_LABELS, isEducationLevel } from '../../../../core/planning';
import { formasiKindLabel, SELECTION_TYPE_LABELS } from '../../../../core/selection-text';
import { REGISTRATION_STATE_LABELS } from '../../../../core/selections';
import { portalApi, selectionKeys } from '../../api/selections';
import { ErrorState, Loading } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { zoneOf } from '../../lib/agencyTime';
import { formatNumber } from '../../lib/time';
import { portalPaths } from '../selections/access';
import { RegistrationCountdown } from './Countdown';
import { DocumentsTable, StagesTable, Timeline, useServerNow } from './SelectionViews';
import './portal.css';

function levelLabel(level: string): string {
  return isEducationLevel(level) ? EDUCATION_LEVEL_LABELS[level as keyof typeof EDUCATION_LEVEL_LABELS] : level;
}

/** What a special formation asks beyond the general requirements (core/eligibility). */
function kindRequirement(kind: string): string | null {
  const rule = Object.hasOwn(FORMASI_KIND_RULES, kind) ? FORMASI_KIND_RULES[kind] : undefined;
  if (!rule || (rule.requiredClaims.length === 0 && rule.gpaAbove === undefined)) return null;
  const claims = rule.requiredClaims.map((claim) => CLAIM_LABELS[claim] ?? claim);
  const gpa = rule.gpaAbove !== undefined ? [`IPK lebih dari ${rule.gpaAbove.toLocaleString('id-ID', { minimumFractionDigits: 2 })}`] : [];
  return [...claims, ...gpa].join('; ');
}

function ApplyButton({ formasiId, opensAt, closesAt }: { formasiId: string; opensAt: string | null; closesAt: string | null }) {
  const now = useServerNow(1000);
  const open = opensAt !== null && closesAt !== null && now >= new Date(opensAt).getTime() && now <= new Date(closesAt).getTime();
  if (!open) return null;
  return (
    <p>
      <Link className="button" to={portalPaths.apply(formasiId)}>
        Daftar pada formasi ini
      </Link>
    </p>
  );
}

export function FormasiPublicPage() {
  const { formasiId = '' } = useParams();
  const detail = useQuery({ queryKey: selectionKeys.portalFormasi(formasiId), queryFn: () => portalApi.formasi(formasiId) });
  if (detail.isPending) return <Loading label="Memuat formasi…" />;
  if (detail.isError) {
    return (
      <>
        <PageTitle>Formasi tidak ditemukan</PageTitle>
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
        <p>
          <Link to={portalPaths.search}>Kembali ke pencarian formasi</Link>
        </p>
      </>
    );
  }
  const { formasi, selection } = detail.data;
  const zone = zoneOf(selection.agency.timezone);
  const kindText = kindRequirement(formasi.kind);
  return (
    <article className="portal-page">
      <p className="breadcrumb">
        <Link to={portalPaths.search}>‹ Cari formasi</Link>
      </p>
      <PageTitle title={`${formasi.positionName} — ${selection.agency.name}`}>
        {formasi.positionName}
        <span className="subtitle">
          {formasi.unitName} · {selection.agency.name}
        </span>
      </PageTitle>

      <section aria-labelledby="judul-batas" className="card">
        <h2 id="judul-batas">Batas pendaftaran</h2>
        <RegistrationCountdown opensAt={selection.registrationOpensAt} closesAt={selection.registrationClosesAt} timeZone={zone} />
        <ApplyButton formasiId={formasi.id} opensAt={selection.registrationOpensAt} closesAt={selection.registrationClosesAt} />
      </section>

      <section aria-labelledby="judul-ringkasan">
        <h2 id="judul-ringkasan">Ringkasan</h2>
        <dl className="facts">
          <dt>Seleksi</dt>
          <dd>
            <Link to={portalPaths.selection(selection.id)}>{selection.name}</Link> ({SELECTION_TYPE_LABELS[selection.type]} {selection.year}, {REGISTRATION_STATE_LABELS[selection.registrationState].toLowerCase()})
          </dd>
          <dt>Instansi</dt>
          <dd>
            {selection.agency.name}
            {selection.agency.region ? `, ${selection.agency.region}` : ''}
          </dd>
          <dt>Unit penempatan</dt>
          <dd>{formasi.unitName}</dd>
          <dt>Jenis formasi</dt>
          <dd>{formasiKindLabel(formasi.kind)}</dd>
          <dt>Jumlah kebutuhan</dt>
          <dd>{formatNumber(formasi.count)} orang</dd>
          <dt>Batas usia</dt>
          <dd>
            {formasi.minAge}–{formasi.maxAge} tahun pada tanggal penutupan pendaftaran
          </dd>
        </dl>
      </section>

      <section aria-labelledby="judul-syarat">
        <h2 id="judul-syarat">Kualifikasi dan persyaratan</h2>
        <ul className="qualifications">
          {formasi.qualifications.map((qualification) => (
            <li key={qualification.level}>
              <strong>{levelLabel(qualification.level)}</strong>
              {qualification.programmes.length ? `: ${qualification.programmes.join(', ')}` : ': semua program studi'}
            </li>
          ))}
        </ul>
        {kindText ? <p>Syarat formasi {formasiKindLabel(formasi.kind)}: {kindText}.</p> : null}
        {formasi.extraRequirements ? (
          <>
            <h3>Persyaratan tambahan</h3>
            <p className="pre-wrap">{formasi.extraRequirements}</p>
          </>
        ) : null}
      </section>

      <section aria-labelledby="judul-tahapan">
        <h2 id="judul-tahapan">Tahapan seleksi dan bobot</h2>
        <StagesTable stages={selection.pipeline} />
      </section>

      <section aria-labelledby="judul-jadwal">
        <h2 id="judul-jadwal">Jadwal</h2>
        <Timeline items={selection.timeline} timeZone={zone} />
      </section>

      <section aria-labelledby="judul-dokumen">
        <h2 id="judul-dokumen">Dokumen yang diunggah</h2>
        <DocumentsTable documents={selection.requiredDocuments} />
      </section>
    </article>
  );
}
