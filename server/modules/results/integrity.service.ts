// Proof of integrity: every published final list of a round recomputed from the raw data — each
// CAT score again from its answer sheet (cat-exam/scoring.ts), each locked panel score again from
// the assessors' criterion scores (audited corrections of either kept),
// the decisions stored with the list — and compared line by line with what was published, and
// the stored list's hash with the one announced.
import { compareEntries, type FinalList } from '../../../core/final-results.js';
import type { VerificationReport } from '../../../core/schemas/results.js';
import { AppError } from '../../errors.js';
import { rankingsOf } from './results.repo.js';
import { computeList, entriesOf, entryOfRow, finalListHash, publishedLines, requireRound, type ResultDeps, type RoundRef } from './results.service.js';

const ORDER: Record<FinalList, number> = { akhir: 0, akhir_pasca_sanggah: 1 };

export async function verifyRound(deps: ResultDeps, { agencyId, selectionId, now = new Date() }: RoundRef & { now?: Date }): Promise<VerificationReport> {
  const round = await requireRound(deps.db, { agencyId, selectionId });
  const published = (await rankingsOf(deps.db, { agencyId, selectionId })).sort((a, b) => ORDER[a.ranking.list as FinalList] - ORDER[b.ranking.list as FinalList]);
  const lists: VerificationReport['lists'] = [];
  for (const { ranking, stage } of published) {
    const basis = ranking.basis;
    const stored = (await publishedLines(deps.db, stage.id)).map((row) => entryOfRow(row, basis));
    const storedHash = finalListHash(stored);
    const notes: string[] = [];
    let recomputedEntries = stored.slice(0, 0);
    try {
      const computed = await computeList({ deps, agencyId, selectionId, source: 'raw', round, corrections: basis.corrections, disqualified: basis.disqualified });
      recomputedEntries = entriesOf(computed.result, computed.inputs);
      notes.push(...computed.result.issues.map((issue) => `Perhitungan ulang: ${issue}`));
      for (const c of computed.inputs.panelCorrected) notes.push(`Nilai panel ${c.stageKey} peserta ${c.registrationNumber} telah dikoreksi setelah dikunci melalui koreksi yang tercatat di jejak audit; nilai koreksinya yang dipakai, bukan nilai dari lembar penilaian penguji.`);
      for (const c of computed.inputs.corrected) notes.push(`Nilai CAT tahap ${c.stageKey} peserta ${c.registrationNumber} telah dikoreksi melalui koreksi yang tercatat di jejak audit; nilai koreksinya yang dipakai, bukan nilai lembar jawaban.`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      notes.push(`Perhitungan ulang tidak dapat dilakukan: ${error.message}`);
    }
    const recomputedHash = finalListHash(recomputedEntries);
    if (storedHash !== stage.resultHash) notes.unshift('Daftar yang tersimpan tidak sama dengan daftar yang diumumkan: sidik jarinya berbeda.');
    const differences = compareEntries(stored, recomputedEntries);
    lists.push({
      list: ranking.list as FinalList,
      publishedAt: stage.publishedAt.toISOString(),
      announcedHash: stage.resultHash,
      storedHash,
      recomputedHash,
      lines: stored.length,
      ok: storedHash === stage.resultHash && recomputedHash === stage.resultHash && differences.length === 0,
      differences,
      notes,
    });
  }
  return { selection: { id: round.id, name: round.name }, checkedAt: now.toISOString(), lists, ok: lists.every((l) => l.ok) };
}
