import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical.js';
import { objectionWindow } from './pipeline.js';
import {
  administrativePublicationIssues,
  applyAcceptance,
  objectionRefusal,
  postObjectionDeadline,
  postObjectionPublicationIssues,
  resultList,
  type ObjectionCheckOptions,
} from './sanggah.js';

// Announced 9 October 2026 15.00 WIB: the window closes 12 October 23.59.59,999 WIB.
const window = objectionWindow({ announcedAt: '2026-10-09T08:00:00Z', zone: 'Asia/Jakarta' });
const base: ObjectionCheckOptions = {
  now: new Date('2026-10-10T03:00:00Z'),
  window: { opensAt: window.start, closesAt: window.end },
  decision: 'tms',
  tmsKeys: ['doc:ijazah', 'rule:age'],
  requestedKeys: ['doc:ijazah'],
  alreadyFiled: false,
};

describe('objectionRefusal', () => {
  it('accepts an objection on a TMS requirement inside the window', () => {
    expect(objectionRefusal(base)).toBeNull();
  });

  it('accepts one at the last millisecond of the window and refuses one a millisecond later — WINDOW_CLOSED', () => {
    expect(objectionRefusal({ ...base, now: new Date('2026-10-12T16:59:59.999Z') })).toBeNull();
    expect(objectionRefusal({ ...base, now: new Date('2026-10-12T17:00:00.000Z') })?.code).toBe('WINDOW_CLOSED');
  });

  it('refuses before the result is published and before the window opens', () => {
    expect(objectionRefusal({ ...base, window: null })?.code).toBe('RESULT_NOT_PUBLISHED');
    expect(objectionRefusal({ ...base, now: new Date('2026-10-09T07:59:59Z') })?.code).toBe('WINDOW_NOT_OPEN');
  });

  it('refuses a second objection — ALREADY_FILED', () => {
    expect(objectionRefusal({ ...base, alreadyFiled: true })?.code).toBe('ALREADY_FILED');
  });

  it('refuses an application that is MS — NOT_TMS', () => {
    expect(objectionRefusal({ ...base, decision: 'ms', tmsKeys: [] })?.code).toBe('NOT_TMS');
  });

  it('refuses pointing at a requirement that was not TMS, naming the field — KEYS_NOT_TMS', () => {
    expect(objectionRefusal({ ...base, requestedKeys: ['doc:ijazah', 'doc:ktp'] })).toMatchObject({ code: 'KEYS_NOT_TMS', field: 'requirementKeys' });
  });
});

describe('applyAcceptance', () => {
  const checks = [
    { requirementKey: 'doc:ktp', result: 'MS' as const },
    { requirementKey: 'doc:ijazah', result: 'TMS' as const },
    { requirementKey: 'rule:age', result: 'TMS' as const },
  ];
  it('turns the pointed requirements MS; MS when no TMS remains', () => {
    expect(applyAcceptance({ checks, keys: ['doc:ijazah', 'rule:age'] }).decision).toBe('ms');
  });
  it('stays TMS while another requirement is still TMS', () => {
    const result = applyAcceptance({ checks, keys: ['doc:ijazah'] });
    expect(result.decision).toBe('tms');
    expect(result.checks.map((c) => c.result)).toEqual(['MS', 'MS', 'TMS']);
  });
});

describe('publication rules', () => {
  it('publishes the administrative result only after registration closed and every submitted application is decided, once', () => {
    expect(administrativePublicationIssues({ registrationOpen: false, total: 10, undecided: 0, alreadyPublished: false })).toEqual([]);
    expect(administrativePublicationIssues({ registrationOpen: false, total: 10, undecided: 2, alreadyPublished: false })).toEqual([{ code: 'UNDECIDED', message: 'Masih ada 2 pendaftaran yang belum diputuskan MS/TMS.' }]);
    expect(administrativePublicationIssues({ registrationOpen: false, total: 0, undecided: 0, alreadyPublished: false }).map((i) => i.code)).toEqual(['NOTHING_TO_PUBLISH']);
    expect(administrativePublicationIssues({ registrationOpen: false, total: 10, undecided: 0, alreadyPublished: true }).map((i) => i.code)).toEqual(['ALREADY_PUBLISHED']);
    expect(administrativePublicationIssues({ registrationOpen: true, total: 10, undecided: 0, alreadyPublished: false }).map((i) => i.code)).toEqual(['REGISTRATION_OPEN']);
  });

  it('publishes the post-objection result only after the window closed and every objection is answered', () => {
    const closesAt = window.end;
    const after = new Date(closesAt.getTime() + 1);
    expect(postObjectionPublicationIssues({ now: after, administrativePublished: true, closesAt, pendingObjections: 0, alreadyPublished: false })).toEqual([]);
    expect(postObjectionPublicationIssues({ now: closesAt, administrativePublished: true, closesAt, pendingObjections: 0, alreadyPublished: false }).map((i) => i.code)).toEqual(['WINDOW_OPEN']);
    expect(postObjectionPublicationIssues({ now: after, administrativePublished: true, closesAt, pendingObjections: 3, alreadyPublished: false }).map((i) => i.code)).toEqual(['OBJECTIONS_PENDING']);
    expect(postObjectionPublicationIssues({ now: after, administrativePublished: false, closesAt: null, pendingObjections: 0, alreadyPublished: false }).map((i) => i.code)).toEqual(['ADMINISTRATIVE_NOT_PUBLISHED']);
  });

  it('sets the post-objection deadline 7 days after the window closes', () => {
    expect(postObjectionDeadline(new Date('2026-10-12T16:59:59.999Z')).toISOString()).toBe('2026-10-19T16:59:59.999Z');
  });
});

describe('resultList', () => {
  it('orders by registration number and carries no personal data, so its hash is reproducible', () => {
    const list = resultList([
      { registrationNumber: 'CPNS2026-A-0000002', name: 'Rina', formasi: 'Analis', decision: 'tms' },
      { registrationNumber: 'CPNS2026-A-0000001', name: 'Andi', formasi: 'Pranata Komputer', decision: 'ms' },
    ]);
    expect(list).toEqual([
      { registrationNumber: 'CPNS2026-A-0000001', name: 'Andi', formasi: 'Pranata Komputer', result: 'MS' },
      { registrationNumber: 'CPNS2026-A-0000002', name: 'Rina', formasi: 'Analis', result: 'TMS' },
    ]);
    const reversed = resultList([...list].reverse().map((e) => ({ ...e, decision: e.result === 'MS' ? ('ms' as const) : ('tms' as const) })));
    const hash = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex');
    expect(hash(reversed)).toBe(hash(list));
  });
});
