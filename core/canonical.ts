import { byText } from './text-order.js';

/**
 * Canonical JSON: object keys sorted, no whitespace, Dates as ISO strings, undefined members dropped.
 * Hashes over records (audit entries, result lists) are computed over this form, so anyone can
 * recompute them from the same data in any language.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => byText(a, b));
    return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJson: angka tidak hingga tidak dapat diserialisasi');
  if (typeof value === 'bigint') return value.toString();
  return JSON.stringify(value);
}
