import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { EDUCATION_LEVELS, FORMASI_STATUS_LABELS, formatQualifications, type FormasiStatus } from '../../../../core/planning';
import { errorMessage } from '../../api/client';
import { formasiApi, planningKeys, type Formasi } from '../../api/planning';
import { useAgencyDetail } from '../../api/queries';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { SelectField } from '../../components/Field';
import { Pagination } from '../../components/Pagination';
import { RequireAuth } from '../../components/RequireAuth';
import { SearchForm } from '../../components/SearchForm';
import { formatNumber } from '../../lib/time';
import { useListParams } from '../../lib/useListParams';
import { AgencyHeading } from '../admin/AgencyHeading';
import { canManagePlanning, canReadPlanning, planningPaths } from '../planning/access';
import { selectionPaths } from '../selections/access';
import { ImportPanel } from '../planning/ImportPanel';
import { FormasiForm, kindOptions, type FormasiFormMode } from './FormasiForm';
import '../planning/planning.css';

const PAGE_SIZE = 20;
const SELECTION_STATUS: Record<string, string> = { draft: 'Draf', published: 'Diumumkan', closed: 'Ditutup', cancelled: 'Dibatalkan' };

type Panel = { kind: 'form'; mode: FormasiFormMode } | { kind: 'import' } | { kind: 'delete'; formasi: Formasi } | null;

function DeleteFormasi({ agencyId, selectionId, formasi, onDone, onCancel }: { agencyId: string; selectionId: string; formasi: Formasi; onDone: () => void; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => formasiApi.remove(agencyId, selectionId, formasi.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: planningKeys.formasiAll(agencyId, selectionId) });
      onDone();
    },
  });
  return (
    <>
      <p>
        Formasi {formasi.positionName} di {formasi.unitName} ({formatNumber(formasi.count)} orang) akan dihapus. Hanya formasi draf yang dapat
        dihapus.
      </p>
      {remove.isError ? <Notice kind="error">{errorMessage(remove.error)}</Notice> : null}
      <div className="actions">
        <button type="button" className="button button-danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
          {remove.isPending ? 'Menghapus…' : 'Ya, hapus formasi'}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Batal
        </button>
      </div>
    </>
  );
}

function panelTitle(panel: NonNullable<Panel>): string {
  if (panel.kind === 'import') return 'Impor formasi dari XLSX';
  if (panel.kind === 'delete') return `Hapus formasi ${panel.formasi.positionName}?`;
  if (panel.mode.kind === 'edit') return `Ubah formasi: ${panel.mode.formasi.positionName}`;
  return panel.mode.kind === 'abk' ? 'Buat formasi dari usulan ABK' : 'Tambah formasi';
}

function FormasiList({ agencyId, selectionId, canManage }: { agencyId: string; selectionId: string; canManage: boolean }) {
  const { q, page, extras, setQuery, setPage, update } = useListParams(['status', 'jenis', 'jenjang']);
  const filters = { status: extras.status ?? '', kind: extras.jenis ?? '', educationLevel: extras.jenjang ?? '' };
  const { name: agencyName } = useAgencyDetail(agencyId);
  const queryClient = useQueryClient();
  const [panel, setPanel] = useState<Panel>(null);
  const [done, setDone] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (panel) heading.current?.focus();
  }, [panel]);
  const query = { q: q || undefined, page, pageSize: PAGE_SIZE, status: filters.status || undefined, kind: filters.kind || undefined, educationLevel: filters.educationLevel || undefined };
  const list = useQuery({
    queryKey: planningKeys.formasi(agencyId, selectionId, query),
    queryFn: () => formasiApi.list(agencyId, selectionId, query),
    placeholderData: (previous) => previous,
  });
  const open = (next: Panel) => {
    setDone(null);
    setPanel(next);
  };
  const selection = list.data?.selection;
  const writable = selection ? selection.status === 'draft' || selection.status === 'published' : false;
  const filtered = Boolean(q || filters.status || filters.kind || filters.educationLevel);

  return (
    <>
      <p className="breadcrumb">
        <Link to={selectionPaths.editor(agencyId, selectionId)}>‹ {selection ? selection.name : 'Kembali ke seleksi'}</Link>
      </p>
      <AgencyHeading title="Formasi seleksi" agencyName={agencyName} />
      {selection ? (
        <dl className="facts">
          <dt>Seleksi</dt>
          <dd>
            {selection.name} ({selection.type.toUpperCase()} {selection.year})
          </dd>
          <dt>Status seleksi</dt>
          <dd>{SELECTION_STATUS[selection.status] ?? selection.status}</dd>
          <dt>Jumlah</dt>
          <dd>
            {formatNumber(list.data?.totals.formasi ?? 0)} formasi, <strong>{formatNumber(list.data?.totals.places ?? 0)} orang</strong>
          </dd>
        </dl>
      ) : null}
      <p>
        Formasi diturunkan dari <Link to={planningPaths.abk(agencyId)}>analisis beban kerja (ABK)</Link>: buat dari usulan ABK dalam satu langkah, tambahkan
        satu per satu, atau impor dari XLSX.
      </p>
      {selection?.status === 'published' ? (
        <Notice kind="info">Seleksi ini sudah diumumkan: formasi baru langsung diumumkan, dan setiap perubahan dicatat di jejak audit.</Notice>
      ) : null}
      {selection && !writable ? <Notice kind="info">Seleksi ini sudah ditutup atau dibatalkan; formasinya tidak dapat diubah.</Notice> : null}
      {done ? <Notice kind="success">{done}</Notice> : null}

      <div className="toolbar">
        <div className="row-actions">
          {canManage && writable ? (
            <>
              <button type="button" className="button" onClick={() => open({ kind: 'form', mode: { kind: 'abk' } })}>
                Buat dari usulan ABK
              </button>
              <button type="button" className="button button-secondary" onClick={() => open({ kind: 'form', mode: { kind: 'create' } })}>
                Tambah formasi
              </button>
              <button type="button" className="button button-secondary" onClick={() => open({ kind: 'import' })}>
                Impor dari XLSX
              </button>
            </>
          ) : null}
        </div>
        <div className="row-actions">
          <a className="button button-secondary" href={formasiApi.templateUrl(agencyId, selectionId)} download>
            Unduh templat XLSX
          </a>
          <a className="button button-secondary" href={formasiApi.exportUrl(agencyId, selectionId)} download>
            Unduh formasi (XLSX)
          </a>
        </div>
      </div>

      {panel ? (
        <section className="card panel" aria-labelledby="judul-panel-formasi">
          <h2 id="judul-panel-formasi" tabIndex={-1} ref={heading}>
            {panelTitle(panel)}
          </h2>
          {panel.kind === 'form' ? (
            <FormasiForm
              key={panel.mode.kind === 'edit' ? panel.mode.formasi.id : panel.mode.kind}
              agencyId={agencyId}
              selectionId={selectionId}
              mode={panel.mode}
              onCancel={() => setPanel(null)}
              onDone={(formasi) => {
                setDone(`Formasi ${formasi.positionName} di ${formasi.unitName} (${formatNumber(formasi.count)} orang) telah disimpan.`);
                setPanel(null);
              }}
            />
          ) : panel.kind === 'import' ? (
            <ImportPanel
              what="formasi"
              templateUrl={formasiApi.templateUrl(agencyId, selectionId)}
              upload={(file) => formasiApi.importFile(agencyId, selectionId, file)}
              onImported={() => void queryClient.invalidateQueries({ queryKey: planningKeys.formasiAll(agencyId, selectionId) })}
              onClose={() => setPanel(null)}
              describe={({ result }) => `Impor berhasil: ${formatNumber(result.created)} formasi baru, ${formatNumber(result.updated)} diperbarui.`}
            />
          ) : (
            <DeleteFormasi
              agencyId={agencyId}
              selectionId={selectionId}
              formasi={panel.formasi}
              onCancel={() => setPanel(null)}
              onDone={() => {
                setDone(`Formasi ${panel.formasi.positionName} telah dihapus.`);
                setPanel(null);
              }}
            />
          )}
        </section>
      ) : null}

      <h2>Daftar formasi</h2>
      <SearchForm label="Cari formasi (jabatan, unit, program studi)" value={q} onSearch={setQuery} />
      <div className="plan-filters">
        <SelectField
          label="Status"
          name="status"
          value={filters.status}
          options={[{ value: '', label: 'Semua status' }, ...(Object.entries(FORMASI_STATUS_LABELS) as Array<[FormasiStatus, string]>).map(([value, label]) => ({ value, label }))]}
          onValueChange={(value) => update({ status: value || null, halaman: null })}
        />
        <SelectField label="Jenis formasi" name="jenis" value={filters.kind} options={[{ value: '', label: 'Semua jenis' }, ...kindOptions]} onValueChange={(value) => update({ jenis: value || null, halaman: null })} />
        <SelectField
          label="Jenjang pendidikan"
          name="jenjang"
          value={filters.educationLevel}
          options={[{ value: '', label: 'Semua jenjang' }, ...EDUCATION_LEVELS.map((level) => ({ value: level, label: level }))]}
          onValueChange={(value) => update({ jenjang: value || null, halaman: null })}
        />
      </div>

      {list.isPending ? (
        <Loading label="Memuat formasi…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{filtered ? 'Tidak ada formasi yang cocok dengan saringan.' : 'Belum ada formasi di seleksi ini. Buat dari usulan ABK, tambahkan satu per satu, atau impor dari XLSX.'}</EmptyState>
      ) : (
        <>
          <div className="table-wrap" role="region" aria-labelledby="judul-tabel-formasi" tabIndex={0}>
            <table>
              <caption id="judul-tabel-formasi">Formasi {selection?.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Jabatan</th>
                  <th scope="col">Unit penempatan</th>
                  <th scope="col" className="plan-num">
                    Jumlah
                  </th>
                  <th scope="col">Jenis</th>
                  <th scope="col">Pendidikan</th>
                  <th scope="col">Usia</th>
                  <th scope="col">Status</th>
                  {canManage && writable ? <th scope="col">Aksi</th> : null}
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((formasi) => (
                  <tr key={formasi.id}>
                    <th scope="row">
                      {formasi.positionName}
                      {formasi.abkSource ? (
                        <div className="muted">
                          Dari ABK: kebutuhan {formatNumber(formasi.abkSource.roundedNeed)}, usulan {formatNumber(formasi.abkSource.proposedFormasi)}
                        </div>
                      ) : null}
                    </th>
                    <td>{formasi.unitName}</td>
                    <td className="plan-num">{formatNumber(formasi.count)}</td>
                    <td>{formasi.kindLabel}</td>
                    <td>{formatQualifications(formasi.qualifications)}</td>
                    <td>
                      {formasi.minAge}–{formasi.maxAge} th
                    </td>
                    <td>
                      <span className={`tag ${formasi.status === 'published' ? 'tag-active' : 'tag-pending'}`}>{FORMASI_STATUS_LABELS[formasi.status as FormasiStatus] ?? formasi.status}</span>
                    </td>
                    {canManage && writable ? (
                      <td>
                        <div className="row-actions">
                          <button type="button" className="button button-small button-secondary" onClick={() => open({ kind: 'form', mode: { kind: 'edit', formasi } })}>
                            Ubah<span className="visually-hidden"> {formasi.positionName} di {formasi.unitName}</span>
                          </button>
                          {formasi.status === 'draft' ? (
                            <button type="button" className="button button-small button-danger" onClick={() => open({ kind: 'delete', formasi })}>
                              Hapus<span className="visually-hidden"> {formasi.positionName} di {formasi.unitName}</span>
                            </button>
                          ) : null}
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

export function FormasiPage() {
  const { agencyId = '', selectionId = '' } = useParams();
  return (
    <RequireAuth allow={(me) => canReadPlanning(me, agencyId)}>
      {(me) => <FormasiList key={`${agencyId}/${selectionId}`} agencyId={agencyId} selectionId={selectionId} canManage={canManagePlanning(me, agencyId)} />}
    </RequireAuth>
  );
}
