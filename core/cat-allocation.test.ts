import { describe, expect, it } from 'vitest';
import {
  allocate,
  attemptDurationSeconds,
  canOpenSession,
  pickSeat,
  sessionRoomEnd,
  suggestedNeed,
  type AllocationParticipant,
  type AllocationSession,
  type Placement,
} from './cat-allocation.js';

const HOUR = 3600_000;
const T0 = Date.parse('2026-09-01T01:00:00Z');

function session(id: string, venueId: string, capacity: number, hour = 0, occupants: AllocationSession['occupants'] = []): AllocationSession {
  return { id, venueId, capacity, startsAt: T0 + hour * HOUR, occupants };
}

let n = 0;
function people(count: number, formasiId: string, venueId: string | null = null): AllocationParticipant[] {
  return Array.from({ length: count }, () => {
    n += 1;
    return { id: `p${n}`, formasiId, venueId, registrationNumber: `REG-${String(n).padStart(5, '0')}` };
  });
}

const bySession = (placements: readonly Placement[]) => {
  const out: Record<string, Placement[]> = {};
  for (const p of placements) (out[p.sessionId] ??= []).push(p);
  return out;
};

function expectValid(sessions: readonly AllocationSession[], placements: readonly Placement[]) {
  for (const s of sessions) {
    const seats = [...s.occupants.map((o) => o.seat), ...placements.filter((p) => p.sessionId === s.id).map((p) => p.seat)];
    expect(new Set(seats).size).toBe(seats.length);
    expect(seats.every((seat) => Number.isInteger(seat) && seat >= 1 && seat <= s.capacity)).toBe(true);
  }
  expect(new Set(placements.map((p) => p.participantId)).size).toBe(placements.length);
}

describe('allocate — capacity and seats', () => {
  it('places everyone when seats suffice, numbering seats from 1 without gaps or repeats', () => {
    const sessions = [session('s1', 'v1', 10), session('s2', 'v1', 10, 2)];
    const participants = [...people(7, 'F1'), ...people(6, 'F2')];
    const result = allocate({ sessions, participants });
    expect(result.unplaced).toEqual([]);
    expect(result.placements).toHaveLength(13);
    expectValid(sessions, result.placements);
  });

  it('never exceeds a room and reports the shortfall with who is left out', () => {
    const sessions = [session('s1', 'v1', 3), session('s2', 'v2', 2)];
    const participants = people(7, 'F1');
    const result = allocate({ sessions, participants });
    expect(result.placements).toHaveLength(5);
    expect(result.unplaced).toHaveLength(2);
    expect(result.shortfalls).toEqual([{ venueId: null, participants: 2 }]);
    expectValid(sessions, result.placements);
  });

  it('keeps participants already seated where they are and fills the free seats around them', () => {
    const sessions = [session('s1', 'v1', 4, 0, [{ seat: 2, formasiId: 'F9' }, { seat: 3, formasiId: 'F9' }])];
    const result = allocate({ sessions, participants: people(2, 'F1') });
    expect(result.placements.map((p) => p.seat)).toEqual([1, 4]);
  });

  it('places nobody in a session without seats', () => {
    const result = allocate({ sessions: [session('s1', 'v1', 0)], participants: people(1, 'F1') });
    expect(result.placements).toEqual([]);
    expect(result.unplaced).toHaveLength(1);
  });
});

describe('allocate — chosen venue', () => {
  it('places a participant who chose a venue only in that venue, and reports that venue short when it is full', () => {
    const sessions = [session('a1', 'vA', 2), session('b1', 'vB', 10)];
    const choosers = people(3, 'F1', 'vA');
    const result = allocate({ sessions, participants: choosers });
    expect(result.placements.every((p) => p.sessionId === 'a1')).toBe(true);
    expect(result.placements).toHaveLength(2);
    expect(result.shortfalls).toEqual([{ venueId: 'vA', participants: 1 }]);
  });

  it('seats those who chose a venue before those who accept any, so open-choice participants do not take their seats', () => {
    const sessions = [session('a1', 'vA', 3), session('b1', 'vB', 3)];
    const anyVenue = people(3, 'F1');
    const choosers = people(3, 'F2', 'vA');
    // The open-choice group is listed first and is the same size: order of input must not matter.
    const result = allocate({ sessions, participants: [...anyVenue, ...choosers] });
    expect(result.unplaced).toEqual([]);
    const where = new Map(result.placements.map((p) => [p.participantId, p.sessionId]));
    for (const c of choosers) expect(where.get(c.id)).toBe('a1');
    for (const a of anyVenue) expect(where.get(a.id)).toBe('b1');
  });

  it('reports a venue without sessions as short by everyone who chose it', () => {
    const result = allocate({ sessions: [session('a1', 'vA', 5)], participants: people(2, 'F1', 'vZ') });
    expect(result.shortfalls).toEqual([{ venueId: 'vZ', participants: 2 }]);
  });
});

describe('allocate — formation grouping', () => {
  it('keeps a formation in one session when one can hold it, on consecutive seats', () => {
    const sessions = [session('s1', 'v1', 10), session('s2', 'v1', 10, 2)];
    const f1 = people(6, 'F1');
    const f2 = people(6, 'F2');
    const result = allocate({ sessions, participants: [...f2, ...f1] });
    const groups = bySession(result.placements);
    for (const formation of [f1, f2]) {
      const ids = new Set(formation.map((p) => p.id));
      const sessionsUsed = new Set(result.placements.filter((p) => ids.has(p.participantId)).map((p) => p.sessionId));
      expect(sessionsUsed.size).toBe(1);
      const seats = result.placements.filter((p) => ids.has(p.participantId)).map((p) => p.seat);
      expect(Math.max(...seats) - Math.min(...seats)).toBe(5);
    }
    expect(Object.keys(groups).sort()).toEqual(['s1', 's2']);
  });

  it('splits a formation larger than any room over as few sessions as it can', () => {
    const sessions = [session('s1', 'v1', 5), session('s2', 'v1', 5, 2), session('s3', 'v1', 20, 4)];
    const big = people(22, 'F1');
    const result = allocate({ sessions, participants: big });
    expect(result.unplaced).toEqual([]);
    const counts = Object.fromEntries(Object.entries(bySession(result.placements)).map(([id, list]) => [id, list.length]));
    expect(counts).toEqual({ s3: 20, s1: 2 });
  });

  it('seats an open-choice member of a formation beside the members who chose a venue', () => {
    const sessions = [session('a1', 'vA', 10), session('a2', 'vA', 10, 2)];
    const chosen = people(3, 'F1', 'vA');
    const open = people(1, 'F1');
    const other = people(9, 'F2');
    const result = allocate({ sessions, participants: [...other, ...open, ...chosen] });
    const where = new Map(result.placements.map((p) => [p.participantId, p.sessionId]));
    expect(where.get(open[0]!.id)).toBe(where.get(chosen[0]!.id));
  });

  it('orders members of a formation by registration number', () => {
    const members = people(4, 'F1').reverse();
    const result = allocate({ sessions: [session('s1', 'v1', 4)], participants: members });
    const seatOf = new Map(result.placements.map((p) => [p.participantId, p.seat]));
    const byNumber = [...members].sort((a, b) => a.registrationNumber.localeCompare(b.registrationNumber));
    expect(byNumber.map((p) => seatOf.get(p.id))).toEqual([1, 2, 3, 4]);
  });
});

describe('allocate — determinism', () => {
  it('gives the same placements whatever order sessions and participants arrive in', () => {
    const sessions = [session('s1', 'v1', 7), session('s2', 'v2', 5, 1), session('s3', 'v1', 9, 3)];
    const participants = [...people(5, 'F1'), ...people(4, 'F2', 'v2'), ...people(8, 'F3'), ...people(3, 'F4', 'v1')];
    const a = allocate({ sessions, participants });
    const b = allocate({ sessions: [...sessions].reverse(), participants: [...participants].reverse() });
    const key = (r: typeof a) => [...r.placements].sort((x, y) => x.participantId.localeCompare(y.participantId));
    expect(key(b)).toEqual(key(a));
    expectValid(sessions, a.placements);
  });
});

describe('pickSeat', () => {
  it('gives the lowest free seat, the requested one when free, and null when full or taken', () => {
    expect(pickSeat({ capacity: 3, taken: [1, 3] })).toBe(2);
    expect(pickSeat({ capacity: 3, taken: [1], requested: 3 })).toBe(3);
    expect(pickSeat({ capacity: 3, taken: [1], requested: 1 })).toBeNull();
    expect(pickSeat({ capacity: 3, taken: [], requested: 4 })).toBeNull();
    expect(pickSeat({ capacity: 2, taken: [1, 2] })).toBeNull();
  });
});

describe('time and needs', () => {
  it('adds the blueprint extra minutes for the participant need: 100 → 130 minutes for tunanetra', () => {
    expect(attemptDurationSeconds({ durationMinutes: 100, extraMinutes: { tunanetra: 30 }, need: null })).toBe(6000);
    expect(attemptDurationSeconds({ durationMinutes: 100, extraMinutes: { tunanetra: 30 }, need: 'tunanetra' })).toBe(7800);
    expect(attemptDurationSeconds({ durationMinutes: 100, extraMinutes: { tunanetra: 30 }, need: 'lainnya' })).toBe(6000);
    expect(attemptDurationSeconds({ durationMinutes: 100, extraMinutes: {}, need: 'toString' })).toBe(6000);
  });

  it('suggests tunanetra only for a declared visual disability in a disability formation', () => {
    expect(suggestedNeed({ disability: 'Tunanetra (low vision)', formasiKind: 'disabilitas' })).toBe('tunanetra');
    expect(suggestedNeed({ disability: 'Disabilitas penglihatan', formasiKind: 'disabilitas' })).toBe('tunanetra');
    expect(suggestedNeed({ disability: 'Tunanetra', formasiKind: 'umum' })).toBeNull();
    expect(suggestedNeed({ disability: 'Tunadaksa', formasiKind: 'disabilitas' })).toBeNull();
  });

  it('opens a session from two hours before its start, not earlier', () => {
    const startsAt = new Date(T0);
    expect(canOpenSession({ startsAt, now: new Date(T0 - 2 * HOUR) })).toBe(true);
    expect(canOpenSession({ startsAt, now: new Date(T0 - 2 * HOUR - 1000) })).toBe(false);
    expect(canOpenSession({ startsAt, now: new Date(T0 + HOUR) })).toBe(true);
  });

  it('holds the room for the duration plus the largest extra time', () => {
    expect(sessionRoomEnd({ startsAt: new Date(T0), durationMinutes: 100, extraMinutes: { tunanetra: 30 } })).toEqual(new Date(T0 + 130 * 60_000));
    expect(sessionRoomEnd({ startsAt: new Date(T0), durationMinutes: 90, extraMinutes: {} })).toEqual(new Date(T0 + 90 * 60_000));
  });
});
