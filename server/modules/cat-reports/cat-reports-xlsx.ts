// A CAT stage's report as a workbook: summary per session and per formation, points per subtest,
// the distribution, and — for those who may see it — the item analysis.
import type { CatReport, ItemReport, ReportGroup } from '../../../core/schemas/cat-reports.js';
import { addTableSheet, newWorkbook, type SheetColumn } from '../../xlsx.js';

const percent = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 100);

function groupColumns(report: CatReport): SheetColumn[] {
  return [
    { key: 'scope', header: 'Kelompok', width: 14 },
    { key: 'name', header: 'Nama', width: 34 },
    { key: 'detail', header: 'Keterangan', width: 44 },
    { key: 'participants', header: 'Peserta' },
    { key: 'present', header: 'Hadir' },
    { key: 'absent', header: 'Tidak hadir', width: 12 },
    { key: 'pending', header: 'Belum ujian', width: 12 },
    { key: 'finished', header: 'Selesai' },
    { key: 'passed', header: 'Memenuhi ambang batas', width: 22 },
    { key: 'passRate', header: 'Persentase lulus (%)', width: 20 },
    { key: 'mean', header: 'Rerata total', width: 14 },
    { key: 'median', header: 'Median total', width: 14 },
    { key: 'min', header: 'Terendah' },
    { key: 'max', header: 'Tertinggi' },
    ...report.blueprint.subtests.map((subtest) => ({ key: `mean_${subtest.code}`, header: `Rerata ${subtest.code}`, width: 14 })),
  ];
}

function groupRow(scope: string, group: ReportGroup) {
  return {
    scope,
    name: group.name,
    detail: group.detail,
    participants: group.participants,
    present: group.present,
    absent: group.absent,
    pending: group.pending,
    finished: group.finished,
    passed: group.passed,
    passRate: percent(group.passRate),
    mean: group.total.mean,
    median: group.total.median,
    min: group.total.min,
    max: group.total.max,
    ...Object.fromEntries(group.subtests.map((subtest) => [`mean_${subtest.code}`, subtest.mean])),
  };
}

export type ReportWorkbookOptions = { selectionName: string; report: CatReport; items: ItemReport[] | null };

export function reportWorkbook({ selectionName, report, items }: ReportWorkbookOptions) {
  const workbook = newWorkbook();
  const summary = addTableSheet(workbook, 'Ringkasan', groupColumns(report), [
    groupRow('Seluruh', report.overall),
    ...report.bySession.map((group) => groupRow('Sesi', group)),
    ...report.byFormasi.map((group) => groupRow('Formasi', group)),
  ]);
  summary.addRow([]);
  summary.addRow([`${selectionName} — ${report.blueprint.name} (nilai maksimal ${report.blueprint.maxTotal}). Dibuat ${new Date().toISOString()}.`]);

  const subtestRows = [report.overall, ...report.bySession, ...report.byFormasi].flatMap((group, index) =>
    group.subtests.map((subtest) => ({
      scope: index === 0 ? 'Seluruh' : index <= report.bySession.length ? 'Sesi' : 'Formasi',
      name: group.name,
      code: subtest.code,
      max: report.blueprint.subtests.find((s) => s.code === subtest.code)?.maxPoints ?? null,
      mean: subtest.mean,
      median: subtest.median,
      low: subtest.min,
      high: subtest.max,
    })),
  );
  addTableSheet(
    workbook,
    'Per Subtes',
    [
      { key: 'scope', header: 'Kelompok', width: 14 },
      { key: 'name', header: 'Nama', width: 34 },
      { key: 'code', header: 'Subtes' },
      { key: 'max', header: 'Nilai maksimal', width: 16 },
      { key: 'mean', header: 'Rerata' },
      { key: 'median', header: 'Median' },
      { key: 'low', header: 'Terendah' },
      { key: 'high', header: 'Tertinggi' },
    ],
    subtestRows,
  );

  addTableSheet(
    workbook,
    'Distribusi Nilai',
    [
      { key: 'range', header: `Rentang nilai ${report.distribution.subtest ?? 'total'}`, width: 22 },
      { key: 'from', header: 'Dari' },
      { key: 'to', header: 'Sampai' },
      { key: 'count', header: 'Jumlah peserta', width: 16 },
    ],
    report.distribution.bins.map((bin, index) => ({
      range: `${bin.from}–${bin.to}${index === report.distribution.bins.length - 1 ? '' : ' (tidak termasuk)'}`,
      from: bin.from,
      to: bin.to,
      count: bin.count,
    })),
  );

  if (items) {
    const maxOptions = Math.max(0, ...items.map((item) => item.content?.options.length ?? 0));
    const sheet = addTableSheet(
      workbook,
      'Analisis Butir',
      [
        { key: 'no', header: 'No', width: 6 },
        { key: 'subtest', header: 'Subtes' },
        { key: 'topic', header: 'Topik', width: 18 },
        { key: 'bank', header: 'Bank soal', width: 24 },
        { key: 'n', header: 'Peserta' },
        { key: 'difficulty', header: 'Tingkat kesukaran (p)', width: 20 },
        { key: 'difficultyLabel', header: 'Kategori p', width: 12 },
        { key: 'discrimination', header: 'Daya beda (D)', width: 14 },
        { key: 'discriminationLabel', header: 'Kategori D', width: 22 },
        { key: 'review', header: 'Perlu ditinjau', width: 14 },
        { key: 'blank', header: 'Tidak dijawab', width: 14 },
        { key: 'stem', header: 'Teks soal', width: 60 },
        ...Array.from({ length: maxOptions }, (_, index) => ({ key: `option${index}`, header: `Pilihan ${String.fromCharCode(65 + index)} (dipilih)`, width: 22 })),
        { key: 'id', header: 'ID soal', width: 38 },
      ],
      items.map((item, index) => ({
        no: index + 1,
        subtest: item.subtest,
        topic: item.topic,
        bank: `${item.bankName}${item.national ? ' (nasional)' : ''}`,
        n: item.n,
        difficulty: item.difficulty,
        difficultyLabel: item.difficultyLabel,
        discrimination: item.discrimination,
        discriminationLabel: item.discriminationLabel,
        review: item.review ? 'Ya' : 'Tidak',
        blank: item.blank,
        stem: item.content?.stem ?? '(isi soal hanya untuk pengelola bank soal)',
        ...Object.fromEntries(
          (item.content?.options ?? []).map((option, optionIndex) => [
            `option${optionIndex}`,
            `${option.isKey ? '[kunci] ' : ''}${option.points !== null ? `[bobot ${option.points}] ` : ''}${option.text} — ${option.chosen}`,
          ]),
        ),
        id: item.questionId,
      })),
    );
    sheet.addRow([]);
    sheet.addRow(['p = rerata skor butir ÷ skor maksimal butir; D = (rerata kelompok atas − rerata kelompok bawah) ÷ skor maksimal; kelompok atas/bawah = 27% peserta dengan nilai total tertinggi/terendah.']);
    sheet.addRow(['RAHASIA: lembar ini memuat isi dan kunci soal. Simpan hanya di lingkungan pengelola bank soal.']);
  }
  return workbook;
}
