import { describe, expect, it } from 'vitest';
import { normalizeProgramme } from '../../../core/eligibility.js';
import { FormasiSearchIndex, searchWords, type FormasiIndexQuery, type IndexedFormasi, type IndexedSelection } from './formasi-index.js';

const DAY = 24 * 3600 * 1000;
const now = new Date('2026-11-22T05:00:00Z');
const agencies = [
  { id: 'a1', code: 'kota-manna', name: 'BKPSDM Kota Manna', region: 'Bengkulu', timezone: 'Asia/Jakarta' },
  { id: 'a2', code: 'pauh', name: 'BKPSDM Pauh', region: 'Padang', timezone: 'Asia/Jakarta' },
];
const selections: IndexedSelection[] = [
  { id: 's-open', agencyId: 'a1', name: 'CPNS Manna 2026', type: 'cpns', year: 2026, opensAt: new Date(now.getTime() - DAY), closesAt: new Date(now.getTime() + 10 * DAY) },
  { id: 's-soon', agencyId: 'a2', name: 'PPPK Pauh 2026', type: 'pppk', year: 2026, opensAt: new Date(now.getTime() - DAY), closesAt: new Date(now.getTime() + 2 * DAY) },
  { id: 's-next', agencyId: 'a2', name: 'CPNS Pauh 2027', type: 'cpns', year: 2027, opensAt: new Date(now.getTime() + 5 * DAY), closesAt: new Date(now.getTime() + 20 * DAY) },
  { id: 's-closed', agencyId: 'a1', name: 'CPNS Manna 2025', type: 'cpns', year: 2025, opensAt: new Date(now.getTime() - 60 * DAY), closesAt: new Date(now.getTime() - 40 * DAY) },
];

let n = 0;
function row(selectionId: string, over: Partial<IndexedFormasi> & { programmes?: string[] } = {}): IndexedFormasi {
  const selection = selections.find((s) => s.id === selectionId)!;
  const positionName = over.positionName ?? 'Pranata Komputer Ahli Pertama';
  const unitName = over.unitName ?? 'Dinas Komunikasi dan Informatika';
  const { programmes = ['Teknik Informatika'], ...rest } = over;
  const agency = agencies.find((a) => a.id === selection.agencyId)!;
  n += 1;
  return {
    id: `f-${String(n).padStart(4, '0')}`,
    selectionId,
    agencyId: selection.agencyId,
    positionName,
    unitName,
    count: 1,
    kind: 'umum',
    educationLevels: ['S1'],
    qualificationsJson: JSON.stringify([{ level: over.educationLevels?.[0] ?? 'S1', programmes }]),
    programmeKeys: programmes.map(normalizeProgramme),
    searchText: [...new Set(searchWords([positionName, unitName, ...programmes, agency.name].join(' ')))].join(' '),
    ...rest,
  };
}

const query = (over: Partial<FormasiIndexQuery> = {}): FormasiIndexQuery => ({ page: 1, pageSize: 20, now, ...over });
const names = (result: ReturnType<FormasiSearchIndex['search']>) => result.items.map((hit) => hit.positionName);

describe('formation search semantics', () => {
  const index = FormasiSearchIndex.fromRows({
    agencies,
    selections,
    formasi: [
      row('s-open', { positionName: 'Guru Matematika', unitName: 'SMP Negeri 2', programmes: ['Pendidikan Matematika'], count: 3 }),
      row('s-open', { positionName: 'Perawat Terampil', unitName: 'RSUD Manna', educationLevels: ['D3'], programmes: ['Keperawatan'] }),
      row('s-open', { positionName: 'Dokter Ahli Pertama', unitName: 'Puskesmas Pasar Manna', educationLevels: ['PROFESI'], programmes: ['Pendidikan Dokter'], kind: 'disabilitas' }),
      row('s-soon', { positionName: 'Guru Bahasa Inggris', unitName: 'SMP Negeri 4', programmes: ['Pendidikan Bahasa Inggris'] }),
      row('s-next', { positionName: 'Analis Kebijakan', unitName: 'Sekretariat Daerah', programmes: [] }),
      row('s-closed', { positionName: 'Guru Kelas', unitName: 'SD Negeri 1', programmes: ['PGSD'] }),
    ],
  });

  it('matches every word as a prefix of a word of the search text, rounds closing soonest first', () => {
    expect(names(index.search(query({ q: 'guru' })))).toEqual(['Guru Bahasa Inggris', 'Guru Matematika']);
    expect(names(index.search(query({ q: 'gur mat' })))).toEqual(['Guru Matematika']);
    expect(names(index.search(query({ q: 'GURU, Pendidikan!' })))).toEqual(['Guru Bahasa Inggris', 'Guru Matematika']);
    expect(names(index.search(query({ q: 'uru' })))).toEqual([]);
    expect(names(index.search(query({ q: 'manna' })))).toEqual(['Dokter Ahli Pertama', 'Guru Matematika', 'Perawat Terampil']);
  });

  it('filters by level (normalised), kind, agency, type, year and round', () => {
    expect(names(index.search(query({ level: 'd-iii' })))).toEqual(['Perawat Terampil']);
    expect(names(index.search(query({ level: 'S3' })))).toEqual([]);
    expect(names(index.search(query({ kind: 'disabilitas' })))).toEqual(['Dokter Ahli Pertama']);
    expect(names(index.search(query({ agencyId: 'a2' })))).toEqual(['Guru Bahasa Inggris', 'Analis Kebijakan']);
    expect(names(index.search(query({ type: 'cpns', year: 2027 })))).toEqual(['Analis Kebijakan']);
    expect(names(index.search(query({ agencyId: 'unknown' })))).toEqual([]);
  });

  it('matches placement unit and programme as substrings', () => {
    expect(names(index.search(query({ unit: 'smp negeri' })))).toEqual(['Guru Bahasa Inggris', 'Guru Matematika']);
    expect(names(index.search(query({ unit: 'negeri 4' })))).toEqual(['Guru Bahasa Inggris']);
    expect(names(index.search(query({ programme: 'matematika' })))).toEqual(['Guru Matematika']);
    expect(names(index.search(query({ programme: 'Pendidikan  Dokter' })))).toEqual(['Dokter Ahli Pertama']);
  });

  it('leaves out rounds whose registration has closed, unless that round is asked for', () => {
    expect(names(index.search(query({ q: 'kelas' })))).toEqual([]);
    expect(names(index.search(query({ selectionId: 's-closed' })))).toEqual(['Guru Kelas']);
  });

  it('pages with an exact total, the same on a repeated search', () => {
    expect(index.search(query({ pageSize: 2, page: 2 }))).toMatchObject({ total: 5 });
    expect(names(index.search(query({ pageSize: 2, page: 2 })))).toEqual(['Guru Matematika', 'Perawat Terampil']);
    expect(names(index.search(query({ pageSize: 2, page: 3 })))).toEqual(['Analis Kebijakan']);
    expect(index.search(query({ pageSize: 2, page: 9 }))).toEqual({ items: [], total: 5 });
  });

  it('lists open rounds first (soonest deadline), then upcoming ones, with their published counts', () => {
    expect(index.openSelections({ now }).map(({ selection, counts }) => [selection.id, counts.formasi, counts.places])).toEqual([
      ['s-soon', 1, 1],
      ['s-open', 3, 5],
      ['s-next', 1, 1],
    ]);
    expect(index.openSelections({ now, type: 'cpns' }).map(({ selection }) => selection.id)).toEqual(['s-open', 's-next']);
  });
});

describe('formation search on random data', () => {
  it.each([
    ['sorted lists only', Number.MAX_SAFE_INTEGER],
    ['bitsets only', 1],
    ['both (the default)', undefined],
  ])('finds exactly what a plain filter over every row finds, for 300 random queries (%s)', (_name, denseAt) => {
    // mulberry32: seeded, 32-bit integer arithmetic.
    let seed = 7;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const positions = ['Guru Matematika', 'Guru Kelas', 'Perawat', 'Bidan', 'Dokter Gigi', 'Pranata Komputer', 'Analis Kebijakan', 'Penata Kelola Keuangan'];
    const units = ['Dinas Pendidikan', 'Dinas Kesehatan', 'Puskesmas Kota', 'RSUD', 'Sekretariat Daerah'];
    const levels = ['S1', 'D3', 'SMA', 'PROFESI'];
    const kinds = ['umum', 'umum', 'umum', 'cumlaude', 'disabilitas'];
    const rows = Array.from({ length: 3000 }, () =>
      row(pick(selections).id, { positionName: pick(positions), unitName: pick(units), educationLevels: [pick(levels)], kind: pick(kinds), programmes: [pick(['Akuntansi', 'Keperawatan', 'Matematika'])] }),
    );
    const tokensOf = new Map(rows.map((r) => [r.id, r.searchText.split(' ')]));
    const index = FormasiSearchIndex.fromRows({ agencies, selections, formasi: rows }, { denseAt });
    const closesOf = new Map(selections.map((s) => [s.id, s.closesAt!.getTime()]));
    const words = ['gu', 'guru', 'mat', 'per', 'dinas', 'kota', 'pus', 'bkpsdm', 'pauh', 'x'];
    for (let i = 0; i < 300; i++) {
      const q = query({
        q: random() < 0.7 ? `${pick(words)}${random() < 0.3 ? ` ${pick(words)}` : ''}` : undefined,
        level: random() < 0.5 ? pick(levels) : undefined,
        kind: random() < 0.4 ? pick(kinds) : undefined,
        agencyId: random() < 0.2 ? pick(agencies).id : undefined,
        unit: random() < 0.15 ? pick(['dinas', 'kota', 'dinas kes']) : undefined,
        page: 1 + Math.floor(random() * 4),
        pageSize: 10,
      });
      const expected = rows.filter((r) => {
        const tokens = tokensOf.get(r.id)!;
        return (
          closesOf.get(r.selectionId)! > now.getTime() &&
          searchWords(q.q ?? '').every((word) => tokens.some((token) => token.startsWith(word))) &&
          (!q.level || r.educationLevels.includes(q.level)) &&
          (!q.kind || r.kind === q.kind) &&
          (!q.agencyId || r.agencyId === q.agencyId) &&
          (!q.unit || r.unitName.toLowerCase().includes(q.unit)) &&
          searchWords(q.unit ?? '').every((word) => tokens.some((token) => token.startsWith(word)))
        );
      });
      const result = index.search(q);
      expect(result.total).toBe(expected.length);
      const ids = new Set(expected.map((r) => r.id));
      expect(result.items.every((hit) => ids.has(hit.id))).toBe(true);
      expect(result.items.length).toBe(Math.max(0, Math.min(10, expected.length - (q.page - 1) * 10)));
      // The cached total gives the same page.
      expect(index.search(q)).toEqual(result);
    }
  });
});

describe('building step by step', () => {
  it('pauses between steps and answers exactly as an index built in one go', async () => {
    const make = () => Array.from({ length: 12_000 }, (_, i) => row(selections[i % 3]!.id, { id: `g-${String(i).padStart(5, '0')}`, positionName: `Jabatan ${i % 37}`, kind: i % 5 === 0 ? 'cumlaude' : 'umum' }));
    let pauses = 0;
    const stepwise = await FormasiSearchIndex.build({ agencies, selections, formasi: make() }, async () => {
      pauses += 1;
    });
    const once = FormasiSearchIndex.fromRows({ agencies, selections, formasi: make() });
    expect(pauses).toBeGreaterThanOrEqual(4);
    for (const q of [query({ q: 'jabatan 1' }), query({ kind: 'cumlaude', page: 3 }), query({ q: 'pranata', level: 'S1' })]) {
      expect(stepwise.search(q)).toEqual(once.search(q));
    }
    expect(stepwise.search(query({ kind: 'cumlaude' })).total).toBe(2400);
  });
});
