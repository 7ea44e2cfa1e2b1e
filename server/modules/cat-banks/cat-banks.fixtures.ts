// Test factories for question banks, questions and their images.
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { QuestionStatus } from '../../../core/cat-bank.js';
import type { Db } from '../../db/client.js';
import { catBanks, catQuestions, type CatOption } from '../cat/cat.table.js';
import { storeContent } from '../files/files.service.js';

let counter = 0;
const next = () => `${Date.now().toString(36)}${++counter}`;

export async function createBankRow(db: Db, agencyId: string | null, name = `Bank Uji ${next()}`) {
  const [row] = await db.insert(catBanks).values({ agencyId, name }).returning();
  return row!;
}

export type QuestionSpec = {
  subtest?: string;
  topic?: string;
  stem?: string;
  status?: QuestionStatus;
  createdBy?: string | null;
  editedBy?: string | null;
  reviewedBy?: string | null;
};

/** A question stored directly: single-key (key = first option) or, for TKP/PPPK weighted subtests, points 5…1 / 4…1. */
export async function createQuestionRow(db: Db, bank: { id: string; agencyId: string | null }, spec: QuestionSpec = {}) {
  const subtest = spec.subtest ?? 'TWK';
  const weighted = ['TKP', 'MANAJERIAL', 'SOSIAL_KULTURAL', 'WAWANCARA'].includes(subtest);
  const top = subtest === 'TKP' ? 5 : 4;
  const n = next();
  const options: CatOption[] = Array.from({ length: weighted ? top : 4 }, (_, i) => ({
    id: `o${i}${n}`,
    text: `Pilihan ${String.fromCharCode(65 + i)} ${n}`,
    ...(weighted ? { points: top - i } : {}),
  }));
  const [row] = await db
    .insert(catQuestions)
    .values({
      bankId: bank.id,
      agencyId: bank.agencyId,
      subtest,
      topic: spec.topic ?? '',
      type: weighted ? 'weighted' : 'single',
      stem: spec.stem ?? `Soal rahasia ${subtest} nomor ${n}?`,
      options,
      keyOptionId: weighted ? null : options[0]!.id,
      status: spec.status ?? 'draft',
      createdBy: spec.createdBy ?? null,
      editedBy: spec.editedBy ?? spec.createdBy ?? null,
      reviewedBy: spec.reviewedBy ?? null,
    })
    .returning();
  return row!;
}

/** Many active questions of one subtest at once, in one statement (blueprint availability, reports). */
export async function createActiveQuestions(db: Db, bank: { id: string; agencyId: string | null }, subtest: string, countOf: number, topic = '', status: QuestionStatus = 'active') {
  if (countOf === 0) return [];
  const weighted = ['TKP', 'MANAJERIAL', 'SOSIAL_KULTURAL', 'WAWANCARA'].includes(subtest);
  const top = subtest === 'TKP' ? 5 : 4;
  const values = Array.from({ length: countOf }, () => {
    const n = next();
    const options: CatOption[] = Array.from({ length: weighted ? top : 4 }, (_, i) => ({ id: `o${i}${n}`, text: `Pilihan ${i} ${n}`, ...(weighted ? { points: top - i } : {}) }));
    return {
      bankId: bank.id,
      agencyId: bank.agencyId,
      subtest,
      topic,
      type: weighted ? 'weighted' : 'single',
      stem: `Soal ${subtest} ${n}`,
      options,
      keyOptionId: weighted ? null : options[0]!.id,
      status,
    };
  });
  return db.insert(catQuestions).values(values).returning();
}

/** A small valid PNG (generated, so each call may differ by colour). */
export function pngImage(colour = '#3366cc', size = 8): Promise<Buffer> {
  return sharp({ create: { width: size, height: size, channels: 3, background: colour } }).png().toBuffer();
}

/** A question with a stored image on its stem and on its first option. */
export async function questionWithImages(db: Db, uploadDir: string, bank: { id: string; agencyId: string | null }) {
  const question = await createQuestionRow(db, bank);
  const file = await db.transaction((tx) => pngImage().then((content) => storeContent(tx, { uploadDir, content, fileName: 'gambar.png', kind: 'png', agencyId: bank.agencyId, actorId: null })));
  const options = question.options.map((option, index) => (index === 0 ? { ...option, imageFileId: file.id } : option));
  const [row] = await db.update(catQuestions).set({ imageFileId: file.id, options }).where(eq(catQuestions.id, question.id)).returning();
  return row!;
}

/** Valid create bodies. */
export const twkBody = (over: Record<string, unknown> = {}) => ({
  subtest: 'TWK',
  topic: 'Pancasila',
  stem: 'Sila keempat Pancasila menekankan …',
  options: [{ text: 'Ketuhanan' }, { text: 'Kemanusiaan' }, { text: 'Persatuan' }, { text: 'Musyawarah untuk mufakat' }, { text: 'Keadilan sosial' }],
  keyIndex: 3,
  ...over,
});

export const tkpBody = (over: Record<string, unknown> = {}) => ({
  subtest: 'TKP',
  topic: 'Pelayanan publik',
  stem: 'Warga mengeluh antrean terlalu lama. Sikap Anda …',
  options: [
    { text: 'Meminta warga menunggu', points: 2 },
    { text: 'Menjelaskan alur layanan', points: 4 },
    { text: 'Mencari solusi agar layanan lebih cepat', points: 5 },
    { text: 'Melapor kepada atasan', points: 3 },
    { text: 'Mengabaikan keluhan', points: 1 },
  ],
  ...over,
});
