/**
 * Orders strings by their UTF-16 code units, as `<` does: the same on every machine and in every
 * locale, unlike localeCompare. The order of ids and registration numbers wherever a rule or a
 * published list needs a deterministic one (formations, papers, ties no rule breaks).
 */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
