import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { staffApi } from '../../api/endpoints';
import { errorMessage } from '../../api/client';
import { queryKeys, useAgencyDetail } from '../../api/queries';
import type { Staff } from '../../api/types';
import { CheckboxGroup, TextField } from '../../components/Field';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { DateTime } from '../../components/DateTime';
import { Pagination } from '../../components/Pagination';
import { RequireAuth } from '../../components/RequireAuth';
import { SearchForm } from '../../components/SearchForm';
import { canManageAgency, roleLabels, roleList, staffRoles } from '../../lib/roles';
import { useListParams } from '../../lib/useListParams';
import { AgencyHeading } from './AgencyHeading';

const PAGE_SIZE = 20;
const roleOptions = staffRoles.map((role) => ({ value: role, label: roleLabels[role] }));
const statusLabels: Record<Staff['status'], string> = { invited: 'Diundang', active: 'Aktif' };
const labels = { email: 'Alamat email', name: 'Nama lengkap', roles: 'Peran' };

function InviteForm({ agencyId, onDone }: { agencyId: string; onDone: (staff: Staff) => void }) {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const invite = useMutation({
    mutationFn: (body: { email: string; name: string; roles: string[] }) => staffApi.invite(agencyId, body),
    onSuccess: ({ staff }) => {
      setEmail('');
      setName('');
      setRoles([]);
      void queryClient.invalidateQueries({ queryKey: queryKeys.staffAll(agencyId) });
      onDone(staff);
    },
  });
  return (
    <>
      <FormErrors error={invite.error} labels={labels} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          invite.mutate({ email: email.trim(), name: name.trim(), roles });
        }}
      >
        <TextField
          label={labels.name}
          name="name"
          required
          autoComplete="off"
          value={name}
          onValueChange={setName}
          error={fieldError(invite.error, 'name')}
        />
        <TextField
          label={labels.email}
          name="email"
          type="email"
          required
          autoComplete="off"
          inputMode="email"
          value={email}
          onValueChange={setEmail}
          error={fieldError(invite.error, 'email')}
        />
        <CheckboxGroup
          legend="Peran (pilih satu atau lebih)"
          name="roles"
          options={roleOptions}
          values={roles}
          onValuesChange={setRoles}
          error={fieldError(invite.error, 'roles')}
        />
        <button type="submit" className="button" disabled={invite.isPending}>
          {invite.isPending ? 'Mengirim undangan…' : 'Kirim undangan'}
        </button>
      </form>
    </>
  );
}

function RolesForm({
  agencyId,
  staff,
  onDone,
  onCancel,
}: {
  agencyId: string;
  staff: Staff;
  onDone: (staff: Staff) => void;
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const [roles, setRoles] = useState<string[]>(staff.roles);
  const save = useMutation({
    mutationFn: (next: string[]) => staffApi.setRoles(agencyId, staff.accountId, next),
    onSuccess: ({ staff: saved }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.staffAll(agencyId) });
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
          save.mutate(roles);
        }}
      >
        <CheckboxGroup
          legend={`Peran ${staff.name}`}
          name="roles"
          options={roleOptions}
          values={roles}
          onValuesChange={setRoles}
          error={fieldError(save.error, 'roles')}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? 'Menyimpan…' : 'Simpan peran'}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Batal
          </button>
        </div>
      </form>
    </>
  );
}

function RemoveConfirm({
  agencyId,
  staff,
  onDone,
  onCancel,
}: {
  agencyId: string;
  staff: Staff;
  onDone: () => void;
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => staffApi.remove(agencyId, staff.accountId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.staffAll(agencyId) });
      onDone();
    },
  });
  return (
    <>
      <p>
        {staff.name} ({staff.email}) akan kehilangan semua peran di instansi ini. Akunnya tetap ada dan riwayat di jejak
        audit tidak berubah.
      </p>
      {remove.isError ? <Notice kind="error">{errorMessage(remove.error)}</Notice> : null}
      <div className="actions">
        <button type="button" className="button button-danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
          {remove.isPending ? 'Menghapus…' : 'Ya, hapus dari staf'}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Batal
        </button>
      </div>
    </>
  );
}

type Panel = { kind: 'invite' } | { kind: 'roles'; staff: Staff } | { kind: 'remove'; staff: Staff } | null;

function panelTitle(panel: NonNullable<Panel>): string {
  if (panel.kind === 'invite') return 'Undang staf';
  if (panel.kind === 'roles') return `Ubah peran: ${panel.staff.name}`;
  return `Hapus ${panel.staff.name} dari staf?`;
}

function StaffList({ agencyId }: { agencyId: string }) {
  const { q, page, setQuery, setPage } = useListParams();
  const { name: agencyName, timezone: timeZone } = useAgencyDetail(agencyId);
  const [panel, setPanel] = useState<Panel>(null);
  const [done, setDone] = useState<string | null>(null);
  const panelHeading = useRef<HTMLHeadingElement>(null);
  const list = useQuery({
    queryKey: queryKeys.staff(agencyId, q, page),
    queryFn: () => staffApi.list(agencyId, { q: q || undefined, page, pageSize: PAGE_SIZE }),
    placeholderData: (previous) => previous,
  });

  useEffect(() => {
    if (panel) panelHeading.current?.focus();
  }, [panel]);

  const open = (next: Panel) => {
    setDone(null);
    setPanel(next);
  };

  return (
    <>
      <AgencyHeading title="Staf instansi" agencyName={agencyName} />
      <p>Staf yang diundang menerima email berisi tautan untuk membuat kata sandi.</p>
      {done ? <Notice kind="success">{done}</Notice> : null}

      {panel ? (
        <section className="card panel" aria-labelledby="judul-panel-staf">
          <h2 id="judul-panel-staf" tabIndex={-1} ref={panelHeading}>
            {panelTitle(panel)}
          </h2>
          {panel.kind === 'invite' ? (
            <>
              <InviteForm
                agencyId={agencyId}
                onDone={(staff) => {
                  setPanel(null);
                  setDone(`Undangan telah dikirim ke ${staff.email}.`);
                }}
              />
              <button type="button" className="button button-secondary" onClick={() => setPanel(null)}>
                Batal
              </button>
            </>
          ) : panel.kind === 'roles' ? (
            <RolesForm
              key={panel.staff.accountId}
              agencyId={agencyId}
              staff={panel.staff}
              onCancel={() => setPanel(null)}
              onDone={(staff) => {
                setPanel(null);
                setDone(`Peran ${staff.name} telah diperbarui.`);
              }}
            />
          ) : (
            <RemoveConfirm
              key={panel.staff.accountId}
              agencyId={agencyId}
              staff={panel.staff}
              onCancel={() => setPanel(null)}
              onDone={() => {
                setDone(`${panel.staff.name} telah dihapus dari staf instansi.`);
                setPanel(null);
              }}
            />
          )}
        </section>
      ) : (
        <p>
          <button type="button" className="button" onClick={() => open({ kind: 'invite' })}>
            Undang staf
          </button>
        </p>
      )}

      <SearchForm label="Cari staf (nama atau email)" value={q} onSearch={setQuery} />

      {list.isPending ? (
        <Loading label="Memuat daftar staf…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{q ? `Tidak ada staf yang cocok dengan “${q}”.` : 'Belum ada staf di instansi ini.'}</EmptyState>
      ) : (
        <>
          <div className="table-wrap" role="region" aria-labelledby="judul-tabel-staf" tabIndex={0}>
            <table>
              <caption id="judul-tabel-staf">Daftar staf</caption>
              <thead>
                <tr>
                  <th scope="col">Nama</th>
                  <th scope="col">Email</th>
                  <th scope="col">Peran</th>
                  <th scope="col">Status</th>
                  <th scope="col">Terakhir masuk</th>
                  <th scope="col">Aksi</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((staff) => (
                  <tr key={staff.accountId}>
                    <th scope="row">{staff.name}</th>
                    <td>{staff.email}</td>
                    <td>{roleList(staff.roles) || '—'}</td>
                    <td>
                      <span className={`tag tag-${staff.status}`}>{statusLabels[staff.status] ?? staff.status}</span>
                    </td>
                    <td>{staff.lastLoginAt ? <DateTime value={staff.lastLoginAt} timeZone={timeZone} /> : 'Belum pernah'}</td>
                    <td>
                      <div className="row-actions">
                        <button
                          type="button"
                          className="button button-small button-secondary"
                          onClick={() => open({ kind: 'roles', staff })}
                        >
                          Ubah peran<span className="visually-hidden"> {staff.name}</span>
                        </button>
                        <button
                          type="button"
                          className="button button-small button-danger"
                          onClick={() => open({ kind: 'remove', staff })}
                        >
                          Hapus<span className="visually-hidden"> {staff.name}</span>
                        </button>
                      </div>
                    </td>
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

export function StaffPage() {
  const { agencyId = '' } = useParams();
  return (
    <RequireAuth allow={(me) => canManageAgency(me, agencyId)}>{() => <StaffList key={agencyId} agencyId={agencyId} />}</RequireAuth>
  );
}
