import { describe, expect, it } from 'vitest';
import {
  administrationSettings,
  checkInputIssues,
  confirmRefusal,
  decisionFromChecks,
  evaluateDecision,
  pendingConfirmations,
  requirementLabel,
  requirementsFor,
  type CheckState,
  type Requirement,
} from './verification.js';

const documents = [
  { key: 'ktp', name: 'KTP', mandatory: true },
  { key: 'ijazah', name: 'Ijazah', mandatory: true },
  { key: 'sertifikat', name: 'Sertifikat pendukung', mandatory: false },
];

const requirements: Requirement[] = requirementsFor({ documents, uploadedKeys: ['ktp', 'ijazah'], formasiKind: 'umum' });
const check = (requirementKey: string, result: 'MS' | 'TMS', verifierId = 'v1', confirmedBy: string | null = null): CheckState => ({ requirementKey, result, verifierId, confirmedBy });
const allMs = requirements.map((r) => check(r.key, 'MS'));
const codes = (result: { issues: Array<{ code: string }> }) => result.issues.map((i) => i.code);

describe('requirementsFor', () => {
  it('lists mandatory documents, then the age and education rules', () => {
    expect(requirements.map((r) => r.key)).toEqual(['doc:ktp', 'doc:ijazah', 'rule:age', 'rule:education']);
    expect(requirements.map((r) => r.kind)).toEqual(['dokumen', 'dokumen', 'syarat', 'syarat']);
  });

  it('adds an optional document only when it was uploaded', () => {
    const keys = requirementsFor({ documents, uploadedKeys: ['ktp', 'ijazah', 'sertifikat'], formasiKind: 'umum' }).map((r) => r.key);
    expect(keys).toContain('doc:sertifikat');
  });

  it('adds the special-kind rule for a special formation (cumlaude, disabilitas…)', () => {
    expect(requirementsFor({ documents, uploadedKeys: [], formasiKind: 'cumlaude' }).map((r) => r.key)).toContain('rule:formasiKind');
  });
});

describe('requirementLabel', () => {
  it("names a document by the round's list and a rule by its description; an unknown key stays as it is", () => {
    expect(requirementLabel('doc:ijazah', documents)).toBe('Ijazah');
    expect(requirementLabel('rule:age', documents)).toBe('Usia pada tanggal penutupan pendaftaran');
    expect(requirementLabel('rule:toString', documents)).toBe('rule:toString');
    expect(requirementLabel('doc:paspor', documents)).toBe('paspor');
  });
});

describe('evaluateDecision', () => {
  it('allows MS when every requirement is MS', () => {
    expect(evaluateDecision({ requirements, checks: allMs, fourEyes: false, decision: 'ms' })).toEqual({ allowed: true, issues: [] });
  });

  it('refuses any decision while a requirement is unchecked, naming it — CHECK_MISSING', () => {
    const result = evaluateDecision({ requirements, checks: allMs.slice(1), fourEyes: false, decision: 'ms' });
    expect(result.allowed).toBe(false);
    expect(result.issues).toEqual([expect.objectContaining({ code: 'CHECK_MISSING', requirementKey: 'doc:ktp', message: 'KTP belum diperiksa.' })]);
    expect(codes(evaluateDecision({ requirements, checks: [check('doc:ktp', 'TMS')], fourEyes: false, decision: 'tms' }))).toEqual(['CHECK_MISSING', 'CHECK_MISSING', 'CHECK_MISSING']);
  });

  it('refuses MS when one requirement is TMS — MS_WITH_TMS', () => {
    const checks = allMs.map((c) => (c.requirementKey === 'rule:age' ? check('rule:age', 'TMS') : c));
    expect(codes(evaluateDecision({ requirements, checks, fourEyes: false, decision: 'ms' }))).toEqual(['MS_WITH_TMS']);
  });

  it('refuses TMS without a TMS check — TMS_WITHOUT_TMS', () => {
    expect(codes(evaluateDecision({ requirements, checks: allMs, fourEyes: false, decision: 'tms' }))).toEqual(['TMS_WITHOUT_TMS']);
  });

  it('allows TMS with one TMS check when four-eyes is off', () => {
    const checks = allMs.map((c) => (c.requirementKey === 'doc:ijazah' ? check('doc:ijazah', 'TMS') : c));
    expect(evaluateDecision({ requirements, checks, fourEyes: false, decision: 'tms' }).allowed).toBe(true);
  });

  it('under four-eyes, refuses TMS until a second verifier confirmed each TMS — CONFIRMATION_PENDING', () => {
    const checks = allMs.map((c) => (c.requirementKey === 'doc:ijazah' ? check('doc:ijazah', 'TMS') : c));
    expect(evaluateDecision({ requirements, checks, fourEyes: true, decision: 'tms' }).issues).toEqual([
      expect.objectContaining({ code: 'CONFIRMATION_PENDING', requirementKey: 'doc:ijazah' }),
    ]);
    // A "confirmation" by the same verifier does not count.
    const self = checks.map((c) => (c.requirementKey === 'doc:ijazah' ? check('doc:ijazah', 'TMS', 'v1', 'v1') : c));
    expect(evaluateDecision({ requirements, checks: self, fourEyes: true, decision: 'tms' }).allowed).toBe(false);
    const confirmed = checks.map((c) => (c.requirementKey === 'doc:ijazah' ? check('doc:ijazah', 'TMS', 'v1', 'v2') : c));
    expect(evaluateDecision({ requirements, checks: confirmed, fourEyes: true, decision: 'tms' }).allowed).toBe(true);
    expect(pendingConfirmations(requirements, checks)).toEqual(['doc:ijazah']);
    expect(pendingConfirmations(requirements, confirmed)).toEqual([]);
  });

  it('ignores a check left on a requirement that is no longer listed', () => {
    const checks = [...allMs, check('doc:sertifikat', 'TMS')];
    expect(evaluateDecision({ requirements, checks, fourEyes: false, decision: 'ms' }).allowed).toBe(true);
  });
});

describe('decisionFromChecks', () => {
  it('is null while incomplete, tms with any TMS, ms otherwise', () => {
    expect(decisionFromChecks(requirements, allMs.slice(2))).toBeNull();
    expect(decisionFromChecks(requirements, allMs)).toBe('ms');
    expect(decisionFromChecks(requirements, [...allMs.slice(1), check('doc:ktp', 'TMS')])).toBe('tms');
  });
});

describe('confirmRefusal (four-eyes)', () => {
  it('lets a different verifier confirm an unconfirmed TMS', () => {
    expect(confirmRefusal({ check: check('doc:ktp', 'TMS', 'v1'), confirmerId: 'v2' })).toBeNull();
  });
  it('refuses the verifier who recorded it — SAME_VERIFIER', () => {
    expect(confirmRefusal({ check: check('doc:ktp', 'TMS', 'v1'), confirmerId: 'v1' })?.code).toBe('SAME_VERIFIER');
  });
  it('refuses an MS check and a second confirmation', () => {
    expect(confirmRefusal({ check: check('doc:ktp', 'MS'), confirmerId: 'v2' })?.code).toBe('NOT_TMS');
    expect(confirmRefusal({ check: check('doc:ktp', 'TMS', 'v1', 'v3'), confirmerId: 'v2' })?.code).toBe('ALREADY_CONFIRMED');
  });
});

describe('checkInputIssues', () => {
  const active = ['tidak_terbaca', 'usia_melebihi'];
  it('accepts an MS without reason and a TMS with an active catalogue reason', () => {
    expect(
      checkInputIssues({
        requirements,
        activeReasonCodes: active,
        checks: [
          { requirementKey: 'doc:ktp', result: 'MS', reasonCode: null, reasonText: '' },
          { requirementKey: 'rule:age', result: 'TMS', reasonCode: 'usia_melebihi', reasonText: 'Lahir 1988' },
        ],
      }),
    ).toEqual([]);
  });
  it('requires a catalogue reason for TMS, refuses an unknown or inactive one and a reason on MS', () => {
    const issues = checkInputIssues({
      requirements,
      activeReasonCodes: active,
      checks: [
        { requirementKey: 'doc:ktp', result: 'TMS', reasonCode: null, reasonText: 'buram' },
        { requirementKey: 'doc:ijazah', result: 'TMS', reasonCode: 'dihapus', reasonText: '' },
        { requirementKey: 'rule:age', result: 'MS', reasonCode: 'usia_melebihi', reasonText: '' },
      ],
    });
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ['checks.0.reasonCode', 'REASON_REQUIRED'],
      ['checks.1.reasonCode', 'REASON_UNKNOWN'],
      ['checks.2.reasonCode', 'REASON_NOT_FOR_MS'],
    ]);
  });
  it("refuses a requirement the application does not have, and the same one twice", () => {
    const issues = checkInputIssues({
      requirements,
      activeReasonCodes: active,
      checks: [
        { requirementKey: 'doc:paspor', result: 'MS', reasonCode: null, reasonText: '' },
        { requirementKey: 'doc:ktp', result: 'MS', reasonCode: null, reasonText: '' },
        { requirementKey: 'doc:ktp', result: 'MS', reasonCode: null, reasonText: '' },
      ],
    });
    expect(issues.map((i) => i.code)).toEqual(['REQUIREMENT_UNKNOWN', 'REQUIREMENT_REPEATED']);
  });
});

describe('administrationSettings', () => {
  it('defaults to no four-eyes and 3 objection days (PermenPANRB 27/2021)', () => {
    expect(administrationSettings({})).toEqual({ fourEyes: false, objectionDays: 3 });
    expect(administrationSettings(null)).toEqual({ fourEyes: false, objectionDays: 3 });
  });
  it('reads fourEyes only when exactly true, and objection days 1–30 as whole numbers', () => {
    expect(administrationSettings({ fourEyes: true, objectionDays: 5 })).toEqual({ fourEyes: true, objectionDays: 5 });
    expect(administrationSettings({ fourEyes: 'ya', objectionDays: 0 })).toEqual({ fourEyes: false, objectionDays: 3 });
    expect(administrationSettings({ objectionDays: 2.5 }).objectionDays).toBe(3);
    expect(administrationSettings({ objectionDays: 31 }).objectionDays).toBe(3);
    expect(administrationSettings({ objectionDays: 30 }).objectionDays).toBe(30);
  });
});
