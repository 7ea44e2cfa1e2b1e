// The dashboards (issue 7 §7–§8): every figure is read through the owning module's service (one
// grouped query each), shaped by core/ (recruitment-funnel.ts, quality-of-hire.ts) and returned as
// sections — a table with its columns, an optional bar chart over two of them, notes — so the page,
// the XLSX and the PDF show the same rows.
import { ASPIRATION_CATEGORIES, ASPIRATION_CATEGORY_LABELS } from '../../../core/aspirations.js';
import { parsePeriodKey, periodRange } from '../../../core/ikm-survey.js';
import { PREDIKAT_LABELS, PREDIKATS } from '../../../core/predikat.js';
import { componentCorrelations, ikmBeforeAfter, predikatShares, retention, type UnitIkmPeriod } from '../../../core/quality-of-hire.js';
import {
  completeFunnel,
  funnelSteps,
  funnelTotals,
  objectionOutcomes,
  percentOf,
  ROUND_EVENTS,
  STAGE_DURATION_STATUS_LABELS,
  stageDurations,
  type FunnelCounts,
  type FunnelRowInput,
  type RoundEvent,
} from '../../../core/recruitment-funnel.js';
import { DASHBOARD_TITLES, type Dashboard, type DashboardColumn, type DashboardQuery, type DashboardSection, type DashboardView } from '../../../core/schemas/dashboards.js';
import { toScheduleInstants, type ScheduleField } from '../../../core/selection-schedule.js';
import { calendarDateInZone, startOfDayInZone, type AgencyZone } from '../../../core/time.js';
import type { Database, Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { getAgency, listAgencies } from '../agencies/agencies.service.js';
import { applicationFunnelCounts } from '../applications/applications.service.js';
import { aspirationSummary } from '../aspirations/aspirations.service.js';
import { skdPassCounts } from '../cat-exam/skd-result.service.js';
import { cohortsOfSelections } from '../employees/employees.service.js';
import { formasiLabels } from '../formasi/formasi.service.js';
import { ikmByUnitAndPeriod } from '../ikm/ikm.service.js';
import { finalFunnelCounts, finalObjectionCounts, selectionScoresOfApplications } from '../results/results.service.js';
import { sanggahCounts, stageResultTimes } from '../sanggah/sanggah.service.js';
import { selectionsForReport, type ReportedSelection } from '../selections/selections.service.js';
import { trainingOutcomesOfEmployees } from '../training/enrolments.service.js';
import { programmeFigures } from '../training/training.service.js';
import { predikatReader, type PredikatCounts, type PredikatReader } from './predikat-source.js';

export type DashboardDeps = { db: Db; database: Database };

export type BuildDashboardInput = { agencyId: string | null; dashboard: Dashboard; query: DashboardQuery; now?: Date };

type Context = { deps: DashboardDeps; agencyId: string | null; query: DashboardQuery; now: Date; predikat: PredikatReader };

const text = (key: string, header: string): DashboardColumn => ({ key, header, kind: 'text' });
const number = (key: string, header: string): DashboardColumn => ({ key, header, kind: 'number' });
const percent = (key: string, header: string): DashboardColumn => ({ key, header, kind: 'percent' });

const NO_PREDIKAT = 'Belum ada periode penilaian yang final.';

function section(spec: Omit<DashboardSection, 'notes' | 'chart'> & Partial<Pick<DashboardSection, 'notes' | 'chart'>>): DashboardSection {
  return { notes: [], chart: null, ...spec };
}

const roundLabel = (round: ReportedSelection, national: boolean) => (national ? `${round.agencyName} — ${round.name}` : round.name);

/** A dashboard of an agency, or the national one (agencyId null), with the filters applied. */
export async function buildDashboard(deps: DashboardDeps, input: BuildDashboardInput, predikat: PredikatReader = predikatReader): Promise<DashboardView> {
  const agency = input.agencyId ? await getAgency(deps.db, input.agencyId) : null;
  const ctx: Context = { deps, agencyId: input.agencyId, query: input.query, now: input.now ?? new Date(), predikat };
  const base = {
    dashboard: input.dashboard,
    title: agency ? `${DASHBOARD_TITLES[input.dashboard]} — ${agency.name}` : `${DASHBOARD_TITLES[input.dashboard]} — nasional`,
    agency: agency ? { id: agency.id, name: agency.name } : null,
    generatedAt: ctx.now.toISOString(),
  };
  const built = input.dashboard === 'rekrutmen' ? await recruitment(ctx) : input.dashboard === 'pasca-rekrutmen' ? await followUp(ctx) : await qualityOfHire(ctx, agency?.timezone ?? 'Asia/Jakarta');
  const sections = input.query.section ? built.sections.filter((s) => s.key === input.query.section) : built.sections;
  if (input.query.section && sections.length === 0) throw notFound('Bagian dasbor');
  return { ...base, ...built, sections };
}

type Built = Pick<DashboardView, 'filters' | 'options' | 'sections'>;

const noFilters = { selectionId: null, formasiId: null, periodKey: null, unitId: null };
const noOptions = { selections: [], formasi: [], periods: [], units: [] };

function requireRound(rounds: ReportedSelection[], selectionId: string | undefined): ReportedSelection | null {
  if (!selectionId) return null;
  const round = rounds.find((r) => r.id === selectionId);
  if (!round) throw notFound('Seleksi');
  return round;
}

// ---- recruitment -------------------------------------------------------------------------------------

async function recruitment(ctx: Context): Promise<Built> {
  const { db } = ctx.deps;
  const national = ctx.agencyId === null;
  const rounds = await selectionsForReport(db, { agencyId: ctx.agencyId ?? undefined });
  const chosen = requireRound(rounds, ctx.query.selectionId);
  const scope = { agencyId: ctx.agencyId ?? undefined, selectionId: chosen?.id, formasiId: chosen ? ctx.query.formasiId : undefined };
  const [applied, skd, final, adminObjections, finalObjections] = await Promise.all([
    applicationFunnelCounts(db, scope),
    skdPassCounts(db, scope),
    finalFunnelCounts(db, scope),
    sanggahCounts(db, scope),
    finalObjectionCounts(db, scope),
  ]);
  const inRounds = new Set(rounds.map((r) => r.id));
  const byFormasi = new Map<string, FunnelRowInput & { counts: Partial<Record<keyof FunnelCounts, number>> }>();
  const add = (selectionId: string, formasiId: string, counts: Partial<FunnelCounts>) => {
    if (!inRounds.has(selectionId)) return;
    const row = byFormasi.get(formasiId) ?? { selectionId, formasiId, counts: {} };
    for (const [stage, value] of Object.entries(counts) as Array<[keyof FunnelCounts, number]>) row.counts[stage] = (row.counts[stage] ?? 0) + value;
    byFormasi.set(formasiId, row);
  };
  for (const r of applied) add(r.selectionId, r.formasiId, { registered: r.registered, eligible: r.eligible });
  for (const r of skd) add(r.selectionId, r.formasiId, { passedSkd: r.passed });
  for (const r of final) add(r.selectionId, r.formasiId, { skb: r.skb, appointed: r.appointed });
  const formasiRows = [...byFormasi.values()];
  const totals = funnelTotals({ rows: formasiRows });
  const totalOf = new Map(totals.map((t) => [t.selectionId, t.counts]));
  const overall = completeFunnel(totals.reduce<Partial<FunnelCounts>>((sum, t) => Object.fromEntries(Object.entries(t.counts).map(([k, v]) => [k, (sum[k as keyof FunnelCounts] ?? 0) + v])), {}));
  const showFormasi = !national || chosen !== null;
  const labels = showFormasi ? await formasiLabels(db, { ids: formasiRows.map((r) => r.formasiId) }) : [];
  const labelOf = new Map(labels.map((f) => [f.id, f]));
  const roundOf = new Map(rounds.map((r) => [r.id, r]));
  const scopeName = chosen ? roundLabel(chosen, national) : national ? 'seluruh seleksi seluruh instansi' : 'seluruh seleksi';

  const steps = funnelSteps({ counts: overall });
  const funnel = section({
    key: 'corong',
    title: `Corong rekrutmen — ${scopeName}${chosen && ctx.query.formasiId ? ` (${formasiName(labelOf.get(ctx.query.formasiId))})` : ''}`,
    description: 'Jumlah peserta pada setiap tahap: mendaftar, memenuhi syarat administrasi, memenuhi nilai ambang batas SKD, mengikuti SKB (tercantum dan hadir dalam daftar hasil akhir), dan diangkat (lulus pada hasil akhir pasca sanggah atau menerima tawaran optimalisasi).',
    columns: [text('tahap', 'Tahap'), number('jumlah', 'Jumlah'), percent('dariSebelumnya', 'Dari tahap sebelumnya (%)'), percent('dariPendaftar', 'Dari pendaftar (%)')],
    rows: steps.map((s) => ({ tahap: s.label, jumlah: s.count, dariSebelumnya: s.fromPrevious, dariPendaftar: s.fromRegistered })),
    chart: { labelKey: 'tahap', valueKey: 'jumlah', min: null, max: null },
    empty: 'Belum ada seleksi yang diumumkan.',
  });
  const perRound = section({
    key: 'corong-seleksi',
    title: 'Corong per seleksi',
    description: 'Setiap seleksi yang telah diumumkan, terbaru dahulu.',
    columns: [...(national ? [text('instansi', 'Instansi')] : []), text('seleksi', 'Seleksi'), number('mendaftar', 'Mendaftar'), number('ms', 'MS'), number('lulusSkd', 'Lulus SKD'), number('skb', 'SKB'), number('diangkat', 'Diangkat'), percent('persenDiangkat', 'Diangkat dari pendaftar (%)')],
    rows: rounds
      .filter((r) => !chosen || r.id === chosen.id)
      .map((r) => {
        const c = totalOf.get(r.id) ?? completeFunnel({});
        return { ...(national ? { instansi: r.agencyName } : {}), seleksi: r.name, mendaftar: c.registered, ms: c.eligible, lulusSkd: c.passedSkd, skb: c.skb, diangkat: c.appointed, persenDiangkat: percentOf(c.appointed, c.registered) };
      }),
    empty: 'Belum ada seleksi yang diumumkan.',
  });
  const sections = [funnel, perRound];
  if (showFormasi) {
    sections.push(
      section({
        key: 'corong-formasi',
        title: 'Corong per formasi',
        description: 'Setiap formasi yang memiliki pendaftar; keterisian = diangkat ÷ jumlah kebutuhan.',
        columns: [...(chosen ? [] : [text('seleksi', 'Seleksi')]), text('formasi', 'Formasi'), number('kebutuhan', 'Kebutuhan'), number('mendaftar', 'Mendaftar'), number('ms', 'MS'), number('lulusSkd', 'Lulus SKD'), number('skb', 'SKB'), number('diangkat', 'Diangkat'), percent('keterisian', 'Keterisian (%)')],
        rows: formasiRows
          .map((row) => ({ row, label: labelOf.get(row.formasiId), round: roundOf.get(row.selectionId) }))
          .sort((a, b) => (a.round?.name ?? '').localeCompare(b.round?.name ?? '', 'id') || formasiName(a.label).localeCompare(formasiName(b.label), 'id'))
          .map(({ row, label, round }) => {
            const c = completeFunnel(row.counts);
            return {
              ...(chosen ? {} : { seleksi: round?.name ?? '' }),
              formasi: formasiName(label),
              kebutuhan: label?.count ?? null,
              mendaftar: c.registered,
              ms: c.eligible,
              lulusSkd: c.passedSkd,
              skb: c.skb,
              diangkat: c.appointed,
              keterisian: label ? percentOf(c.appointed, label.count) : null,
            };
          }),
        empty: 'Belum ada pendaftar.',
      }),
    );
  }

  // Time per stage: the chosen round, or the newest one.
  const timed = chosen ?? rounds[0] ?? null;
  sections.push(await stageSection(ctx, timed, national));

  const objections = objectionOutcomes({
    counts: [
      ...adminObjections.filter((c) => inRounds.has(c.selectionId)).map((c) => ({ ...c, kind: 'administrasi' as const })),
      ...finalObjections.filter((c) => inRounds.has(c.selectionId)).map((c) => ({ ...c, kind: 'hasil_akhir' as const })),
    ],
  });
  sections.push(
    section({
      key: 'sanggah',
      title: `Sanggah dan hasilnya — ${scopeName}`,
      description: 'Sanggah atas hasil seleksi administrasi dan atas hasil akhir: diterima, ditolak, belum dijawab, dan lama menjawab.',
      notes: ['Median hari menjawab ditampilkan bila hanya satu seleksi yang dihitung (median gabungan beberapa seleksi tidak sama dengan median dari median).'],
      columns: [text('jenis', 'Jenis sanggah'), number('diajukan', 'Diajukan'), number('diterima', 'Diterima'), number('ditolak', 'Ditolak'), number('belumDijawab', 'Belum dijawab'), percent('persenDiterima', 'Diterima dari yang dijawab (%)'), number('medianHari', 'Median hari menjawab')],
      rows: [...objections.lines, { ...objections.total, medianDaysToAnswer: null }].map((l) => ({
        jenis: l.label,
        diajukan: l.filed,
        diterima: l.accepted,
        ditolak: l.rejected,
        belumDijawab: l.pending,
        persenDiterima: l.acceptedShare,
        medianHari: l.medianDaysToAnswer,
      })),
      chart: { labelKey: 'jenis', valueKey: 'diajukan', min: null, max: null },
      empty: 'Belum ada sanggah.',
    }),
  );

  return {
    filters: { ...noFilters, selectionId: chosen?.id ?? null, formasiId: chosen ? (ctx.query.formasiId ?? null) : null },
    options: {
      ...noOptions,
      selections: rounds.map((r) => ({ value: r.id, label: roundLabel(r, national) })),
      formasi: chosen
        ? labels
            .filter((f) => f.selectionId === chosen.id)
            .map((f) => ({ value: f.id, label: formasiName(f) }))
            .sort((a, b) => a.label.localeCompare(b.label, 'id'))
        : [],
    },
    sections,
  };
}

function formasiName(f: { positionName: string; unitName: string; kind: string } | undefined): string {
  if (!f) return 'Formasi';
  return `${f.positionName} — ${f.unitName}${f.kind && f.kind !== 'umum' ? ` (${f.kind})` : ''}`;
}

async function stageSection(ctx: Context, round: ReportedSelection | null, national: boolean): Promise<DashboardSection> {
  const columns = [text('tahap', 'Tahap'), number('rencana', 'Rencana (hari)'), number('realisasi', 'Realisasi (hari)'), number('selisih', 'Selisih (hari)'), text('status', 'Status')];
  const base = {
    key: 'waktu-tahap',
    description: 'Lama setiap tahap menurut jadwal seleksi dan menurut waktu pengumuman yang sebenarnya; tahap yang sedang berjalan dihitung sampai sekarang. Selisih positif berarti lebih lama dari rencana.',
    columns,
    empty: 'Belum ada seleksi yang diumumkan.',
  };
  if (!round) return section({ ...base, title: 'Waktu per tahap', rows: [] });
  const [times, cohort] = await Promise.all([stageResultTimes(ctx.deps.db, { selectionIds: [round.id] }), cohortsOfSelections(ctx.deps.db, { agencyId: round.agencyId, selectionIds: [round.id] })]);
  const events: Partial<Record<RoundEvent, Date>> = {};
  for (const t of times) if ((ROUND_EVENTS as readonly string[]).includes(t.stage)) events[t.stage as RoundEvent] = t.publishedAt;
  // A CAT stage result is published under its blueprint's stage key (PPPK: kompetensi): the first such result ends the SKD stage.
  const catResults = times.filter((t) => !['administrasi', 'administrasi_pasca_sanggah', 'akhir', 'akhir_pasca_sanggah'].includes(t.stage)).sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
  if (!events.skd && catResults[0]) events.skd = catResults[0].publishedAt;
  const firstAppointment = cohort[0]?.appointedAt;
  if (firstAppointment) events.pengangkatan = startOfDayInZone(firstAppointment, round.zone);
  // toScheduleInstants turns every present date into a Date (its type allows strings for other callers).
  const schedule: Partial<Record<ScheduleField, Date>> = Object.fromEntries(Object.entries(toScheduleInstants({ schedule: round.schedule, zone: round.zone })).map(([field, at]) => [field, new Date(at)]));
  // Rounds made before the schedule was kept as local dates carry only the enforced instants.
  schedule.registrationOpens ??= round.registrationOpensAt ?? undefined;
  schedule.registrationCloses ??= round.registrationClosesAt ?? undefined;
  const lines = stageDurations({ schedule, events, now: ctx.now });
  return section({
    ...base,
    title: `Waktu per tahap — ${roundLabel(round, national)}`,
    notes: ['Tahap SKD dan pengangkatan tidak memiliki tanggal rencana tersendiri dalam jadwal seleksi, sehingga hanya realisasinya yang ditampilkan.'],
    rows: lines.map((l) => ({ tahap: l.label, rencana: l.plannedDays, realisasi: l.actualDays, selisih: l.delayDays, status: STAGE_DURATION_STATUS_LABELS[l.status] })),
    chart: { labelKey: 'tahap', valueKey: 'realisasi', min: null, max: null },
  });
}

// ---- training, performance, IKM, complaints -------------------------------------------------------------

async function followUp(ctx: Context): Promise<Built> {
  const { db } = ctx.deps;
  const national = ctx.agencyId === null;
  const agencyId = ctx.agencyId ?? undefined;
  const [programmes, ikmRows, complaints, predikat] = await Promise.all([
    programmeFigures(db, { agencyId }),
    ikmByUnitAndPeriod(ctx.deps, { agencyId }),
    aspirationSummary(db, { agencyId, now: ctx.now }),
    ctx.agencyId ? ctx.predikat.finalPeriods(ctx.deps, { agencyId: ctx.agencyId }) : Promise.resolve([]),
  ]);
  const sections: DashboardSection[] = [];
  sections.push(
    section({
      key: 'pelatihan',
      title: 'Pelatihan: penyelesaian dan peningkatan hasil belajar',
      description: 'Per program: peserta yang menyelesaikan dari yang kelasnya sudah ditutup, dan rata-rata nilai pre-test, post-test serta peningkatannya (post − pre) pada peserta yang mengikuti keduanya.',
      columns: [
        ...(national ? [text('instansi', 'Instansi')] : []),
        text('program', 'Program'),
        number('selesai', 'Selesai'),
        number('ditutup', 'Kelas ditutup (peserta)'),
        percent('penyelesaian', 'Penyelesaian (%)'),
        number('pasangan', 'Peserta pre & post'),
        number('pre', 'Rata-rata pre-test'),
        number('post', 'Rata-rata post-test'),
        number('peningkatan', 'Peningkatan'),
      ],
      rows: programmes.map((p) => ({
        ...(national ? { instansi: p.agencyId } : {}),
        program: p.name,
        selesai: p.completion.completed,
        ditutup: p.completion.finished,
        penyelesaian: p.completion.rate,
        pasangan: p.gain.n,
        pre: p.gain.meanPre,
        post: p.gain.meanPost,
        peningkatan: p.gain.meanGain,
      })),
      chart: { labelKey: 'program', valueKey: 'penyelesaian', min: 0, max: 100 },
      empty: 'Belum ada program pelatihan.',
    }),
  );
  if (national) await nameAgencies(ctx, sections[0]!);

  const latest = predikat.at(-1);
  const distribution = predikatSection({ key: 'predikat', title: latest ? `Sebaran predikat kinerja — ${latest.periodName}` : 'Sebaran predikat kinerja', counts: latest?.counts ?? null, notRated: 0 });
  if (national) {
    distribution.notes = ['Sebaran predikat kinerja dibaca per instansi, karena batas sebarannya mengikuti predikat organisasi masing-masing. Buka dasbor instansi.'];
    distribution.empty = 'Sebaran predikat kinerja ditampilkan pada dasbor tiap instansi.';
  }
  sections.push(distribution);
  if (predikat.length > 1) {
    sections.push(
      section({
        key: 'predikat-periode',
        title: 'Predikat kinerja per periode final',
        description: 'Jumlah pegawai per predikat pada setiap periode penilaian yang sudah final, terbaru dahulu.',
        columns: [text('periode', 'Periode'), ...PREDIKATS.map((p) => number(p, PREDIKAT_LABELS[p])), percent('baikKeAtas', 'Baik ke atas (%)')],
        rows: [...predikat].reverse().map((period) => {
          const rated = PREDIKATS.reduce((sum, p) => sum + period.counts[p], 0);
          return { periode: period.periodName, ...Object.fromEntries(PREDIKATS.map((p) => [p, period.counts[p]])), baikKeAtas: percentOf(period.counts.sangat_baik + period.counts.baik, rated) };
        }),
        chart: { labelKey: 'periode', valueKey: 'baikKeAtas', min: 0, max: 100 },
        empty: NO_PREDIKAT,
      }),
    );
  }

  const periods = [...new Map(ikmRows.map((r) => [r.periodKey, { value: r.periodKey, label: r.periodLabel, start: r.periodStart }])).values()].sort((a, b) => (a.start < b.start ? 1 : a.start > b.start ? -1 : 0));
  const units = [...new Map(ikmRows.map((r) => [r.unitId, { value: r.unitId, label: national ? r.unitName : r.unitName }])).values()].sort((a, b) => a.label.localeCompare(b.label, 'id'));
  if (ctx.query.unitId && !units.some((u) => u.value === ctx.query.unitId)) throw notFound('Unit kerja');
  // One period at a time unless one unit is followed over its periods.
  const periodKey = ctx.query.periodKey ?? (ctx.query.unitId ? null : (periods[0]?.value ?? null));
  const shown = ikmRows.filter((r) => (!periodKey || r.periodKey === periodKey) && (!ctx.query.unitId || r.unitId === ctx.query.unitId));
  sections.push(
    section({
      key: 'ikm',
      title: `Indeks Kepuasan Masyarakat per unit dan periode${periodKey ? ` — ${periods.find((p) => p.value === periodKey)?.label ?? periodKey}` : ''}`,
      description: 'IKM (PermenPANRB 14/2017) setiap survei layanan: jumlah responden, nilai IKM (25–100) dan mutunya.',
      columns: [text('unit', 'Unit layanan'), text('periode', 'Periode'), number('responden', 'Responden'), number('ikm', 'IKM'), text('mutu', 'Mutu')],
      rows: shown.map((r) => ({ unit: r.unitName, periode: r.periodLabel, responden: r.respondents, ikm: r.ikm, mutu: r.grade })),
      chart: { labelKey: ctx.query.unitId && !ctx.query.periodKey ? 'periode' : 'unit', valueKey: 'ikm', min: 0, max: 100 },
      empty: 'Belum ada survei IKM pada pilihan ini.',
    }),
  );

  sections.push(
    section({
      key: 'pengaduan',
      title: 'Aspirasi dan pengaduan per kategori',
      description: 'Jumlah yang masuk, yang masih terbuka dan median hari sampai ditutup.',
      notes: [
        `Seluruhnya ${complaints.total} aspirasi/pengaduan; ${complaints.open} masih terbuka, ${complaints.overdueOpen} di antaranya melewati batas ${complaints.slaDays} hari; ${complaints.closedOnTime} dari ${complaints.closed} yang ditutup selesai tepat waktu.`,
      ],
      columns: [text('kategori', 'Kategori'), number('jumlah', 'Jumlah'), number('terbuka', 'Masih terbuka'), number('medianHari', 'Median hari sampai ditutup')],
      rows: ASPIRATION_CATEGORIES.map((category) => {
        const c = complaints.byCategory.find((b) => b.category === category);
        return { kategori: ASPIRATION_CATEGORY_LABELS[category], jumlah: c?.count ?? 0, terbuka: c?.open ?? 0, medianHari: c?.medianDaysToClose ?? null };
      }),
      chart: { labelKey: 'kategori', valueKey: 'jumlah', min: null, max: null },
      empty: 'Belum ada aspirasi atau pengaduan.',
    }),
  );

  return {
    filters: { ...noFilters, periodKey, unitId: ctx.query.unitId ?? null },
    options: { ...noOptions, periods: periods.map(({ value, label }) => ({ value, label })), units },
    sections,
  };
}

/** Agency names for the national tables, read once. */
async function nameAgencies(ctx: Context, target: DashboardSection) {
  const { items } = await listAgencies(ctx.deps.db, { page: 1, pageSize: 10_000 });
  const names = new Map(items.map((a) => [a.id, a.name]));
  for (const row of target.rows) row.instansi = names.get(String(row.instansi)) ?? '';
}

function predikatSection({ key, title, counts, notRated }: { key: string; title: string; counts: PredikatCounts | null; notRated: number }): DashboardSection {
  const rated = counts ? PREDIKATS.reduce((sum, p) => sum + counts[p], 0) : 0;
  const none = rated === 0;
  return section({
    key,
    title,
    description: 'Predikat kinerja (PermenPANRB 6/2022) dari periode penilaian yang sudah final: jumlah dan persentase dari pegawai yang dinilai.',
    notes: !none && notRated ? [`${notRated} pegawai belum memiliki predikat final.`] : [],
    columns: [text('predikat', 'Predikat'), number('jumlah', 'Jumlah'), percent('persen', 'Persentase (%)')],
    rows: none || !counts ? [] : PREDIKATS.map((p) => ({ predikat: PREDIKAT_LABELS[p], jumlah: counts[p], persen: percentOf(counts[p], rated) })),
    chart: { labelKey: 'predikat', valueKey: 'jumlah', min: null, max: null },
    empty: NO_PREDIKAT,
  });
}

// ---- quality of hire ------------------------------------------------------------------------------------

async function qualityOfHire(ctx: Context, timezone: string): Promise<Built> {
  const { db } = ctx.deps;
  const agencyId = ctx.agencyId!;
  const rounds = await selectionsForReport(db, { agencyId });
  const cohorts = await cohortsOfSelections(db, { agencyId, selectionIds: rounds.map((r) => r.id) });
  const sizeOf = new Map<string, number>();
  for (const m of cohorts) sizeOf.set(m.selectionId, (sizeOf.get(m.selectionId) ?? 0) + 1);
  // The newest round with a cohort, else the newest round (its empty cohort says why there is nothing).
  const chosen = requireRound(rounds, ctx.query.selectionId) ?? rounds.find((r) => sizeOf.has(r.id)) ?? rounds[0] ?? null;
  const options = { ...noOptions, selections: rounds.map((r) => ({ value: r.id, label: `${r.name} (${sizeOf.get(r.id) ?? 0} pegawai)` })) };
  const filters = { ...noFilters, selectionId: chosen?.id ?? null };
  const cohort = chosen ? cohorts.filter((m) => m.selectionId === chosen.id) : [];
  const employeeIds = cohort.map((m) => m.employeeId);
  const [training, predikats, scores, ikmRows] = await Promise.all([
    trainingOutcomesOfEmployees(db, { agencyId, employeeIds }),
    ctx.predikat.ofEmployees(ctx.deps, { agencyId, employeeIds }),
    chosen ? selectionScoresOfApplications(db, { agencyId, selectionId: chosen.id, applicationIds: cohort.flatMap((m) => (m.applicationId ? [m.applicationId] : [])) }) : Promise.resolve({ components: [], lines: [] }),
    ikmByUnitAndPeriod(ctx.deps, { agencyId, unitIds: [...new Set(cohort.flatMap((m) => (m.unitId ? [m.unitId] : [])))] }),
  ]);
  const name = chosen ? chosen.name : 'belum ada seleksi dengan pegawai yang diangkat';
  const zone = timezone as AgencyZone;
  const today = calendarDateInZone(ctx.now, zone);
  const stillEmployed = cohort.filter((m) => m.endedAt === null || m.endedAt > today).length;
  const basic = training.filter((t) => t.basicCompleted).length;
  const completedTotal = training.reduce((s, t) => s + t.completed, 0);
  const predikatOf = new Map(predikats.map((p) => [p.employeeId, p.predikat]));
  const rated = cohort.filter((m) => predikatOf.get(m.employeeId)).length;

  const sections: DashboardSection[] = [
    section({
      key: 'kohort',
      title: `Kohort ${name}`,
      description: 'Pegawai yang diangkat dari seleksi ini dan apa yang terjadi sesudahnya.',
      columns: [text('ukuran', 'Ukuran'), number('nilai', 'Jumlah'), percent('persen', 'Dari kohort (%)')],
      rows: cohort.length
        ? [
            { ukuran: 'Pegawai diangkat', nilai: cohort.length, persen: 100 },
            { ukuran: 'Masih bekerja', nilai: stillEmployed, persen: percentOf(stillEmployed, cohort.length) },
            { ukuran: 'Menyelesaikan pelatihan dasar (Latsar)', nilai: basic, persen: percentOf(basic, cohort.length) },
            { ukuran: 'Program pelatihan yang diselesaikan (seluruhnya)', nilai: completedTotal, persen: null },
            { ukuran: 'Memiliki predikat kinerja final', nilai: rated, persen: percentOf(rated, cohort.length) },
          ]
        : [],
      chart: null,
      empty: 'Belum ada pegawai yang diangkat dari seleksi ini.',
    }),
  ];
  const cohortShares = predikatShares({ predikats: cohort.map((m) => predikatOf.get(m.employeeId) ?? null) });
  sections.push(
    predikatSection({
      key: 'predikat-kohort',
      title: 'Predikat kinerja kohort (predikat final terakhir)',
      counts: Object.fromEntries(cohortShares.lines.map((l) => [l.predikat, l.count])) as PredikatCounts,
      notRated: cohortShares.notRated,
    }),
  );

  const retained = retention({ members: cohort.map((m) => ({ appointedAt: m.appointedAt, endedAt: m.endedAt })), asOf: today });
  sections.push(
    section({
      key: 'retensi',
      title: 'Retensi setelah satu dan dua tahun',
      description: 'Dari pegawai yang sudah mencapai ulang tahun pengangkatannya, berapa yang masih bekerja pada hari itu.',
      columns: [text('masa', 'Masa kerja'), number('mencapai', 'Sudah mencapai'), number('bertahan', 'Masih bekerja'), percent('retensi', 'Retensi (%)')],
      rows: cohort.length ? retained.map((l) => ({ masa: `${l.years} tahun`, mencapai: l.eligible, bertahan: l.retained, retensi: l.rate })) : [],
      notes: cohort.length && retained.every((l) => l.eligible === 0) ? ['Belum ada pegawai kohort ini yang genap satu tahun bekerja.'] : [],
      chart: { labelKey: 'masa', valueKey: 'retensi', min: 0, max: 100 },
      empty: 'Belum ada pegawai yang diangkat dari seleksi ini.',
    }),
  );

  const unitPeriods: UnitIkmPeriod[] = ikmRows.flatMap((r) => {
    const period = parsePeriodKey(r.periodKey);
    return period ? [{ unitId: r.unitId, periodKey: r.periodKey, periodLabel: r.periodLabel, ...periodRange(period), ikm: r.ikm }] : [];
  });
  const ikm = ikmBeforeAfter({ joins: cohort.flatMap((m) => (m.unitId ? [{ unitId: m.unitId, unitName: m.unitName ?? '', appointedAt: m.appointedAt }] : [])), periods: unitPeriods });
  sections.push(
    section({
      key: 'ikm-unit',
      title: 'IKM unit tempat kohort bekerja, sebelum dan sesudah',
      description: 'IKM periode terakhir yang berakhir sebelum anggota kohort pertama masuk unit, dan periode terakhir yang dimulai sejak itu. Periode yang mencakup hari masuk tidak dihitung.',
      notes: ['Perubahan IKM unit dipengaruhi banyak hal selain pegawai baru; baca sebagai gambaran, bukan dampak langsung.'],
      columns: [text('unit', 'Unit kerja'), number('pegawai', 'Pegawai kohort'), text('masuk', 'Mulai masuk'), text('periodeSebelum', 'Periode sebelum'), number('ikmSebelum', 'IKM sebelum'), text('periodeSesudah', 'Periode sesudah'), number('ikmSesudah', 'IKM sesudah'), number('perubahan', 'Perubahan')],
      rows: ikm.map((l) => ({
        unit: l.unitName,
        pegawai: l.joined,
        masuk: l.joinedFrom,
        periodeSebelum: l.before?.periodLabel ?? null,
        ikmSebelum: l.before?.ikm ?? null,
        periodeSesudah: l.after?.periodLabel ?? null,
        ikmSesudah: l.after?.ikm ?? null,
        perubahan: l.change,
      })),
      chart: { labelKey: 'unit', valueKey: 'ikmSesudah', min: 0, max: 100 },
      empty: 'Belum ada pegawai kohort yang ditempatkan di unit kerja.',
    }),
  );

  const scoreOf = new Map(scores.lines.map((l) => [l.applicationId, l.scores]));
  const correlations = componentCorrelations({
    components: scores.components,
    members: cohort.map((m) => ({ scores: (m.applicationId && scoreOf.get(m.applicationId)) || {}, predikat: predikatOf.get(m.employeeId) ?? null })),
  });
  sections.push(
    section({
      key: 'korelasi',
      title: 'Seberapa baik nilai seleksi meramalkan kinerja',
      description:
        'Korelasi peringkat Spearman (nilai sama diberi peringkat rata-rata) antara nilai setiap komponen seleksi dan predikat kinerja final terakhir (Sangat Baik = 5 … Sangat Kurang = 1), pada pegawai kohort yang memiliki keduanya. Nilai dekat 1: urutan nilai seleksi mirip urutan kinerja; dekat 0: tidak ada hubungan; negatif: berlawanan.',
      notes: [
        'Korelasi bukan sebab-akibat. Hanya peserta yang lulus dan diangkat yang dinilai kinerjanya, sehingga rentang nilai seleksi sudah menyempit dan korelasi cenderung lebih kecil daripada sebenarnya.',
        ...(rated === 0 ? [`${NO_PREDIKAT} Korelasi dapat dihitung setelah pegawai kohort ini memiliki predikat kinerja final.`] : []),
      ],
      columns: [text('komponen', 'Komponen seleksi'), number('n', 'Jumlah pasangan (n)'), number('rho', 'Korelasi (rho)'), text('bacaan', 'Artinya'), text('peringatan', 'Catatan')],
      rows: correlations.map((c) => ({ komponen: c.label, n: c.n, rho: c.rho, bacaan: c.reading, peringatan: c.caution })),
      chart: { labelKey: 'komponen', valueKey: 'rho', min: -1, max: 1 },
      empty: chosen ? 'Daftar hasil akhir seleksi ini belum memuat nilai komponen.' : 'Belum ada seleksi dengan pegawai yang diangkat.',
    }),
  );
  return { filters, options, sections };
}
