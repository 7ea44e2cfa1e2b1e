import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/client';
import { organisationApi, planningKeys, type Unit, type UnitInput } from '../../api/planning';
import { useAgencyDetail } from '../../api/queries';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { Pagination } from '../../components/Pagination';
import { RequireAuth } from '../../components/RequireAuth';
import { SearchForm } from '../../components/SearchForm';
import { formatNumber } from '../../lib/time';
import { useListParams } from '../../lib/useListParams';
import { AgencyHeading } from '../admin/AgencyHeading';
import { canManagePlanning, canReadPlanning, planningPaths } from './access';
import './planning.css';

const PAGE_SIZE = 20;
const labels = { code: 'Kode unit', name: 'Nama unit kerja' };

function UnitForm({ agencyId, unit, onDone, onCancel }: { agencyId: string; unit?: Unit; onDone: (unit: Unit) => void; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const [code, setCode] = useState(unit?.code ?? '');
  const [name, setName] = useState(unit?.name ?? '');
  const save = useMutation({
    mutationFn: (body: UnitInput) => (unit ? organisationApi.updateUnit(agencyId, unit.id, body) : organisationApi.createUnit(agencyId, body)),
    onSuccess: ({ unit: saved }) => {
      void queryClient.invalidateQueries({ queryKey: planningKeys.all(agencyId) });
      onDone(saved);
    },
  });
  return (
    <>
      <FormErrors error={save.error} labels={labels} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ code: code.trim(), name: name.trim() });
        }}
      >
        <TextField
          label={labels.code}
          name="code"
          required
          autoComplete="off"
          hint="Unik di instansi ini, mis. DISDIK atau 1.01."
          value={code}
          onValueChange={setCode}
          error={fieldError(save.error, 'code')}
        />
        <TextField label={labels.name} name="name" required autoComplete="off" value={name} onValueChange={setName} error={fieldError(save.error, 'name')} />
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? 'Menyimpan…' : unit ? 'Simpan unit kerja' : 'Tambah unit kerja'}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Batal
          </button>
        </div>
      </form>
    </>
  );
}

function DeleteUnit({ agencyId, unit, onDone, onCancel }: { agencyId: string; unit: Unit; onDone: () => void; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => organisationApi.deleteUnit(agencyId, unit.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: planningKeys.all(agencyId) });
      onDone();
    },
  });
  return (
    <>
      <p>
        Unit kerja {unit.name} ({unit.code}) akan dihapus. Unit yang masih memiliki jabatan tidak dapat dihapus; hapus atau pindahkan jabatannya
        terlebih dahulu.
      </p>
      {remove.isError ? <Notice kind="error">{errorMessage(remove.error)}</Notice> : null}
      <div className="actions">
        <button type="button" className="button button-danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
          {remove.isPending ? 'Menghapus…' : 'Ya, hapus unit kerja'}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Batal
        </button>
      </div>
    </>
  );
}

type Panel = { kind: 'add' } | { kind: 'edit'; unit: Unit } | { kind: 'delete'; unit: Unit } | null;

function Units({ agencyId, canManage }: { agencyId: string; canManage: boolean }) {
  const { q, page, setQuery, setPage } = useListParams();
  const { name: agencyName } = useAgencyDetail(agencyId);
  const [panel, setPanel] = useState<Panel>(null);
  const [done, setDone] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useQuery({
    queryKey: planningKeys.units(agencyId, q, page),
    queryFn: () => organisationApi.units(agencyId, { q: q || undefined, page, pageSize: PAGE_SIZE }),
    placeholderData: (previous) => previous,
  });
  useEffect(() => {
    if (panel) heading.current?.focus();
  }, [panel]);
  const open = (next: Panel) => {
    setDone(null);
    setPanel(next);
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to={planningPaths.abk(agencyId)}>‹ Analisis beban kerja (ABK)</Link>
      </p>
      <AgencyHeading title="Unit kerja" agencyName={agencyName} />
      <p>Unit kerja (OPD) menampung jabatan yang dianalisis beban kerjanya. Unit juga dapat diimpor sekaligus dari halaman ABK.</p>
      {done ? <Notice kind="success">{done}</Notice> : null}
      {panel ? (
        <section className="card panel" aria-labelledby="judul-panel-unit">
          <h2 id="judul-panel-unit" tabIndex={-1} ref={heading}>
            {panel.kind === 'add' ? 'Tambah unit kerja' : panel.kind === 'edit' ? `Ubah unit kerja: ${panel.unit.name}` : `Hapus ${panel.unit.name}?`}
          </h2>
          {panel.kind === 'delete' ? (
            <DeleteUnit
              agencyId={agencyId}
              unit={panel.unit}
              onCancel={() => setPanel(null)}
              onDone={() => {
                setDone(`Unit kerja ${panel.unit.name} telah dihapus.`);
                setPanel(null);
              }}
            />
          ) : (
            <UnitForm
              key={panel.kind === 'edit' ? panel.unit.id : 'baru'}
              agencyId={agencyId}
              unit={panel.kind === 'edit' ? panel.unit : undefined}
              onCancel={() => setPanel(null)}
              onDone={(unit) => {
                setDone(panel.kind === 'edit' ? `Unit kerja ${unit.name} telah disimpan.` : `Unit kerja ${unit.name} telah ditambahkan.`);
                setPanel(null);
              }}
            />
          )}
        </section>
      ) : canManage ? (
        <p>
          <button type="button" className="button" onClick={() => open({ kind: 'add' })}>
            Tambah unit kerja
          </button>
        </p>
      ) : null}

      <SearchForm label="Cari unit kerja (kode atau nama)" value={q} onSearch={setQuery} />
      {list.isPending ? (
        <Loading label="Memuat unit kerja…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{q ? `Tidak ada unit kerja yang cocok dengan “${q}”.` : 'Belum ada unit kerja. Tambahkan satu per satu atau impor dari XLSX di halaman ABK.'}</EmptyState>
      ) : (
        <>
          <div className="table-wrap" role="region" aria-labelledby="judul-tabel-unit" tabIndex={0}>
            <table>
              <caption id="judul-tabel-unit">Daftar unit kerja</caption>
              <thead>
                <tr>
                  <th scope="col">Kode</th>
                  <th scope="col">Nama unit kerja</th>
                  <th scope="col" className="plan-num">
                    Jabatan
                  </th>
                  {canManage ? <th scope="col">Aksi</th> : null}
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((unit) => (
                  <tr key={unit.id}>
                    <td>{unit.code}</td>
                    <th scope="row">
                      <Link to={`${planningPaths.abk(agencyId)}?unit=${unit.id}`}>{unit.name}</Link>
                    </th>
                    <td className="plan-num">{formatNumber(unit.positionCount)}</td>
                    {canManage ? (
                      <td>
                        <div className="row-actions">
                          <button type="button" className="button button-small button-secondary" onClick={() => open({ kind: 'edit', unit })}>
                            Ubah<span className="visually-hidden"> {unit.name}</span>
                          </button>
                          <button type="button" className="button button-small button-danger" onClick={() => open({ kind: 'delete', unit })}>
                            Hapus<span className="visually-hidden"> {unit.name}</span>
                          </button>
                        </div>
                      </td>
                    ) : null}
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

export function UnitsPage() {
  const { agencyId = '' } = useParams();
  return (
    <RequireAuth allow={(account) => canReadPlanning(account, agencyId)}>
      {(account) => <Units key={agencyId} agencyId={agencyId} canManage={canManagePlanning(account, agencyId)} />}
    </RequireAuth>
  );
}
