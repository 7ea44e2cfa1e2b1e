import { z } from 'zod';
import { uuid } from './common.js';

export const checkInBody = z.object({ pin: z.string().trim().regex(/^\d{6}$/, 'PIN sesi terdiri dari 6 angka') });

export const answerInput = z.object({
  questionId: uuid(),
  optionId: z.string().min(1).max(20).nullable(),
  flagged: z.boolean().default(false),
  /** The participant's click counter: strictly increasing per attempt. */
  seq: z.number().int().min(1).max(10_000_000),
});
export const answersBody = z.object({ answers: z.array(answerInput).min(1, 'Tidak ada jawaban').max(200, 'Maksimal 200 jawaban per kiriman') });

export const eventsBody = z.object({
  events: z.array(z.object({ kind: z.string().max(30), at: z.string().max(40) })).min(1).max(100),
});

export const writeOutcome = z.object({
  questionId: z.string(),
  seq: z.number().int(),
  status: z.enum(['stored', 'duplicate', 'rejected']),
  code: z.string().optional(),
  message: z.string().optional(),
});

export const attemptSummary = z.object({
  id: z.string(),
  status: z.enum(['allocated', 'active', 'finished', 'absent']),
  sessionId: z.string().nullable(),
  seat: z.number().int().nullable(),
  identityConfirmed: z.boolean(),
  checkedIn: z.boolean(),
  startedAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  durationSeconds: z.number().int(),
});

export const paperQuestion = z.object({
  number: z.number().int(),
  questionId: z.string(),
  subtest: z.string(),
  stem: z.string(),
  imageFileId: z.string().nullable(),
  options: z.array(z.object({ id: z.string(), text: z.string(), imageFileId: z.string().nullable() })),
});

export const attemptState = z.object({
  attempt: attemptSummary,
  serverNow: z.string(),
  remainingSeconds: z.number().int().nullable(),
  paper: z.array(paperQuestion).nullable(),
  answers: z.array(z.object({ questionId: z.string(), optionId: z.string().nullable(), flagged: z.boolean(), seq: z.number().int() })),
});

export const liveScore = z.object({
  attemptId: z.string(),
  sessionId: z.string().nullable(),
  selectionId: z.string(),
  venueId: z.string().nullable(),
  registrationNumber: z.string(),
  name: z.string(),
  scores: z.record(z.string(), z.number()),
  total: z.number().int(),
  passed: z.boolean(),
  scoredAt: z.string(),
});

export const resultSchema = z.object({
  attemptId: z.string(),
  registrationNumber: z.string(),
  scores: z.record(z.string(), z.number()),
  total: z.number().int(),
  passed: z.boolean(),
  passReasons: z.array(z.string()),
  answerSheetHash: z.string(),
  resultHash: z.string(),
  scoredAt: z.string(),
});

export const boardQuery = z
  .object({ session: uuid().optional(), selection: uuid().optional(), venue: uuid().optional() })
  .refine((q) => [q.session, q.selection, q.venue].filter(Boolean).length === 1, 'Pilih tepat satu: session, selection atau venue');

// ---- The result of a CAT stage (SKD, or the PPPK competency test) and its publication ----------

export const stageResultEntry = z.object({
  formasi: z.string(),
  registrationNumber: z.string(),
  name: z.string(),
  TWK: z.number().nullable(),
  TIU: z.number().nullable(),
  TKP: z.number().nullable(),
  total: z.number().nullable(),
  rank: z.number().nullable(),
  /** P proceeds to the next stage; L met the pass mark, outside 3 × the formation; TL below the pass mark; TH absent. */
  keterangan: z.enum(['P', 'L', 'TL', 'TH']),
  decidedBy: z.string().nullable(),
});
export type StageResultEntry = z.infer<typeof stageResultEntry>;

/** What each note of a CAT stage's result means, on the announcement's PDF and on the page. */
export const STAGE_RESULT_NOTES: Readonly<Record<StageResultEntry['keterangan'], string>> = {
  P: 'Lanjut ke tahap berikutnya',
  L: 'Memenuhi nilai ambang batas, di luar 3× formasi',
  TL: 'Tidak memenuhi nilai ambang batas',
  TH: 'Tidak hadir',
};

export const stageResultSchema = z.object({
  /** publishable: a plain CAT stage announces who proceeds; a CAT component of another stage counts only in the final result. */
  stage: z.object({ key: z.string(), name: z.string(), isSkd: z.boolean(), publishable: z.boolean() }),
  published: z.object({ announcementId: z.string().nullable(), hash: z.string(), publishedAt: z.string() }).nullable(),
  entries: z.array(stageResultEntry),
  pending: z.number().int(),
  formations: z.array(z.object({ formasiId: z.string(), quota: z.number(), ranked: z.number(), proceeding: z.number(), cutoffTotal: z.number().nullable() })),
});
export type StageResult = z.infer<typeof stageResultSchema>;

export const stagePublication = z.object({ announcementId: z.string(), hash: z.string(), proceeding: z.number().int(), participants: z.number().int() });
export type StagePublication = z.infer<typeof stagePublication>;
