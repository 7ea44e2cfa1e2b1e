import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { employeeApi, employeeKeys, type EmployeeImportResult } from '../../api/employees';
import { useAgencyDetail } from '../../api/queries';
import { selectionApi, selectionKeys } from '../../api/selections';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { SelectField } from '../../components/Field';
import { Pagination } from '../../components/Pagination';
import { RequireAuth } from '../../components/RequireAuth';
import { SearchForm } from '../../components/SearchForm';
import { formatNumber } from '../../lib/time';
import { useListParams } from '../../lib/useListParams';
import { AgencyHeading } from '../admin/AgencyHeading';
import { ImportPanel } from '../planning/ImportPanel';
import { UnitSelect } from '../planning/UnitSelect';
import { EMPLOYEE_STATUS_LABELS, EMPLOYMENT_TYPE_LABELS, canManageEmployees, employeePaths, formatIsoDate, statusLabel, statusTag, typeLabel } from './access';
import { EmployeeForm } from './EmployeeForm';

const PAGE_SIZE = 20;
const statusOptions = [{ value: '', label: 'Semua status' }, ...Object.entries(EMPLOYEE_STATUS_LABELS).map(([value, label]) => ({ value, label }))];
const typeOptions = [{ value: '', label: 'Semua jenis' }, ...Object.entries(EMPLOYMENT_TYPE_LABELS).map(([value, label]) => ({ value, label }))];

/** Choose a round whose final list to appoint. */
function AppointFromSelection({ agencyId }: { agencyId: string }) {
  const navigate = useNavigate();
  const [selectionId, setSelectionId] = useState('');
  const rounds = useQuery({ queryKey: selectionKeys.list(agencyId, { pageSize: 100 }), queryFn: () => selectionApi.list(agencyId, { pageSize: 100 }) });
  const options = (rounds.data?.items ?? []).filter((s) => s.status !== 'draft').map((s) => ({ value: s.id, label: `${s.name} (${s.year})` }));
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (selectionId) navigate(employeePaths.appoint(agencyId, selectionId));
      }}
    >
      <SelectField
        label="Seleksi yang hasil akhirnya diangkat"
        name="selectionId"
        value={selectionId}
        options={[{ value: '', label: rounds.isPending ? 'Memuat seleksi…' : options.length ? '— Pilih seleksi —' : 'Belum ada seleksi yang diumumkan' }, ...options]}
        onValueChange={setSelectionId}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={!selectionId}>
          Lihat peserta yang diangkat
        </button>
      </div>
    </form>
  );
}

function EmployeeList({ agencyId }: { agencyId: string }) {
  const agency = useAgencyDetail(agencyId);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { q, page, extras, setQuery, setPage, update } = useListParams(['unit', 'status', 'jenis']);
  const [panel, setPanel] = useState<'none' | 'create' | 'import' | 'appoint'>('none');
  const query = { q: q || undefined, page, pageSize: PAGE_SIZE, unitId: extras.unit || undefined, status: extras.status || undefined, employmentType: extras.jenis || undefined };
  const list = useQuery({ queryKey: employeeKeys.list(agencyId, query), queryFn: () => employeeApi.list(agencyId, query), placeholderData: (previous) => previous });
  const toggle = (next: typeof panel) => setPanel((current) => (current === next ? 'none' : next));
  return (
    <>
      <AgencyHeading title="Pegawai" agencyName={agency.name} />
      <p className="lead">Pegawai instansi: hasil seleksi yang diangkat, data lama yang diimpor, dan atasan langsung masing-masing.</p>
      <div className="toolbar">
        <button type="button" className="button" aria-expanded={panel === 'create'} onClick={() => toggle('create')}>
          Tambah pegawai
        </button>
        <button type="button" className="button button-secondary" aria-expanded={panel === 'import'} onClick={() => toggle('import')}>
          Impor dari XLSX
        </button>
        <button type="button" className="button button-secondary" aria-expanded={panel === 'appoint'} onClick={() => toggle('appoint')}>
          Angkat dari hasil seleksi
        </button>
        <a className="button button-secondary" href={employeeApi.exportUrl(agencyId, { q: query.q, unitId: query.unitId, status: query.status, employmentType: query.employmentType })} download>
          Unduh XLSX
        </a>
      </div>
      {panel === 'create' ? (
        <section className="card panel" aria-labelledby="judul-tambah-pegawai">
          <h2 id="judul-tambah-pegawai">Tambah pegawai</h2>
          <EmployeeForm agencyId={agencyId} onDone={(employee) => navigate(employeePaths.detail(agencyId, employee.id))} onCancel={() => setPanel('none')} />
        </section>
      ) : null}
      {panel === 'import' ? (
        <section className="card panel" aria-labelledby="judul-impor-pegawai">
          <h2 id="judul-impor-pegawai">Impor pegawai</h2>
          <ImportPanel<{ result: EmployeeImportResult }>
            what="pegawai"
            templateUrl={employeeApi.templateUrl(agencyId)}
            upload={(file) => employeeApi.import(agencyId, file)}
            describe={({ result }) => `Impor berhasil: ${formatNumber(result.created)} pegawai baru, ${formatNumber(result.updated)} diperbarui, ${formatNumber(result.supervisors)} dengan atasan.`}
            onImported={() => void queryClient.invalidateQueries({ queryKey: employeeKeys.all(agencyId) })}
            onClose={() => setPanel('none')}
          />
        </section>
      ) : null}
      {panel === 'appoint' ? (
        <section className="card panel" aria-labelledby="judul-angkat">
          <h2 id="judul-angkat">Angkat pegawai dari hasil seleksi</h2>
          <p>Peserta yang lulus pada daftar hasil akhir (pasca sanggah) yang sudah diumumkan menjadi pegawai di unit penempatannya; CPNS berstatus masa percobaan.</p>
          <AppointFromSelection agencyId={agencyId} />
        </section>
      ) : null}
      <div className="filters">
        <SearchForm label="Cari nama atau NIP" value={q} onSearch={setQuery} />
        <UnitSelect agencyId={agencyId} label="Unit kerja" emptyLabel="Semua unit kerja" value={extras.unit ?? ''} onChange={(value) => update({ unit: value, halaman: null })} />
        <SelectField label="Status" name="status" value={extras.status ?? ''} options={statusOptions} onValueChange={(value) => update({ status: value, halaman: null })} />
        <SelectField label="Jenis kepegawaian" name="jenis" value={extras.jenis ?? ''} options={typeOptions} onValueChange={(value) => update({ jenis: value, halaman: null })} />
      </div>
      {list.isPending ? (
        <Loading label="Memuat pegawai…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{q || extras.unit || extras.status || extras.jenis ? 'Tidak ada pegawai yang cocok.' : 'Belum ada pegawai. Tambahkan, impor dari XLSX, atau angkat dari hasil seleksi.'}</EmptyState>
      ) : (
        <>
          <div className="table-wrap" role="region" aria-labelledby="judul-tabel-pegawai" tabIndex={0}>
            <table>
              <caption id="judul-tabel-pegawai">Daftar pegawai ({formatNumber(list.data.total)})</caption>
              <thead>
                <tr>
                  <th scope="col">Nama / NIP</th>
                  <th scope="col">Jenis</th>
                  <th scope="col">Status</th>
                  <th scope="col">Unit kerja / jabatan</th>
                  <th scope="col">Atasan</th>
                  <th scope="col">TMT</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((employee) => (
                  <tr key={employee.id}>
                    <th scope="row">
                      <Link to={employeePaths.detail(agencyId, employee.id)}>{employee.name}</Link>
                      <span className="subtitle">{employee.nip ?? 'NIP belum ada'}</span>
                    </th>
                    <td>{typeLabel(employee.employmentType)}</td>
                    <td>
                      <span className={`tag ${statusTag(employee.status)}`}>{statusLabel(employee.status)}</span>
                    </td>
                    <td>
                      {employee.unitName ?? 'Unit dihapus'}
                      {employee.positionName ? <span className="subtitle">{employee.positionName}</span> : null}
                    </td>
                    <td>{employee.supervisor?.name ?? '—'}</td>
                    <td>{formatIsoDate(employee.appointedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPageChange={setPage} />
        </>
      )}
    </>
  );
}

export function EmployeesPage() {
  const { agencyId = '' } = useParams();
  return <RequireAuth allow={(me) => canManageEmployees(me, agencyId)}>{() => <EmployeeList key={agencyId} agencyId={agencyId} />}</RequireAuth>;
}
