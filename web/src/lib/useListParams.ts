import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/** Search text, page and extra filters live in the URL so a list view can be shared or bookmarked. */
export function useListParams(extraKeys: string[] = []) {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const rawPage = Number.parseInt(params.get('halaman') ?? '1', 10);
  const page = Number.isFinite(rawPage) && rawPage > 0 ? rawPage : 1;
  const extras = Object.fromEntries(extraKeys.map((key) => [key, params.get(key) ?? '']));

  const update = useCallback(
    (changes: Record<string, string | number | null>) => {
      setParams((current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === '' || (key === 'halaman' && value === 1)) next.delete(key);
          else next.set(key, String(value));
        }
        return next;
      });
    },
    [setParams],
  );

  return {
    q,
    page,
    extras,
    setQuery: (value: string) => update({ q: value, halaman: null }),
    setPage: (value: number) => update({ halaman: value }),
    update,
  };
}
