/**
 * Reports of a CAT stage: attendance and score statistics per session and per formation, the
 * score distribution, and item analysis (whose question content only bank managers see).
 */
import { z } from 'zod';
import { CAT_SUBTEST_CODES } from '../cat-bank.js';
import { pageQuery, uuid } from './common.js';

export const statsSchema = z.object({ mean: z.number().nullable(), median: z.number().nullable(), min: z.number().nullable(), max: z.number().nullable() });
export type ScoreStats = z.infer<typeof statsSchema>;

export const reportGroupSchema = z.object({
  /** The session or formation id; null for the whole stage (or attempts without a session). */
  key: z.string().nullable(),
  name: z.string(),
  detail: z.string(),
  participants: z.number().int(),
  present: z.number().int(),
  absent: z.number().int(),
  /** Neither started nor marked absent yet. */
  pending: z.number().int(),
  finished: z.number().int(),
  passed: z.number().int(),
  /** Passed ÷ finished; null before anyone finished. */
  passRate: z.number().nullable(),
  total: statsSchema,
  subtests: z.array(statsSchema.extend({ code: z.string() })),
});
export type ReportGroup = z.infer<typeof reportGroupSchema>;

export const distributionSchema = z.object({
  subtest: z.string().nullable(),
  binWidth: z.number(),
  max: z.number(),
  bins: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
});
export type ScoreDistribution = z.infer<typeof distributionSchema>;

export const reportBlueprintSchema = z.object({
  id: z.string(),
  name: z.string(),
  stageKey: z.string(),
  preset: z.string(),
  subtests: z.array(z.object({ code: z.string(), name: z.string(), maxPoints: z.number().int() })),
  maxTotal: z.number().int(),
});

export const reportSchema = z.object({
  blueprint: reportBlueprintSchema,
  overall: reportGroupSchema,
  bySession: z.array(reportGroupSchema),
  byFormasi: z.array(reportGroupSchema),
  distribution: distributionSchema,
});
export type CatReport = z.infer<typeof reportSchema>;

export const reportQuery = z.object({
  /** The distribution of one subtest's points instead of the total. */
  subtest: z.enum(CAT_SUBTEST_CODES).optional(),
  sessionId: uuid().optional(),
  formasiId: uuid().optional(),
  binWidth: z.coerce.number().int().min(1).max(1_000).optional(),
});

export const itemOptionSchema = z.object({
  label: z.string(),
  text: z.string(),
  isKey: z.boolean(),
  points: z.number().int().nullable(),
  chosen: z.number().int(),
  upper: z.number().int(),
  lower: z.number().int(),
});

export const itemSchema = z.object({
  questionId: z.string(),
  subtest: z.string(),
  topic: z.string(),
  bankName: z.string(),
  national: z.boolean(),
  n: z.number().int(),
  groupSize: z.number().int(),
  blank: z.number().int(),
  difficulty: z.number().nullable(),
  discrimination: z.number().nullable(),
  difficultyLabel: z.string().nullable(),
  discriminationLabel: z.string().nullable(),
  review: z.boolean(),
  /** The stem and options with how often each was chosen: only for the question's bank managers. */
  content: z.object({ stem: z.string(), options: z.array(itemOptionSchema) }).nullable(),
});
export type ItemReport = z.infer<typeof itemSchema>;

export const itemsQuery = pageQuery.extend({
  subtest: z.enum(CAT_SUBTEST_CODES).optional(),
  sessionId: uuid().optional(),
  /** Only the items flagged for review. */
  review: z.enum(['1', '0']).optional(),
});

export const itemsSchema = z.object({
  items: z.array(itemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Finished attempts the analysis is computed over. */
  takers: z.number().int(),
  /** Questions shown without content (banks the viewer does not manage). */
  withoutContent: z.number().int(),
});
export type ItemsReport = z.infer<typeof itemsSchema>;
