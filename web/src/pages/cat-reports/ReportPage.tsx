import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { blueprintApi, catBankKeys, catReportApi, type CatReport, type ItemReport, type ReportGroup } from '../../api/cat-banks';
import { SelectField } from '../../components/Field';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { Pagination } from '../../components/Pagination';
import { RequireAuth } from '../../components/RequireAuth';
import { formatNumber } from '../../lib/time';
import { bankPaths, canPlanCat, canReadCatPlans, decimal, percent } from '../cat-banks/access';
import { Histogram, ShareBars } from './charts';
import { StageResultSection } from './StageResultSection';
import '../cat-banks/cat-banks.css';

const ITEMS_PAGE_SIZE = 20;

function GroupTable({ id, caption, groups, report, firstHeader }: { id: string; caption: string; groups: ReportGroup[]; report: CatReport; firstHeader: string }) {
  if (groups.length === 0) return <EmptyState>Belum ada data {caption.toLowerCase()}.</EmptyState>;
  return (
    <div className="table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
      <table>
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{firstHeader}</th>
            <th scope="col" className="cb-num">
              Peserta
            </th>
            <th scope="col" className="cb-num">
              Hadir
            </th>
            <th scope="col" className="cb-num">
              Tidak hadir
            </th>
            <th scope="col" className="cb-num">
              Selesai
            </th>
            <th scope="col" className="cb-num">
              Memenuhi ambang batas
            </th>
            <th scope="col" className="cb-num">
              Rerata
            </th>
            <th scope="col" className="cb-num">
              Median
            </th>
            <th scope="col" className="cb-num">
              Terendah–tertinggi
            </th>
            {report.blueprint.subtests.map((subtest) => (
              <th key={subtest.code} scope="col" className="cb-num">
                Rerata {subtest.code}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.key ?? 'tanpa'}>
              <th scope="row">
                {group.name}
                {group.detail ? <div className="muted small">{group.detail}</div> : null}
              </th>
              <td className="cb-num">{formatNumber(group.participants)}</td>
              <td className="cb-num">{formatNumber(group.present)}</td>
              <td className="cb-num">{formatNumber(group.absent)}</td>
              <td className="cb-num">{formatNumber(group.finished)}</td>
              <td className="cb-num">
                {formatNumber(group.passed)} ({percent(group.passRate)})
              </td>
              <td className="cb-num">{decimal(group.total.mean)}</td>
              <td className="cb-num">{decimal(group.total.median)}</td>
              <td className="cb-num">{group.total.min === null ? '—' : `${formatNumber(group.total.min)}–${formatNumber(group.total.max ?? 0)}`}</td>
              {group.subtests.map((subtest) => (
                <td key={subtest.code} className="cb-num">
                  {decimal(subtest.mean)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ItemRow({ item }: { item: ItemReport }) {
  return (
    <tr>
      <th scope="row">
        {item.subtest}
        {item.topic ? ` · ${item.topic}` : ''}
        <div className="muted small">
          {item.bankName}
          {item.national ? ' (nasional)' : ''}
        </div>
        {item.content ? (
          <details className="cb-details">
            <summary>Isi soal dan sebaran pilihan</summary>
            <p className="cb-stem">{item.content.stem}</p>
            <ul className="summary-list">
              {item.content.options.map((option) => (
                <li key={option.label} className={option.isKey ? 'cb-key' : undefined}>
                  {option.label}. {option.text} — dipilih {formatNumber(option.chosen)} (atas {formatNumber(option.upper)}, bawah {formatNumber(option.lower)})
                  {option.isKey ? ' · kunci' : ''}
                  {option.points !== null ? ` · bobot ${option.points}` : ''}
                </li>
              ))}
              <li>Tidak dijawab: {formatNumber(item.blank)}</li>
            </ul>
          </details>
        ) : (
          <div className="muted small">Isi soal hanya untuk pengelola bank soal.</div>
        )}
      </th>
      <td className="cb-num">{formatNumber(item.n)}</td>
      <td className="cb-num">
        {decimal(item.difficulty)}
        <div className="small">{item.difficultyLabel ?? '—'}</div>
      </td>
      <td className="cb-num">
        {decimal(item.discrimination)}
        <div className="small">{item.discriminationLabel ?? '—'}</div>
      </td>
      <td>{item.review ? <span className="tag tag-failed">Perlu ditinjau</span> : <span className="tag tag-active">Baik</span>}</td>
    </tr>
  );
}

function Items({ agencyId, selectionId, blueprintId, report }: { agencyId: string; selectionId: string; blueprintId: string; report: CatReport }) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('halamanButir') ?? '1', 10) || 1);
  const subtest = params.get('subtesButir') ?? '';
  const review = params.get('tinjau') === '1' ? '1' : undefined;
  const query = { page, pageSize: ITEMS_PAGE_SIZE, subtest: subtest || undefined, review } as const;
  const items = useQuery({ queryKey: catBankKeys.items(agencyId, selectionId, blueprintId, query), queryFn: () => catReportApi.items(agencyId, selectionId, blueprintId, query), placeholderData: (previous) => previous });
  const set = (changes: Record<string, string | null>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });
  return (
    <section aria-labelledby="judul-analisis-butir">
      <h2 id="judul-analisis-butir">Analisis butir soal</h2>
      <p>
        Tingkat kesukaran (p) = rerata skor butir dibagi skor maksimalnya (makin tinggi makin mudah). Daya beda (D) = selisih rerata kelompok atas dan bawah
        (27% peserta dengan nilai total tertinggi dan terendah). Butir dengan daya beda rendah atau negatif perlu ditinjau; daya beda negatif sering berarti
        kunci jawaban keliru.
      </p>
      <div className="filters">
        <SelectField
          label="Subtes"
          value={subtest}
          options={[{ value: '', label: 'Semua subtes' }, ...report.blueprint.subtests.map((s) => ({ value: s.code, label: `${s.code} — ${s.name}` }))]}
          onValueChange={(value) => set({ subtesButir: value, halamanButir: null })}
        />
        <label className="checkbox">
          <input type="checkbox" checked={review === '1'} onChange={(event) => set({ tinjau: event.target.checked ? '1' : null, halamanButir: null })} />
          <span>Hanya butir yang perlu ditinjau</span>
        </label>
      </div>
      {items.isPending ? (
        <Loading label="Menghitung analisis butir…" />
      ) : items.isError ? (
        <ErrorState error={items.error} onRetry={() => void items.refetch()} />
      ) : items.data.items.length === 0 ? (
        <EmptyState>Belum ada butir yang dapat dianalisis (menunggu peserta menyelesaikan ujian).</EmptyState>
      ) : (
        <>
          <p>
            Dihitung dari {formatNumber(items.data.takers)} peserta yang selesai.
            {items.data.withoutContent ? ` ${formatNumber(items.data.withoutContent)} butir berasal dari bank soal yang tidak Anda kelola: isinya tidak ditampilkan.` : ''}
          </p>
          <div className="table-wrap" role="region" aria-labelledby="judul-tabel-butir" tabIndex={0}>
            <table>
              <caption id="judul-tabel-butir">Butir soal, daya beda terendah lebih dahulu</caption>
              <thead>
                <tr>
                  <th scope="col">Butir</th>
                  <th scope="col" className="cb-num">
                    Peserta
                  </th>
                  <th scope="col" className="cb-num">
                    Kesukaran (p)
                  </th>
                  <th scope="col" className="cb-num">
                    Daya beda (D)
                  </th>
                  <th scope="col">Catatan</th>
                </tr>
              </thead>
              <tbody>
                {items.data.items.map((item) => (
                  <ItemRow key={item.questionId} item={item} />
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={items.data.page} pageSize={items.data.pageSize} total={items.data.total} onPageChange={(next) => set({ halamanButir: next > 1 ? String(next) : null })} label="Halaman analisis butir" />
        </>
      )}
    </section>
  );
}

function Report({ agencyId, selectionId, canPlan }: { agencyId: string; selectionId: string; canPlan: boolean }) {
  const [params, setParams] = useSearchParams();
  const blueprints = useQuery({ queryKey: catBankKeys.blueprints(agencyId, selectionId), queryFn: () => blueprintApi.list(agencyId, selectionId) });
  const blueprintId = params.get('cetakBiru') ?? blueprints.data?.items[0]?.id ?? '';
  const subtest = params.get('subtes') ?? '';
  const sessionId = params.get('sesi') ?? '';
  const query = { subtest: subtest || undefined, sessionId: sessionId || undefined };
  const report = useQuery({
    queryKey: catBankKeys.report(agencyId, selectionId, blueprintId, query),
    queryFn: () => catReportApi.report(agencyId, selectionId, blueprintId, query),
    enabled: Boolean(blueprintId),
    placeholderData: (previous) => previous,
  });
  const set = (changes: Record<string, string | null>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });

  const header = (
    <>
      <p className="breadcrumb">
        <Link to={bankPaths.plans(agencyId)}>‹ Cetak biru dan laporan CAT</Link>
      </p>
      <PageTitle title="Laporan ujian CAT">Laporan ujian CAT</PageTitle>
    </>
  );
  if (blueprints.isPending) return <>{header}<Loading label="Memuat tahap CAT…" /></>;
  if (blueprints.isError) return <>{header}<ErrorState error={blueprints.error} onRetry={() => void blueprints.refetch()} /></>;
  if (blueprints.data.items.length === 0) {
    return (
      <>
        {header}
        <EmptyState>Seleksi ini belum memiliki cetak biru CAT, sehingga belum ada laporan.</EmptyState>
        <p>
          <Link to={bankPaths.blueprints(agencyId, selectionId)}>Buka cetak biru</Link>
        </p>
      </>
    );
  }
  const data = report.data;
  return (
    <>
      {header}
      <div className="filters">
        <SelectField
          label="Tahap"
          value={blueprintId}
          options={blueprints.data.items.map((blueprint) => ({ value: blueprint.id, label: `${blueprint.stageName} — ${blueprint.name}` }))}
          onValueChange={(value) => set({ cetakBiru: value, subtes: null, sesi: null, halamanButir: null, subtesButir: null })}
        />
      </div>
      {report.isPending ? (
        <Loading label="Menyusun laporan…" />
      ) : report.isError || !data ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <>
          <p>
            <a className="button button-secondary" href={catReportApi.exportUrl(agencyId, selectionId, blueprintId)} download>
              Unduh laporan (XLSX)
            </a>
          </p>
          <section aria-labelledby="judul-ringkasan">
            <h2 id="judul-ringkasan">Ringkasan</h2>
            <dl className="facts">
              <dt>Peserta</dt>
              <dd>{formatNumber(data.overall.participants)}</dd>
              <dt>Hadir</dt>
              <dd>{formatNumber(data.overall.present)}</dd>
              <dt>Tidak hadir</dt>
              <dd>{formatNumber(data.overall.absent)}</dd>
              <dt>Belum ujian</dt>
              <dd>{formatNumber(data.overall.pending)}</dd>
              <dt>Selesai</dt>
              <dd>{formatNumber(data.overall.finished)}</dd>
              <dt>Memenuhi nilai ambang batas</dt>
              <dd>
                {formatNumber(data.overall.passed)} ({percent(data.overall.passRate)} dari yang selesai)
              </dd>
              <dt>Nilai total</dt>
              <dd>
                rerata {decimal(data.overall.total.mean)}, median {decimal(data.overall.total.median)}, terendah {data.overall.total.min ?? '—'}, tertinggi{' '}
                {data.overall.total.max ?? '—'} (maksimal {formatNumber(data.blueprint.maxTotal)})
              </dd>
            </dl>
            <ShareBars
              title="Rerata nilai per subtes dibanding nilai maksimalnya"
              valueHeader="Rerata"
              data={data.blueprint.subtests.map((s) => {
                const mean = data.overall.subtests.find((x) => x.code === s.code)?.mean ?? null;
                return { label: s.code, value: mean, max: s.maxPoints, display: decimal(mean) };
              })}
            />
          </section>
          <section aria-labelledby="judul-distribusi">
            <h2 id="judul-distribusi">Distribusi nilai</h2>
            <div className="filters">
              <SelectField
                label="Nilai"
                value={subtest}
                options={[{ value: '', label: 'Nilai total' }, ...data.blueprint.subtests.map((s) => ({ value: s.code, label: `Subtes ${s.code}` }))]}
                onValueChange={(value) => set({ subtes: value })}
              />
              <SelectField
                label="Sesi"
                value={sessionId}
                options={[{ value: '', label: 'Semua sesi' }, ...data.bySession.filter((g) => g.key).map((g) => ({ value: g.key!, label: g.name }))]}
                onValueChange={(value) => set({ sesi: value })}
              />
            </div>
            <Histogram distribution={data.distribution} title={`Distribusi nilai ${subtest || 'total'}${sessionId ? ` pada ${data.bySession.find((g) => g.key === sessionId)?.name ?? 'sesi terpilih'}` : ''}`} />
          </section>
          <section aria-labelledby="judul-per-sesi">
            <h2 id="judul-per-sesi">Per sesi</h2>
            <GroupTable id="tabel-per-sesi" caption="Statistik per sesi" groups={data.bySession} report={data} firstHeader="Sesi" />
          </section>
          <section aria-labelledby="judul-per-formasi">
            <h2 id="judul-per-formasi">Per formasi</h2>
            <GroupTable id="tabel-per-formasi" caption="Statistik per formasi" groups={data.byFormasi} report={data} firstHeader="Formasi" />
          </section>
          <StageResultSection key={blueprintId} agencyId={agencyId} selectionId={selectionId} blueprintId={blueprintId} canPublish={canPlan} />
          {canPlan ? <Items agencyId={agencyId} selectionId={selectionId} blueprintId={blueprintId} report={data} /> : null}
        </>
      )}
    </>
  );
}

export function ReportPage() {
  const { agencyId = '', selectionId = '' } = useParams();
  return (
    <RequireAuth allow={(me) => canReadCatPlans(me, agencyId)}>
      {(me) => <Report key={`${agencyId}-${selectionId}`} agencyId={agencyId} selectionId={selectionId} canPlan={canPlanCat(me, agencyId)} />}
    </RequireAuth>
  );
}
