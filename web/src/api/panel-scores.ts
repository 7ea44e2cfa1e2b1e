// Panel-scored components: typed calls and query keys. Shapes come from core/schemas/panel-scores.
import type {
  Assessor,
  AssessorKind,
  CandidateCorrectionsView,
  ComponentDetail,
  CreateComponentBody,
  MyAssignment,
  MyAssignmentDetail,
  PanelCandidate,
  PanelRound,
  UpdateComponentBody,
} from '../../../core/schemas/panel-scores';
import { api } from './client';

export type { Assessor, AssessorKind, CandidateCorrectionsView, ComponentDetail, MyAssignment, MyAssignmentDetail, PanelCandidate, PanelRound };
export { ASSESSOR_KIND_LABELS, REASON_MIN } from '../../../core/schemas/panel-scores';

const enc = encodeURIComponent;
const agency = (agencyId: string) => `/api/agencies/${enc(agencyId)}`;
const component = (agencyId: string, componentId: string) => `${agency(agencyId)}/panel-components/${enc(componentId)}`;
const candidate = (agencyId: string, componentId: string, applicationId: string) => `${component(agencyId, componentId)}/candidates/${enc(applicationId)}`;
const mine = (agencyId: string, assignmentId: string) => `${agency(agencyId)}/my-panel-assignments/${enc(assignmentId)}`;

export type ComponentParams = { q?: string; status?: string; page?: number; pageSize?: number };
export type Moderation = { action: 'reopen'; assignmentId: string; reason: string } | { action: 'confirm'; reason: string };
export type Declaration = { conflict: false } | { conflict: true; reason: string };

export const panelApi = {
  rounds: (agencyId: string) => api.get<{ items: PanelRound[] }>(`${agency(agencyId)}/panel-rounds`),
  create: (agencyId: string, selectionId: string, body: CreateComponentBody) =>
    api.post<{ component: { id: string; version: number } }>(`${agency(agencyId)}/selections/${enc(selectionId)}/panel-components`, body),
  component: (agencyId: string, componentId: string, params: ComponentParams = {}) => api.get<ComponentDetail>(component(agencyId, componentId), { ...params }),
  update: (agencyId: string, componentId: string, body: UpdateComponentBody) => api.put<{ component: { id: string; version: number } }>(component(agencyId, componentId), body),
  assign: (agencyId: string, componentId: string, applicationIds: string[], assessorIds: string[]) =>
    api.post<{ created: number }>(`${component(agencyId, componentId)}/assignments`, { applicationIds, assessorIds }),
  removeAssignment: (agencyId: string, assignmentId: string, reason: string) => api.post<{ ok: true }>(`${agency(agencyId)}/panel-assignments/${enc(assignmentId)}/remove`, { reason }),
  replaceAssignment: (agencyId: string, assignmentId: string, assessorId: string) =>
    api.post<{ assignment: { id: string } }>(`${agency(agencyId)}/panel-assignments/${enc(assignmentId)}/replace`, { assessorId }),
  absence: (agencyId: string, componentId: string, applicationId: string, absent: boolean, reason: string) =>
    api.post<{ ok: true }>(`${candidate(agencyId, componentId, applicationId)}/absence`, { absent, reason }),
  moderate: (agencyId: string, componentId: string, applicationId: string, body: Moderation) =>
    api.post<{ moderation: { id: string } }>(`${candidate(agencyId, componentId, applicationId)}/moderation`, body),
  exportUrl: (agencyId: string, componentId: string) => `${component(agencyId, componentId)}/export.xlsx`,
  corrections: (agencyId: string, componentId: string, applicationId: string) => api.get<{ candidate: CandidateCorrectionsView }>(`${candidate(agencyId, componentId, applicationId)}/corrections`),
  correct: (agencyId: string, componentId: string, applicationId: string, body: { score: number; reason: string }) =>
    api.post<{ candidate: CandidateCorrectionsView }>(`${candidate(agencyId, componentId, applicationId)}/correction`, body),
  lock: (agencyId: string, componentId: string) => api.post<{ hash: string; candidates: number }>(`${component(agencyId, componentId)}/lock`),
  assessors: (agencyId: string) => api.get<{ items: Assessor[] }>(`${agency(agencyId)}/panel-assessors`),
  inviteAssessor: (agencyId: string, body: { email: string; name: string; kind: AssessorKind; institution: string }) =>
    api.post<{ assessor: Assessor }>(`${agency(agencyId)}/panel-assessors`, body),
  setAssessorProfile: (agencyId: string, accountId: string, body: { kind: AssessorKind; institution: string }) =>
    api.put<{ assessor: Assessor }>(`${agency(agencyId)}/panel-assessors/${enc(accountId)}`, body),
  myAssignments: (agencyId: string) => api.get<{ items: MyAssignment[] }>(`${agency(agencyId)}/my-panel-assignments`),
  myAssignment: (agencyId: string, assignmentId: string) => api.get<MyAssignmentDetail>(mine(agencyId, assignmentId)),
  declare: (agencyId: string, assignmentId: string, body: Declaration) => api.post<MyAssignmentDetail>(`${mine(agencyId, assignmentId)}/declaration`, body),
  score: (agencyId: string, assignmentId: string, scores: Record<string, number>, note: string) => api.put<MyAssignmentDetail>(`${mine(agencyId, assignmentId)}/score`, { scores, note }),
};

export const panelKeys = {
  all: (agencyId: string) => ['panel', agencyId] as const,
  rounds: (agencyId: string) => ['panel', agencyId, 'rounds'] as const,
  component: (agencyId: string, componentId: string, params: ComponentParams = {}) => ['panel', agencyId, 'component', componentId, params] as const,
  assessors: (agencyId: string) => ['panel', agencyId, 'assessors'] as const,
  corrections: (agencyId: string, componentId: string, applicationId: string) => ['panel', agencyId, 'component', componentId, 'corrections', applicationId] as const,
  mine: (agencyId: string) => ['panel', agencyId, 'mine'] as const,
  myAssignment: (agencyId: string, assignmentId: string) => ['panel', agencyId, 'mine', assignmentId] as const,
};
