/**
 * Test blueprints of a selection's CAT stages: request and response schemas shared by the server
 * and the web. A blueprint names banks and counts, never question content.
 */
import { z } from 'zod';
import { CAT_SUBTEST_CODES, QUESTION_LIMITS } from '../cat-bank.js';
import { BLUEPRINT_LIMITS, BLUEPRINT_PRESETS } from '../cat-blueprint.js';
import { uuid } from './common.js';

const passMark = z.object({
  label: z.string().trim().min(1, 'Nama ambang batas wajib diisi').max(60, 'Nama ambang batas maksimal 60 karakter'),
  subtests: z.union([z.literal('total'), z.array(z.enum(CAT_SUBTEST_CODES)).max(10)]),
  min: z.number({ message: 'Nilai ambang batas harus berupa angka' }).int('Nilai ambang batas harus bilangan bulat').min(0, 'Nilai ambang batas tidak boleh negatif'),
});

export const passRulesSchema = z.record(
  z.string().regex(/^[a-z][a-z_]{1,39}$/, 'Jenis formasi tidak valid'),
  z.object({ marks: z.array(passMark).max(BLUEPRINT_LIMITS.marksMax, `Paling banyak ${BLUEPRINT_LIMITS.marksMax} nilai ambang batas`) }),
);

export const blueprintSectionBody = z.object({
  subtest: z.enum(CAT_SUBTEST_CODES, { message: `Subtes harus salah satu dari ${CAT_SUBTEST_CODES.join(', ')}` }),
  topic: z.string().trim().max(QUESTION_LIMITS.topicMax, `Topik maksimal ${QUESTION_LIMITS.topicMax} karakter`).default(''),
  count: z.number({ message: 'Jumlah soal harus berupa angka' }).int('Jumlah soal harus bilangan bulat').min(1, 'Jumlah soal minimal 1').max(BLUEPRINT_LIMITS.sectionCountMax, `Jumlah soal maksimal ${BLUEPRINT_LIMITS.sectionCountMax}`),
  bankIds: z.array(uuid()).max(BLUEPRINT_LIMITS.banksPerSectionMax, `Paling banyak ${BLUEPRINT_LIMITS.banksPerSectionMax} bank soal per bagian`),
});

const sections = z.array(blueprintSectionBody).max(BLUEPRINT_LIMITS.sectionsMax, `Paling banyak ${BLUEPRINT_LIMITS.sectionsMax} bagian soal`);

export const blueprintBody = z.object({
  stageKey: z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Tahap seleksi tidak valid'),
  name: z.string().trim().min(3, 'Nama cetak biru minimal 3 karakter').max(BLUEPRINT_LIMITS.nameMax, `Nama cetak biru maksimal ${BLUEPRINT_LIMITS.nameMax} karakter`),
  preset: z.enum(BLUEPRINT_PRESETS, { message: 'Preset harus skd, pppk, skb atau custom' }),
  /** Omitted: the preset's duration (SKD 100, PPPK 150…). */
  durationMinutes: z.number({ message: 'Durasi harus berupa angka' }).int('Durasi harus bilangan bulat menit').optional(),
  /** Omitted: the preset's ({ tunanetra: 30 } for SKD). */
  extraMinutes: z.record(z.string(), z.number({ message: 'Tambahan waktu harus berupa angka' })).optional(),
  sections,
  /** Omitted: the preset's (SKD 2024 marks per formation kind; PPPK 2024 none). */
  passRules: passRulesSchema.optional(),
});
export type BlueprintBody = z.infer<typeof blueprintBody>;

/** An edit names every field (the stage stays). */
export const blueprintUpdateBody = blueprintBody.omit({ stageKey: true }).extend({
  durationMinutes: z.number({ message: 'Durasi harus berupa angka' }).int('Durasi harus bilangan bulat menit'),
  extraMinutes: z.record(z.string(), z.number({ message: 'Tambahan waktu harus berupa angka' })),
  passRules: passRulesSchema,
});
export type BlueprintUpdateBody = z.infer<typeof blueprintUpdateBody>;

export const availabilityBody = z.object({ sections });

export const sectionAvailabilitySchema = z.object({
  index: z.number().int(),
  subtest: z.string(),
  topic: z.string(),
  required: z.number().int(),
  /** Active questions matching the section in its banks. */
  active: z.number().int(),
  /** How many more active questions the section needs (0 when it can be filled). */
  shortfall: z.number().int(),
  message: z.string().nullable(),
});
export const availabilitySchema = z.object({ ok: z.boolean(), sections: z.array(sectionAvailabilitySchema) });
export type BlueprintAvailability = z.infer<typeof availabilitySchema>;

const bankRef = z.object({ id: z.string(), name: z.string(), national: z.boolean() });

export const blueprintSchema = z.object({
  id: z.string(),
  selectionId: z.string(),
  stageKey: z.string(),
  stageName: z.string(),
  name: z.string(),
  preset: z.enum(BLUEPRINT_PRESETS),
  presetLabel: z.string(),
  durationMinutes: z.number().int(),
  extraMinutes: z.record(z.string(), z.number()),
  sections: z.array(z.object({ subtest: z.string(), topic: z.string(), count: z.number().int(), banks: z.array(bankRef) })),
  passRules: passRulesSchema,
  totalQuestions: z.number().int(),
  maxTotal: z.number().int(),
  /** Why it can no longer change (a session has started), or null while it can. */
  lockedReason: z.string().nullable(),
  /** Participants' papers already drawn from it (an edit does not redraw them). */
  papers: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CatBlueprint = z.infer<typeof blueprintSchema>;

const presetSchema = z.object({
  preset: z.enum(BLUEPRINT_PRESETS),
  label: z.string(),
  description: z.string(),
  subtests: z.array(z.string()),
  fixed: z.boolean(),
  fitsSelection: z.boolean(),
  defaults: z.object({
    durationMinutes: z.number().int(),
    extraMinutes: z.record(z.string(), z.number()),
    sections: z.array(z.object({ subtest: z.string(), topic: z.string().optional(), count: z.number().int() })),
    passRules: passRulesSchema,
  }),
  passRuleVariants: z.array(z.object({ key: z.string(), label: z.string(), passRules: passRulesSchema })),
});

/** What the editor needs: the round's CAT stages, presets, subtests, formation kinds and needs. */
export const blueprintOptionsSchema = z.object({
  selection: z.object({ id: z.string(), name: z.string(), type: z.string(), year: z.number().int() }),
  stages: z.array(z.object({ key: z.string(), name: z.string(), blueprintId: z.string().nullable() })),
  presets: z.array(presetSchema),
  subtests: z.array(z.object({ code: z.string(), name: z.string(), type: z.enum(['single', 'weighted']), maxOptionPoints: z.number().int().nullable() })),
  formasiKinds: z.array(z.object({ key: z.string(), label: z.string() })),
  needs: z.array(z.object({ key: z.string(), label: z.string() })),
  banks: z.array(bankRef.extend({ active: z.number().int() })),
});
export type BlueprintOptions = z.infer<typeof blueprintOptionsSchema>;
