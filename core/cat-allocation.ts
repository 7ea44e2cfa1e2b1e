/**
 * Placing a round's eligible (MS) participants into CAT sessions, and the session rules the proctor
 * works by (issue 5 §3–§4). Pure and deterministic: the same participants and sessions give the
 * same placements whatever order they arrive in, so an allocation can be re-run and checked.
 *
 * Rules, in priority order:
 * 1. a participant who chose a venue is placed only in that venue's sessions;
 * 2. a session never holds more participants than its room has seats; seats are numbered 1…seats,
 *    and participants already seated keep their seats;
 * 3. participants of one formation sit together where possible: in the same session (beside others
 *    of their formation already there), and only split across sessions when no session can hold
 *    them all; within a session they take consecutive free seats.
 * Participants with a chosen venue are placed first (they have fewer options), then everyone else;
 * larger formation groups before smaller; within a group, by registration number.
 */
import { byText } from './text-order.js';

export type AllocationSession = {
  readonly id: string;
  readonly venueId: string;
  /** Epoch milliseconds: earlier sessions fill first when everything else is equal. */
  readonly startsAt: number;
  /** The room's seats. */
  readonly capacity: number;
  /** Who already sits there (kept as they are). */
  readonly occupants: ReadonlyArray<{ readonly seat: number; readonly formasiId: string }>;
};

export type AllocationParticipant = {
  readonly id: string;
  readonly formasiId: string;
  /** The venue the participant chose; null: any venue. */
  readonly venueId: string | null;
  readonly registrationNumber: string;
};

export type Placement = { readonly participantId: string; readonly sessionId: string; readonly seat: number };

export type Shortfall = {
  /** The chosen venue, or null for participants who accept any venue. */
  readonly venueId: string | null;
  readonly participants: number;
};

export type AllocationResult = {
  readonly placements: Placement[];
  /** Participants left without a seat, by registration number. */
  readonly unplaced: string[];
  /** Seats missing, per chosen venue (null: any venue). */
  readonly shortfalls: Shortfall[];
};

export type AllocateOptions = {
  readonly sessions: readonly AllocationSession[];
  readonly participants: readonly AllocationParticipant[];
};

type SessionState = { session: AllocationSession; free: number[]; formasi: Set<string> };

function freeSeats(session: AllocationSession): number[] {
  const taken = new Set(session.occupants.map((o) => o.seat));
  const free: number[] = [];
  for (let seat = 1; seat <= session.capacity; seat++) if (!taken.has(seat)) free.push(seat);
  return free;
}

type Group = { venueId: string | null; formasiId: string; members: AllocationParticipant[] };

function groupsOf(participants: readonly AllocationParticipant[]): Group[] {
  const groups = new Map<string, Group>();
  for (const p of participants) {
    const key = `${p.venueId ?? ''}\u0000${p.formasiId}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { venueId: p.venueId, formasiId: p.formasiId, members: [] }));
    group.members.push(p);
  }
  for (const group of groups.values()) group.members.sort((a, b) => byText(a.registrationNumber, b.registrationNumber) || byText(a.id, b.id));
  return [...groups.values()].sort(
    (a, b) =>
      Number(a.venueId === null) - Number(b.venueId === null) ||
      b.members.length - a.members.length ||
      byText(a.venueId ?? '', b.venueId ?? '') ||
      byText(a.formasiId, b.formasiId),
  );
}

/**
 * The session for (part of) a group: one that holds the whole remainder, preferring one where the
 * formation already sits, then the tightest fit (big holes stay for big groups), then the earliest;
 * if none holds it all, the session with the most free seats (fewest pieces), then the earliest.
 */
function chooseSession(candidates: SessionState[], formasiId: string, size: number): SessionState | undefined {
  const open = candidates.filter((s) => s.free.length > 0);
  const byTime = (a: SessionState, b: SessionState) => a.session.startsAt - b.session.startsAt || byText(a.session.id, b.session.id);
  const fitting = open.filter((s) => s.free.length >= size);
  if (fitting.length) {
    return fitting.sort((a, b) => Number(b.formasi.has(formasiId)) - Number(a.formasi.has(formasiId)) || a.free.length - b.free.length || byTime(a, b))[0];
  }
  return open.sort((a, b) => Number(b.formasi.has(formasiId)) - Number(a.formasi.has(formasiId)) || b.free.length - a.free.length || byTime(a, b))[0];
}

export function allocate({ sessions, participants }: AllocateOptions): AllocationResult {
  const states: SessionState[] = [...sessions]
    .sort((a, b) => a.startsAt - b.startsAt || byText(a.id, b.id))
    .map((session) => ({ session, free: freeSeats(session), formasi: new Set(session.occupants.map((o) => o.formasiId)) }));
  const placements: Placement[] = [];
  const unplaced: AllocationParticipant[] = [];
  const missing = new Map<string | null, number>();

  for (const group of groupsOf(participants)) {
    const candidates = group.venueId === null ? states : states.filter((s) => s.session.venueId === group.venueId);
    const waiting = [...group.members];
    while (waiting.length) {
      const target = chooseSession(candidates, group.formasiId, waiting.length);
      if (!target) break;
      for (const member of waiting.splice(0, Math.min(waiting.length, target.free.length))) {
        placements.push({ participantId: member.id, sessionId: target.session.id, seat: target.free.shift()! });
      }
      target.formasi.add(group.formasiId);
    }
    if (waiting.length) {
      unplaced.push(...waiting);
      missing.set(group.venueId, (missing.get(group.venueId) ?? 0) + waiting.length);
    }
  }
  return {
    placements,
    unplaced: unplaced.map((p) => p.registrationNumber).sort(byText),
    shortfalls: [...missing].map(([venueId, n]) => ({ venueId, participants: n })).sort((a, b) => byText(a.venueId ?? '', b.venueId ?? '')),
  };
}

export type SeatOptions = { readonly capacity: number; readonly taken: readonly number[]; readonly requested?: number | null | undefined };

/**
 * The seat for one participant moved into a session: the requested one when it exists and is free,
 * otherwise the lowest free seat. null when the requested seat is taken or out of range, or the
 * room is full.
 */
export function pickSeat({ capacity, taken, requested }: SeatOptions): number | null {
  const used = new Set(taken);
  if (requested !== undefined && requested !== null) {
    return Number.isInteger(requested) && requested >= 1 && requested <= capacity && !used.has(requested) ? requested : null;
  }
  for (let seat = 1; seat <= capacity; seat++) if (!used.has(seat)) return seat;
  return null;
}

// ---- Time and needs ------------------------------------------------------------------------------

export type DurationOptions = {
  readonly durationMinutes: number;
  /** The blueprint's extra minutes per named need, e.g. { tunanetra: 30 }. */
  readonly extraMinutes: Readonly<Record<string, number>>;
  readonly need: string | null;
};

/** An attempt's working time in seconds: the blueprint's duration plus the extra minutes of the participant's need. */
export function attemptDurationSeconds({ durationMinutes, extraMinutes, need }: DurationOptions): number {
  const extra = need && Object.hasOwn(extraMinutes, need) ? (extraMinutes[need] ?? 0) : 0;
  return Math.round((durationMinutes + extra) * 60);
}

export const BLIND_NEED = 'tunanetra';

/**
 * The need suggested from the applicant's declared disability: blind participants in disability
 * formations get the blueprint's extra time (domain rules §3: 130 instead of 100 minutes). The
 * panel confirms or changes it per participant.
 */
export function suggestedNeed(options: { readonly disability: string; readonly formasiKind: string }): string | null {
  if (options.formasiKind !== 'disabilitas') return null;
  return /netra|buta|low\s*vision|penglihatan/i.test(options.disability) ? BLIND_NEED : null;
}

/** A proctor opens a session at most this long before its start (the PIN is for the room, on the day). */
export const OPEN_WINDOW_MINUTES = 120;

export type SessionTimingOptions = { readonly startsAt: Date; readonly now: Date };

export function canOpenSession({ startsAt, now }: SessionTimingOptions): boolean {
  return startsAt.getTime() - now.getTime() <= OPEN_WINDOW_MINUTES * 60_000;
}

/** Incident time a proctor may add at once: up to two hours, in whole seconds. */
export const MAX_EXTRA_SECONDS = 2 * 3600;

/**
 * Until when a session occupies its room: its start plus the longest attempt it may hold (the
 * blueprint's duration plus its largest extra time) — two sessions in one room must not overlap.
 */
export function sessionRoomEnd(options: { readonly startsAt: Date; readonly durationMinutes: number; readonly extraMinutes: Readonly<Record<string, number>> }): Date {
  const extra = Math.max(0, ...Object.values(options.extraMinutes));
  return new Date(options.startsAt.getTime() + (options.durationMinutes + extra) * 60_000);
}
