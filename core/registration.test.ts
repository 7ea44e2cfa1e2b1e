import { describe, expect, it } from 'vitest';
import { duplicateFlags, formatRegistrationNumber, registrationWindowState, type DuplicateCandidate } from './registration.js';

describe('registrationWindowState', () => {
  const opensAt = new Date('2026-12-01T00:00:00+07:00');
  const closesAt = new Date('2026-12-15T23:59:59.999+07:00');
  it('is not open before the opening instant and open exactly at it', () => {
    expect(registrationWindowState({ now: new Date(opensAt.getTime() - 1), opensAt, closesAt })).toBe('belum_dibuka');
    expect(registrationWindowState({ now: opensAt, opensAt, closesAt })).toBe('dibuka');
  });
  it('is open at the last millisecond of the closing day and closed one millisecond (and one second) later', () => {
    expect(registrationWindowState({ now: closesAt, opensAt, closesAt })).toBe('dibuka');
    expect(registrationWindowState({ now: new Date(closesAt.getTime() + 1), opensAt, closesAt })).toBe('ditutup');
    expect(registrationWindowState({ now: new Date(closesAt.getTime() + 1000), opensAt, closesAt })).toBe('ditutup');
  });
  it('is not open when the round has no schedule', () => {
    expect(registrationWindowState({ now: opensAt, opensAt: null, closesAt: null })).toBe('belum_dibuka');
  });
});

describe('formatRegistrationNumber', () => {
  it('writes type, year, agency code and a seven-digit sequence', () => {
    expect(formatRegistrationNumber({ type: 'cpns', year: 2026, agencyCode: 'kota-manna', sequence: 123 })).toBe('CPNS2026-KOTAMANNA-0000123');
  });
  it('refuses a sequence below 1', () => {
    expect(() => formatRegistrationNumber({ type: 'pppk', year: 2026, agencyCode: 'pauh', sequence: 0 })).toThrow(RangeError);
  });
});

describe('duplicateFlags', () => {
  const base: DuplicateCandidate = { applicationId: 'a', name: 'Siti Aminah', birthDate: '2000-01-02', phone: '081234567890', email: 'siti@example.id', documentHashes: ['h1', 'h2'] };
  const other = (over: Partial<DuplicateCandidate>): DuplicateCandidate => ({ applicationId: 'b', name: 'Budi', birthDate: '1999-05-05', phone: '0899', email: 'budi@example.id', documentHashes: ['x'], ...over });

  it('flags the same name (case and punctuation aside) and birth date', () => {
    expect(duplicateFlags({ application: base, others: [other({ name: 'SITI  AMINAH.', birthDate: '2000-01-02' })] })).toEqual([
      { kind: 'nama_tanggal_lahir', otherApplicationId: 'b', detail: 'Nama dan tanggal lahir sama' },
    ]);
  });
  it('does not flag the same name with another birth date', () => {
    expect(duplicateFlags({ application: base, others: [other({ name: 'Siti Aminah' })] })).toEqual([]);
  });
  it('flags the same phone written +62 or 0, and the same email in any case', () => {
    const flags = duplicateFlags({ application: base, others: [other({ phone: '+62 812-3456-7890', email: 'SITI@example.id' })] });
    expect(flags.map((f) => f.kind)).toEqual(['telepon', 'email']);
  });
  it('flags an identical document file', () => {
    expect(duplicateFlags({ application: base, others: [other({ documentHashes: ['z', 'h2'] })] })[0]).toMatchObject({ kind: 'dokumen', otherApplicationId: 'b' });
  });
  it('never flags the application against itself', () => {
    expect(duplicateFlags({ application: base, others: [base] })).toEqual([]);
  });
});

describe('maskName', () => {
  it('keeps the first letter of each word', async () => {
    const { maskName } = await import('./registration.js');
    expect(maskName('Andi  Pratama')).toBe('A*** P******');
    expect(maskName('Y')).toBe('Y*');
  });
});
