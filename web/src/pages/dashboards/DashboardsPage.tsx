import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { dashboardsApi, type Dashboard, type DashboardFilters, type DashboardView } from '../../api/dashboards';
import { useAgencyDetail } from '../../api/queries';
import { BarChart } from '../../components/Charts';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { SelectField } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { RequireAuth } from '../../components/RequireAuth';
import { isSuperAdmin } from '../../lib/roles';
import { AgencyHeading } from '../admin/AgencyHeading';
import { canReadDashboards, DASHBOARD_TITLES, DASHBOARDS, dashboardPaths, isDashboard, NATIONAL_DASHBOARDS } from './access';

type Section = DashboardView['sections'][number];
type Cell = Section['rows'][number][string];
type Column = Section['columns'][number];

function cellText(value: Cell | undefined, kind: Column['kind']): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return `${value.toLocaleString('id-ID', { maximumFractionDigits: 3 })}${kind === 'percent' ? '%' : ''}`;
  return value;
}

/** One section: its chart with the table beside it (every column of the section), or the table alone. */
function SectionView({ section }: { section: Section }) {
  const headingId = `bagian-${section.key}`;
  const chart = section.chart;
  const labelColumn = chart ? section.columns.find((c) => c.key === chart.labelKey) : undefined;
  const valueColumn = chart ? section.columns.find((c) => c.key === chart.valueKey) : undefined;
  const values = chart ? section.rows.map((r) => r[chart.valueKey]).filter((v): v is number => typeof v === 'number') : [];
  const showChart = chart && labelColumn && valueColumn && values.length > 0;
  return (
    <section className="dashboard-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{section.title}</h2>
      <p className="muted">{section.description}</p>
      {section.notes.map((note) => (
        <Notice key={note} kind="info">
          {note}
        </Notice>
      ))}
      {section.rows.length === 0 ? (
        <EmptyState>{section.empty}</EmptyState>
      ) : showChart ? (
        <BarChart
          title={section.title}
          summary={`${valueColumn.header} per ${labelColumn.header.toLowerCase()}: ${section.rows.map((r) => `${cellText(r[labelColumn.key], 'text')} ${cellText(r[valueColumn.key], valueColumn.kind)}`).join('; ')}.`}
          categoryHeader={labelColumn.header}
          valueHeader={valueColumn.header}
          min={chart.min ?? Math.min(0, ...values)}
          max={chart.max ?? Math.max(1, ...values)}
          origin={chart.min !== null && chart.min < 0 ? 0 : (chart.min ?? 0)}
          data={section.rows.map((r, i) => ({
            label: `${cellText(r[labelColumn.key], 'text')}${section.rows.filter((o) => o[labelColumn.key] === r[labelColumn.key]).length > 1 ? ` (${i + 1})` : ''}`,
            value: typeof r[valueColumn.key] === 'number' ? (r[valueColumn.key] as number) : null,
            display: cellText(r[valueColumn.key], valueColumn.kind),
            extra: section.columns.filter((c) => c.key !== labelColumn.key && c.key !== valueColumn.key).map((c) => cellText(r[c.key], c.kind)),
          }))}
          extraColumns={section.columns.filter((c) => c.key !== labelColumn.key && c.key !== valueColumn.key).map((c) => ({ header: c.header, numeric: c.kind !== 'text' }))}
        />
      ) : (
        <div className="table-wrap" role="region" aria-labelledby={`${headingId}-tabel`} tabIndex={0}>
          <table>
            <caption id={`${headingId}-tabel`}>Tabel {section.title.charAt(0).toLowerCase() + section.title.slice(1)}</caption>
            <thead>
              <tr>
                {section.columns.map((c) => (
                  <th key={c.key} scope="col" className={c.kind === 'text' ? undefined : 'num'}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {section.rows.map((r, i) => (
                <tr key={i}>
                  {section.columns.map((c, j) =>
                    j === 0 ? (
                      <th key={c.key} scope="row">
                        {cellText(r[c.key], c.kind)}
                      </th>
                    ) : (
                      <td key={c.key} className={c.kind === 'text' ? undefined : 'num'}>
                        {cellText(r[c.key], c.kind)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Filters({ view, filters, onChange }: { view: DashboardView; filters: DashboardFilters; onChange: (changes: DashboardFilters) => void }) {
  const { options } = view;
  const showRound = options.selections.length > 0;
  if (!showRound && options.periods.length === 0 && options.units.length === 0) return null;
  const roundOptional = view.dashboard !== 'kualitas-rekrutmen';
  return (
    <div className="filters" role="group" aria-label="Saring dasbor">
      {showRound ? (
        <SelectField
          label="Seleksi"
          name="seleksi"
          value={view.filters.selectionId ?? ''}
          options={[...(roundOptional ? [{ value: '', label: 'Semua seleksi' }] : []), ...options.selections]}
          onValueChange={(value) => onChange({ selectionId: value, formasiId: '' })}
        />
      ) : null}
      {options.formasi.length > 0 ? (
        <SelectField label="Formasi" name="formasi" value={filters.formasiId ?? ''} options={[{ value: '', label: 'Semua formasi' }, ...options.formasi]} onValueChange={(value) => onChange({ formasiId: value })} />
      ) : null}
      {options.periods.length > 0 ? (
        <SelectField label="Periode IKM" name="periode" value={view.filters.periodKey ?? ''} options={[{ value: '', label: 'Periode terbaru' }, ...options.periods]} onValueChange={(value) => onChange({ periodKey: value })} />
      ) : null}
      {options.units.length > 0 ? (
        <SelectField label="Unit layanan" name="unit" value={filters.unitId ?? ''} options={[{ value: '', label: 'Semua unit' }, ...options.units]} onValueChange={(value) => onChange({ unitId: value })} />
      ) : null}
    </div>
  );
}

function DashboardBody({ agencyId, dashboard }: { agencyId: string | null; dashboard: Dashboard }) {
  const [params, setParams] = useSearchParams();
  const filters: DashboardFilters = {
    selectionId: params.get('seleksi') ?? undefined,
    formasiId: params.get('formasi') ?? undefined,
    periodKey: params.get('periode') ?? undefined,
    unitId: params.get('unit') ?? undefined,
  };
  const query = useQuery({ queryKey: ['dashboards', agencyId ?? 'nasional', dashboard, filters], queryFn: () => dashboardsApi.view(agencyId, dashboard, filters) });
  const update = (changes: DashboardFilters) => {
    const next = new URLSearchParams(params);
    const names: Record<keyof DashboardFilters, string> = { selectionId: 'seleksi', formasiId: 'formasi', periodKey: 'periode', unitId: 'unit', section: 'bagian' };
    for (const [key, value] of Object.entries(changes) as Array<[keyof DashboardFilters, string | undefined]>) {
      if (value) next.set(names[key], value);
      else next.delete(names[key]);
    }
    setParams(next, { replace: true });
  };
  const tabs = agencyId ? DASHBOARDS : NATIONAL_DASHBOARDS;
  return (
    <>
      <nav className="tabs" aria-label="Jenis dasbor">
        {tabs.map((d) => (
          <Link key={d} className={d === dashboard ? 'tab tab-current' : 'tab'} to={agencyId ? dashboardPaths.agency(agencyId, d) : dashboardPaths.national(d)} aria-current={d === dashboard ? 'page' : undefined}>
            {DASHBOARD_TITLES[d]}
          </Link>
        ))}
      </nav>
      {query.isPending ? (
        <Loading label="Memuat dasbor…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <Filters view={query.data} filters={filters} onChange={update} />
          <p className="actions">
            <a className="button button-secondary" href={dashboardsApi.exportUrl(agencyId, dashboard, 'xlsx', filters)} download>
              Unduh semua tabel (XLSX)
            </a>{' '}
            <a className="button button-secondary" href={dashboardsApi.exportUrl(agencyId, dashboard, 'pdf', filters)} download>
              Unduh PDF
            </a>
          </p>
          {query.data.sections.map((section) => (
            <SectionView key={section.key} section={section} />
          ))}
        </>
      )}
    </>
  );
}

export function AgencyDashboardsPage() {
  const { agencyId = '', dashboard } = useParams();
  const current: Dashboard = isDashboard(dashboard) ? dashboard : 'rekrutmen';
  return <RequireAuth allow={(me) => canReadDashboards(me, agencyId)}>{() => <AgencyDashboards key={`${agencyId}-${current}`} agencyId={agencyId} dashboard={current} />}</RequireAuth>;
}

function AgencyDashboards({ agencyId, dashboard }: { agencyId: string; dashboard: Dashboard }) {
  const { name } = useAgencyDetail(agencyId);
  return (
    <>
      <AgencyHeading title={DASHBOARD_TITLES[dashboard]} agencyName={name} />
      <DashboardBody agencyId={agencyId} dashboard={dashboard} />
    </>
  );
}

export function NationalDashboardsPage() {
  const { dashboard } = useParams();
  const current: Dashboard = dashboard === 'pasca-rekrutmen' ? 'pasca-rekrutmen' : 'rekrutmen';
  return (
    <RequireAuth allow={(me) => isSuperAdmin(me)}>
      {() => (
        <>
          <PageTitle title={`${DASHBOARD_TITLES[current]} — nasional`}>{`${DASHBOARD_TITLES[current]} — nasional`}</PageTitle>
          <DashboardBody key={current} agencyId={null} dashboard={current} />
        </>
      )}
    </RequireAuth>
  );
}
