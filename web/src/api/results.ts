// Final results: integration and ranking, publication, objections, optimisation, integrity proof,
// the applicant's result and the public check. Shapes come from core/schemas/results, shared with the server.
import type {
  ApplicantFinalResult,
  FinalObjection,
  FinalOverview,
  ListView,
  OptimisationView,
  PublicResultCheck,
  RankingLine,
  RankingPage,
  VerificationReport,
} from '../../../core/schemas/results';
import { api } from './client';
import type { Page } from './types';

export type { ApplicantFinalResult, FinalObjection, FinalOverview, ListView, OptimisationView, PublicResultCheck, RankingLine, RankingPage, VerificationReport };

const enc = encodeURIComponent;
const round = (agencyId: string, selectionId: string) => `/api/agencies/${enc(agencyId)}/selections/${enc(selectionId)}`;
const base = (agencyId: string, selectionId: string) => `${round(agencyId, selectionId)}/final-result`;

export type RankingParams = { list: ListView; formasiId?: string; status?: string; q?: string; page?: number; pageSize?: number };
export type ObjectionParams = { page?: number; pageSize?: number; q?: string; status?: string; selectionId?: string };
export type RoundSummary = { id: string; name: string; type: string; year: number; published: 'belum' | 'akhir' | 'akhir_pasca_sanggah'; publishedAt: string | null };
export type Disqualification = { applicationId: string; registrationNumber: string; name: string; reason: string; createdAt: string; createdBy: string | null };
export type MyOffer = ApplicantFinalResult['offer'] & { selectionName: string; applicationId: string; agencyTimezone: string };

export const resultsApi = {
  rounds: (agencyId: string) => api.get<{ items: RoundSummary[] }>(`/api/agencies/${enc(agencyId)}/final-results`),
  overview: (agencyId: string, selectionId: string) => api.get<{ result: FinalOverview }>(base(agencyId, selectionId)),
  ranking: (agencyId: string, selectionId: string, params: RankingParams) => api.get<RankingPage>(`${base(agencyId, selectionId)}/ranking`, { ...params }),
  publish: (agencyId: string, selectionId: string, note: string) => api.post<{ result: FinalOverview }>(`${base(agencyId, selectionId)}/publish`, { note }),
  publishPostObjection: (agencyId: string, selectionId: string, note: string) => api.post<{ result: FinalOverview }>(`${base(agencyId, selectionId)}/publish-post-objection`, { note }),
  disqualifications: (agencyId: string, selectionId: string) => api.get<{ items: Disqualification[] }>(`${base(agencyId, selectionId)}/disqualifications`),
  disqualify: (agencyId: string, selectionId: string, body: { applicationId: string; reason: string }) => api.post<{ items: Disqualification[] }>(`${base(agencyId, selectionId)}/disqualifications`, body),
  undoDisqualification: (agencyId: string, selectionId: string, applicationId: string, reason: string) =>
    api.post<{ items: Disqualification[] }>(`${base(agencyId, selectionId)}/disqualifications/${enc(applicationId)}/undo`, { reason }),
  appointedUrl: (agencyId: string, selectionId: string) => `${base(agencyId, selectionId)}/appointed.xlsx`,
  verify: (agencyId: string, selectionId: string) => api.get<{ report: VerificationReport }>(`${base(agencyId, selectionId)}/verification`),
  optimisation: (agencyId: string, selectionId: string) => api.get<OptimisationView>(`${round(agencyId, selectionId)}/optimisation`),
  startOptimisation: (agencyId: string, selectionId: string, offerDays: number) => api.post<OptimisationView>(`${round(agencyId, selectionId)}/optimisation/start`, { offerDays }),
  objections: (agencyId: string, params: ObjectionParams) => api.get<Page<FinalObjection>>(`/api/agencies/${enc(agencyId)}/final-objections`, { ...params }),
  objection: (agencyId: string, objectionId: string) => api.get<{ objection: FinalObjection; can: { answer: boolean } }>(`/api/agencies/${enc(agencyId)}/final-objections/${enc(objectionId)}`),
  answer: (agencyId: string, objectionId: string, accept: boolean, answer: string) =>
    api.post<{ objection: FinalObjection; can: { answer: boolean } }>(`/api/agencies/${enc(agencyId)}/final-objections/${enc(objectionId)}/${accept ? 'accept' : 'reject'}`, { answer }),
  mine: (applicationId: string) => api.get<{ result: ApplicantFinalResult }>(`/api/applicant/applications/${enc(applicationId)}/final-result`),
  object: (applicationId: string, body: { item: string; claimedValue: number | string; reason: string }) =>
    api.post<{ result: ApplicantFinalResult }>(`/api/applicant/applications/${enc(applicationId)}/final-objection`, body),
  letterUrl: (applicationId: string) => `/api/applicant/applications/${enc(applicationId)}/final-result/letter`,
  myOffers: () => api.get<{ items: MyOffer[] }>('/api/applicant/optimisation-offers'),
  decideOffer: (offerId: string, accept: boolean) => api.post<{ items: MyOffer[] }>(`/api/applicant/optimisation-offers/${enc(offerId)}/${accept ? 'accept' : 'decline'}`),
  publicCheck: (code: string) => api.get<{ check: PublicResultCheck }>(`/api/public/final-results/${enc(code)}`),
};

export const resultsKeys = {
  rounds: (agencyId: string) => ['final-results', agencyId] as const,
  overview: (agencyId: string, selectionId: string) => ['final-results', agencyId, selectionId] as const,
  ranking: (agencyId: string, selectionId: string, params: RankingParams) => ['final-results', agencyId, selectionId, 'ranking', params] as const,
  disqualifications: (agencyId: string, selectionId: string) => ['final-results', agencyId, selectionId, 'disqualifications'] as const,
  verify: (agencyId: string, selectionId: string) => ['final-results', agencyId, selectionId, 'verify'] as const,
  optimisation: (agencyId: string, selectionId: string) => ['final-results', agencyId, selectionId, 'optimisation'] as const,
  objections: (agencyId: string, params: ObjectionParams) => ['final-objections', agencyId, params] as const,
  objectionsAll: (agencyId: string) => ['final-objections', agencyId] as const,
  objection: (agencyId: string, objectionId: string) => ['final-objections', agencyId, objectionId] as const,
  mine: (applicationId: string) => ['final-result', applicationId] as const,
  myOffers: () => ['optimisation-offers'] as const,
  publicCheck: (code: string) => ['final-result-check', code] as const,
};
