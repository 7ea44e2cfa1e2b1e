import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { FORMASI_KIND_RULES } from '../../../../core/eligibility';
import { EDUCATION_LEVELS, EDUCATION_LEVEL_LABELS } from '../../../../core/planning';
import { formasiKindLabel, SELECTION_TYPE_LABELS } from '../../../../core/selection-text';
import { SELECTION_TYPES, SELECTION_YEAR_MAX, SELECTION_YEAR_MIN } from '../../../../core/selections';
import { usePublicAgencies } from '../../api/queries';
import { portalApi, selectionKeys, type FormasiSearchQuery } from '../../api/selections';
import { DateTime } from '../../components/DateTime';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { SelectField, TextField } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { Pagination } from '../../components/Pagination';
import { zoneOf } from '../../lib/agencyTime';
import { formatNumber } from '../../lib/time';
import { portalPaths } from '../selections/access';
import './portal.css';

const PAGE_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Filters as they appear in the URL (Indonesian names, so a shared link reads well). */
type Filters = { q: string; jenjang: string; prodi: string; unit: string; jenis: string; instansi: string; tipe: string; tahun: string; seleksi: string };
const FILTER_KEYS: Array<keyof Filters> = ['q', 'jenjang', 'prodi', 'unit', 'jenis', 'instansi', 'tipe', 'tahun', 'seleksi'];

function readFilters(params: URLSearchParams): Filters {
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? ''])) as Filters;
}

/** The API query for the filters; values the server would refuse are dropped rather than shown as an error. */
function toQuery(filters: Filters, page: number): FormasiSearchQuery {
  const year = Number(filters.tahun);
  return {
    q: filters.q.trim().slice(0, 100) || undefined,
    level: filters.jenjang || undefined,
    programme: filters.prodi.trim().slice(0, 100) || undefined,
    unit: filters.unit.trim().slice(0, 100) || undefined,
    kind: Object.hasOwn(FORMASI_KIND_RULES, filters.jenis) ? filters.jenis : undefined,
    agencyId: UUID.test(filters.instansi) ? filters.instansi : undefined,
    selectionId: UUID.test(filters.seleksi) ? filters.seleksi : undefined,
    type: (SELECTION_TYPES as readonly string[]).includes(filters.tipe) ? filters.tipe : undefined,
    year: Number.isInteger(year) && year >= SELECTION_YEAR_MIN && year <= SELECTION_YEAR_MAX ? year : undefined,
    page,
    pageSize: PAGE_SIZE,
  };
}

function SearchFilters({ value, onSearch }: { value: Filters; onSearch: (filters: Filters) => void }) {
  const agencies = usePublicAgencies();
  const [draft, setDraft] = useState(value);
  const headingId = useId();
  useEffect(() => setDraft(value), [value]);
  const set = (key: keyof Filters) => (next: string) => setDraft((current) => ({ ...current, [key]: next }));
  const advanced = Boolean(value.prodi || value.unit || value.instansi || value.tipe || value.tahun);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(draft);
  };
  return (
    <form role="search" aria-labelledby={headingId} className="portal-search" onSubmit={submit}>
      <h2 id={headingId} className="visually-hidden">
        Saring formasi
      </h2>
      <div className="portal-search-main">
        <TextField label="Jabatan atau kata kunci" name="q" type="search" placeholder="contoh: guru matematika, perawat" value={draft.q} onValueChange={set('q')} />
        <SelectField
          label="Jenjang pendidikan"
          name="jenjang"
          value={draft.jenjang}
          onValueChange={set('jenjang')}
          options={[{ value: '', label: 'Semua jenjang' }, ...EDUCATION_LEVELS.map((level) => ({ value: level, label: EDUCATION_LEVEL_LABELS[level] }))]}
        />
        <SelectField
          label="Jenis formasi"
          name="jenis"
          value={draft.jenis}
          onValueChange={set('jenis')}
          options={[{ value: '', label: 'Semua jenis formasi' }, ...Object.keys(FORMASI_KIND_RULES).map((kind) => ({ value: kind, label: formasiKindLabel(kind) }))]}
        />
      </div>
      <details className="portal-search-more" open={advanced}>
        <summary>Saringan lainnya (program studi, unit penempatan, instansi, jenis dan tahun seleksi)</summary>
        <div className="portal-search-main">
          <TextField label="Program studi" name="prodi" placeholder="contoh: informatika" value={draft.prodi} onValueChange={set('prodi')} />
          <TextField label="Unit penempatan" name="unit" placeholder="contoh: puskesmas" value={draft.unit} onValueChange={set('unit')} />
          <SelectField
            label="Instansi"
            name="instansi"
            value={draft.instansi}
            onValueChange={set('instansi')}
            options={[{ value: '', label: 'Semua instansi' }, ...(agencies.data?.items ?? []).map((agency) => ({ value: agency.id, label: agency.name }))]}
          />
          <SelectField
            label="Jenis seleksi"
            name="tipe"
            value={draft.tipe}
            onValueChange={set('tipe')}
            options={[{ value: '', label: 'Semua jenis seleksi' }, ...SELECTION_TYPES.map((type) => ({ value: type, label: SELECTION_TYPE_LABELS[type] }))]}
          />
          <TextField label="Tahun" name="tahun" type="number" inputMode="numeric" min={SELECTION_YEAR_MIN} max={SELECTION_YEAR_MAX} value={draft.tahun} onValueChange={set('tahun')} />
        </div>
      </details>
      <div className="actions">
        <button type="submit" className="button">
          Cari formasi
        </button>
        {FILTER_KEYS.some((key) => value[key]) ? (
          <button type="button" className="button button-secondary" onClick={() => onSearch(Object.fromEntries(FILTER_KEYS.map((key) => [key, ''])) as Filters)}>
            Hapus semua saringan
          </button>
        ) : null}
      </div>
    </form>
  );
}

export function FormasiSearchPage() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const rawPage = Number.parseInt(params.get('halaman') ?? '1', 10);
  const page = Number.isFinite(rawPage) && rawPage > 0 ? Math.min(rawPage, 500) : 1;
  const query = toQuery(filters, page);
  const results = useQuery({
    queryKey: selectionKeys.portalSearch(query),
    queryFn: ({ signal }) => portalApi.searchFormasi(query, signal),
    placeholderData: (previous) => previous,
  });
  const round = useQuery({ queryKey: selectionKeys.portalSelection(query.selectionId ?? ''), queryFn: () => portalApi.selection(query.selectionId!), enabled: Boolean(query.selectionId) });

  const search = (next: Filters) => {
    const search = new URLSearchParams();
    for (const key of FILTER_KEYS) if (next[key].trim()) search.set(key, next[key].trim());
    setParams(search);
  };
  const setPage = (next: number) => {
    const search = new URLSearchParams(params);
    if (next > 1) search.set('halaman', String(next));
    else search.delete('halaman');
    setParams(search);
    window.scrollTo({ top: 0 });
  };

  return (
    <>
      <PageTitle title="Cari formasi">Cari formasi</PageTitle>
      <p className="lead">Formasi yang diumumkan semua instansi untuk seleksi yang sedang atau akan dibuka. Pendaftaran tidak dipungut biaya.</p>
      {query.selectionId ? (
        <p className="filter-chip">
          Seleksi: <strong>{round.data?.selection.name ?? '…'}</strong>{' '}
          <Link to={portalPaths.selection(query.selectionId)}>halaman seleksi</Link> ·{' '}
          <button type="button" className="link-button" onClick={() => search({ ...filters, seleksi: '' })}>
            tampilkan semua seleksi
          </button>
        </p>
      ) : null}
      <SearchFilters value={filters} onSearch={search} />

      {results.isPending ? (
        <Loading label="Mencari formasi…" />
      ) : results.isError ? (
        <ErrorState error={results.error} onRetry={() => void results.refetch()} />
      ) : (
        <section aria-labelledby="judul-hasil">
          <h2 id="judul-hasil" className="results-heading">
            <span role="status">{results.data.total === 0 ? 'Tidak ada formasi yang cocok' : `${formatNumber(results.data.total)} formasi ditemukan`}</span>
          </h2>
          {results.data.items.length === 0 ? (
            <EmptyState>Coba kata kunci lain, atau kurangi saringan. Formasi dari seleksi yang pendaftarannya sudah ditutup tidak ditampilkan.</EmptyState>
          ) : (
            <>
              <ul className="result-list">
                {results.data.items.map((item) => {
                  const zone = zoneOf(item.agency.timezone);
                  return (
                    <li key={item.id} className="card result">
                      <h3>
                        <Link to={portalPaths.formasi(item.id)}>{item.positionName}</Link>
                      </h3>
                      <p className="result-unit">
                        {item.unitName} · {item.agency.name}
                      </p>
                      <p>
                        <span className="tag">
                          {SELECTION_TYPE_LABELS[item.selection.type]} {item.selection.year}
                        </span>{' '}
                        {item.kind !== 'umum' ? <span className="tag tag-kind">{formasiKindLabel(item.kind)}</span> : null} {formatNumber(item.count)} kebutuhan
                      </p>
                      <p className="muted">
                        {item.educationLevels.join(', ')}
                        {item.programmes.length ? `: ${item.programmes.slice(0, 4).join(', ')}${item.programmes.length > 4 ? ', …' : ''}` : ' (semua program studi)'}
                      </p>
                      {item.selection.registrationClosesAt ? (
                        <p>
                          Pendaftaran ditutup <DateTime value={item.selection.registrationClosesAt} timeZone={zone} />
                        </p>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
              <Pagination page={results.data.page} pageSize={results.data.pageSize} total={Math.min(results.data.total, 500 * PAGE_SIZE)} onPageChange={setPage} label="Halaman hasil pencarian" />
            </>
          )}
        </section>
      )}
    </>
  );
}
