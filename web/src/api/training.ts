// Typed calls for training: catalogue, classes, enrolments, attendance and scores, surveys,
// certificates and the new ASN's feedback. Shapes come from core/schemas (types only).
import type {
  AsnFeedbackStage,
  AsnFeedbackSummary,
  AttendanceStatus,
  CertificateCheck,
  Enrolment,
  Meeting,
  PendingSurvey,
  Programme,
  ProgrammeBodyInput,
  ProgrammeDetail,
  RosterEntry,
  SessionDetail,
  TrainingSession,
} from '../../../core/schemas/training';
import type { Employee } from '../../../core/schemas/employees';
import { api, type QueryValue } from './client';
import type { Page } from './types';

export type {
  AsnFeedbackSummary,
  AttendanceStatus,
  CertificateCheck,
  Enrolment,
  EnrolmentStatus,
  Meeting,
  PendingSurvey,
  Programme,
  ProgrammeDetail,
  ProgrammeStats,
  RosterEntry,
  SessionDetail,
  SurveySummaryView,
  TrainingSession,
} from '../../../core/schemas/training';

const enc = encodeURIComponent;
const base = (agencyId: string) => `/api/agencies/${enc(agencyId)}/training`;

export type SessionInput = { name: string; trainerAccountId: string | null; venue: string; onlineUrl: string; capacity: number };
export type MeetingInput = { startsAt: string; endsAt: string; topic: string };
export type ListQuery = Record<string, QueryValue>;
export type MyEnrolment = Enrolment & { agencyId: string; agencyName: string };

export const trainingApi = {
  programmes: (agencyId: string, query: ListQuery) => api.get<Page<Programme>>(`${base(agencyId)}/programmes`, query),
  programme: (agencyId: string, programmeId: string) => api.get<ProgrammeDetail>(`${base(agencyId)}/programmes/${enc(programmeId)}`),
  createProgramme: (agencyId: string, body: ProgrammeBodyInput) => api.post<{ programme: Programme }>(`${base(agencyId)}/programmes`, body),
  updateProgramme: (agencyId: string, programmeId: string, body: ProgrammeBodyInput) => api.put<{ programme: Programme }>(`${base(agencyId)}/programmes/${enc(programmeId)}`, body),

  sessions: (agencyId: string, query: ListQuery) => api.get<Page<TrainingSession>>(`${base(agencyId)}/sessions`, query),
  session: (agencyId: string, sessionId: string) => api.get<SessionDetail>(`${base(agencyId)}/sessions/${enc(sessionId)}`),
  createSession: (agencyId: string, body: SessionInput & { programmeId: string }) => api.post<{ session: TrainingSession }>(`${base(agencyId)}/sessions`, body),
  updateSession: (agencyId: string, sessionId: string, body: SessionInput) => api.put<{ session: TrainingSession }>(`${base(agencyId)}/sessions/${enc(sessionId)}`, body),
  addMeeting: (agencyId: string, sessionId: string, body: MeetingInput) => api.post<{ meeting: Meeting }>(`${base(agencyId)}/sessions/${enc(sessionId)}/meetings`, body),
  updateMeeting: (agencyId: string, sessionId: string, meetingId: string, body: MeetingInput) =>
    api.put<{ meeting: Meeting }>(`${base(agencyId)}/sessions/${enc(sessionId)}/meetings/${enc(meetingId)}`, body),
  deleteMeeting: (agencyId: string, sessionId: string, meetingId: string) => api.delete(`${base(agencyId)}/sessions/${enc(sessionId)}/meetings/${enc(meetingId)}`),
  attendance: (agencyId: string, sessionId: string, body: { meetingId: string; entries: Array<{ enrolmentId: string; status: AttendanceStatus }> }) =>
    api.put<{ roster: RosterEntry[] }>(`${base(agencyId)}/sessions/${enc(sessionId)}/attendance`, body),
  scores: (agencyId: string, sessionId: string, entries: Array<{ enrolmentId: string; preTest: number | null; postTest: number | null }>) =>
    api.put<{ roster: RosterEntry[] }>(`${base(agencyId)}/sessions/${enc(sessionId)}/scores`, { entries }),
  close: (agencyId: string, sessionId: string) => api.post<{ result: { participants: number; completed: number; notCompleted: number } }>(`${base(agencyId)}/sessions/${enc(sessionId)}/close`),
  reopen: (agencyId: string, sessionId: string, note: string) => api.post<{ session: TrainingSession }>(`${base(agencyId)}/sessions/${enc(sessionId)}/reopen`, { note }),
  trainers: (agencyId: string) => api.get<{ items: Array<{ accountId: string; name: string; email: string }> }>(`${base(agencyId)}/trainers`),

  enrolments: (agencyId: string, query: ListQuery) => api.get<Page<Enrolment>>(`${base(agencyId)}/enrolments`, query),
  enrol: (agencyId: string, body: { programmeId: string; sessionId: string | null; employeeId?: string; applicationId?: string; reason: string }) =>
    api.post<{ enrolment: Enrolment }>(`${base(agencyId)}/enrolments`, body),
  enrolCandidates: (agencyId: string, body: { programmeId: string; sessionId: string | null; selectionId: string }) =>
    api.post<{ enrolled: number; already: number }>(`${base(agencyId)}/enrolments/candidates`, body),
  request: (agencyId: string, body: { programmeId: string; sessionId: string | null; reason: string }) => api.post<{ enrolment: Enrolment }>(`${base(agencyId)}/requests`, body),
  approve: (agencyId: string, enrolmentId: string, body: { sessionId: string | null; note: string }) => api.post<{ enrolment: Enrolment }>(`${base(agencyId)}/enrolments/${enc(enrolmentId)}/approve`, body),
  reject: (agencyId: string, enrolmentId: string, note: string) => api.post<{ enrolment: Enrolment }>(`${base(agencyId)}/enrolments/${enc(enrolmentId)}/reject`, { note }),
  place: (agencyId: string, enrolmentId: string, sessionId: string) => api.post<{ enrolment: Enrolment }>(`${base(agencyId)}/enrolments/${enc(enrolmentId)}/place`, { sessionId }),
  cancel: (agencyId: string, enrolmentId: string, note: string) => api.post<{ enrolment: Enrolment }>(`${base(agencyId)}/enrolments/${enc(enrolmentId)}/cancel`, { note }),
  react: (agencyId: string, enrolmentId: string, body: { answers: Record<string, number>; comment: string }) => api.post<{ ok: true }>(`${base(agencyId)}/enrolments/${enc(enrolmentId)}/reaction`, body),
  certificateUrl: (agencyId: string, enrolmentId: string) => `${base(agencyId)}/enrolments/${enc(enrolmentId)}/certificate.pdf`,
  ofEmployee: (agencyId: string, employeeId: string) => api.get<{ items: Enrolment[] }>(`${base(agencyId)}/employees/${enc(employeeId)}/enrolments`),
  myStaff: (agencyId: string) => api.get<{ staff: Employee[]; enrolments: Enrolment[] }>(`${base(agencyId)}/my-staff`),
  mine: () => api.get<{ items: MyEnrolment[] }>('/api/me/training'),

  pendingSurveys: () => api.get<{ items: PendingSurvey[] }>('/api/me/asn-surveys'),
  submitAsnFeedback: (agencyId: string, body: { stage: AsnFeedbackStage; answers: Record<string, number>; comment: string }) => api.post<{ ok: true }>(`/api/agencies/${enc(agencyId)}/asn-feedback`, body),
  asnFeedback: (agencyId: string, selectionId: string) => api.get<AsnFeedbackSummary>(`/api/agencies/${enc(agencyId)}/selections/${enc(selectionId)}/asn-feedback`),
  checkCertificate: (number: string, token: string) => api.get<{ certificate: CertificateCheck }>(`/api/public/training/certificates/${enc(number)}`, { t: token }),
};

export const trainingKeys = {
  all: (agencyId: string) => ['training', agencyId] as const,
  programmes: (agencyId: string, query: ListQuery) => ['training', agencyId, 'programmes', query] as const,
  programme: (agencyId: string, programmeId: string) => ['training', agencyId, 'programme', programmeId] as const,
  sessions: (agencyId: string, query: ListQuery) => ['training', agencyId, 'sessions', query] as const,
  session: (agencyId: string, sessionId: string) => ['training', agencyId, 'session', sessionId] as const,
  enrolments: (agencyId: string, query: ListQuery) => ['training', agencyId, 'enrolments', query] as const,
  ofEmployee: (agencyId: string, employeeId: string) => ['training', agencyId, 'employee', employeeId] as const,
  myStaff: (agencyId: string) => ['training', agencyId, 'my-staff'] as const,
  trainers: (agencyId: string) => ['training', agencyId, 'trainers'] as const,
  mine: ['training', 'mine'] as const,
  pendingSurveys: ['training', 'asn-surveys'] as const,
  asnFeedback: (agencyId: string, selectionId: string) => ['training', agencyId, 'asn-feedback', selectionId] as const,
};
