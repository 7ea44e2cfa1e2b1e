/**
 * Orders strings by their UTF-16 code units, as `<` does: the same on every machine and in every
 * locale, unlike localeCompare. The order of ids and registration numbers wherever a rule or a
 * published list needs a deterministic one (formations, papers, ties no rule breaks).
 */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Where `target` goes in `sorted` (ascending by byText): the first index whose text is not before it (the length when none). */
export function lowerBound(sorted: readonly string[], target: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return low;
}
