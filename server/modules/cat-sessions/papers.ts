import { checkPaperPools, type PaperSection } from '../../../core/cat-paper.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { questionsForPaper } from '../cat-banks/cat-banks.service.js';
import type { BlueprintRow } from './cat-sessions.repo.js';

export type LoadPaperSectionsOptions = { agencyId: string; blueprint: Pick<BlueprintRow, 'sections'> };

/**
 * The blueprint's sections with their pools of active questions, read once per allocation from
 * the banks module; refused (nothing allocated) when a pool cannot fill its section.
 */
export async function loadPaperSections(db: Db, { agencyId, blueprint }: LoadPaperSectionsOptions): Promise<PaperSection[]> {
  const sections: PaperSection[] = [];
  for (const section of blueprint.sections) {
    const pool = await questionsForPaper(db, { bankIds: section.bankIds, subtest: section.subtest, topic: section.topic, agencyId });
    sections.push({ subtest: section.subtest, topic: section.topic, count: section.count, pool });
  }
  const issues = checkPaperPools(sections);
  if (issues.length) {
    throw new AppError(
      'INVALID_STATE',
      `Soal ujian belum cukup untuk membuat naskah peserta: ${issues.map((i) => i.message).join(' ')} Tidak ada peserta yang dibagi.`,
      Object.fromEntries(issues.map((i) => [i.field, i.message])),
    );
  }
  return sections;
}
