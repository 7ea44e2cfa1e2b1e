// Typed calls for CAT venues, sessions, allocation, the proctor console and the applicant's exam
// card. Shapes come from core/schemas/cat-sessions (types only).
import type {
  CatAllocation,
  CatSession,
  CatStage,
  CatVenue,
  OwnCat,
  ProctorConsole,
  PublicExamCard,
  RoomBody,
  SessionBody,
  SessionUpdateBody,
  VenueBody,
} from '../../../core/schemas/cat-sessions';
import { api } from './client';

export type { AllocatedParticipant, CatAllocation, CatRoom, CatSession, CatStage, CatVenue, ConsoleParticipant, OwnCat, ProctorConsole, PublicExamCard } from '../../../core/schemas/cat-sessions';
export {
  ATTEMPT_EVENT_LABELS,
  ATTEMPT_STATUS_LABELS,
  CAT_SESSION_LIMITS,
  SESSION_STATUS_LABELS,
  WARNING_EVENT_KINDS,
} from '../../../core/schemas/cat-sessions';

const enc = encodeURIComponent;
const cat = (agencyId: string) => `/api/agencies/${enc(agencyId)}/cat`;

/** A participant's CAT result as the panel sees it (server/modules/cat-results). */
export type CatResultView = {
  attemptId: string;
  registrationNumber: string;
  participantName: string;
  scores: Record<string, number>;
  total: number;
  passed: boolean;
  passReasons: string[];
  answerSheetHash: string;
  resultHash: string;
  scoredAt: string;
  original: { scores?: Record<string, number>; total?: number; passed?: boolean; resultHash?: string; scoredAt?: string } | null;
};

export type AttemptEvent = { id: number; kind: string; detail: Record<string, unknown>; at: string };
export type Pin = { pin: string; revealedAt: string };
export type AllocationRun = { placed: number; papers: number; removed: number; allocation: CatAllocation };

export const catSessionsApi = {
  venues: (agencyId: string) => api.get<{ items: CatVenue[] }>(`${cat(agencyId)}/venues`),
  createVenue: (agencyId: string, body: VenueBody) => api.post<{ venue: CatVenue }>(`${cat(agencyId)}/venues`, body),
  updateVenue: (agencyId: string, venueId: string, body: VenueBody) => api.put<{ venue: CatVenue }>(`${cat(agencyId)}/venues/${enc(venueId)}`, body),
  deleteVenue: (agencyId: string, venueId: string) => api.delete(`${cat(agencyId)}/venues/${enc(venueId)}`),
  createRoom: (agencyId: string, venueId: string, body: RoomBody) => api.post<{ venue: CatVenue }>(`${cat(agencyId)}/venues/${enc(venueId)}/rooms`, body),
  updateRoom: (agencyId: string, roomId: string, body: RoomBody) => api.put<{ venue: CatVenue }>(`${cat(agencyId)}/rooms/${enc(roomId)}`, body),
  deleteRoom: (agencyId: string, roomId: string) => api.delete(`${cat(agencyId)}/rooms/${enc(roomId)}`),

  stages: (agencyId: string) => api.get<{ items: CatStage[] }>(`${cat(agencyId)}/stages`),
  sessions: (agencyId: string, query: { blueprintId?: string } = {}) => api.get<{ items: CatSession[] }>(`${cat(agencyId)}/sessions`, query),
  session: (agencyId: string, sessionId: string) => api.get<{ session: CatSession }>(`${cat(agencyId)}/sessions/${enc(sessionId)}`),
  createSession: (agencyId: string, body: SessionBody) => api.post<{ session: CatSession }>(`${cat(agencyId)}/sessions`, body),
  updateSession: (agencyId: string, sessionId: string, body: SessionUpdateBody) => api.put<{ session: CatSession }>(`${cat(agencyId)}/sessions/${enc(sessionId)}`, body),
  deleteSession: (agencyId: string, sessionId: string) => api.delete(`${cat(agencyId)}/sessions/${enc(sessionId)}`),

  allocation: (agencyId: string, blueprintId: string) => api.get<{ allocation: CatAllocation }>(`${cat(agencyId)}/allocations/${enc(blueprintId)}`),
  allocate: (agencyId: string, blueprintId: string, reset: boolean) => api.post<AllocationRun>(`${cat(agencyId)}/allocations/${enc(blueprintId)}`, { reset }),
  setNeed: (agencyId: string, attemptId: string, need: string | null) =>
    api.put<{ need: string | null; durationSeconds: number }>(`${cat(agencyId)}/attempts/${enc(attemptId)}/need`, { need }),
  move: (agencyId: string, attemptId: string, body: { sessionId: string; seat?: number; reason: string }) =>
    api.post<{ sessionId: string; seat: number }>(`${cat(agencyId)}/attempts/${enc(attemptId)}/move`, body),
  listPdfUrl: (agencyId: string, sessionId: string) => `${cat(agencyId)}/sessions/${enc(sessionId)}/list.pdf`,
  listXlsxUrl: (agencyId: string, sessionId: string) => `${cat(agencyId)}/sessions/${enc(sessionId)}/list.xlsx`,

  console: (agencyId: string, sessionId: string) => api.get<ProctorConsole>(`${cat(agencyId)}/sessions/${enc(sessionId)}/console`),
  result: (agencyId: string, attemptId: string) => api.get<{ result: CatResultView }>(`${cat(agencyId)}/results/${enc(attemptId)}`),
  correctResult: (agencyId: string, attemptId: string, body: { scores: Record<string, number>; reason: string }) =>
    api.post<{ result: CatResultView }>(`${cat(agencyId)}/results/${enc(attemptId)}/correction`, body),
  open: (agencyId: string, sessionId: string) => api.post<Pin>(`${cat(agencyId)}/sessions/${enc(sessionId)}/open`),
  newPin: (agencyId: string, sessionId: string) => api.post<Pin>(`${cat(agencyId)}/sessions/${enc(sessionId)}/pin`),
  confirmIdentity: (agencyId: string, sessionId: string, body: { attemptIds: string[] } | { all: true }) =>
    api.post<{ changed: number }>(`${cat(agencyId)}/sessions/${enc(sessionId)}/identity`, body),
  addTime: (agencyId: string, sessionId: string, body: { attemptIds?: string[]; seconds: number; reason: string }) =>
    api.post<{ changed: number }>(`${cat(agencyId)}/sessions/${enc(sessionId)}/extra-time`, body),
  resetDevice: (agencyId: string, sessionId: string, attemptId: string, reason: string) =>
    api.post<{ changed: number }>(`${cat(agencyId)}/sessions/${enc(sessionId)}/attempts/${enc(attemptId)}/device-reset`, { reason }),
  events: (agencyId: string, sessionId: string, attemptId: string) =>
    api.get<{ items: AttemptEvent[] }>(`${cat(agencyId)}/sessions/${enc(sessionId)}/attempts/${enc(attemptId)}/events`),
  close: (agencyId: string, sessionId: string) => api.post<{ absent: number; stillRunning: number }>(`${cat(agencyId)}/sessions/${enc(sessionId)}/close`),

  ownCat: () => api.get<{ items: OwnCat[] }>('/api/applicant/cat'),
  chooseVenue: (applicationId: string, venueId: string | null) => api.put<void>(`/api/applicant/applications/${enc(applicationId)}/cat-venue`, { venueId }),
  cardUrl: (attemptId: string) => `/api/applicant/cat/attempts/${enc(attemptId)}/card.pdf`,
  publicCard: (attemptId: string, token: string) => api.get<PublicExamCard>(`/api/public/cat-cards/${enc(attemptId)}`, { t: token }),
};

export const catKeys = {
  all: (agencyId: string) => ['cat-sessions', agencyId] as const,
  venues: (agencyId: string) => ['cat-sessions', agencyId, 'venues'] as const,
  stages: (agencyId: string) => ['cat-sessions', agencyId, 'stages'] as const,
  sessions: (agencyId: string, blueprintId: string) => ['cat-sessions', agencyId, 'sessions', blueprintId] as const,
  allocation: (agencyId: string, blueprintId: string) => ['cat-sessions', agencyId, 'allocation', blueprintId] as const,
  console: (agencyId: string, sessionId: string) => ['cat-sessions', agencyId, 'console', sessionId] as const,
  events: (agencyId: string, sessionId: string, attemptId: string) => ['cat-sessions', agencyId, 'events', sessionId, attemptId] as const,
  result: (agencyId: string, attemptId: string) => ['cat-sessions', agencyId, 'result', attemptId] as const,
  own: ['applicant', 'cat'] as const,
};

export type NeedOption = { value: string; label: string };

/** Needs a participant can be given: none, or one the blueprint adds time for. */
export function needOptions(extraMinutes: Record<string, number>): NeedOption[] {
  return [{ value: '', label: 'Tidak ada' }, ...Object.entries(extraMinutes).map(([key, minutes]) => ({ value: key, label: `${needLabel(key)} (+${minutes} menit)` }))];
}

export function needLabel(need: string): string {
  return need === 'tunanetra' ? 'Tunanetra' : need.replaceAll('_', ' ');
}
