import { CAT_SUBTESTS, catSubtest } from '../../../../core/cat-bank';

/** Subtests in the order of the presets (TWK, TIU, TKP, then PPPK, then SKB). */
export const SUBTEST_ORDER: readonly string[] = CAT_SUBTESTS.map((subtest) => subtest.code);

/** "TWK — Tes Wawasan Kebangsaan" for a code the presets know; the code itself otherwise. */
export function subtestLabel(code: string): string {
  const subtest = catSubtest(code);
  return subtest && subtest.name !== code ? `${code} — ${subtest.name}` : code;
}

export function sortSubtests(codes: Iterable<string>): string[] {
  const rank = (code: string) => {
    const index = SUBTEST_ORDER.indexOf(code);
    return index === -1 ? SUBTEST_ORDER.length : index;
  };
  return [...new Set(codes)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Option letters shown beside the options and used as keyboard shortcuts. */
export const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
