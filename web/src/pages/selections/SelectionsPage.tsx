import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { SelectionType } from '../../../../core/pipeline';
import { REGISTRATION_STATE_LABELS, SELECTION_STATUSES, SELECTION_STATUS_LABELS, SELECTION_TYPES, SELECTION_YEAR_MAX, SELECTION_YEAR_MIN, type SelectionStatus } from '../../../../core/selections';
import { SELECTION_TYPE_DESCRIPTIONS, SELECTION_TYPE_LABELS } from '../../../../core/selection-text';
import { useAgencyDetail, useMe } from '../../api/queries';
import { selectionApi, selectionKeys } from '../../api/selections';
import { DateTime } from '../../components/DateTime';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { SelectField, TextField } from '../../components/Field';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { Pagination } from '../../components/Pagination';
import { RequireAuth } from '../../components/RequireAuth';
import { SearchForm } from '../../components/SearchForm';
import { formatNumber } from '../../lib/time';
import { useListParams } from '../../lib/useListParams';
import { AgencyHeading } from '../admin/AgencyHeading';
import { canManageSelections, canReadSelections, selectionPaths } from './access';
import '../portal/portal.css';
import './selections.css';

const PAGE_SIZE = 20;
const labels = { type: 'Jenis seleksi', year: 'Tahun anggaran', name: 'Nama seleksi' };

function CreateForm({ agencyId, onCancel }: { agencyId: string; onCancel: () => void }) {
  const navigate = useNavigate();
  const [type, setType] = useState<SelectionType>('cpns');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: () => selectionApi.create(agencyId, { type, year: Number(year), name: name.trim() }),
    onSuccess: ({ selection }) => navigate(selectionPaths.editor(agencyId, selection.id), { state: { created: true } }),
  });
  return (
    <section className="card panel" aria-labelledby="judul-buat-seleksi">
      <h2 id="judul-buat-seleksi">Buat seleksi</h2>
      <p>Seleksi baru dibuat sebagai draf dari preset jenisnya (tahapan, bobot dan dokumen persyaratan), lalu dapat Anda ubah sebelum diumumkan.</p>
      <FormErrors error={create.error} labels={labels} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <SelectField
          label={labels.type}
          name="type"
          required
          value={type}
          onValueChange={(value) => setType(value as SelectionType)}
          options={SELECTION_TYPES.map((value) => ({ value, label: SELECTION_TYPE_LABELS[value] }))}
          error={fieldError(create.error, 'type')}
        />
        <p className="hint">{SELECTION_TYPE_DESCRIPTIONS[type]}</p>
        <TextField
          label={labels.year}
          name="year"
          type="number"
          inputMode="numeric"
          required
          min={SELECTION_YEAR_MIN}
          max={SELECTION_YEAR_MAX}
          value={year}
          onValueChange={setYear}
          error={fieldError(create.error, 'year')}
        />
        <TextField label={labels.name} name="name" required maxLength={200} placeholder="Seleksi CPNS Kota Manna 2026" value={name} onValueChange={setName} error={fieldError(create.error, 'name')} />
        <div className="actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? 'Membuat…' : 'Buat draf seleksi'}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Batal
          </button>
        </div>
      </form>
    </section>
  );
}

function SelectionList({ agencyId }: { agencyId: string }) {
  const me = useMe();
  const location = useLocation();
  const { name: agencyName, timezone } = useAgencyDetail(agencyId);
  const { q, page, extras, setQuery, setPage, update } = useListParams(['jenis', 'tahun', 'status']);
  const [creating, setCreating] = useState(false);
  const type = SELECTION_TYPES.find((value) => value === extras.jenis);
  const status = SELECTION_STATUSES.find((value) => value === extras.status);
  const year = /^\d{4}$/.test(extras.tahun ?? '') ? Number(extras.tahun) : undefined;
  const query = { q: q || undefined, type, status, year, page, pageSize: PAGE_SIZE };
  const list = useQuery({ queryKey: selectionKeys.list(agencyId, query), queryFn: () => selectionApi.list(agencyId, query), placeholderData: (previous) => previous });
  const deleted = (location.state as { notice?: string } | null)?.notice;
  return (
    <>
      <AgencyHeading title="Seleksi" agencyName={agencyName} />
      <p>Seleksi CPNS, PPPK dan seleksi terbuka JPT instansi ini: jadwal, dokumen persyaratan, tahapan dan bobotnya, serta formasinya.</p>
      {deleted ? <Notice kind="success">{deleted}</Notice> : null}
      {canManageSelections(me.data, agencyId) ? (
        creating ? (
          <CreateForm agencyId={agencyId} onCancel={() => setCreating(false)} />
        ) : (
          <p>
            <button type="button" className="button" onClick={() => setCreating(true)}>
              Buat seleksi
            </button>
          </p>
        )
      ) : null}

      <div className="filters" role="group" aria-label="Saring seleksi">
        <SelectField
          label="Jenis"
          name="jenis"
          value={type ?? ''}
          onValueChange={(value) => update({ jenis: value, halaman: null })}
          options={[{ value: '', label: 'Semua jenis' }, ...SELECTION_TYPES.map((value) => ({ value, label: SELECTION_TYPE_LABELS[value] }))]}
        />
        <SelectField
          label="Status"
          name="status"
          value={status ?? ''}
          onValueChange={(value) => update({ status: value, halaman: null })}
          options={[{ value: '', label: 'Semua status' }, ...SELECTION_STATUSES.map((value) => ({ value, label: SELECTION_STATUS_LABELS[value as SelectionStatus] }))]}
        />
        <TextField label="Tahun" name="tahun" type="number" inputMode="numeric" value={extras.tahun ?? ''} onValueChange={(value) => update({ tahun: value, halaman: null })} />
      </div>
      <SearchForm label="Cari nama seleksi" value={q} onSearch={setQuery} />

      {list.isPending ? (
        <Loading label="Memuat daftar seleksi…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{q || type || status || year ? 'Tidak ada seleksi yang cocok dengan saringan.' : 'Belum ada seleksi. Buat seleksi pertama instansi ini.'}</EmptyState>
      ) : (
        <>
          <ul className="card-list selection-cards">
            {list.data.items.map((selection) => (
              <li key={selection.id} className="card">
                <h2 className="h3">
                  <Link to={selectionPaths.editor(agencyId, selection.id)}>{selection.name}</Link>
                </h2>
                <p>
                  {SELECTION_TYPE_LABELS[selection.type]} {selection.year} · <span className={`tag tag-${selection.status}`}>{SELECTION_STATUS_LABELS[selection.status]}</span> · versi {selection.version}
                </p>
                <p>
                  {selection.registrationClosesAt ? (
                    <>
                      Pendaftaran ditutup <DateTime value={selection.registrationClosesAt} timeZone={timezone} /> ({REGISTRATION_STATE_LABELS[selection.registrationState]})
                    </>
                  ) : (
                    REGISTRATION_STATE_LABELS.unscheduled
                  )}
                </p>
                <p>
                  {formatNumber(selection.counts.formasi)} formasi, {formatNumber(selection.counts.places)} kebutuhan ·{' '}
                  <Link to={selectionPaths.formasi(agencyId, selection.id)}>
                    Formasi<span className="visually-hidden"> {selection.name}</span>
                  </Link>
                </p>
              </li>
            ))}
          </ul>
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPageChange={setPage} />
        </>
      )}
    </>
  );
}

export function SelectionsPage() {
  const { agencyId = '' } = useParams();
  return <RequireAuth allow={(me) => canReadSelections(me, agencyId)}>{() => <SelectionList key={agencyId} agencyId={agencyId} />}</RequireAuth>;
}
