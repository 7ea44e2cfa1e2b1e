/**
 * Training (pelatihan) rules: who completes a programme (attendance and post-test against the
 * programme's rule), the learning gain (post-test − pre-test), the reaction survey after a session,
 * whether a candidate may still be enrolled, and the survey new ASN answer on their recruitment and
 * basic training. Pure; exact arithmetic on the two-decimal scores.
 */
import { add, compare, divide, multiply, ratio, roundHalfUp, toRational, type Rational } from './exact.js';

/** Competencies the catalogue builds; the performance evaluation proposes programmes by these words. */
export const TRAINING_COMPETENCIES = ['Wawasan kebangsaan', 'Etika dan integritas', 'Pelayanan publik', 'Manajemen publik', 'Teknologi informasi'] as const;

export const PROGRAMME_AUDIENCES = ['employee', 'candidate', 'both'] as const;
export type ProgrammeAudience = (typeof PROGRAMME_AUDIENCES)[number];
export const PROGRAMME_AUDIENCE_LABELS: Record<ProgrammeAudience, string> = { employee: 'Pegawai', candidate: 'Peserta seleksi (calon ASN)', both: 'Pegawai dan peserta seleksi' };

export const ATTENDANCE_STATUSES = ['present', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = { present: 'Hadir', excused: 'Izin/sakit', absent: 'Tidak hadir' };

/**
 * requested: asked by the employee, waiting for the supervisor; waiting: approved or assigned to the
 * programme, not yet in a session; enrolled: in a session; completed / not_completed: the session
 * closed and the rule was applied; rejected; cancelled.
 */
export const ENROLMENT_STATUSES = ['requested', 'waiting', 'enrolled', 'completed', 'not_completed', 'rejected', 'cancelled'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
export const ENROLMENT_STATUS_LABELS: Record<EnrolmentStatus, string> = {
  requested: 'Menunggu persetujuan atasan',
  waiting: 'Menunggu jadwal kelas',
  enrolled: 'Terdaftar di kelas',
  completed: 'Lulus',
  not_completed: 'Tidak lulus',
  rejected: 'Ditolak',
  cancelled: 'Dibatalkan',
};
/** Statuses that hold a seat in a session. */
export const SEATED_STATUSES: readonly EnrolmentStatus[] = ['enrolled', 'completed', 'not_completed'];
/** Statuses of an enrolment still going somewhere (one such per participant and programme). */
export const OPEN_STATUSES: readonly EnrolmentStatus[] = ['requested', 'waiting', 'enrolled'];

export const ENROLMENT_METHODS = ['assigned', 'requested', 'development'] as const;
export type EnrolmentMethod = (typeof ENROLMENT_METHODS)[number];
export const ENROLMENT_METHOD_LABELS: Record<EnrolmentMethod, string> = { assigned: 'Penugasan', requested: 'Permintaan pegawai', development: 'Rekomendasi pengembangan' };

export const SCORE_MAX = 100;

/** A test score: 0–100 with at most two decimals. */
export function isValidScore(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= SCORE_MAX && Math.abs(Math.round(value * 100) - value * 100) < 1e-6;
}

export type CompletionRule = {
  /** Meetings attended (present) as a percent of the session's meetings, at least. */
  minAttendancePercent: number;
  /** Post-test at least this; null: the programme has no post-test requirement. */
  minPostTest: number | null;
};

export type CompletionInput = {
  rule: CompletionRule;
  meetings: number;
  present: number;
  postTest: number | null;
};

export type CompletionResult = {
  completed: boolean;
  /** Present ÷ meetings × 100, rounded to two decimals (null without meetings). */
  attendancePercent: number | null;
  /** Why not completed, in Indonesian (empty when completed). */
  reasons: string[];
};

const percentText = (value: number) => value.toLocaleString('id-ID', { maximumFractionDigits: 2 });

/**
 * Whether a participant completed: present at ≥ minAttendancePercent of the meetings (compared
 * exactly: 8 of 9 meetings is 88.88…%, below 90) and, when the rule asks, a post-test ≥ minPostTest.
 */
export function evaluateCompletion({ rule, meetings, present, postTest }: CompletionInput): CompletionResult {
  if (!Number.isInteger(meetings) || !Number.isInteger(present) || meetings < 0 || present < 0 || present > meetings) {
    throw new RangeError('Jumlah pertemuan dan kehadiran tidak valid');
  }
  const reasons: string[] = [];
  const attendance = meetings > 0 ? divide(ratio(present * 100), ratio(meetings)) : null;
  if (attendance === null) reasons.push('Kelas belum memiliki pertemuan.');
  else if (compare(attendance, toRational(rule.minAttendancePercent)) < 0) {
    reasons.push(`Kehadiran ${present} dari ${meetings} pertemuan (${percentText(roundHalfUp(attendance, 2))}%) di bawah syarat ${percentText(rule.minAttendancePercent)}%.`);
  }
  if (rule.minPostTest !== null) {
    if (postTest === null) reasons.push('Nilai post-test belum diisi.');
    else if (compare(toRational(postTest), toRational(rule.minPostTest)) < 0) {
      reasons.push(`Nilai post-test ${percentText(postTest)} di bawah syarat ${percentText(rule.minPostTest)}.`);
    }
  }
  return { completed: reasons.length === 0, attendancePercent: attendance === null ? null : roundHalfUp(attendance, 2), reasons };
}

export type ScorePair = { preTest: number | null; postTest: number | null };

export type LearningGain = {
  /** Participants with both scores. */
  n: number;
  meanPre: number | null;
  meanPost: number | null;
  /** Mean of (post − pre) over those participants, two decimals half up. */
  meanGain: number | null;
};

/** The average learning gain (post − pre) over the participants who took both tests. */
export function learningGain(pairs: readonly ScorePair[]): LearningGain {
  let pre: Rational = ratio(0);
  let post: Rational = ratio(0);
  let n = 0;
  for (const pair of pairs) {
    if (pair.preTest === null || pair.postTest === null) continue;
    pre = add(pre, toRational(pair.preTest));
    post = add(post, toRational(pair.postTest));
    n += 1;
  }
  if (n === 0) return { n, meanPre: null, meanPost: null, meanGain: null };
  const meanPre = divide(pre, ratio(n));
  const meanPost = divide(post, ratio(n));
  return { n, meanPre: roundHalfUp(meanPre, 2), meanPost: roundHalfUp(meanPost, 2), meanGain: roundHalfUp(add(meanPost, multiply(meanPre, ratio(-1))), 2) };
}

export type CompletionRate = { finished: number; completed: number; rate: number | null };

/** Completed ÷ those whose session has closed (completed + not completed), as a percent. */
export function completionRate(counts: { completed: number; notCompleted: number }): CompletionRate {
  const finished = counts.completed + counts.notCompleted;
  return { finished, completed: counts.completed, rate: finished === 0 ? null : roundHalfUp(divide(ratio(counts.completed * 100), ratio(finished)), 2) };
}

// ---- Surveys ---------------------------------------------------------------------------------------

export type SurveyQuestion = { key: string; text: string };

/** The reaction survey after a session (Kirkpatrick level 1), each answered 1–5. */
export const REACTION_QUESTIONS: readonly SurveyQuestion[] = [
  { key: 'relevance', text: 'Materi pelatihan relevan dengan pekerjaan saya' },
  { key: 'trainer', text: 'Pelatih menguasai materi dan menyampaikannya dengan jelas' },
  { key: 'method', text: 'Metode dan media pembelajaran membantu saya memahami materi' },
  { key: 'facility', text: 'Sarana, tempat atau platform daring pelatihan memadai' },
  { key: 'overall', text: 'Secara keseluruhan pelatihan ini bermanfaat bagi saya' },
];
export const REACTION_SCALE = { min: 1, max: 5, labels: ['Sangat tidak setuju', 'Tidak setuju', 'Ragu-ragu', 'Setuju', 'Sangat setuju'] } as const;

/** New ASN's feedback after appointment (on the recruitment) and after basic training, each answered 1–5. */
export const ASN_FEEDBACK_STAGES = ['appointment', 'basic_training'] as const;
export type AsnFeedbackStage = (typeof ASN_FEEDBACK_STAGES)[number];
export const ASN_FEEDBACK_STAGE_LABELS: Record<AsnFeedbackStage, string> = { appointment: 'Setelah pengangkatan: proses rekrutmen', basic_training: 'Setelah pelatihan dasar' };
export const ASN_FEEDBACK_QUESTIONS: Readonly<Record<AsnFeedbackStage, readonly SurveyQuestion[]>> = {
  appointment: [
    { key: 'information', text: 'Informasi formasi, persyaratan dan jadwal seleksi jelas dan mudah didapat' },
    { key: 'registration', text: 'Pendaftaran dan unggah dokumen mudah dilakukan' },
    { key: 'verification', text: 'Verifikasi berkas dan pengumuman tepat waktu dan transparan' },
    { key: 'tests', text: 'Ujian (CAT dan seleksi kompetensi bidang) berjalan adil dan tertib' },
    { key: 'objections', text: 'Pertanyaan dan sanggah ditanggapi dengan baik' },
    { key: 'fit', text: 'Tugas jabatan saya sekarang sesuai dengan formasi yang dilamar' },
  ],
  basic_training: [
    { key: 'preparation', text: 'Pelatihan dasar membekali saya untuk tugas jabatan' },
    { key: 'values', text: 'Saya memahami nilai dasar ASN (BerAKHLAK) dan menerapkannya' },
    { key: 'organisation', text: 'Penyelenggaraan pelatihan (jadwal, tempat, pelatih) baik' },
    { key: 'mentoring', text: 'Atasan dan mentor mendukung aktualisasi/habituasi saya' },
  ],
};
export const SURVEY_SCALE = REACTION_SCALE;

/** Checks survey answers: every question answered with a whole number on the scale, nothing else. */
export function checkSurveyAnswers(questions: readonly SurveyQuestion[], answers: Record<string, unknown>): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const question of questions) {
    const value = answers[question.key];
    if (value === undefined || value === null) problems[question.key] = 'Pertanyaan ini wajib dijawab';
    else if (typeof value !== 'number' || !Number.isInteger(value) || value < SURVEY_SCALE.min || value > SURVEY_SCALE.max) {
      problems[question.key] = `Jawaban harus bilangan bulat ${SURVEY_SCALE.min}–${SURVEY_SCALE.max}`;
    }
  }
  const known = new Set(questions.map((q) => q.key));
  for (const key of Object.keys(answers)) if (!known.has(key)) problems[key] = 'Pertanyaan tidak dikenal';
  return problems;
}

export type SurveySummary = { respondents: number; questions: Array<SurveyQuestion & { mean: number | null; counts: number[] }>; overall: number | null };

/** Mean per question (two decimals half up), answers per scale point, and the mean of the means. */
export function summariseSurvey(questions: readonly SurveyQuestion[], responses: ReadonlyArray<Record<string, number>>): SurveySummary {
  const span = SURVEY_SCALE.max - SURVEY_SCALE.min + 1;
  let overall: Rational = ratio(0);
  let answered = 0;
  const rows = questions.map((question) => {
    const counts = Array.from({ length: span }, () => 0);
    let sum = 0;
    let n = 0;
    for (const response of responses) {
      const value = response[question.key];
      if (typeof value !== 'number') continue;
      counts[value - SURVEY_SCALE.min]! += 1;
      sum += value;
      n += 1;
    }
    const mean = n > 0 ? divide(ratio(sum), ratio(n)) : null;
    if (mean) {
      overall = add(overall, mean);
      answered += 1;
    }
    return { ...question, mean: mean ? roundHalfUp(mean, 2) : null, counts };
  });
  return { respondents: responses.length, questions: rows, overall: answered > 0 ? roundHalfUp(divide(overall, ratio(answered)), 2) : null };
}

// ---- Candidates ------------------------------------------------------------------------------------

export type CandidateEnrolmentInput = {
  applicationStatus: string;
  selectionStatus: string;
  /** When the final result is announced (the round's final stage); null when not scheduled. */
  finalAnnouncementAt: Date | null;
  now: Date;
};

/**
 * Candidates may be trained before the final stage of their selection (seed 002): the application
 * passed the administrative check (MS), the round is running, and the final result is not out yet.
 */
export function candidateEnrolmentProblem({ applicationStatus, selectionStatus, finalAnnouncementAt, now }: CandidateEnrolmentInput): string | null {
  if (applicationStatus !== 'ms') return 'Hanya peserta yang Memenuhi Syarat (MS) seleksi administrasi yang dapat diikutkan pelatihan.';
  if (selectionStatus !== 'published') return 'Seleksi peserta ini tidak sedang berjalan.';
  if (finalAnnouncementAt && now.getTime() >= finalAnnouncementAt.getTime()) return 'Pelatihan bagi peserta seleksi hanya sebelum tahap akhir (pengumuman hasil akhir) seleksinya.';
  return null;
}
