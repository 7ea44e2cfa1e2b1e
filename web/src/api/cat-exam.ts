// Typed calls for the participant's CAT exam (check-in, start, paper, answers, events, finish,
// result) and the public live score board. Shapes come from core/schemas/cat-exam (types only).
import type { z } from 'zod';
import type { answerInput, attemptState, attemptSummary, liveScore, resultSchema, writeOutcome } from '../../../core/schemas/cat-exam';
import { api } from './client';

export type AttemptSummary = z.infer<typeof attemptSummary>;
export type MyAttempt = AttemptSummary & { sessionName: string | null; startsAt: string | null };
export type AttemptState = z.infer<typeof attemptState>;
export type PaperQuestion = NonNullable<AttemptState['paper']>[number];
export type StoredAnswer = AttemptState['answers'][number];
export type AnswerInput = z.input<typeof answerInput>;
export type WriteOutcome = z.infer<typeof writeOutcome>;
export type ExamResult = z.infer<typeof resultSchema>;
export type AttemptResult = { attempt: AttemptSummary; result: ExamResult | null };
export type LiveScore = z.infer<typeof liveScore>;

/** What the client may report for the proctor (the server ignores any other kind). */
export type ExamEventKind = 'focus_lost' | 'focus_back' | 'tab_hidden' | 'tab_visible' | 'offline' | 'online' | 'fullscreen_exit';
export type ExamEvent = { kind: ExamEventKind; at: string };

/** One board: exactly one of a session, a selection round or a venue. */
export type BoardScope = { session: string } | { selection: string } | { venue: string };

const enc = encodeURIComponent;
const attempt = (id: string) => `/api/cat/attempts/${enc(id)}`;

export const ANSWERS_PER_REQUEST = 200;
export const EVENTS_PER_REQUEST = 100;

export const catExamApi = {
  myAttempts: () => api.get<{ items: MyAttempt[] }>('/api/cat/my-attempts'),
  checkIn: (attemptId: string, pin: string) => api.post<AttemptState>(`${attempt(attemptId)}/check-in`, { pin }),
  start: (attemptId: string) => api.post<AttemptState>(`${attempt(attemptId)}/start`),
  state: (attemptId: string) => api.get<AttemptState>(attempt(attemptId)),
  saveAnswers: (attemptId: string, answers: AnswerInput[]) => api.post<{ results: WriteOutcome[] }>(`${attempt(attemptId)}/answers`, { answers }),
  recordEvents: (attemptId: string, events: ExamEvent[]) => api.post<void>(`${attempt(attemptId)}/events`, { events }),
  finish: (attemptId: string) => api.post<AttemptResult>(`${attempt(attemptId)}/finish`),
  result: (attemptId: string) => api.get<AttemptResult>(`${attempt(attemptId)}/result`),
  board: (scope: BoardScope) => api.get<{ items: LiveScore[]; total: number }>('/api/public/cat/board', { ...scope }),
  boardStreamUrl: (scope: BoardScope) => `/api/public/cat/board/stream?${new URLSearchParams(scope as Record<string, string>).toString()}`,
};

export const catExamKeys = {
  myAttempts: ['cat-exam', 'mine'] as const,
  state: (attemptId: string) => ['cat-exam', 'attempt', attemptId] as const,
  result: (attemptId: string) => ['cat-exam', 'result', attemptId] as const,
  board: (scope: BoardScope) => ['cat-board', scope] as const,
};

export const examPaths = {
  list: '/ujian',
  attempt: (attemptId: string) => `/ujian/${attemptId}`,
  board: (scope: BoardScope) => {
    if ('session' in scope) return `/papan-nilai?sesi=${enc(scope.session)}`;
    if ('selection' in scope) return `/papan-nilai?seleksi=${enc(scope.selection)}`;
    return `/papan-nilai?lokasi=${enc(scope.venue)}`;
  },
};
