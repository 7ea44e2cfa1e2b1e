import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { POSITION_KIND_LABELS, type PositionKind } from '../../../../core/planning';
import { errorMessage } from '../../api/client';
import { organisationApi, planningKeys, type AbkPositionAnalysis, type Task, type TaskInput } from '../../api/planning';
import { useAgencyDetail } from '../../api/queries';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { PageTitle } from '../../components/PageTitle';
import { RequireAuth } from '../../components/RequireAuth';
import { formatNumber } from '../../lib/time';
import { AbkFormula } from './AbkPage';
import { canManagePlanning, canReadPlanning, formatDecimal, parseDecimal, planningPaths } from './access';
import { PositionForm } from './PositionForm';
import './planning.css';

const taskLabels = { name: 'Uraian tugas', outputUnit: 'Satuan hasil', volumePerYear: 'Volume per tahun', normMinutes: 'Norma waktu (menit)' };

/** A decimal typed with a comma or point; text that is not a number goes to the server as typed, so it names the field. */
const numberOrText = (text: string) => {
  const value = parseDecimal(text);
  return Number.isNaN(value) ? (text.trim() as unknown as number) : value;
};

function TaskForm({ agencyId, positionId, task, onDone, onCancel }: { agencyId: string; positionId: string; task?: Task; onDone: (task: Task) => void; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(task?.name ?? '');
  const [outputUnit, setOutputUnit] = useState(task?.outputUnit ?? '');
  const [volume, setVolume] = useState(task ? formatDecimal(task.volumePerYear).replace(/\./g, '') : '');
  const [norm, setNorm] = useState(task ? formatDecimal(task.normMinutes).replace(/\./g, '') : '');
  const save = useMutation({
    mutationFn: (body: TaskInput) => (task ? organisationApi.updateTask(agencyId, positionId, task.id, body) : organisationApi.createTask(agencyId, positionId, body)),
    onSuccess: ({ task: saved }) => {
      void queryClient.invalidateQueries({ queryKey: planningKeys.all(agencyId) });
      onDone(saved);
    },
  });
  const volumeValue = parseDecimal(volume);
  const normValue = parseDecimal(norm);
  const preview = Number.isNaN(volumeValue) || Number.isNaN(normValue) ? null : volumeValue * normValue;
  return (
    <>
      <FormErrors error={save.error} labels={taskLabels} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ name: name.trim(), outputUnit: outputUnit.trim(), volumePerYear: numberOrText(volume), normMinutes: numberOrText(norm) });
        }}
      >
        <TextField label={taskLabels.name} name="name" required autoComplete="off" value={name} onValueChange={setName} error={fieldError(save.error, 'name')} />
        <TextField
          label={taskLabels.outputUnit}
          name="outputUnit"
          autoComplete="off"
          hint="Mis. dokumen, laporan, berkas, pasien."
          value={outputUnit}
          onValueChange={setOutputUnit}
          error={fieldError(save.error, 'outputUnit')}
        />
        <div className="plan-two-columns">
          <TextField
            label={taskLabels.volumePerYear}
            name="volumePerYear"
            required
            inputMode="decimal"
            autoComplete="off"
            hint="Jumlah hasil kerja setahun; desimal memakai koma."
            value={volume}
            onValueChange={setVolume}
            error={fieldError(save.error, 'volumePerYear')}
          />
          <TextField
            label={taskLabels.normMinutes}
            name="normMinutes"
            required
            inputMode="decimal"
            autoComplete="off"
            hint="Menit untuk menyelesaikan satu hasil kerja."
            value={norm}
            onValueChange={setNorm}
            error={fieldError(save.error, 'normMinutes')}
          />
        </div>
        <p className="hint" aria-live="polite">
          {preview === null ? 'Beban kerja tugas = volume × norma waktu.' : `Beban kerja tugas = ${formatDecimal(volumeValue)} × ${formatDecimal(normValue)} = ${formatDecimal(preview)} menit per tahun.`}
        </p>
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? 'Menyimpan…' : task ? 'Simpan uraian tugas' : 'Tambah uraian tugas'}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Batal
          </button>
        </div>
      </form>
    </>
  );
}

function Confirm({ text, confirm, action, onCancel }: { text: string; confirm: string; action: () => Promise<unknown>; onCancel: () => void }) {
  const run = useMutation({ mutationFn: action });
  return (
    <>
      <p>{text}</p>
      {run.isError ? <Notice kind="error">{errorMessage(run.error)}</Notice> : null}
      <div className="actions">
        <button type="button" className="button button-danger" onClick={() => run.mutate()} disabled={run.isPending}>
          {run.isPending ? 'Menghapus…' : confirm}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Batal
        </button>
      </div>
    </>
  );
}

/** The arithmetic of core/abk, step by step, with the result stated plainly. */
function Arithmetic({ analysis }: { analysis: AbkPositionAnalysis }) {
  const { calculation, problems } = analysis;
  return (
    <section aria-labelledby="judul-perhitungan">
      <h2 id="judul-perhitungan">Perhitungan ABK</h2>
      <AbkFormula settings={analysis.settings} />
      {calculation ? (
        <>
          <ol className="abk-steps" aria-label="Langkah perhitungan">
            {calculation.steps.map((step, index) => (
              <li key={index}>{step}</li>
            ))}
          </ol>
          <p className="abk-result" role="status">
            {calculation.proposedFormasi > 0
              ? `Usulan formasi: ${formatNumber(calculation.proposedFormasi)} orang`
              : calculation.shortfall < 0
                ? `Usulan formasi: 0 (kelebihan ${formatNumber(-calculation.shortfall)} pegawai)`
                : 'Usulan formasi: 0 (kebutuhan sudah terpenuhi)'}
          </p>
          {calculation.needExact.denominator !== 1 ? (
            <p className="hint">
              Kebutuhan tepatnya {calculation.needExact.numerator}/{calculation.needExact.denominator} orang; angka desimal hanya untuk dibaca, pembulatan
              memakai pecahan tepat ini.
            </p>
          ) : null}
        </>
      ) : (
        <Notice kind="error">
          ABK jabatan ini belum dapat dihitung: {problems.map((problem) => problem.message).join(' ')}
        </Notice>
      )}
    </section>
  );
}

type Panel = { kind: 'edit' } | { kind: 'delete' } | { kind: 'task'; task?: Task } | { kind: 'delete-task'; task: Task } | null;

function PositionDetail({ agencyId, positionId, canManage }: { agencyId: string; positionId: string; canManage: boolean }) {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { name: agencyName } = useAgencyDetail(agencyId);
  const [panel, setPanel] = useState<Panel>(null);
  const [done, setDone] = useState<string | null>((location.state as { created?: boolean } | null)?.created ? 'Jabatan telah ditambahkan. Tambahkan uraian tugasnya.' : null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (panel) heading.current?.focus();
  }, [panel]);
  const analysis = useQuery({ queryKey: planningKeys.position(agencyId, positionId), queryFn: () => organisationApi.positionAnalysis(agencyId, positionId) });
  const open = (next: Panel) => {
    setDone(null);
    setPanel(next);
  };

  if (analysis.isPending) return <Loading label="Memuat jabatan…" />;
  if (analysis.isError) {
    return (
      <>
        <PageTitle>Jabatan</PageTitle>
        <ErrorState error={analysis.error} onRetry={() => void analysis.refetch()} />
        <p>
          <Link to={planningPaths.abk(agencyId)}>Kembali ke analisis beban kerja</Link>
        </p>
      </>
    );
  }
  const { position, tasks, calculation } = analysis.data;
  const workload = new Map(calculation?.tasks.map((task, index) => [tasks[index]?.id, task.workloadMinutes]) ?? []);

  return (
    <>
      <p className="breadcrumb">
        <Link to={planningPaths.abk(agencyId)}>‹ Analisis beban kerja (ABK)</Link>
      </p>
      <PageTitle title={`${position.name} — ABK`}>
        {position.name}
        <span className="subtitle">
          {position.unitName}
          {agencyName ? ` · ${agencyName}` : ''}
        </span>
      </PageTitle>
      {done ? <Notice kind="success">{done}</Notice> : null}
      <dl className="facts">
        <dt>Kode jabatan</dt>
        <dd>{position.code}</dd>
        <dt>Unit kerja</dt>
        <dd>
          {position.unitCode} — {position.unitName}
        </dd>
        <dt>Jenis jabatan</dt>
        <dd>{POSITION_KIND_LABELS[position.jenis as PositionKind] ?? position.jenis}</dd>
        <dt>Bezetting</dt>
        <dd>{formatNumber(position.bezetting)} orang</dd>
        <dt>Pensiun dalam periode perencanaan</dt>
        <dd>{formatNumber(position.retiring)} orang</dd>
      </dl>
      {canManage && !panel ? (
        <div className="row-actions">
          <button type="button" className="button button-secondary" onClick={() => open({ kind: 'edit' })}>
            Ubah jabatan
          </button>
          <button type="button" className="button button-danger" onClick={() => open({ kind: 'delete' })}>
            Hapus jabatan
          </button>
        </div>
      ) : null}

      {panel ? (
        <section className="card panel" aria-labelledby="judul-panel-jabatan">
          <h2 id="judul-panel-jabatan" tabIndex={-1} ref={heading}>
            {panel.kind === 'edit'
              ? 'Ubah jabatan'
              : panel.kind === 'delete'
                ? `Hapus ${position.name}?`
                : panel.kind === 'task'
                  ? panel.task
                    ? 'Ubah uraian tugas'
                    : 'Tambah uraian tugas'
                  : `Hapus uraian tugas “${panel.task.name}”?`}
          </h2>
          {panel.kind === 'edit' ? (
            <PositionForm
              agencyId={agencyId}
              position={position}
              onCancel={() => setPanel(null)}
              onDone={() => {
                setPanel(null);
                setDone('Jabatan telah disimpan.');
              }}
            />
          ) : panel.kind === 'delete' ? (
            <Confirm
              text={`Jabatan ${position.name} beserta ${tasks.length} uraian tugasnya akan dihapus. Formasi yang pernah dibuat dari jabatan ini tetap ada dengan namanya.`}
              confirm="Ya, hapus jabatan"
              onCancel={() => setPanel(null)}
              action={async () => {
                await organisationApi.deletePosition(agencyId, position.id);
                await queryClient.invalidateQueries({ queryKey: planningKeys.all(agencyId) });
                navigate(planningPaths.abk(agencyId));
              }}
            />
          ) : panel.kind === 'task' ? (
            <TaskForm
              key={panel.task?.id ?? 'baru'}
              agencyId={agencyId}
              positionId={position.id}
              task={panel.task}
              onCancel={() => setPanel(null)}
              onDone={(task) => {
                setPanel(null);
                setDone(`Uraian tugas “${task.name}” telah disimpan; perhitungan diperbarui.`);
              }}
            />
          ) : (
            <Confirm
              text="Uraian tugas ini akan dihapus dan perhitungan ABK diperbarui."
              confirm="Ya, hapus uraian tugas"
              onCancel={() => setPanel(null)}
              action={async () => {
                await organisationApi.deleteTask(agencyId, position.id, panel.task.id);
                await queryClient.invalidateQueries({ queryKey: planningKeys.all(agencyId) });
                setPanel(null);
                setDone('Uraian tugas telah dihapus; perhitungan diperbarui.');
              }}
            />
          )}
        </section>
      ) : null}

      <section aria-labelledby="judul-tugas">
        <h2 id="judul-tugas">Uraian tugas</h2>
        {canManage && !panel ? (
          <p>
            <button type="button" className="button" onClick={() => open({ kind: 'task' })}>
              Tambah uraian tugas
            </button>
          </p>
        ) : null}
        {tasks.length === 0 ? (
          <EmptyState>Belum ada uraian tugas. Tanpa uraian tugas, beban kerja jabatan ini dihitung 0.</EmptyState>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="judul-tabel-tugas" tabIndex={0}>
            <table>
              <caption id="judul-tabel-tugas">Uraian tugas dan beban kerjanya</caption>
              <thead>
                <tr>
                  <th scope="col">Uraian tugas</th>
                  <th scope="col">Satuan hasil</th>
                  <th scope="col" className="plan-num">
                    Volume per tahun
                  </th>
                  <th scope="col" className="plan-num">
                    Norma waktu (menit)
                  </th>
                  <th scope="col" className="plan-num">
                    Beban kerja (menit)
                  </th>
                  {canManage ? <th scope="col">Aksi</th> : null}
                </tr>
              </thead>
              <tbody>
                {tasks.map((task) => (
                  <tr key={task.id}>
                    <th scope="row">{task.name}</th>
                    <td>{task.outputUnit || '—'}</td>
                    <td className="plan-num">{formatDecimal(task.volumePerYear)}</td>
                    <td className="plan-num">{formatDecimal(task.normMinutes)}</td>
                    <td className="plan-num">{formatDecimal(workload.get(task.id) ?? task.volumePerYear * task.normMinutes)}</td>
                    {canManage ? (
                      <td>
                        <div className="row-actions">
                          <button type="button" className="button button-small button-secondary" onClick={() => open({ kind: 'task', task })}>
                            Ubah<span className="visually-hidden"> {task.name}</span>
                          </button>
                          <button type="button" className="button button-small button-danger" onClick={() => open({ kind: 'delete-task', task })}>
                            Hapus<span className="visually-hidden"> {task.name}</span>
                          </button>
                        </div>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
              {calculation ? (
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={4}>
                      Total beban kerja
                    </th>
                    <td className="plan-num">
                      <strong>{formatDecimal(calculation.workloadMinutes)}</strong>
                    </td>
                    {canManage ? <td /> : null}
                  </tr>
                </tfoot>
              ) : null}
            </table>
          </div>
        )}
      </section>

      <Arithmetic analysis={analysis.data} />
    </>
  );
}

export function PositionPage() {
  const { agencyId = '', positionId = '' } = useParams();
  return (
    <RequireAuth allow={(me) => canReadPlanning(me, agencyId)}>
      {(me) => <PositionDetail key={positionId} agencyId={agencyId} positionId={positionId} canManage={canManagePlanning(me, agencyId)} />}
    </RequireAuth>
  );
}
