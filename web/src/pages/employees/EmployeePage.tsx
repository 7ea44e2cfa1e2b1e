import { useEffect, useId, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { employeeApi, employeeKeys, type Employee, type EmployeeDetail, type EndReason } from '../../api/employees';
import { useAgencyDetail } from '../../api/queries';
import { ErrorState, Loading, Notice } from '../../components/Feedback';
import { SelectField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { RequireAuth } from '../../components/RequireAuth';
import { TextAreaField } from '../../components/TextAreaField';
import { formatNumber } from '../../lib/time';
import { AgencyHeading } from '../admin/AgencyHeading';
import { EmployeeTraining } from '../training/EmployeeTraining';
import { EmployeeEvaluation } from '../evaluation/EmployeeEvaluation';
import { EMPLOYEE_SOURCE_LABELS, END_REASON_LABELS, canManageEmployees, employeePaths, endReasonLabel, formatIsoDate, statusLabel, statusTag, typeLabel } from './access';
import { EmployeeForm } from './EmployeeForm';

function Facts({ employee, agencyId }: { employee: Employee; agencyId: string }) {
  const rows: Array<[string, ReactNode]> = [
    ['NIP', employee.nip ?? 'Belum ada'],
    ['Jenis kepegawaian', typeLabel(employee.employmentType)],
    ['Status', <span className={`tag ${statusTag(employee.status)}`}>{statusLabel(employee.status)}</span>],
    ['Unit kerja', employee.unitName ?? 'Unit dihapus'],
    ['Jabatan', employee.positionName ?? '—'],
    ['TMT pengangkatan', formatIsoDate(employee.appointedAt)],
  ];
  if (employee.probationEndsAt) rows.push(['Akhir masa percobaan', formatIsoDate(employee.probationEndsAt)]);
  if (employee.confirmedAt) rows.push(['TMT PNS', formatIsoDate(employee.confirmedAt)]);
  if (employee.endedAt) rows.push(['Berhenti', `${formatIsoDate(employee.endedAt)} — ${endReasonLabel(employee.endReason)}`]);
  rows.push(['Atasan langsung', employee.supervisor ? <Link to={employeePaths.detail(agencyId, employee.supervisor.id)}>{employee.supervisor.name}</Link> : '—']);
  rows.push(['Akun', employee.accountEmail ?? 'Belum punya akun']);
  rows.push(['Sumber data', EMPLOYEE_SOURCE_LABELS[employee.source]]);
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function useRefresh(agencyId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: employeeKeys.all(agencyId) });
}

function SupervisorForm({ agencyId, employee, onDone }: { agencyId: string; employee: Employee; onDone: () => void }) {
  const id = useId();
  const refresh = useRefresh(agencyId);
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  const [chosen, setChosen] = useState(employee.supervisor?.id ?? '');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const candidates = useQuery({
    queryKey: employeeKeys.list(agencyId, { q: debounced, pageSize: 50, status: 'active' }),
    queryFn: () => employeeApi.list(agencyId, { q: debounced || undefined, pageSize: 50, status: 'active' }),
    placeholderData: (previous) => previous,
  });
  const save = useMutation({
    mutationFn: (supervisorEmployeeId: string | null) => employeeApi.setSupervisor(agencyId, employee.id, supervisorEmployeeId),
    onSuccess: () => {
      refresh();
      onDone();
    },
  });
  const options = (candidates.data?.items ?? []).filter((e) => e.id !== employee.id).map((e) => ({ value: e.id, label: `${e.name}${e.nip ? ` (${e.nip})` : ''} — ${e.unitName ?? ''}` }));
  if (employee.supervisor && !options.some((o) => o.value === employee.supervisor!.id)) options.unshift({ value: employee.supervisor.id, label: employee.supervisor.name });
  return (
    <>
      <FormErrors error={save.error} />
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(chosen || null);
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-cari`}>Cari calon atasan (nama atau NIP)</label>
          <input id={`${id}-cari`} type="search" value={search} onChange={(event) => setSearch(event.target.value)} autoComplete="off" />
        </div>
        <SelectField
          label="Atasan langsung"
          name="supervisorEmployeeId"
          value={chosen}
          options={[{ value: '', label: '— Tanpa atasan —' }, ...options]}
          onValueChange={setChosen}
          error={fieldError(save.error, 'supervisorEmployeeId')}
        />
        <p className="hint">Atasan yang punya akun mendapat peran Atasan dan dapat melihat pegawai ini serta menyetujui permintaan pelatihannya.</p>
        <FormActions pending={save.isPending} label="Simpan atasan" onCancel={onDone} />
      </form>
    </>
  );
}

function AccountForm({ agencyId, employee, onDone }: { agencyId: string; employee: Employee; onDone: () => void }) {
  const refresh = useRefresh(agencyId);
  const [email, setEmail] = useState('');
  const save = useMutation({
    mutationFn: () => employeeApi.linkAccount(agencyId, employee.id, email.trim()),
    onSuccess: () => {
      refresh();
      onDone();
    },
  });
  return (
    <>
      <FormErrors error={save.error} labels={{ email: 'Email' }} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <TextField
          label="Email pegawai"
          name="email"
          type="email"
          required
          autoComplete="off"
          value={email}
          onValueChange={setEmail}
          error={fieldError(save.error, 'email')}
          hint="Akun yang sudah ada (mis. akun pelamar) dihubungkan; email baru menerima undangan untuk membuat kata sandi."
        />
        <FormActions pending={save.isPending} label="Hubungkan akun" pendingLabel="Menghubungkan…" onCancel={onDone} />
      </form>
    </>
  );
}

function ConfirmForm({ agencyId, employee, onDone }: { agencyId: string; employee: Employee; onDone: () => void }) {
  const refresh = useRefresh(agencyId);
  const [date, setDate] = useState(employee.probationEndsAt ?? '');
  const save = useMutation({
    mutationFn: () => employeeApi.confirm(agencyId, employee.id, date),
    onSuccess: () => {
      refresh();
      onDone();
    },
  });
  return (
    <>
      <FormErrors error={save.error} labels={{ confirmedAt: 'TMT PNS' }} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <TextField label="TMT PNS" name="confirmedAt" type="date" required value={date} onValueChange={setDate} error={fieldError(save.error, 'confirmedAt')} hint="CPNS yang lulus masa percobaan dan pelatihan dasar diangkat menjadi PNS." />
        <FormActions pending={save.isPending} label="Angkat menjadi PNS" onCancel={onDone} />
      </form>
    </>
  );
}

function EndForm({ agencyId, employee, onDone }: { agencyId: string; employee: Employee; onDone: () => void }) {
  const refresh = useRefresh(agencyId);
  const [endedAt, setEndedAt] = useState('');
  const [reason, setReason] = useState<string>('');
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () => employeeApi.end(agencyId, employee.id, { endedAt, endReason: reason as EndReason, note }),
    onSuccess: () => {
      refresh();
      onDone();
    },
  });
  const reasons = Object.entries(END_REASON_LABELS).filter(([value]) => value !== 'tidak_lulus_percobaan' || employee.status === 'calon');
  return (
    <>
      <FormErrors error={save.error} labels={{ endedAt: 'Tanggal berhenti', endReason: 'Alasan' }} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <TextField label="Tanggal berhenti" name="endedAt" type="date" required value={endedAt} onValueChange={setEndedAt} error={fieldError(save.error, 'endedAt')} />
        <SelectField
          label="Alasan"
          name="endReason"
          required
          value={reason}
          options={[{ value: '', label: '— Pilih alasan —' }, ...reasons.map(([value, label]) => ({ value, label }))]}
          onValueChange={setReason}
          error={fieldError(save.error, 'endReason')}
        />
        <TextAreaField label="Catatan" name="note" rows={3} value={note} onValueChange={setNote} error={fieldError(save.error, 'note')} />
        <p className="hint">Data pegawai tetap tersimpan untuk angka retensi; pegawai tidak lagi muncul sebagai bawahan atau calon atasan.</p>
        <FormActions pending={save.isPending} label="Akhiri kepegawaian" onCancel={onDone} danger />
      </form>
    </>
  );
}

type Panel = 'none' | 'edit' | 'supervisor' | 'account' | 'confirm' | 'end';

function Recruitment({ detail }: { detail: EmployeeDetail }) {
  const r = detail.recruitment;
  return (
    <section className="card panel" aria-labelledby="judul-rekrutmen">
      <h2 id="judul-rekrutmen">Riwayat rekrutmen</h2>
      {r ? (
        <dl className="facts">
          <div>
            <dt>Seleksi</dt>
            <dd>
              {r.selectionName} ({r.selectionType.toUpperCase()} {r.selectionYear})
            </dd>
          </div>
          <div>
            <dt>Formasi</dt>
            <dd>{r.formasiName}</dd>
          </div>
          <div>
            <dt>Nomor pendaftaran</dt>
            <dd>{r.registrationNumber ?? '—'}</dd>
          </div>
          <div>
            <dt>Nilai akhir</dt>
            <dd>{r.finalScore === null ? 'Belum tersedia' : r.finalScore.toLocaleString('id-ID', { maximumFractionDigits: 3 })}</dd>
          </div>
          <div>
            <dt>Peringkat di formasi</dt>
            <dd>{r.rank === null ? '—' : formatNumber(r.rank)}</dd>
          </div>
        </dl>
      ) : (
        <p>{detail.employee.source === 'selection' ? 'Data seleksi tidak ditemukan.' : 'Pegawai ini tidak direkrut melalui seleksi di sistem ini (data impor atau input manual).'}</p>
      )}
    </section>
  );
}

function EmployeeView({ agencyId, employeeId }: { agencyId: string; employeeId: string }) {
  const agency = useAgencyDetail(agencyId);
  const [panel, setPanel] = useState<Panel>('none');
  const [saved, setSaved] = useState<string | null>(null);
  const detail = useQuery({ queryKey: employeeKeys.detail(agencyId, employeeId), queryFn: () => employeeApi.detail(agencyId, employeeId) });
  if (detail.isPending) return <Loading label="Memuat data pegawai…" />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const { employee, staff, can } = detail.data;
  const done = (message: string) => () => {
    setPanel('none');
    setSaved(message);
  };
  const toggle = (next: Panel) => {
    setSaved(null);
    setPanel((current) => (current === next ? 'none' : next));
  };
  const forms: Record<Exclude<Panel, 'none'>, [string, ReactNode]> = {
    edit: ['Ubah data pegawai', <EmployeeForm agencyId={agencyId} employee={employee} onDone={done('Data pegawai disimpan.')} onCancel={() => setPanel('none')} />],
    supervisor: ['Atasan langsung', <SupervisorForm agencyId={agencyId} employee={employee} onDone={done('Atasan disimpan.')} />],
    account: ['Akun pegawai', <AccountForm agencyId={agencyId} employee={employee} onDone={done('Akun dihubungkan. Pegawai dapat masuk dan melihat pelatihannya.')} />],
    confirm: ['Pengangkatan PNS', <ConfirmForm agencyId={agencyId} employee={employee} onDone={done('Pegawai diangkat menjadi PNS.')} />],
    end: ['Akhiri kepegawaian', <EndForm agencyId={agencyId} employee={employee} onDone={done('Kepegawaian diakhiri.')} />],
  };
  return (
    <>
      {can.manage ? (
        <p className="breadcrumb">
          <Link to={employeePaths.list(agencyId)}>‹ Daftar pegawai</Link>
        </p>
      ) : null}
      <AgencyHeading title={employee.name} agencyName={agency.name} />
      {saved ? <Notice kind="success">{saved}</Notice> : null}
      {can.manage && employee.status !== 'ended' ? (
        <div className="toolbar">
          <button type="button" className="button button-secondary" aria-expanded={panel === 'edit'} onClick={() => toggle('edit')}>
            Ubah data
          </button>
          <button type="button" className="button button-secondary" aria-expanded={panel === 'supervisor'} onClick={() => toggle('supervisor')}>
            Atur atasan
          </button>
          {!employee.accountId ? (
            <button type="button" className="button button-secondary" aria-expanded={panel === 'account'} onClick={() => toggle('account')}>
              Buat/hubungkan akun
            </button>
          ) : null}
          {employee.status === 'calon' ? (
            <button type="button" className="button button-secondary" aria-expanded={panel === 'confirm'} onClick={() => toggle('confirm')}>
              Angkat menjadi PNS
            </button>
          ) : null}
          <button type="button" className="button button-secondary" aria-expanded={panel === 'end'} onClick={() => toggle('end')}>
            Akhiri kepegawaian
          </button>
        </div>
      ) : null}
      {panel !== 'none' ? (
        <section className="card panel" aria-labelledby="judul-formulir-pegawai">
          <h2 id="judul-formulir-pegawai">{forms[panel][0]}</h2>
          {forms[panel][1]}
        </section>
      ) : null}
      <section className="card panel" aria-labelledby="judul-data-pegawai">
        <h2 id="judul-data-pegawai">Data kepegawaian</h2>
        <Facts employee={employee} agencyId={agencyId} />
      </section>
      {staff.length ? (
        <section className="card panel" aria-labelledby="judul-bawahan">
          <h2 id="judul-bawahan">Bawahan langsung ({formatNumber(staff.length)})</h2>
          <ul className="link-list">
            {staff.map((person) => (
              <li key={person.id}>
                <Link to={employeePaths.detail(agencyId, person.id)}>{person.name}</Link>
                {person.nip ? <span className="muted"> · {person.nip}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Recruitment detail={detail.data} />
      <EmployeeTraining agencyId={agencyId} employeeId={employee.id} canManage={can.manage} />
      <EmployeeEvaluation agencyId={agencyId} employeeId={employee.id} unitId={employee.unitId} employeeName={employee.name} canManage={can.manage} />
    </>
  );
}

export function EmployeePage() {
  const { agencyId = '', employeeId = '' } = useParams();
  return (
    <RequireAuth allow={(me) => canManageEmployees(me, agencyId) || me.roles.some((grant) => grant.agencyId === agencyId && (grant.role === 'pegawai' || grant.role === 'atasan'))}>
      {() => <EmployeeView key={`${agencyId}/${employeeId}`} agencyId={agencyId} employeeId={employeeId} />}
    </RequireAuth>
  );
}
