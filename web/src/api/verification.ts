// Administrative verification, the administrative result and objections (sanggah): typed calls and
// query keys. Shapes come from core/schemas, shared with the server.
import type { BulkResult, Progress, QueueFilters, QueueItem, QueuePage, VerificationReason, Workspace } from '../../../core/schemas/verification';
import type { ApplicantResult, ResultOverview, Sanggah, SanggahDetail } from '../../../core/schemas/sanggah';
import { api } from './client';
import type { Page } from './types';

export type { ApplicantResult, BulkResult, Progress, QueueFilters, QueueItem, QueuePage, ResultOverview, Sanggah, SanggahDetail, VerificationReason, Workspace };

const enc = encodeURIComponent;
const base = (agencyId: string) => `/api/agencies/${enc(agencyId)}/verification`;
const app = (agencyId: string, applicationId: string) => `${base(agencyId)}/applications/${enc(applicationId)}`;

export type QueueParams = {
  page?: number;
  pageSize?: number;
  q?: string;
  status?: string;
  assigned?: string;
  selectionId?: string;
  formasiId?: string;
  verifierId?: string;
  flagged?: string;
  awaitingConfirmation?: string;
};

export type CheckInput = { requirementKey: string; result: 'MS' | 'TMS'; reasonCode: string | null; reasonText: string };

export const verificationApi = {
  queue: (agencyId: string, params: QueueParams) => api.get<QueuePage>(`${base(agencyId)}/queue`, { ...params }),
  filters: (agencyId: string) => api.get<QueueFilters>(`${base(agencyId)}/filters`),
  progress: (agencyId: string, selectionId?: string) => api.get<Progress>(`${base(agencyId)}/progress`, { selectionId }),
  workspace: (agencyId: string, applicationId: string) => api.get<{ workspace: Workspace }>(app(agencyId, applicationId)),
  claim: (agencyId: string, applicationId: string) => api.post<{ workspace: Workspace }>(`${app(agencyId, applicationId)}/claim`),
  release: (agencyId: string, applicationId: string) => api.post<{ workspace: Workspace }>(`${app(agencyId, applicationId)}/release`),
  saveChecks: (agencyId: string, applicationId: string, checks: CheckInput[]) => api.put<{ workspace: Workspace }>(`${app(agencyId, applicationId)}/checks`, { checks }),
  confirm: (agencyId: string, applicationId: string, requirementKeys: string[]) =>
    api.post<{ workspace: Workspace }>(`${app(agencyId, applicationId)}/confirm`, { requirementKeys }),
  decide: (agencyId: string, applicationId: string, decision: 'ms' | 'tms') => api.post<{ workspace: Workspace }>(`${app(agencyId, applicationId)}/decision`, { decision }),
  reopen: (agencyId: string, applicationId: string, reason: string) => api.post<{ workspace: Workspace }>(`${app(agencyId, applicationId)}/reopen`, { reason }),
  assign: (agencyId: string, applicationIds: string[], verifierId: string | null) => api.post<BulkResult>(`${base(agencyId)}/assign`, { applicationIds, verifierId }),
  decideMs: (agencyId: string, applicationIds: string[]) => api.post<BulkResult>(`${base(agencyId)}/decide-ms`, { applicationIds }),
  reasons: (agencyId: string) => api.get<{ items: VerificationReason[] }>(`${base(agencyId)}/reasons`),
  createReason: (agencyId: string, body: { code: string; label: string }) => api.post<{ reason: VerificationReason }>(`${base(agencyId)}/reasons`, body),
  updateReason: (agencyId: string, reasonId: string, body: { label?: string; active?: boolean }) =>
    api.patch<{ reason: VerificationReason }>(`${base(agencyId)}/reasons/${enc(reasonId)}`, body),
};

const resultBase = (agencyId: string, selectionId: string) => `/api/agencies/${enc(agencyId)}/selections/${enc(selectionId)}/administrative-result`;

export type SanggahListParams = { page?: number; pageSize?: number; q?: string; status?: string; selectionId?: string };

export const resultApi = {
  list: (agencyId: string) => api.get<{ items: ResultOverview[] }>(`/api/agencies/${enc(agencyId)}/administrative-results`),
  get: (agencyId: string, selectionId: string) => api.get<{ result: ResultOverview }>(resultBase(agencyId, selectionId)),
  publish: (agencyId: string, selectionId: string, note: string) => api.post<{ result: ResultOverview }>(`${resultBase(agencyId, selectionId)}/publish`, { note }),
  publishPostObjection: (agencyId: string, selectionId: string, note: string) =>
    api.post<{ result: ResultOverview }>(`${resultBase(agencyId, selectionId)}/publish-post-objection`, { note }),
};

export const sanggahApi = {
  list: (agencyId: string, params: SanggahListParams) => api.get<Page<Sanggah>>(`/api/agencies/${enc(agencyId)}/sanggah`, { ...params }),
  get: (agencyId: string, sanggahId: string) => api.get<{ detail: SanggahDetail }>(`/api/agencies/${enc(agencyId)}/sanggah/${enc(sanggahId)}`),
  accept: (agencyId: string, sanggahId: string, answer: string) => api.post<{ detail: SanggahDetail }>(`/api/agencies/${enc(agencyId)}/sanggah/${enc(sanggahId)}/accept`, { answer }),
  reject: (agencyId: string, sanggahId: string, answer: string) => api.post<{ detail: SanggahDetail }>(`/api/agencies/${enc(agencyId)}/sanggah/${enc(sanggahId)}/reject`, { answer }),
  applicantResult: (applicationId: string) => api.get<{ result: ApplicantResult }>(`/api/applicant/applications/${enc(applicationId)}/result`),
  file: (applicationId: string, body: { reason: string; requirementKeys: string[] }) =>
    api.post<{ result: ApplicantResult }>(`/api/applicant/applications/${enc(applicationId)}/sanggah`, body),
};

export const verificationKeys = {
  queue: (agencyId: string, params: QueueParams) => ['verification', agencyId, 'queue', params] as const,
  all: (agencyId: string) => ['verification', agencyId] as const,
  filters: (agencyId: string) => ['verification', agencyId, 'filters'] as const,
  progress: (agencyId: string, selectionId: string) => ['verification', agencyId, 'progress', selectionId] as const,
  workspace: (agencyId: string, applicationId: string) => ['verification', agencyId, 'workspace', applicationId] as const,
  reasons: (agencyId: string) => ['verification', agencyId, 'reasons'] as const,
  results: (agencyId: string) => ['results', agencyId] as const,
  sanggahList: (agencyId: string, params: SanggahListParams) => ['sanggah', agencyId, 'list', params] as const,
  sanggahAll: (agencyId: string) => ['sanggah', agencyId] as const,
  sanggah: (agencyId: string, sanggahId: string) => ['sanggah', agencyId, sanggahId] as const,
  applicantResult: (applicationId: string) => ['applicant-result', applicationId] as const,
};
