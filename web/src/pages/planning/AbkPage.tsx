import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { organisationApi, planningKeys, type AbkLine, type AbkSettings } from '../../api/planning';
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
import { canEditAbkSettings, canManagePlanning, canReadPlanning, formatDecimal, planningPaths } from './access';
import { ImportPanel } from './ImportPanel';
import { PositionForm } from './PositionForm';
import { UnitSelect } from './UnitSelect';
import './planning.css';

const PAGE_SIZE = 20;

/** The formula in words, shown above every analysis. */
export function AbkFormula({ settings }: { settings: AbkSettings }) {
  return (
    <details className="card plan-formula">
      <summary>Cara menghitung ABK</summary>
      <p>
        Untuk setiap jabatan, <strong>beban kerja</strong> setiap tugas = volume hasil kerja setahun × norma waktu (menit per hasil). Jumlah
        beban kerja semua tugas dibagi <strong>waktu kerja efektif</strong> instansi ({formatNumber(settings.effectiveMinutesPerYear)} menit ={' '}
        {formatDecimal(settings.effectiveHoursPerYear)} jam per tahun) menghasilkan <strong>kebutuhan pegawai</strong>.
      </p>
      <p className="abk-formula">Kebutuhan = Σ (volume × norma waktu) ÷ waktu kerja efektif</p>
      <p>
        Kebutuhan dihitung tepat (pecahan) lalu dibulatkan sekali ke orang terdekat (setengah ke atas). Kekurangan = kebutuhan − (bezetting −
        pegawai yang pensiun dalam periode perencanaan); bila positif, itulah <strong>usulan formasi</strong>. Kelebihan pegawai di satu jabatan
        tidak mengurangi usulan jabatan lain.
      </p>
    </details>
  );
}

function SettingsForm({ agencyId, settings, onDone, onCancel }: { agencyId: string; settings: AbkSettings; onDone: () => void; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const [minutes, setMinutes] = useState(String(settings.effectiveMinutesPerYear));
  const save = useMutation({
    mutationFn: (value: number) => organisationApi.updateSettings(agencyId, value),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: planningKeys.all(agencyId) });
      onDone();
    },
  });
  const parsed = /^\d+$/.test(minutes.trim()) ? Number(minutes.trim()) : Number.NaN;
  return (
    <>
      <FormErrors error={save.error} labels={{ effectiveMinutesPerYear: 'Waktu kerja efektif' }} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(Number.isNaN(parsed) ? (minutes as unknown as number) : parsed);
        }}
      >
        <TextField
          label="Waktu kerja efektif (menit per tahun)"
          name="effectiveMinutesPerYear"
          required
          inputMode="numeric"
          autoComplete="off"
          hint={`Pedoman ABK: 1.250 jam = 75.000 menit per tahun.${Number.isNaN(parsed) ? '' : ` Isian ini = ${formatDecimal(parsed / 60)} jam.`} Perubahan tercatat di jejak audit.`}
          value={minutes}
          onValueChange={setMinutes}
          error={fieldError(save.error, 'effectiveMinutesPerYear')}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? 'Menyimpan…' : 'Simpan waktu kerja efektif'}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Batal
          </button>
        </div>
      </form>
    </>
  );
}

function proposalText(line: AbkLine): string {
  if (line.problems.length > 0 || line.proposedFormasi === null) return '—';
  return formatNumber(line.proposedFormasi);
}

type Panel = 'position' | 'import' | 'settings' | null;

function Abk({ agencyId, canManage, canEditSettings }: { agencyId: string; canManage: boolean; canEditSettings: boolean }) {
  const navigate = useNavigate();
  const { q, page, extras, setQuery, setPage, update } = useListParams(['unit']);
  const unitId = extras.unit ?? '';
  const { name: agencyName } = useAgencyDetail(agencyId);
  const queryClient = useQueryClient();
  const [panel, setPanel] = useState<Panel>(null);
  const [done, setDone] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (panel) heading.current?.focus();
  }, [panel]);
  const analysis = useQuery({
    queryKey: planningKeys.analysis(agencyId, q, unitId, page),
    queryFn: () => organisationApi.analysis(agencyId, { q: q || undefined, unitId: unitId || undefined, page, pageSize: PAGE_SIZE }),
    placeholderData: (previous) => previous,
  });
  const open = (next: Panel) => {
    setDone(null);
    setPanel(next);
  };
  const filtered = Boolean(q || unitId);

  return (
    <>
      <AgencyHeading title="Analisis beban kerja (ABK)" agencyName={agencyName} />
      <p>
        Hitung kebutuhan pegawai setiap jabatan dari uraian tugasnya, lalu jadikan kekurangannya usulan formasi. Kelola{' '}
        <Link to={planningPaths.units(agencyId)}>unit kerja</Link> dan jabatan di sini, satu per satu atau sekaligus dari berkas XLSX.
      </p>
      {done ? <Notice kind="success">{done}</Notice> : null}

      {analysis.data ? <AbkFormula settings={analysis.data.settings} /> : null}

      <div className="toolbar">
        <div className="row-actions">
          {canManage ? (
            <>
              <button type="button" className="button" onClick={() => open('position')}>
                Tambah jabatan
              </button>
              <button type="button" className="button button-secondary" onClick={() => open('import')}>
                Impor dari XLSX
              </button>
            </>
          ) : null}
          {canEditSettings ? (
            <button type="button" className="button button-secondary" onClick={() => open('settings')}>
              Ubah waktu kerja efektif
            </button>
          ) : null}
        </div>
        <div className="row-actions">
          <a className="button button-secondary" href={organisationApi.templateUrl(agencyId)} download>
            Unduh templat XLSX
          </a>
          <a className="button button-secondary" href={organisationApi.exportUrl(agencyId)} download>
            Unduh analisis (XLSX)
          </a>
        </div>
      </div>

      {panel ? (
        <section className="card panel" aria-labelledby="judul-panel-abk">
          <h2 id="judul-panel-abk" tabIndex={-1} ref={heading}>
            {panel === 'position' ? 'Tambah jabatan' : panel === 'import' ? 'Impor unit kerja, jabatan dan uraian tugas' : 'Waktu kerja efektif'}
          </h2>
          {panel === 'position' ? (
            <PositionForm
              agencyId={agencyId}
              defaultUnitId={unitId || undefined}
              onCancel={() => setPanel(null)}
              onDone={(position) => navigate(planningPaths.position(agencyId, position.id), { state: { created: true } })}
            />
          ) : panel === 'import' ? (
            <ImportPanel
              what="ABK"
              templateUrl={organisationApi.templateUrl(agencyId)}
              upload={(file) => organisationApi.importAbk(agencyId, file)}
              onImported={() => void queryClient.invalidateQueries({ queryKey: planningKeys.all(agencyId) })}
              onClose={() => setPanel(null)}
              describe={({ result }) =>
                `Impor berhasil: ${result.units.created} unit kerja baru, ${result.units.updated} diperbarui; ${result.positions.created} jabatan baru, ${result.positions.updated} diperbarui; ${result.tasks.written} uraian tugas untuk ${result.tasks.positions} jabatan.`
              }
            />
          ) : analysis.data ? (
            <SettingsForm
              agencyId={agencyId}
              settings={analysis.data.settings}
              onCancel={() => setPanel(null)}
              onDone={() => {
                setPanel(null);
                setDone('Waktu kerja efektif telah disimpan; analisis dihitung ulang.');
              }}
            />
          ) : null}
        </section>
      ) : null}

      {analysis.data ? (
        <section aria-labelledby="judul-ringkasan-abk">
          <h2 id="judul-ringkasan-abk">Ringkasan{filtered ? ' (sesuai saringan)' : ''}</h2>
          <dl className="facts">
            <dt>Jabatan</dt>
            <dd>
              {formatNumber(analysis.data.totals.positions)}
              {analysis.data.totals.withProblems > 0 ? ` (${formatNumber(analysis.data.totals.withProblems)} tidak dapat dihitung)` : ''}
            </dd>
            <dt>Kebutuhan pegawai</dt>
            <dd>{formatNumber(analysis.data.totals.roundedNeed)} orang</dd>
            <dt>Bezetting</dt>
            <dd>
              {formatNumber(analysis.data.totals.bezetting)} orang, {formatNumber(analysis.data.totals.retiring)} di antaranya pensiun
            </dd>
            <dt>Usulan formasi</dt>
            <dd>
              <strong>{formatNumber(analysis.data.totals.proposedFormasi)} orang</strong>
            </dd>
            {analysis.data.totals.surplus > 0 ? (
              <>
                <dt>Kelebihan pegawai</dt>
                <dd>{formatNumber(analysis.data.totals.surplus)} orang pada jabatan yang bebannya lebih kecil</dd>
              </>
            ) : null}
            <dt>Waktu kerja efektif</dt>
            <dd>
              {formatNumber(analysis.data.settings.effectiveMinutesPerYear)} menit ({formatDecimal(analysis.data.settings.effectiveHoursPerYear)} jam) per tahun
            </dd>
          </dl>
        </section>
      ) : null}

      <h2>Jabatan</h2>
      <SearchForm label="Cari jabatan (kode, nama, atau unit)" value={q} onSearch={setQuery} />
      <div className="narrow">
        <UnitSelect agencyId={agencyId} label="Saring menurut unit kerja" searchLabel="Cari unit kerja untuk saringan" emptyLabel="Semua unit kerja" value={unitId} onChange={(value) => update({ unit: value || null, halaman: null })} />
      </div>
      {analysis.isPending ? (
        <Loading label="Menghitung analisis beban kerja…" />
      ) : analysis.isError ? (
        <ErrorState error={analysis.error} onRetry={() => void analysis.refetch()} />
      ) : analysis.data.items.length === 0 ? (
        <EmptyState>
          {filtered ? 'Tidak ada jabatan yang cocok dengan saringan.' : 'Belum ada jabatan. Tambahkan jabatan atau impor unit kerja, jabatan dan uraian tugas dari XLSX.'}
        </EmptyState>
      ) : (
        <>
          <div className="table-wrap" role="region" aria-labelledby="judul-tabel-abk" tabIndex={0}>
            <table>
              <caption id="judul-tabel-abk">Kebutuhan pegawai per jabatan</caption>
              <thead>
                <tr>
                  <th scope="col">Jabatan dan unit kerja</th>
                  <th scope="col" className="plan-num">
                    Beban kerja (menit)
                  </th>
                  <th scope="col" className="plan-num">
                    Kebutuhan
                  </th>
                  <th scope="col" className="plan-num">
                    Bezetting
                  </th>
                  <th scope="col" className="plan-num">
                    Pensiun
                  </th>
                  <th scope="col" className="plan-num">
                    Kekurangan
                  </th>
                  <th scope="col" className="plan-num">
                    Usulan formasi
                  </th>
                </tr>
              </thead>
              <tbody>
                {analysis.data.items.map((line) => (
                  <tr key={line.position.id}>
                    <th scope="row">
                      <Link to={planningPaths.position(agencyId, line.position.id)}>{line.position.name}</Link>
                      <span className="muted"> ({line.position.code})</span>
                      <div className="muted">{line.position.unitName}</div>
                      {line.position.taskCount === 0 ? <div className="muted">Belum ada uraian tugas</div> : null}
                      {line.problems.map((problem) => (
                        <div key={problem.code} className="field-error">
                          {problem.message}
                        </div>
                      ))}
                    </th>
                    <td className="plan-num">{line.workloadMinutes === null ? '—' : formatDecimal(line.workloadMinutes)}</td>
                    <td className="plan-num">
                      {line.need === null ? '—' : `${formatDecimal(line.need)} → ${formatNumber(line.roundedNeed ?? 0)}`}
                    </td>
                    <td className="plan-num">{formatNumber(line.position.bezetting)}</td>
                    <td className="plan-num">{formatNumber(line.position.retiring)}</td>
                    <td className="plan-num">{line.shortfall === null ? '—' : formatNumber(line.shortfall)}</td>
                    <td className="plan-num">
                      <strong>{proposalText(line)}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={analysis.data.page} pageSize={analysis.data.pageSize} total={analysis.data.total} onPageChange={setPage} />
        </>
      )}
    </>
  );
}

export function AbkPage() {
  const { agencyId = '' } = useParams();
  return (
    <RequireAuth allow={(me) => canReadPlanning(me, agencyId)}>
      {(me) => <Abk key={agencyId} agencyId={agencyId} canManage={canManagePlanning(me, agencyId)} canEditSettings={canEditAbkSettings(me, agencyId)} />}
    </RequireAuth>
  );
}
