import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, isApiError } from '../../api/client';
import { applicationApi } from '../../api/endpoints';
import { queryKeys, useOwnApplication } from '../../api/queries';
import { sanggahApi, verificationKeys } from '../../api/verification';
import type { AgencyTimezone, Me, OwnApplication, RequiredDocument, UploadedDocument } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { ErrorState, Loading, Notice } from '../../components/Feedback';
import { FormErrors } from '../../components/FormErrors';
import { PageTitle } from '../../components/PageTitle';
import { RequireAuth } from '../../components/RequireAuth';
import { hasRole } from '../../lib/roles';
import { ConfirmDialog } from './ConfirmDialog';
import { Countdown } from './Countdown';
import {
  APPLICATION_STATUS_TAG,
  APPLICATION_STATUS_TEXT,
  DECISION_TEXT,
  acceptFor,
  eligibilityRuleLabel,
  formasiKindLabel,
  formatsText,
  selectionTypeLabel,
  sizeText,
} from './labels';
import { NotApplicant, zoneOf } from './shared';
import './applicant.css';

const EXTENSIONS: Record<string, string[]> = { pdf: ['pdf'], jpg: ['jpg', 'jpeg'], jpeg: ['jpg', 'jpeg'], png: ['png'] };

/** What can be told before sending: size and extension. The server checks the content itself. */
function localFileProblem(file: File, requirement: RequiredDocument): string | null {
  if (file.size === 0) return 'Berkas kosong. Pilih berkas lain.';
  if (file.size > requirement.maxKb * 1024) {
    return `Berkas terlalu besar (${sizeText(Math.ceil(file.size / 1024))}); batasnya ${sizeText(requirement.maxKb)}. Perkecil atau pindai ulang dengan resolusi lebih rendah.`;
  }
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  const allowed = requirement.formats.flatMap((format) => EXTENSIONS[format] ?? [format]);
  if (!allowed.includes(extension)) return `Format berkas harus ${formatsText(requirement.formats)}.`;
  return null;
}

type DocumentItemProps = {
  application: OwnApplication;
  requirement: RequiredDocument;
  uploaded: UploadedDocument | undefined;
  timeZone: AgencyTimezone;
  /** Set when a submission was refused because this document is missing. */
  missingMessage?: string;
};

function DocumentItem({ application, requirement, uploaded, timeZone, missingMessage }: DocumentItemProps) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [progress, setProgress] = useState<number | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const draft = application.status === 'draft';
  const base = `dokumen-${requirement.key}`;

  const apply = (next: OwnApplication) => {
    queryClient.setQueryData(queryKeys.ownApplication(application.id), next);
    void queryClient.invalidateQueries({ queryKey: queryKeys.ownApplications, exact: true });
  };
  const upload = useMutation({
    mutationFn: (chosen: File) => applicationApi.uploadDocument(application.id, requirement.key, chosen, setProgress),
    onMutate: () => {
      setProgress(0);
      setDone(null);
    },
    onSuccess: ({ application: next }) => {
      apply(next);
      setFile(null);
      setInputKey((key) => key + 1);
      setDone(`${requirement.name} berhasil diunggah.`);
    },
    onSettled: () => setProgress(null),
  });
  const remove = useMutation({
    mutationFn: () => applicationApi.removeDocument(application.id, requirement.key),
    onSuccess: async () => {
      setConfirmRemove(false);
      setDone(`${requirement.name} telah dihapus.`);
      await queryClient.invalidateQueries({ queryKey: queryKeys.ownApplications });
    },
  });

  const serverError = upload.error ?? remove.error;
  const problem =
    localError ??
    (serverError ? (isApiError(serverError) ? (serverError.fields.file ?? serverError.message) : errorMessage(serverError)) : null) ??
    (uploaded ? null : (missingMessage ?? null));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    upload.reset();
    remove.reset();
    if (!file) {
      setLocalError('Pilih berkas terlebih dahulu.');
      return;
    }
    const local = localFileProblem(file, requirement);
    setLocalError(local);
    if (!local) upload.mutate(file);
  };

  const describedBy = [`${base}-aturan`, problem ? `${base}-galat` : null].filter(Boolean).join(' ');
  return (
    <li className={`card document-item${problem ? ' document-invalid' : ''}`} aria-labelledby={`${base}-judul`}>
      <h3 id={`${base}-judul`}>
        {requirement.name}{' '}
        <span className={`tag ${uploaded ? 'tag-active' : requirement.mandatory ? 'tag-pending' : 'tag-neutral'}`}>
          {uploaded ? 'Sudah diunggah' : requirement.mandatory ? 'Wajib, belum diunggah' : 'Opsional'}
        </span>
      </h3>
      <p className="hint" id={`${base}-aturan`}>
        Format {formatsText(requirement.formats)}, ukuran maksimal {sizeText(requirement.maxKb)}.
      </p>
      {uploaded ? (
        <dl className="facts">
          <dt>Diunggah</dt>
          <dd>
            <DateTime value={uploaded.uploadedAt} timeZone={timeZone} />
          </dd>
          <dt>Sidik jari (SHA-256)</dt>
          <dd>
            <code className="sha256" title={uploaded.sha256}>
              {uploaded.sha256}
            </code>
          </dd>
        </dl>
      ) : null}
      {uploaded ? (
        <p>
          <a href={applicationApi.documentUrl(application.id, requirement.key)} target="_blank" rel="noopener noreferrer">
            Pratinjau {requirement.name}
            <span className="visually-hidden"> (membuka tab baru)</span>
          </a>
        </p>
      ) : null}
      {done && !problem ? <Notice kind="success">{done}</Notice> : null}
      {draft ? (
        <form className="upload-form" noValidate onSubmit={submit}>
          <div className={`field${problem ? ' field-invalid' : ''}`}>
            <label htmlFor={`${base}-berkas`}>
              {uploaded ? 'Ganti berkas' : 'Pilih berkas'} {requirement.name}
            </label>
            <input
              key={inputKey}
              id={`${base}-berkas`}
              name="file"
              type="file"
              accept={acceptFor(requirement.formats)}
              aria-describedby={describedBy}
              aria-invalid={problem ? true : undefined}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setLocalError(null);
                setDone(null);
                upload.reset();
              }}
            />
          </div>
          {progress !== null ? (
            <div className="upload-progress">
              <progress id={`${base}-kemajuan`} max={100} value={Math.round(progress * 100)} aria-label={`Kemajuan unggahan ${requirement.name}`} />
              <span aria-hidden="true">{Math.round(progress * 100)}%</span>
            </div>
          ) : null}
          {problem ? (
            <p className="field-error" id={`${base}-galat`} role="alert">
              {problem}
            </p>
          ) : null}
          <div className="row-actions">
            <button type="submit" className="button button-small" disabled={upload.isPending}>
              {upload.isPending ? 'Mengunggah…' : uploaded ? 'Unggah pengganti' : 'Unggah'}
              <span className="visually-hidden"> {requirement.name}</span>
            </button>
            {uploaded ? (
              <button type="button" className="button button-secondary button-small" onClick={() => setConfirmRemove(true)} disabled={remove.isPending}>
                Hapus<span className="visually-hidden"> {requirement.name}</span>
              </button>
            ) : null}
          </div>
          <ConfirmDialog
            open={confirmRemove}
            title={`Hapus ${requirement.name}?`}
            confirmLabel="Ya, hapus"
            danger
            busy={remove.isPending}
            onConfirm={() => remove.mutate()}
            onCancel={() => setConfirmRemove(false)}
          >
            <p>Berkas yang diunggah dilepas dari pendaftaran ini. Anda dapat mengunggah berkas lain selama pendaftaran belum dikirim.</p>
          </ConfirmDialog>
        </form>
      ) : null}
    </li>
  );
}

function Eligibility({ application }: { application: OwnApplication }) {
  const eligibility = application.eligibility;
  return (
    <section aria-labelledby="judul-kelayakan" className="card">
      <h2 id="judul-kelayakan">Pemeriksaan kelayakan</h2>
      {eligibility === null ? (
        <p>
          Kelayakan belum dapat dihitung karena profil belum diisi. <Link to="/pelamar/profil">Lengkapi profil pelamar</Link>.
        </p>
      ) : eligibility.eligible ? (
        <p className="eligible">
          <strong>Memenuhi syarat</strong> usia, pendidikan, dan jenis formasi menurut profil Anda. Pemeriksaan diulang saat pendaftaran dikirim, dan
          dokumen Anda diperiksa verifikator.
        </p>
      ) : (
        <>
          <p>
            <strong>Belum memenuhi syarat</strong> menurut profil Anda. Pendaftaran tidak dapat dikirim sebelum setiap syarat di bawah terpenuhi:
          </p>
          <ul className="failure-list">
            {eligibility.failures.map((failure) => (
              <li key={`${failure.rule}-${failure.code}`}>
                <strong>{eligibilityRuleLabel(failure.rule)}:</strong> {failure.message}
              </li>
            ))}
          </ul>
          <p>
            Bila data profil Anda keliru, <Link to="/pelamar/profil">perbaiki profil</Link>. Bila benar, formasi ini tidak dapat Anda lamar.
          </p>
        </>
      )}
    </section>
  );
}

function submitErrorLabels(application: OwnApplication): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const rule of ['age', 'education', 'formasiKind']) labels[`eligibility.${rule}`] = eligibilityRuleLabel(rule);
  for (const document of application.requiredDocuments) labels[`documents.${document.key}`] = document.name;
  return labels;
}

type SubmitSectionProps = {
  application: OwnApplication;
  timeZone: AgencyTimezone;
  /** The field problems of a refused submission (documents.<key>, eligibility.<rule>). */
  onRefused: (fields: Record<string, string>) => void;
};

function SubmitSection({ application, timeZone, onRefused }: SubmitSectionProps) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirmSubmit, setConfirmSubmit] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const submit = useMutation({
    mutationFn: () => applicationApi.submit(application.id),
    onSuccess: ({ application: next }) => {
      setConfirmSubmit(false);
      onRefused({});
      queryClient.setQueryData(queryKeys.ownApplication(application.id), next);
      void queryClient.invalidateQueries({ queryKey: queryKeys.ownApplications, exact: true });
      navigate('.', { replace: true, state: { submitted: true } });
    },
    onError: (error) => {
      setConfirmSubmit(false);
      onRefused(isApiError(error) && error.code === 'DOCUMENTS_MISSING' ? error.fields : {});
      // The refusal may come from a state the page has not seen (a document removed elsewhere).
      void queryClient.invalidateQueries({ queryKey: queryKeys.ownApplication(application.id) });
    },
  });
  const remove = useMutation({
    mutationFn: () => applicationApi.remove(application.id),
    onSuccess: async () => {
      setConfirmDelete(false);
      queryClient.removeQueries({ queryKey: queryKeys.ownApplication(application.id) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.ownApplications, exact: true });
      navigate('/pelamar/pendaftaran', { replace: true });
    },
    onError: () => setConfirmDelete(false),
  });
  const missing = application.requiredDocuments.filter((document) => application.missingDocuments.includes(document.key));

  return (
    <section aria-labelledby="judul-kirim" className="card panel">
      <h2 id="judul-kirim">Kirim pendaftaran</h2>
      {/* The dialogs come before the error summary: closing a dialog returns focus to its opener,
          and the summary, whose effect runs after, must take focus last. */}
      <ConfirmDialog
        open={confirmSubmit}
        title="Kirim pendaftaran sekarang?"
        confirmLabel={submit.isPending ? 'Mengirim…' : 'Ya, kirim pendaftaran'}
        busy={submit.isPending}
        onConfirm={() => submit.mutate()}
        onCancel={() => setConfirmSubmit(false)}
      >
        <p>
          Anda mendaftar pada formasi <strong>{application.formasi.positionName}</strong> ({application.formasi.unitName}), {application.agency.name}.
        </p>
        <p>Setelah dikirim, profil dan dokumen dibekukan. Satu NIK hanya boleh mendaftar satu seleksi per jenis per tahun.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirmDelete}
        title="Hapus draf pendaftaran?"
        confirmLabel="Ya, hapus draf"
        danger
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
        onCancel={() => setConfirmDelete(false)}
      >
        <p>Draf dan dokumen yang sudah diunggah pada draf ini dihapus. Anda dapat mendaftar lagi selama pendaftaran dibuka.</p>
      </ConfirmDialog>
      <p>
        Batas pendaftaran: <Countdown closesAt={application.selection.registrationClosesAt} timeZone={timeZone} />
      </p>
      {missing.length > 0 ? (
        <p>
          Dokumen wajib yang belum diunggah: <strong>{missing.map((document) => document.name).join(', ')}</strong>.
        </p>
      ) : (
        <p>Semua dokumen wajib sudah diunggah.</p>
      )}
      <p>Setelah dikirim, data profil dan dokumen dibekukan dan tidak dapat diganti. Nomor pendaftaran terbit seketika.</p>
      <FormErrors error={submit.error ?? remove.error} labels={submitErrorLabels(application)} />
      <div className="row-actions">
        <button type="button" className="button" onClick={() => setConfirmSubmit(true)} disabled={submit.isPending}>
          Kirim pendaftaran
        </button>
        <button type="button" className="button button-secondary" onClick={() => setConfirmDelete(true)} disabled={remove.isPending}>
          Hapus draf
        </button>
      </div>
    </section>
  );
}

/** The announced administrative result (the sanggah module's answer); nothing before it is announced. */
function AdministrativeOutcome({ applicationId, timeZone }: { applicationId: string; timeZone: AgencyTimezone }) {
  const result = useQuery({
    queryKey: verificationKeys.applicantResult(applicationId),
    queryFn: async () => (await sanggahApi.applicantResult(applicationId)).result,
  });
  if (result.isPending) return <Loading label="Memeriksa hasil seleksi administrasi…" />;
  if (result.isError) return <p className="muted">Hasil seleksi administrasi tidak dapat dimuat sekarang.</p>;
  const { administrative, postObjection, objection, reasons } = result.data;
  if (!result.data.published || !administrative) {
    return <p>Hasil seleksi administrasi belum diumumkan. Anda akan diberi tahu melalui aplikasi dan email.</p>;
  }
  const acceptedInFull = objection?.status === 'diterima' && reasons.length === 0;
  return (
    <div className="outcome">
      <p>
        Hasil seleksi administrasi (diumumkan <DateTime value={administrative.publishedAt} timeZone={timeZone} />):{' '}
        <strong data-testid="hasil-administrasi">{DECISION_TEXT[administrative.decision]}</strong>
      </p>
      {objection ? (
        <p>
          Sanggah Anda:{' '}
          <strong>{objection.status === 'diajukan' ? 'sedang diperiksa panitia' : objection.status === 'diterima' ? 'diterima' : 'ditolak'}</strong>
          {acceptedInFull ? (
            <>
              . Setelah sanggah diterima, hasil Anda menjadi <strong data-testid="hasil-setelah-sanggah">{DECISION_TEXT.ms}</strong>; hasil ini diumumkan kembali
              pada pengumuman hasil pasca sanggah.
            </>
          ) : (
            '.'
          )}
        </p>
      ) : null}
      {postObjection ? (
        <p>
          Hasil setelah sanggah (diumumkan <DateTime value={postObjection.publishedAt} timeZone={timeZone} />): <strong>{DECISION_TEXT[postObjection.decision]}</strong>
        </p>
      ) : null}
    </div>
  );
}

function SubmittedSection({ application, timeZone, justSubmitted }: { application: OwnApplication; timeZone: AgencyTimezone; justSubmitted: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (justSubmitted) ref.current?.focus();
  }, [justSubmitted]);
  return (
    <section aria-labelledby="judul-terkirim" className={`card panel${justSubmitted ? ' alert-success' : ''}`}>
      <h2 id="judul-terkirim" ref={ref} tabIndex={-1}>
        {justSubmitted ? 'Pendaftaran terkirim' : 'Pendaftaran sudah dikirim'}
      </h2>
      <dl className="facts">
        <dt>Nomor pendaftaran</dt>
        <dd>
          <strong className="registration-number" data-testid="nomor-pendaftaran">
            {application.registrationNumber}
          </strong>
        </dd>
        <dt>Dikirim</dt>
        <dd>
          <DateTime value={application.submittedAt} timeZone={timeZone} />
        </dd>
      </dl>
      <p>Simpan nomor ini dan unduh kartu pendaftaran. Kode QR pada kartu membuka halaman publik yang memastikan pendaftaran Anda tercatat.</p>
      <AdministrativeOutcome applicationId={application.id} timeZone={timeZone} />
      <div className="row-actions">
        <a className="button" href={applicationApi.cardUrl(application.id)} download={`kartu-pendaftaran-${application.registrationNumber ?? 'pelamar'}.pdf`}>
          Unduh kartu pendaftaran
        </a>
        <Link className="button button-secondary" to={`/pelamar/pendaftaran/${application.id}/hasil`}>
          Hasil seleksi administrasi dan sanggah
        </Link>
        <Link className="button button-secondary" to={`/pelamar/pendaftaran/${application.id}/hasil-akhir`}>
          Hasil akhir, sanggah dan tawaran optimalisasi
        </Link>
      </div>
    </section>
  );
}

function ApplicationDetail({ id }: { id: string }) {
  const application = useOwnApplication(id);
  const location = useLocation();
  const state = (location.state ?? {}) as { started?: boolean; submitted?: boolean };
  // A DOCUMENTS_MISSING refusal names each document; it is shown under that document's input too.
  const [missingFields, setMissingFields] = useState<Record<string, string>>({});

  if (application.isPending) {
    return (
      <>
        <PageTitle>Pendaftaran</PageTitle>
        <Loading label="Memuat pendaftaran…" />
      </>
    );
  }
  if (application.isError) {
    const notFound = isApiError(application.error) && application.error.status === 404;
    return (
      <>
        <PageTitle>{notFound ? 'Pendaftaran tidak ditemukan' : 'Pendaftaran'}</PageTitle>
        {notFound ? (
          <p>Pendaftaran ini tidak ada atau bukan milik akun Anda.</p>
        ) : (
          <ErrorState error={application.error} onRetry={() => void application.refetch()} />
        )}
        <p>
          <Link to="/pelamar/pendaftaran">Kembali ke pendaftaran saya</Link>
        </p>
      </>
    );
  }

  const data = application.data;
  const timeZone = zoneOf(data.agency.timezone);
  const draft = data.status === 'draft';
  const uploadedByKey = new Map(data.documents.map((document) => [document.key, document]));
  const uploadedCount = data.requiredDocuments.filter((document) => uploadedByKey.has(document.key)).length;

  return (
    <div className="pelamar">
      <p className="breadcrumb">
        <Link to="/pelamar/pendaftaran">Pendaftaran saya</Link>
      </p>
      <PageTitle title={`Pendaftaran ${data.formasi.positionName}`}>
        Pendaftaran: {data.formasi.positionName}
        <span className="subtitle">
          {data.formasi.unitName} · {data.agency.name}
        </span>
      </PageTitle>
      {state.started && draft ? <Notice kind="success">Draf pendaftaran dibuat. Unggah dokumen di bawah, lalu kirim sebelum batas waktu.</Notice> : null}
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <span className={`tag ${APPLICATION_STATUS_TAG[data.status]}`}>{APPLICATION_STATUS_TEXT[data.status]}</span>
        </dd>
        <dt>Seleksi</dt>
        <dd>
          {data.selection.name} ({selectionTypeLabel(data.selection.type)} {data.selection.year})
        </dd>
        <dt>Jenis formasi</dt>
        <dd>{formasiKindLabel(data.formasi.kind)}</dd>
        <dt>Batas pendaftaran</dt>
        <dd>
          <Countdown closesAt={data.selection.registrationClosesAt} timeZone={timeZone} />
        </dd>
      </dl>

      {draft ? null : <SubmittedSection application={data} timeZone={timeZone} justSubmitted={Boolean(state.submitted)} />}
      {draft ? <Eligibility application={data} /> : null}

      <section aria-labelledby="judul-dokumen">
        <h2 id="judul-dokumen">Dokumen persyaratan</h2>
        <p>
          {uploadedCount} dari {data.requiredDocuments.length} dokumen sudah diunggah.{' '}
          {draft
            ? 'Setiap berkas diperiksa isinya (bukan hanya namanya): PDF harus dapat dibuka dan gambar harus dapat ditampilkan. Sidik jari SHA-256 membuktikan berkas mana yang Anda kirim.'
            : 'Dokumen sudah dibekukan. Sidik jari SHA-256 yang sama tercantum pada kartu pendaftaran.'}
        </p>
        {data.requiredDocuments.length === 0 ? (
          <p className="empty">Seleksi ini tidak meminta dokumen.</p>
        ) : (
          <ul className="document-list">
            {data.requiredDocuments.map((requirement) => (
              <DocumentItem
                key={requirement.key}
                application={data}
                requirement={requirement}
                uploaded={uploadedByKey.get(requirement.key)}
                timeZone={timeZone}
                missingMessage={missingFields[`documents.${requirement.key}`]}
              />
            ))}
          </ul>
        )}
      </section>

      {draft ? <SubmitSection application={data} timeZone={timeZone} onRefused={setMissingFields} /> : null}
    </div>
  );
}

export function ApplicantApplicationPage() {
  const { id = '' } = useParams();
  return <RequireAuth>{(me: Me) => (hasRole(me, 'pelamar') ? <ApplicationDetail id={id} /> : <NotApplicant title="Pendaftaran" />)}</RequireAuth>;
}
