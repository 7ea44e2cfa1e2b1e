import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { agencyApi } from '../../api/endpoints';
import { queryKeys } from '../../api/queries';
import { TIMEZONES, type Agency, type AgencyTimezone } from '../../api/types';
import { SelectField, TextField } from '../../components/Field';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { DateTime } from '../../components/DateTime';
import { PageTitle } from '../../components/PageTitle';
import { Pagination } from '../../components/Pagination';
import { RequireAuth } from '../../components/RequireAuth';
import { SearchForm } from '../../components/SearchForm';
import { isSuperAdmin } from '../../lib/roles';
import { isAgencyTimezone, timezoneAbbreviations, timezoneLabels } from '../../lib/time';
import { useListParams } from '../../lib/useListParams';

const PAGE_SIZE = 20;
const timezoneOptions = TIMEZONES.map((zone) => ({ value: zone, label: timezoneLabels[zone] }));
const labels = { code: 'Kode instansi', name: 'Nama instansi', region: 'Wilayah', timezone: 'Zona waktu' };

function CreateAgencyForm({ onDone }: { onDone: (agency: Agency) => void }) {
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [region, setRegion] = useState('');
  const [timezone, setTimezone] = useState<AgencyTimezone>('Asia/Jakarta');
  const create = useMutation({
    mutationFn: agencyApi.create,
    onSuccess: ({ agency }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.agenciesAll });
      void queryClient.invalidateQueries({ queryKey: queryKeys.publicAgencies });
      onDone(agency);
    },
  });
  return (
    <>
      <FormErrors error={create.error} labels={labels} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ code: code.trim(), name: name.trim(), region: region.trim(), timezone });
        }}
      >
        <TextField
          label={labels.code}
          name="code"
          required
          value={code}
          onValueChange={setCode}
          hint="Huruf kecil, angka, dan tanda hubung, misalnya kota-manna. Tidak dapat diubah setelah disimpan."
          error={fieldError(create.error, 'code')}
        />
        <TextField
          label={labels.name}
          name="name"
          required
          value={name}
          onValueChange={setName}
          hint="Contoh: BKPSDM Kota Manna"
          error={fieldError(create.error, 'name')}
        />
        <TextField
          label={labels.region}
          name="region"
          value={region}
          onValueChange={setRegion}
          hint="Contoh: Kota Manna, Bengkulu"
          error={fieldError(create.error, 'region')}
        />
        <SelectField
          label={labels.timezone}
          name="timezone"
          required
          value={timezone}
          options={timezoneOptions}
          onValueChange={(value) => isAgencyTimezone(value) && setTimezone(value)}
          error={fieldError(create.error, 'timezone')}
        />
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? 'Menyimpan…' : 'Simpan instansi'}
        </button>
      </form>
    </>
  );
}

function EditAgencyForm({ agency, onDone, onCancel }: { agency: Agency; onDone: (agency: Agency) => void; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(agency.name);
  const [region, setRegion] = useState(agency.region);
  const [timezone, setTimezone] = useState<AgencyTimezone>(agency.timezone);
  const update = useMutation({
    mutationFn: (body: { name: string; region: string; timezone: AgencyTimezone }) => agencyApi.update(agency.id, body),
    onSuccess: ({ agency: saved }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.agenciesAll });
      void queryClient.invalidateQueries({ queryKey: queryKeys.publicAgencies });
      onDone(saved);
    },
  });
  return (
    <>
      <FormErrors error={update.error} labels={labels} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate({ name: name.trim(), region: region.trim(), timezone });
        }}
      >
        <p>
          {labels.code}: <strong>{agency.code}</strong>
        </p>
        <TextField label={labels.name} name="name" required value={name} onValueChange={setName} error={fieldError(update.error, 'name')} />
        <TextField
          label={labels.region}
          name="region"
          value={region}
          onValueChange={setRegion}
          error={fieldError(update.error, 'region')}
        />
        <SelectField
          label={labels.timezone}
          name="timezone"
          required
          value={timezone}
          options={timezoneOptions}
          onValueChange={(value) => isAgencyTimezone(value) && setTimezone(value)}
          error={fieldError(update.error, 'timezone')}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={update.isPending}>
            {update.isPending ? 'Menyimpan…' : 'Simpan perubahan'}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Batal
          </button>
        </div>
      </form>
    </>
  );
}

type Panel = { kind: 'create' } | { kind: 'edit'; agency: Agency } | null;

function Agencies() {
  const { q, page, setQuery, setPage } = useListParams();
  const [panel, setPanel] = useState<Panel>(null);
  const [done, setDone] = useState<string | null>(null);
  const panelHeading = useRef<HTMLHeadingElement>(null);
  const list = useQuery({
    queryKey: queryKeys.agencies(q, page),
    queryFn: () => agencyApi.list({ q: q || undefined, page, pageSize: PAGE_SIZE }),
    placeholderData: (previous) => previous,
  });

  useEffect(() => {
    if (panel) panelHeading.current?.focus();
  }, [panel]);

  return (
    <>
      <PageTitle>Kelola instansi</PageTitle>
      <p>Daftar instansi (BKPSDM/BKD) yang menyelenggarakan seleksi di sistem ini.</p>
      {done ? <Notice kind="success">{done}</Notice> : null}

      {panel ? (
        <section className="card panel" aria-labelledby="judul-panel-instansi">
          <h2 id="judul-panel-instansi" tabIndex={-1} ref={panelHeading}>
            {panel.kind === 'create' ? 'Tambah instansi' : `Ubah instansi: ${panel.agency.name}`}
          </h2>
          {panel.kind === 'create' ? (
            <>
              <CreateAgencyForm
                onDone={(agency) => {
                  setPanel(null);
                  setDone(`Instansi ${agency.name} telah ditambahkan.`);
                }}
              />
              <button type="button" className="button button-secondary" onClick={() => setPanel(null)}>
                Batal
              </button>
            </>
          ) : (
            <EditAgencyForm
              key={panel.agency.id}
              agency={panel.agency}
              onCancel={() => setPanel(null)}
              onDone={(agency) => {
                setPanel(null);
                setDone(`Perubahan pada ${agency.name} telah disimpan.`);
              }}
            />
          )}
        </section>
      ) : (
        <p>
          <button
            type="button"
            className="button"
            onClick={() => {
              setDone(null);
              setPanel({ kind: 'create' });
            }}
          >
            Tambah instansi
          </button>
        </p>
      )}

      <SearchForm label="Cari instansi (kode, nama, atau wilayah)" value={q} onSearch={setQuery} />

      {list.isPending ? (
        <Loading label="Memuat daftar instansi…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{q ? `Tidak ada instansi yang cocok dengan “${q}”.` : 'Belum ada instansi.'}</EmptyState>
      ) : (
        <>
          <div className="table-wrap" role="region" aria-labelledby="judul-tabel-instansi" tabIndex={0}>
            <table>
              <caption id="judul-tabel-instansi">Daftar instansi</caption>
              <thead>
                <tr>
                  <th scope="col">Kode</th>
                  <th scope="col">Nama</th>
                  <th scope="col">Wilayah</th>
                  <th scope="col">Zona waktu</th>
                  <th scope="col">Dibuat</th>
                  <th scope="col">Aksi</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((agency) => (
                  <tr key={agency.id}>
                    <td>{agency.code}</td>
                    <th scope="row">{agency.name}</th>
                    <td>{agency.region}</td>
                    <td>
                      <abbr title={timezoneLabels[agency.timezone]}>{timezoneAbbreviations[agency.timezone] ?? agency.timezone}</abbr>
                    </td>
                    <td>
                      <DateTime value={agency.createdAt} timeZone={agency.timezone} />
                    </td>
                    <td>
                      <div className="row-actions">
                        <button
                          type="button"
                          className="button button-small button-secondary"
                          onClick={() => {
                            setDone(null);
                            setPanel({ kind: 'edit', agency });
                          }}
                        >
                          Ubah<span className="visually-hidden"> {agency.name}</span>
                        </button>
                        <Link to={`/admin/instansi/${agency.id}/staf`}>
                          Staf<span className="visually-hidden"> {agency.name}</span>
                        </Link>
                        <Link to={`/admin/instansi/${agency.id}/audit`}>
                          Audit<span className="visually-hidden"> {agency.name}</span>
                        </Link>
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

export function AgenciesPage() {
  return <RequireAuth allow={isSuperAdmin}>{() => <Agencies />}</RequireAuth>;
}
