import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { panelApi, panelKeys, REASON_MIN, type Assessor, type ComponentDetail, type PanelCandidate } from '../../api/panel-scores';
import { useAgencyDetail, useMe } from '../../api/queries';
import type { AgencyTimezone } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { CheckboxGroup, SelectField } from '../../components/Field';
import { ConfirmButton } from '../../components/ConfirmButton';
import { FormErrors } from '../../components/FormErrors';
import { Pagination } from '../../components/Pagination';
import { RequireAuth } from '../../components/RequireAuth';
import { SearchForm } from '../../components/SearchForm';
import { TextAreaField } from '../../components/TextAreaField';
import { formatNumber } from '../../lib/time';
import { useListParams } from '../../lib/useListParams';
import { AgencyHeading } from '../admin/AgencyHeading';
import { panelAccess, panelPaths } from './access';
import { CorrectionSection } from './CorrectionSection';
import { AGGREGATION_LABELS, CANDIDATE_STATUS_LABELS, CandidateStatusTag, assessorKindLabel, formatScore } from './shared';
import './panel.css';

type Assignment = PanelCandidate['assignments'][number];

type Action =
  | { kind: 'reopen'; candidate: PanelCandidate; assignment: Assignment }
  | { kind: 'confirm'; candidate: PanelCandidate }
  | { kind: 'remove'; candidate: PanelCandidate; assignment: Assignment }
  | { kind: 'replace'; candidate: PanelCandidate; assignment: Assignment }
  | { kind: 'absent'; candidate: PanelCandidate }
  | { kind: 'present'; candidate: PanelCandidate };

const ACTION_TITLES: Record<Action['kind'], string> = {
  reopen: 'Buka kembali nilai penguji',
  confirm: 'Konfirmasi nilai meski selisihnya di atas batas',
  remove: 'Keluarkan penguji dari peserta',
  replace: 'Tetapkan penguji pengganti',
  absent: 'Tandai peserta tidak hadir',
  present: 'Batalkan tanda tidak hadir',
};

const ACTION_HELP: Record<Action['kind'], string> = {
  reopen: 'Penguji diberi tahu dan dapat mengirim ulang nilainya. Alasan tercatat di riwayat moderasi dan jejak audit.',
  confirm: 'Nilai para penguji dipakai apa adanya. Alasan tercatat di riwayat moderasi dan jejak audit.',
  remove: 'Hanya untuk penguji yang belum mengirim nilai. Tetapkan penggantinya sesudahnya.',
  replace: 'Penguji pengganti diberi tahu dan harus menyatakan tidak ada konflik kepentingan sebelum menilai.',
  absent: 'Peserta yang tidak hadir tidak dinilai pada komponen ini.',
  present: 'Peserta dapat dinilai kembali.',
};

function ActionForm({ agencyId, detail, action, assessors, onClose, onDone }: {
  agencyId: string;
  detail: ComponentDetail;
  action: Action;
  assessors: Assessor[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const [reason, setReason] = useState('');
  const [replacement, setReplacement] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [action]);
  const componentId = detail.component.id;
  const applicationId = action.candidate.applicationId;
  const run = useMutation({
    mutationFn: async () => {
      switch (action.kind) {
        case 'reopen':
          return panelApi.moderate(agencyId, componentId, applicationId, { action: 'reopen', assignmentId: action.assignment.id, reason });
        case 'confirm':
          return panelApi.moderate(agencyId, componentId, applicationId, { action: 'confirm', reason });
        case 'remove':
          return panelApi.removeAssignment(agencyId, action.assignment.id, reason);
        case 'replace':
          return panelApi.replaceAssignment(agencyId, action.assignment.id, replacement);
        case 'absent':
          return panelApi.absence(agencyId, componentId, applicationId, true, reason);
        case 'present':
          return panelApi.absence(agencyId, componentId, applicationId, false, reason);
      }
    },
    onSuccess: () => onDone(`${ACTION_TITLES[action.kind]}: tersimpan untuk ${action.candidate.name}.`),
  });
  const taken = new Set(action.candidate.assignments.filter((a) => a.status !== 'removed').map((a) => a.assessor.id));
  const choices = assessors.filter((assessor) => !taken.has(assessor.accountId));
  const needsReason = action.kind !== 'replace';
  const ready = needsReason ? reason.trim().length >= REASON_MIN : replacement !== '';
  return (
    <section className="card panel" aria-labelledby="judul-tindakan">
      <h2 id="judul-tindakan" tabIndex={-1} ref={headingRef}>
        {ACTION_TITLES[action.kind]} — {action.candidate.name}
      </h2>
      {'assignment' in action ? <p>Penguji: {action.assignment.assessor.name}</p> : null}
      {action.kind === 'confirm' ? <p>Selisih nilai: {formatScore(action.candidate.spread)} (batas {formatScore(detail.component.settings.spreadThreshold)}).</p> : null}
      <p className="hint">{ACTION_HELP[action.kind]}</p>
      <FormErrors error={run.error} />
      {needsReason ? (
        <TextAreaField label="Alasan" rows={3} maxLength={1000} required value={reason} onValueChange={setReason} hint={`Minimal ${REASON_MIN} karakter.`} />
      ) : (
        <SelectField
          label="Penguji pengganti"
          value={replacement}
          required
          options={[{ value: '', label: 'Pilih penguji…' }, ...choices.map((assessor) => ({ value: assessor.accountId, label: `${assessor.name} — ${assessorKindLabel(assessor.kind)}` }))]}
          onValueChange={setReplacement}
        />
      )}
      <div className="actions">
        <button type="button" className="button" disabled={!ready || run.isPending} onClick={() => run.mutate()}>
          {run.isPending ? 'Menyimpan…' : 'Simpan'}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose}>
          Batal
        </button>
      </div>
    </section>
  );
}

function AssignmentLine({ assignment, timezone, canManage, onAction, candidate, replaced }: {
  assignment: Assignment;
  timezone: AgencyTimezone;
  canManage: boolean;
  onAction: (action: Action) => void;
  candidate: PanelCandidate;
  replaced: boolean;
}) {
  const { assessor, score } = assignment;
  let state: string;
  if (assignment.status === 'conflict') state = `konflik kepentingan: ${assignment.conflictReason ?? ''}`;
  else if (assignment.status === 'removed') state = `dikeluarkan: ${assignment.endReason ?? ''}`;
  else if (assignment.scoreHidden) state = 'nilai disembunyikan sampai Anda mengirim nilai Anda';
  else if (score?.status === 'submitted') state = `total ${formatScore(score.total)}`;
  else if (score?.status === 'reopened') state = 'dibuka kembali, menunggu revisi';
  else if (!assignment.declaredAt) state = 'belum menyatakan bebas konflik';
  else state = 'belum mengirim nilai';
  return (
    <li className="assessor-line">
      <strong>{assessor.name}</strong> <span className="muted">({assessorKindLabel(assessor.kind)}{assessor.institution ? `, ${assessor.institution}` : ''})</span>: {state}
      {score?.status === 'submitted' && !assignment.scoreHidden ? (
        <>
          {' '}
          <span className="muted">
            · <DateTime value={score.submittedAt} timeZone={timezone} />
          </span>
        </>
      ) : null}
      {score?.note && !assignment.scoreHidden ? <div className="muted">Catatan: {score.note}</div> : null}
      {canManage ? (
        <span className="row-actions">
          {assignment.status === 'active' && score?.status === 'submitted' ? (
            <button type="button" className="button button-secondary button-small" onClick={() => onAction({ kind: 'reopen', candidate, assignment })}>
              Buka kembali nilai {assessor.name}
            </button>
          ) : null}
          {assignment.status === 'active' && !score ? (
            <button type="button" className="button button-secondary button-small" onClick={() => onAction({ kind: 'remove', candidate, assignment })}>
              Keluarkan {assessor.name}
            </button>
          ) : null}
          {assignment.status !== 'active' && !replaced ? (
            <button type="button" className="button button-small" onClick={() => onAction({ kind: 'replace', candidate, assignment })}>
              Tetapkan pengganti {assessor.name}
            </button>
          ) : null}
        </span>
      ) : null}
    </li>
  );
}

function CandidateRows({ detail, timezone, canManage, selected, setSelected, onAction }: {
  detail: ComponentDetail;
  timezone: AgencyTimezone;
  canManage: boolean;
  selected: string[];
  setSelected: (ids: string[]) => void;
  onAction: (action: Action) => void;
}) {
  return (
    <div className="table-wrap" role="region" aria-labelledby="cap-peserta" tabIndex={0}>
      <table>
        <caption id="cap-peserta">Peserta, penguji, nilai dan selisih</caption>
        <thead>
          <tr>
            {canManage ? (
              <th scope="col">
                <span className="visually-hidden">Pilih</span>
              </th>
            ) : null}
            <th scope="col">Peserta</th>
            <th scope="col">Status</th>
            <th scope="col">Penguji</th>
            <th scope="col">Nilai</th>
            <th scope="col">Selisih</th>
            {canManage ? <th scope="col">Tindakan</th> : null}
          </tr>
        </thead>
        <tbody>
          {detail.candidates.map((candidate) => {
            const replacedIds = new Set(candidate.assignments.map((a) => a.replaces).filter(Boolean));
            return (
              <tr key={candidate.applicationId}>
                {canManage ? (
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Pilih ${candidate.name}`}
                      checked={selected.includes(candidate.applicationId)}
                      disabled={candidate.absent}
                      onChange={(event) => setSelected(event.target.checked ? [...selected, candidate.applicationId] : selected.filter((id) => id !== candidate.applicationId))}
                    />
                  </td>
                ) : null}
                <th scope="row">
                  {candidate.name}
                  <br />
                  <span className="muted">
                    {candidate.registrationNumber} · {candidate.formasi}
                  </span>
                </th>
                <td>
                  <CandidateStatusTag status={candidate.status} />
                  {candidate.absent && candidate.absentReason ? <div className="muted">{candidate.absentReason}</div> : null}
                </td>
                <td>
                  {candidate.assignments.length === 0 ? (
                    'Belum ada penguji'
                  ) : (
                    <ul className="link-list">
                      {candidate.assignments.map((assignment) => (
                        <AssignmentLine key={assignment.id} assignment={assignment} timezone={timezone} canManage={canManage} onAction={onAction} candidate={candidate} replaced={replacedIds.has(assignment.id)} />
                      ))}
                    </ul>
                  )}
                </td>
                <td>{candidate.hidden ? 'disembunyikan' : formatScore(candidate.score)}</td>
                <td>
                  {candidate.hidden ? '—' : formatScore(candidate.spread)}
                  {candidate.flagged ? <div className="flag">{candidate.confirmed ? 'di atas batas — dikonfirmasi' : 'di atas batas — perlu moderasi'}</div> : null}
                </td>
                {canManage ? (
                  <td className="row-actions">
                    {candidate.status === 'flagged' ? (
                      <button type="button" className="button button-small" onClick={() => onAction({ kind: 'confirm', candidate })}>
                        Konfirmasi nilai {candidate.name}
                      </button>
                    ) : null}
                    {candidate.absent ? (
                      <button type="button" className="button button-secondary button-small" onClick={() => onAction({ kind: 'present', candidate })}>
                        Batalkan tidak hadir
                      </button>
                    ) : !candidate.assignments.some((a) => a.score) ? (
                      <button type="button" className="button button-secondary button-small" onClick={() => onAction({ kind: 'absent', candidate })}>
                        Tandai {candidate.name} tidak hadir
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function AssignForm({ agencyId, componentId, assessors, selected, onDone }: { agencyId: string; componentId: string; assessors: Assessor[]; selected: string[]; onDone: (message: string) => void }) {
  const [chosen, setChosen] = useState<string[]>([]);
  const assign = useMutation({
    mutationFn: () => panelApi.assign(agencyId, componentId, selected, chosen),
    onSuccess: ({ created }) => {
      setChosen([]);
      onDone(`${formatNumber(created)} penugasan baru dibuat.`);
    },
  });
  return (
    <section className="card" aria-labelledby="judul-tugaskan">
      <h2 id="judul-tugaskan">Tugaskan penguji</h2>
      <p className="hint">Pilih peserta pada tabel di bawah (centang), lalu pilih penguji. Setiap penguji yang dipilih ditugaskan ke setiap peserta yang dipilih.</p>
      <FormErrors error={assign.error} />
      {assessors.length === 0 ? (
        <EmptyState>Belum ada penguji di instansi ini.</EmptyState>
      ) : (
        <CheckboxGroup
          legend="Penguji"
          name="penguji"
          options={assessors.map((assessor) => ({ value: assessor.accountId, label: `${assessor.name} — ${assessorKindLabel(assessor.kind)}${assessor.institution ? `, ${assessor.institution}` : ''} (${assessor.workload} tugas berjalan)` }))}
          values={chosen}
          onValuesChange={setChosen}
        />
      )}
      <p role="status">Peserta dipilih: {formatNumber(selected.length)}</p>
      <button type="button" className="button" disabled={selected.length === 0 || chosen.length === 0 || assign.isPending} onClick={() => assign.mutate()}>
        {assign.isPending ? 'Menugaskan…' : 'Tugaskan penguji terpilih'}
      </button>
    </section>
  );
}

function LockSection({ agencyId, detail, timezone, onDone }: { agencyId: string; detail: ComponentDetail; timezone: AgencyTimezone; onDone: (message: string) => void }) {
  const lock = useMutation({ mutationFn: () => panelApi.lock(agencyId, detail.component.id), onSuccess: ({ hash, candidates }) => onDone(`Nilai ${formatNumber(candidates)} peserta dikunci. Sidik jari SHA-256: ${hash}`) });
  const { component } = detail;
  return (
    <section aria-labelledby="judul-kunci">
      <h2 id="judul-kunci">Penguncian nilai</h2>
      {component.status === 'locked' ? (
        <p>
          Dikunci <DateTime value={component.lockedAt} timeZone={timezone} />
          {component.lockedBy ? ` oleh ${component.lockedBy.name}` : ''}. Nilai hanya dapat diubah melalui koreksi beralasan yang menyimpan nilai aslinya.
        </p>
      ) : (
        <>
          {detail.lock.issues.length ? (
            <>
              <p>Nilai belum dapat dikunci:</p>
              <ul>
                {detail.lock.issues.map((issue) => (
                  <li key={issue}>{issue}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>Semua peserta sudah dinilai lengkap atau ditandai tidak hadir.</p>
          )}
          {detail.lock.allowed ? (
            <ConfirmButton
              label={`Kunci nilai ${component.name}`}
              groupLabel="Konfirmasi penguncian"
              explanation="Setelah dikunci, nilai, penugasan, tanda tidak hadir dan moderasi komponen ini tidak dapat diubah oleh siapa pun. Nilai yang dikunci dipakai untuk integrasi dan peringkat."
              confirmLabel="Ya, kunci nilai"
              pendingLabel="Mengunci…"
              onConfirm={() => lock.mutate()}
              pending={lock.isPending}
              error={lock.error}
              danger
            />
          ) : null}
        </>
      )}
    </section>
  );
}

const FILTERS = ['', 'unassigned', 'incomplete', 'flagged', 'ready', 'absent'] as const;

function Component({ agencyId, componentId }: { agencyId: string; componentId: string }) {
  const me = useMe();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { name: agencyName, timezone } = useAgencyDetail(agencyId);
  const { q, page, extras, setQuery, setPage, update } = useListParams(['status']);
  const params = { q, page, status: extras.status || undefined };
  const [selected, setSelected] = useState<string[]>([]);
  const [action, setAction] = useState<Action | null>(null);
  const [message, setMessage] = useState<string | null>((location.state as { saved?: boolean } | null)?.saved ? 'Rubrik tersimpan.' : null);
  const detail = useQuery({ queryKey: panelKeys.component(agencyId, componentId, params), queryFn: () => panelApi.component(agencyId, componentId, params) });
  const canManage = Boolean(detail.data?.can.manage);
  const assessors = useQuery({ queryKey: panelKeys.assessors(agencyId), queryFn: () => panelApi.assessors(agencyId), enabled: canManage });
  const done = (text: string) => {
    setMessage(text);
    setAction(null);
    setSelected([]);
    void queryClient.invalidateQueries({ queryKey: panelKeys.all(agencyId) });
  };
  if (detail.isPending) return <Loading label="Memuat komponen…" />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const data = detail.data;
  const { component } = data;
  return (
    <div className="panel-scores">
      <p className="breadcrumb">
        <Link to={panelPaths.index(agencyId)}>‹ Penilaian panel</Link>
      </p>
      <AgencyHeading title={`${component.name} — ${component.selection.name}`} agencyName={agencyName} />
      {message ? <Notice kind="success">{message}</Notice> : null}
      {!panelAccess.manage(me.data, agencyId) ? <Notice kind="info">Tampilan pengawas: hanya untuk dibaca. Setiap perubahan tercatat di jejak audit.</Notice> : null}
      <dl className="facts">
        <dt>Tahap</dt>
        <dd>
          {component.stageName}
          {component.componentKey ? ` (komponen ${component.name})` : ''}, bobot {component.weight.toLocaleString('id-ID')}%
        </dd>
        <dt>Skala</dt>
        <dd>
          {component.min}–{component.max} ({component.levels.map((level) => `${level.value} ${level.label}`).join(', ')})
        </dd>
        <dt>Nilai komponen</dt>
        <dd>{AGGREGATION_LABELS[component.settings.aggregation]} dari total para penguji, dibulatkan sekali ke dua desimal</dd>
        <dt>Batas selisih</dt>
        <dd>{formatScore(component.settings.spreadThreshold)}</dd>
        <dt>Penguji minimal</dt>
        <dd>{component.settings.minAssessors} per peserta</dd>
        <dt>Status</dt>
        <dd>{component.status === 'locked' ? 'Dikunci' : 'Berjalan'}</dd>
      </dl>
      <details>
        <summary>Rubrik: {component.criteria.length} kriteria</summary>
        <div className="table-wrap" role="region" aria-labelledby="cap-rubrik" tabIndex={0}>
          <table>
            <caption id="cap-rubrik">Kriteria dan bobot</caption>
            <thead>
              <tr>
                <th scope="col">Kriteria</th>
                <th scope="col">Bobot</th>
                <th scope="col">Uraian</th>
              </tr>
            </thead>
            <tbody>
              {component.criteria.map((criterion) => (
                <tr key={criterion.key}>
                  <th scope="row">{criterion.name}</th>
                  <td>{criterion.weight.toLocaleString('id-ID')}%</td>
                  <td>{criterion.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <p>
        <a href={panelApi.exportUrl(agencyId, component.id)} download>
          Unduh nilai {component.name} (XLSX): per peserta, per penguji dan kriteria, moderasi, rubrik
        </a>
      </p>
      {canManage && component.rubricEditable ? (
        <p>
          <Link to={panelPaths.editRubric(agencyId, component.id)}>Ubah rubrik (selama belum ada nilai terkirim)</Link>
        </p>
      ) : null}
      {data.waiting ? <Notice kind="info">{data.waiting}</Notice> : null}
      {action ? <ActionForm agencyId={agencyId} detail={data} action={action} assessors={assessors.data?.items ?? []} onClose={() => setAction(null)} onDone={done} /> : null}
      <nav aria-label="Saring peserta menurut status">
        <ul className="chips">
          {FILTERS.map((status) => (
            <li key={status || 'semua'}>
              <Link
                to={`?${new URLSearchParams({ ...(q ? { q } : {}), ...(status ? { status } : {}) }).toString()}`}
                aria-current={(extras.status || '') === status ? 'true' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  update({ status: status || null, halaman: null });
                }}
              >
                {status ? CANDIDATE_STATUS_LABELS[status] : 'Semua'} ({formatNumber(data.counts[status || 'all'] ?? 0)})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <SearchForm label="Cari peserta (nama atau nomor pendaftaran)" value={q} onSearch={setQuery} />
      {canManage && !data.waiting ? <AssignForm agencyId={agencyId} componentId={component.id} assessors={assessors.data?.items ?? []} selected={selected} onDone={done} /> : null}
      {data.candidates.length === 0 ? (
        <EmptyState>{data.waiting ? 'Peserta tahap ini belum dapat ditetapkan.' : q || extras.status ? 'Tidak ada peserta yang cocok.' : 'Belum ada peserta pada tahap ini.'}</EmptyState>
      ) : (
        <>
          {canManage ? (
            <p>
              <button type="button" className="button button-secondary button-small" onClick={() => setSelected(data.candidates.filter((c) => !c.absent).map((c) => c.applicationId))}>
                Pilih semua peserta di halaman ini
              </button>
            </p>
          ) : null}
          <CandidateRows detail={data} timezone={timezone} canManage={canManage} selected={selected} setSelected={setSelected} onAction={setAction} />
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPageChange={setPage} label="Halaman peserta" />
        </>
      )}
      <section aria-labelledby="judul-moderasi">
        <h2 id="judul-moderasi">Riwayat moderasi</h2>
        {data.moderations.length === 0 ? (
          <EmptyState>Belum ada moderasi.</EmptyState>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="cap-moderasi" tabIndex={0}>
            <table>
              <caption id="cap-moderasi">Setiap moderasi dengan alasannya</caption>
              <thead>
                <tr>
                  <th scope="col">Waktu</th>
                  <th scope="col">Peserta</th>
                  <th scope="col">Tindakan</th>
                  <th scope="col">Selisih saat itu</th>
                  <th scope="col">Alasan</th>
                  <th scope="col">Oleh</th>
                </tr>
              </thead>
              <tbody>
                {data.moderations.map((moderation) => (
                  <tr key={moderation.id}>
                    <td>
                      <DateTime value={moderation.createdAt} timeZone={timezone} />
                    </td>
                    <td>
                      {moderation.candidate.name} <span className="muted">{moderation.candidate.registrationNumber}</span>
                    </td>
                    <td>{moderation.action === 'reopen' ? 'Nilai dibuka kembali' : 'Nilai dikonfirmasi'}</td>
                    <td>{formatScore(moderation.spread)}</td>
                    <td>{moderation.reason}</td>
                    <td>{moderation.actor.name}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <LockSection agencyId={agencyId} detail={data} timezone={timezone} onDone={done} />
      <CorrectionSection agencyId={agencyId} detail={data} timezone={timezone} canCorrect={panelAccess.correct(me.data, agencyId)} />
    </div>
  );
}

export function ComponentPage() {
  const { agencyId = '', componentId = '' } = useParams();
  return <RequireAuth allow={(me) => panelAccess.read(me, agencyId)}>{() => <Component key={componentId} agencyId={agencyId} componentId={componentId} />}</RequireAuth>;
}
