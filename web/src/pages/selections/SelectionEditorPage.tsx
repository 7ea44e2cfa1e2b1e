import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PIPELINE_WEIGHT_TOTAL } from '../../../../core/pipeline';
import { registrationWindow, type LocalSchedule, type ScheduleField } from '../../../../core/selection-schedule';
import { REGISTRATION_STATE_LABELS, SELECTION_STATUS_LABELS, SELECTION_YEAR_MAX, SELECTION_YEAR_MIN } from '../../../../core/selections';
import { SELECTION_TYPE_LABELS } from '../../../../core/selection-text';
import { isApiError } from '../../api/client';
import { useAgencyDetail, useMe } from '../../api/queries';
import { canManageEmployees, employeePaths } from '../employees/access';
import { trainingPaths } from '../training/access';
import { selectionApi, selectionKeys, type PipelineStageInput, type RequiredDocument, type Selection, type SelectionChanges } from '../../api/selections';
import type { AgencyTimezone } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { ErrorState, Loading, Notice } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { ConfirmButton } from '../../components/ConfirmButton';
import { FormErrors } from '../../components/FormErrors';
import { RequireAuth } from '../../components/RequireAuth';
import { TextAreaField } from '../../components/TextAreaField';
import { canManageAgency } from '../../lib/roles';
import { formatNumber } from '../../lib/time';
import { AgencyHeading } from '../admin/AgencyHeading';
import { DocumentsTable, ScheduleList, StagesTable } from '../portal/SelectionViews';
import { canManageSelections, canReadSelections, portalPaths, selectionPaths } from './access';
import { DocumentsEditor, documentProblems } from './DocumentsEditor';
import { PipelineEditor, pipelineProblems, scoredWeightSum } from './PipelineEditor';
import { ScheduleEditor, scheduleProblems } from './ScheduleEditor';
import { SelectionHistory } from './SelectionHistory';
import '../portal/portal.css';
import './selections.css';

type FormState = {
  name: string;
  description: string;
  year: string;
  schedule: LocalSchedule;
  requiredDocuments: RequiredDocument[];
  pipeline: PipelineStageInput[];
};

const formOf = (selection: Selection): FormState => ({
  name: selection.name,
  description: selection.description,
  year: String(selection.year),
  schedule: { ...selection.schedule },
  requiredDocuments: structuredClone(selection.requiredDocuments),
  pipeline: structuredClone(selection.pipeline),
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what differs from the saved round. */
function changesOf(form: FormState, selection: Selection, withYear: boolean): SelectionChanges {
  const changes: SelectionChanges = {};
  if (form.name.trim() !== selection.name) changes.name = form.name.trim();
  if (form.description.trim() !== selection.description) changes.description = form.description.trim();
  if (withYear && form.year.trim() !== String(selection.year)) changes.year = Number(form.year);
  if (!same(form.schedule, selection.schedule)) changes.schedule = form.schedule;
  if (!same(form.requiredDocuments, selection.requiredDocuments)) changes.requiredDocuments = form.requiredDocuments;
  if (!same(form.pipeline, selection.pipeline)) changes.pipeline = form.pipeline;
  return changes;
}

/** Field problems found before sending, with the server's own rules (core/): none means "send". */
function clientProblems(form: FormState, zone: AgencyTimezone, complete: boolean, withYear: boolean): string[] {
  const problems: string[] = [];
  const name = form.name.trim();
  if (name.length < 3 || name.length > 200) problems.push('Nama seleksi 3–200 karakter.');
  const year = Number(form.year);
  if (withYear && (!Number.isInteger(year) || year < SELECTION_YEAR_MIN || year > SELECTION_YEAR_MAX)) problems.push(`Tahun harus antara ${SELECTION_YEAR_MIN} dan ${SELECTION_YEAR_MAX}.`);
  problems.push(...Object.values(scheduleProblems(form.schedule, zone, complete)));
  problems.push(...Object.values(documentProblems(form.requiredDocuments)).map((problem) => `Dokumen: ${problem}`));
  problems.push(...Object.values(pipelineProblems(form.pipeline)).map((problem) => `Tahapan: ${problem}`));
  return [...new Set(problems)];
}

/** The server's field problems under a prefix ('' or 'changes.'), for the editors. */
function serverFields(error: unknown, prefix: string) {
  const fields = isApiError(error) ? error.fields : {};
  return (path: string) => fields[`${prefix}${path}`];
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card editor-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

type RoundFormProps = {
  selection: Selection;
  zone: AgencyTimezone;
  mode: 'draft' | 'correction';
  onSaved: (selection: Selection, message: string) => void;
  onCancel?: () => void;
  agencyId: string;
};

/** The draft editor, or (after publication) the correction form with its required reason. */
function RoundForm({ selection, zone, mode, onSaved, onCancel, agencyId }: RoundFormProps) {
  const [form, setForm] = useState(() => formOf(selection));
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState<string[] | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const correction = mode === 'correction';
  const prefix = correction ? 'changes.' : '';
  const save = useMutation({
    mutationFn: (changes: SelectionChanges) =>
      correction
        ? selectionApi.correct(agencyId, selection.id, { reason: reason.trim(), changes, expectedVersion: selection.version })
        : selectionApi.update(agencyId, selection.id, { ...changes, expectedVersion: selection.version }),
    onSuccess: ({ selection: saved }) =>
      onSaved(saved, correction ? `Koreksi tersimpan sebagai versi ${saved.version} dan tercatat di jejak audit.` : `Perubahan tersimpan (versi ${saved.version}).`),
  });
  const server = serverFields(save.error, prefix);
  const changes = changesOf(form, selection, !correction);
  const dirty = Object.keys(changes).length > 0;

  useEffect(() => {
    if (checked?.length) summary.current?.focus();
  }, [checked]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = clientProblems(form, zone, correction, !correction);
    if (correction && reason.trim().length < 10) problems.unshift('Alasan koreksi minimal 10 karakter.');
    if (!dirty) problems.unshift(correction ? 'Belum ada yang dikoreksi.' : 'Belum ada perubahan untuk disimpan.');
    setChecked(problems);
    if (problems.length === 0) save.mutate(changes);
  };

  return (
    <form className="round-form" noValidate onSubmit={submit} aria-label={correction ? 'Formulir koreksi seleksi' : 'Formulir seleksi'}>
      {checked && checked.length > 0 ? (
        <div className="alert alert-error" role="alert" tabIndex={-1} ref={summary}>
          <p>Periksa kembali isian berikut:</p>
          <ul>
            {checked.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <FormErrors error={save.error} />

      <Section id={`${mode}-umum`} title="Informasi umum">
        <TextField label="Nama seleksi" name="name" required maxLength={200} value={form.name} onValueChange={(name) => setForm({ ...form, name })} error={server('name')} />
        {correction ? null : (
          <TextField
            label="Tahun anggaran"
            name="year"
            type="number"
            inputMode="numeric"
            required
            min={SELECTION_YEAR_MIN}
            max={SELECTION_YEAR_MAX}
            value={form.year}
            onValueChange={(year) => setForm({ ...form, year })}
            error={server('year')}
          />
        )}
        <TextAreaField label="Keterangan untuk pelamar" name="description" rows={4} maxLength={5000} value={form.description} onValueChange={(description) => setForm({ ...form, description })} error={server('description')} />
      </Section>

      <Section id={`${mode}-jadwal`} title="Jadwal">
        <ScheduleEditor value={form.schedule} zone={zone} complete={correction} onChange={(schedule) => setForm({ ...form, schedule })} serverError={(field: ScheduleField) => server(`schedule.${field}`)} />
      </Section>

      <Section id={`${mode}-dokumen`} title="Dokumen persyaratan">
        <DocumentsEditor value={form.requiredDocuments} onChange={(requiredDocuments) => setForm({ ...form, requiredDocuments })} serverError={(path) => server(path ? `requiredDocuments.${path}` : 'requiredDocuments')} />
      </Section>

      <Section id={`${mode}-tahapan`} title="Tahapan dan bobot">
        <PipelineEditor value={form.pipeline} onChange={(pipeline) => setForm({ ...form, pipeline })} serverError={(path) => server(path ? `pipeline.${path}` : 'pipeline')} />
      </Section>

      {correction ? (
        <Section id="koreksi-alasan" title="Alasan koreksi">
          <TextAreaField
            label="Alasan koreksi"
            name="reason"
            required
            rows={3}
            maxLength={1000}
            hint="Minimal 10 karakter. Alasan, isi sebelum dan sesudah dicatat di jejak audit dan riwayat seleksi."
            value={reason}
            onValueChange={setReason}
            error={server('reason') ?? (isApiError(save.error) ? save.error.fields.reason : undefined)}
          />
        </Section>
      ) : null}

      <div className="actions form-footer">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? 'Menyimpan…' : correction ? 'Simpan koreksi' : 'Simpan perubahan'}
        </button>
        {dirty ? <span className="muted">Ada perubahan yang belum disimpan.</span> : <span className="muted">Semua perubahan sudah tersimpan.</span>}
        {onCancel ? (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Batal
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** What publication needs, as checks the administrator can read before confirming. */
function PublishPanel({ agencyId, selection, zone, onPublished }: { agencyId: string; selection: Selection; zone: AgencyTimezone; onPublished: (selection: Selection) => void }) {
  const publish = useMutation({ mutationFn: () => selectionApi.publish(agencyId, selection.id, selection.version), onSuccess: ({ selection: saved }) => onPublished(saved) });
  const scheduleOk = Object.keys(scheduleProblems(selection.schedule, zone, true)).length === 0;
  const closesAt = registrationWindow({ schedule: selection.schedule, zone }).closesAt;
  const future = closesAt !== null && closesAt.getTime() > Date.now();
  const weightsOk = Object.keys(pipelineProblems(selection.pipeline)).length === 0;
  const formasiOk = selection.counts.formasi > 0;
  const ready = scheduleOk && future && weightsOk && formasiOk;
  const checks = [
    { ok: scheduleOk, text: 'Jadwal lengkap dan berurutan' },
    { ok: future, text: 'Penutupan pendaftaran belum lewat' },
    { ok: weightsOk, text: `Tahapan sah dan bobot tahap berjumlah ${PIPELINE_WEIGHT_TOTAL}% (saat ini ${formatNumber(scoredWeightSum(selection.pipeline))}%)` },
    { ok: formasiOk, text: `Minimal satu formasi (saat ini ${formatNumber(selection.counts.formasi)} formasi, ${formatNumber(selection.counts.places)} kebutuhan)` },
  ];
  return (
    <section className="card editor-section" aria-labelledby="judul-umumkan">
      <h2 id="judul-umumkan">Umumkan seleksi</h2>
      <ul className="checklist">
        {checks.map((check) => (
          <li key={check.text} className={check.ok ? 'check-ok' : 'check-bad'}>
            <span aria-hidden="true">{check.ok ? '✓' : '✗'}</span> {check.text}
            <span className="visually-hidden">{check.ok ? ' — terpenuhi' : ' — belum terpenuhi'}</span>
          </li>
        ))}
      </ul>
      {!formasiOk ? (
        <p>
          <Link to={selectionPaths.formasi(agencyId, selection.id)}>Tambah formasi untuk seleksi ini</Link>
        </p>
      ) : null}
      <ConfirmButton
        label="Umumkan seleksi…"
        groupLabel="Konfirmasi pengumuman seleksi"
        explanation={
          <>
            <strong>Umumkan “{selection.name}” sekarang?</strong> Seleksi dan {formatNumber(selection.counts.formasi)} formasinya tampil di portal publik. Setelah itu jadwal, dokumen dan tahapan
            hanya dapat diubah melalui koreksi beralasan yang tercatat di jejak audit.
          </>
        }
        confirmLabel="Ya, umumkan sekarang"
        pendingLabel="Mengumumkan…"
        onConfirm={() => publish.mutate()}
        pending={publish.isPending}
        error={publish.error}
        disabled={!ready}
      />
      {!ready ? <p className="muted">Lengkapi dan simpan dulu hal yang belum terpenuhi.</p> : null}
    </section>
  );
}

function DeletePanel({ agencyId, selection }: { agencyId: string; selection: Selection }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => selectionApi.remove(agencyId, selection.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: selectionKeys.all(agencyId) });
      navigate(selectionPaths.list(agencyId), { state: { notice: `Seleksi “${selection.name}” telah dihapus.` } });
    },
  });
  return (
    <section className="card editor-section" aria-labelledby="judul-hapus">
      <h2 id="judul-hapus">Hapus draf</h2>
      <ConfirmButton
        label="Hapus draf seleksi…"
        groupLabel="Konfirmasi penghapusan draf"
        explanation={`Draf ini beserta ${formatNumber(selection.counts.formasi)} formasi drafnya akan dihapus. Lanjutkan?`}
        confirmLabel="Ya, hapus draf"
        pendingLabel="Menghapus…"
        onConfirm={() => remove.mutate()}
        pending={remove.isPending}
        error={remove.error}
        danger
        triggerClassName="button button-danger"
      />
    </section>
  );
}

function ReadOnlyRound({ selection }: { selection: Selection }) {
  return (
    <>
      <Section id="lihat-jadwal" title="Jadwal">
        <ScheduleList schedule={selection.schedule} />
      </Section>
      <Section id="lihat-dokumen" title="Dokumen persyaratan">
        <DocumentsTable documents={selection.requiredDocuments} />
      </Section>
      <Section id="lihat-tahapan" title="Tahapan dan bobot">
        <StagesTable stages={selection.pipeline} />
      </Section>
    </>
  );
}

function Editor({ agencyId, selectionId }: { agencyId: string; selectionId: string }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const { name: agencyName, timezone: zone } = useAgencyDetail(agencyId);
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>(() =>
    (location.state as { created?: boolean } | null)?.created ? 'Draf seleksi dibuat dari preset jenisnya. Lengkapi jadwal, periksa dokumen dan tahapan, lalu tambahkan formasi.' : null,
  );
  const [correcting, setCorrecting] = useState(false);
  const query = useQuery({ queryKey: selectionKeys.one(agencyId, selectionId), queryFn: () => selectionApi.get(agencyId, selectionId) });
  if (query.isPending) return <Loading label="Memuat seleksi…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { selection } = query.data;
  const manage = canManageSelections(me.data, agencyId);
  const saved = (next: Selection, message: string) => {
    queryClient.setQueryData(selectionKeys.one(agencyId, selectionId), { selection: next });
    void queryClient.invalidateQueries({ queryKey: selectionKeys.all(agencyId) });
    setCorrecting(false);
    setNotice(message);
    window.scrollTo({ top: 0 });
  };
  const draft = selection.status === 'draft';
  return (
    <>
      <p className="breadcrumb">
        <Link to={selectionPaths.list(agencyId)}>‹ Semua seleksi</Link>
      </p>
      <AgencyHeading title={selection.name} agencyName={agencyName} />
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <dl className="facts">
        <dt>Jenis</dt>
        <dd>
          {SELECTION_TYPE_LABELS[selection.type]} {selection.year}
        </dd>
        <dt>Status</dt>
        <dd>
          <span className={`tag tag-${selection.status}`}>{SELECTION_STATUS_LABELS[selection.status]}</span> versi {selection.version}
        </dd>
        <dt>Pendaftaran</dt>
        <dd>
          {selection.registrationOpensAt && selection.registrationClosesAt ? (
            <>
              <DateTime value={selection.registrationOpensAt} timeZone={zone} /> – <DateTime value={selection.registrationClosesAt} timeZone={zone} /> ({REGISTRATION_STATE_LABELS[selection.registrationState]})
            </>
          ) : (
            REGISTRATION_STATE_LABELS.unscheduled
          )}
        </dd>
        <dt>Formasi</dt>
        <dd>
          {formatNumber(selection.counts.formasi)} formasi, {formatNumber(selection.counts.places)} kebutuhan ·{' '}
          <Link to={selectionPaths.formasi(agencyId, selection.id)}>Kelola formasi</Link>
        </dd>
        {selection.status !== 'draft' ? (
          <>
            <dt>Portal publik</dt>
            <dd>
              <Link to={portalPaths.selection(selection.id)}>Lihat halaman seleksi di portal</Link>
            </dd>
            <dt>Setelah seleksi</dt>
            <dd>
              <Link to={trainingPaths.asnFeedback(agencyId, selection.id)}>Umpan balik ASN baru hasil seleksi ini</Link>
              {canManageEmployees(me.data, agencyId) ? (
                <>
                  {' · '}
                  <Link to={employeePaths.appoint(agencyId, selection.id)}>Angkat pegawai dari hasil akhir</Link>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>

      {draft && manage ? (
        <>
          <RoundForm key={selection.version} selection={selection} zone={zone} mode="draft" agencyId={agencyId} onSaved={saved} />
          <PublishPanel agencyId={agencyId} selection={selection} zone={zone} onPublished={(next) => saved(next, `Seleksi diumumkan (versi ${next.version}). Formasinya kini tampil di portal publik.`)} />
          <DeletePanel agencyId={agencyId} selection={selection} />
        </>
      ) : correcting ? (
        <>
          <Notice kind="info">Seleksi ini sudah diumumkan. Perubahan disimpan sebagai koreksi: versi baru, dengan alasan, tercatat di jejak audit.</Notice>
          <RoundForm key={selection.version} selection={selection} zone={zone} mode="correction" agencyId={agencyId} onSaved={saved} onCancel={() => setCorrecting(false)} />
        </>
      ) : (
        <>
          {selection.status === 'published' && manage ? (
            <p className="actions">
              <button type="button" className="button" onClick={() => setCorrecting(true)}>
                Ajukan koreksi…
              </button>
              <span className="muted">Jadwal, dokumen dan tahapan seleksi yang sudah diumumkan hanya dapat diubah melalui koreksi beralasan.</span>
            </p>
          ) : null}
          <ReadOnlyRound selection={selection} />
        </>
      )}
      <SelectionHistory
        key={selection.version}
        agencyId={agencyId}
        selectionId={selection.id}
        timeZone={zone}
        auditLink={canManageAgency(me.data, agencyId) ? `${selectionPaths.audit(agencyId)}?tindakan=selection.correct` : null}
      />
    </>
  );
}

export function SelectionEditorPage() {
  const { agencyId = '', selectionId = '' } = useParams();
  return <RequireAuth allow={(me) => canReadSelections(me, agencyId)}>{() => <Editor key={selectionId} agencyId={agencyId} selectionId={selectionId} />}</RequireAuth>;
}
