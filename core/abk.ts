/**
 * Workload analysis (ABK) for formation planning (domain-rules §8; PermenPANRB 1/2020, pedoman
 * analisis jabatan dan analisis beban kerja):
 *   need = Σ(volume per year × norm time) ÷ effective working time
 *   shortfall = rounded need − (bezetting − staff retiring within the planning horizon)
 *   proposed formation = max(0, shortfall)
 *
 * Retirements ADD to the shortfall: they leave the staff in post. Domain-rules §8 writes
 * "need − bezetting − retiring", which read literally would make each retirement lower the
 * proposal; the staff remaining (bezetting − retiring) is what the need is compared with.
 *
 * Rounding rule: the need is computed exactly (rationals over the decimal digits entered) and
 * rounded once to a whole person, by default half up (x.5 → x + 1, x.4999… → x), the common
 * practice in ABK worksheets. 'up' (every started person counts) and 'down' are available as
 * settings for agencies whose guideline says so.
 */
import { add, divide, multiply, ratio, roundHalfUpUnits, toNumber, toRational, type Rational } from './exact.js';
import type { FieldIssue } from './field-issue.js';

export type AbkTask = {
  name: string;
  /** Outputs per year (may be an average, so decimals are allowed). */
  volumePerYear: number;
  /** Minutes to complete one output. */
  normMinutes: number;
};

export type AbkRounding = 'halfUp' | 'up' | 'down';

export type AbkSettings = {
  /** Effective working time per person per year, in minutes. */
  effectiveMinutesPerYear: number;
  rounding: AbkRounding;
};

// Domain-rules §8: 1,250 effective hours a year = 75,000 minutes (older guidelines used 1,200 or
// 1,300 hours, hence a setting).
export const ABK_DEFAULTS: AbkSettings = { effectiveMinutesPerYear: 75_000, rounding: 'halfUp' };

export type AbkOptions = {
  tasks: readonly AbkTask[];
  /** Staff in post. */
  bezetting: number;
  /** Staff in post who retire within the planning horizon. */
  retiring: number;
  settings?: Partial<AbkSettings>;
};

export type AbkTaskWorkload = AbkTask & { workloadMinutes: number };

export type AbkCalculation = {
  tasks: AbkTaskWorkload[];
  workloadMinutes: number;
  effectiveMinutesPerYear: number;
  /** The exact need as a reduced fraction (24/5 for 4.8). */
  needExact: { numerator: number; denominator: number };
  /** The need as the nearest double, for display. */
  need: number;
  rounding: AbkRounding;
  roundedNeed: number;
  bezetting: number;
  retiring: number;
  /** Rounded need − (bezetting − retiring); negative when more staff remain than needed. */
  shortfall: number;
  proposedFormasi: number;
  /** The arithmetic in Indonesian, one line per step, for the UI to show. */
  steps: string[];
};

export type AbkResult = { ok: true; value: AbkCalculation } | { ok: false; errors: FieldIssue[] };

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function taskIssues(task: AbkTask, index: number): FieldIssue[] {
  const field = `tasks.${index}`;
  const issues: FieldIssue[] = [];
  if (typeof task.name !== 'string' || task.name.trim() === '') {
    issues.push({ field: `${field}.name`, code: 'ABK_TASK_NAME_REQUIRED', message: 'Nama tugas wajib diisi.' });
  }
  if (!isNumber(task.volumePerYear)) {
    issues.push({ field: `${field}.volumePerYear`, code: 'ABK_VOLUME_INVALID', message: 'Volume kerja harus berupa angka.' });
  } else if (task.volumePerYear < 0) {
    issues.push({ field: `${field}.volumePerYear`, code: 'ABK_VOLUME_NEGATIVE', message: 'Volume kerja tidak boleh negatif.' });
  }
  if (!isNumber(task.normMinutes)) {
    issues.push({ field: `${field}.normMinutes`, code: 'ABK_NORM_INVALID', message: 'Norma waktu harus berupa angka.' });
  } else if (task.normMinutes <= 0) {
    issues.push({ field: `${field}.normMinutes`, code: 'ABK_NORM_NOT_POSITIVE', message: 'Norma waktu harus lebih dari 0 menit.' });
  }
  return issues;
}

function headcountIssues(field: 'bezetting' | 'retiring', value: number, label: string): FieldIssue[] {
  const code = field.toUpperCase();
  if (!isNumber(value) || !Number.isInteger(value)) {
    return [{ field, code: `ABK_${code}_NOT_INTEGER`, message: `${label} harus bilangan bulat.` }];
  }
  if (value < 0) return [{ field, code: `ABK_${code}_NEGATIVE`, message: `${label} tidak boleh negatif.` }];
  return [];
}

function validate(options: AbkOptions, settings: AbkSettings): FieldIssue[] {
  const issues = options.tasks.flatMap(taskIssues);
  issues.push(...headcountIssues('bezetting', options.bezetting, 'Bezetting'));
  issues.push(...headcountIssues('retiring', options.retiring, 'Jumlah pegawai yang pensiun'));
  const headcountsValid = issues.every((issue) => issue.field !== 'bezetting' && issue.field !== 'retiring');
  if (headcountsValid && options.retiring > options.bezetting) {
    issues.push({
      field: 'retiring',
      code: 'ABK_RETIRING_EXCEEDS_BEZETTING',
      message: 'Jumlah pegawai yang pensiun tidak boleh melebihi bezetting.',
    });
  }
  if (!isNumber(settings.effectiveMinutesPerYear) || settings.effectiveMinutesPerYear <= 0) {
    issues.push({
      field: 'settings.effectiveMinutesPerYear',
      code: 'ABK_EFFECTIVE_TIME_NOT_POSITIVE',
      message: 'Waktu kerja efektif harus lebih dari 0 menit per tahun.',
    });
  }
  if (!['halfUp', 'up', 'down'].includes(settings.rounding)) {
    issues.push({ field: 'settings.rounding', code: 'ABK_ROUNDING_UNKNOWN', message: 'Aturan pembulatan tidak dikenal.' });
  }
  return issues;
}

const integerFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 4 });

/** Exact decimals when they fit in 4 places ('4,8'); otherwise '≈ 4,3333'. */
function formatRational(value: Rational): string {
  const units = roundHalfUpUnits(value, 4);
  const exact = units * value.den === value.num * 10_000n;
  const text = decimalFormat.format(Number(units) / 10_000);
  return exact ? text : `≈ ${text}`;
}

const formatNumber = (value: number): string => formatRational(toRational(value));

function roundToPerson(value: Rational, rounding: AbkRounding): bigint {
  if (rounding === 'halfUp') return roundHalfUpUnits(value, 0);
  const floor = value.num / value.den; // value ≥ 0, so truncation is the floor
  return rounding === 'down' || floor * value.den === value.num ? floor : floor + 1n;
}

const ROUNDING_LABELS: Record<AbkRounding, string> = {
  halfUp: 'Dibulatkan (setengah ke atas)',
  up: 'Dibulatkan ke atas',
  down: 'Dibulatkan ke bawah',
};

function toSafeNumber(value: bigint): number | null {
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : null;
}

/** Computes the staff need and the proposed formation count of one position, with its steps. */
export function calculateAbk(options: AbkOptions): AbkResult {
  const settings: AbkSettings = { ...ABK_DEFAULTS, ...options.settings };
  const errors = validate(options, settings);
  if (errors.length > 0) return { ok: false, errors };

  const steps: string[] = [];
  const workloads = options.tasks.map((task) => multiply(toRational(task.volumePerYear), toRational(task.normMinutes)));
  options.tasks.forEach((task, index) => {
    const workload = workloads[index] ?? ratio(0);
    steps.push(
      `Beban kerja "${task.name.trim()}" = ${formatNumber(task.volumePerYear)} × ${formatNumber(task.normMinutes)} menit = ${formatRational(workload)} menit`,
    );
  });
  const total = workloads.reduce(add, ratio(0));
  if (workloads.length === 0) steps.push('Belum ada uraian tugas: total beban kerja = 0 menit');
  if (workloads.length > 1) {
    steps.push(`Total beban kerja = ${workloads.map(formatRational).join(' + ')} = ${formatRational(total)} menit`);
  }

  const effective = toRational(settings.effectiveMinutesPerYear);
  const need = divide(total, effective);
  const needText = formatRational(need);
  const fraction = needText.startsWith('≈') ? ` (tepatnya ${need.num}/${need.den})` : '';
  steps.push(`Kebutuhan pegawai = ${formatRational(total)} menit ÷ ${formatRational(effective)} menit = ${needText}${fraction}`);

  const rounded = roundToPerson(need, settings.rounding);
  steps.push(`${ROUNDING_LABELS[settings.rounding]}: ${needText} → ${integerFormat.format(rounded)} orang`);

  const roundedNeed = toSafeNumber(rounded);
  const numerator = toSafeNumber(need.num);
  const denominator = toSafeNumber(need.den);
  if (roundedNeed === null || numerator === null || denominator === null) {
    return {
      ok: false,
      errors: [{ field: 'tasks', code: 'ABK_VALUE_TOO_LARGE', message: 'Beban kerja terlalu besar untuk dihitung; periksa volume dan norma waktu.' }],
    };
  }

  const remaining = options.bezetting - options.retiring;
  steps.push(
    `Pegawai yang tersisa = ${integerFormat.format(options.bezetting)} (bezetting) − ${integerFormat.format(options.retiring)} (pensiun) = ${integerFormat.format(remaining)} orang`,
  );
  const shortfall = roundedNeed - remaining;
  steps.push(
    `Kekurangan pegawai = ${integerFormat.format(roundedNeed)} − ${integerFormat.format(remaining)} = ${integerFormat.format(shortfall)} orang`,
  );
  const proposedFormasi = Math.max(0, shortfall);
  steps.push(
    shortfall < 0
      ? `Usulan formasi = 0 orang (terdapat kelebihan ${integerFormat.format(-shortfall)} pegawai)`
      : `Usulan formasi = ${integerFormat.format(proposedFormasi)} orang`,
  );

  return {
    ok: true,
    value: {
      tasks: options.tasks.map((task, index) => ({ ...task, workloadMinutes: toNumber(workloads[index] ?? ratio(0)) })),
      workloadMinutes: toNumber(total),
      effectiveMinutesPerYear: settings.effectiveMinutesPerYear,
      needExact: { numerator, denominator },
      need: toNumber(need),
      rounding: settings.rounding,
      roundedNeed,
      bezetting: options.bezetting,
      retiring: options.retiring,
      shortfall,
      proposedFormasi,
      steps,
    },
  };
}
