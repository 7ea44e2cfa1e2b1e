// Typed calls for the performance evaluation: periods, plans, ratings, notes, peer and public
// input, desk links and development recommendations. Shapes come from core/schemas (types only).
import type {
  DeskLink,
  EvaluationHistory,
  EvaluationPeriod,
  EvaluationPeriodDetail,
  EvaluationPeriodListItem,
  MyEvaluation,
  MyStaff,
  PlanDetail,
  PlanListItem,
  PublicDesk,
  PublicFeedbackReport,
  Recommendation,
} from '../../../core/schemas/evaluation';
import { api, uploadFile, type QueryValue } from './client';
import type { Page } from './types';

export type { DeskLink, EvaluationHistory, EvaluationPeriod, EvaluationPeriodDetail, EvaluationPeriodListItem, MyEvaluation, MyStaff, PlanDetail, PlanListItem, PublicDesk, PublicFeedbackReport, Recommendation };

const enc = encodeURIComponent;
const base = (agencyId: string) => `/api/agencies/${enc(agencyId)}/evaluation`;
const plan = (agencyId: string, planId: string) => `${base(agencyId)}/plans/${enc(planId)}`;

type Rating = 'di_atas' | 'sesuai' | 'di_bawah';
export type PlanItemsInput = { items: Array<{ title: string; indicators: Array<{ name: string; target: number; unit: string }> }> };
export type RatingInput = {
  items: Array<{ itemId: string; rating: Rating }>;
  resultsRating: Rating;
  behaviours: Record<string, Rating>;
  behaviourRating: Rating;
  note: string;
  competency?: string | null;
};
export type PeriodChanges = { organisationRating?: string | null; publicThreshold?: number; publicMinResponses?: number; bounds?: Record<string, number> };

export const evaluationApi = {
  periods: (agencyId: string) => api.get<{ items: EvaluationPeriodListItem[] }>(`${base(agencyId)}/periods`),
  createPeriod: (agencyId: string, body: { kind: string; year: number; quarter?: number | null }) => api.post<{ period: EvaluationPeriod }>(`${base(agencyId)}/periods`, body),
  period: (agencyId: string, periodId: string) => api.get<EvaluationPeriodDetail>(`${base(agencyId)}/periods/${enc(periodId)}`),
  updatePeriod: (agencyId: string, periodId: string, body: PeriodChanges) => api.patch<{ period: EvaluationPeriod }>(`${base(agencyId)}/periods/${enc(periodId)}`, body),
  finalise: (agencyId: string, periodId: string) => api.post<EvaluationPeriodDetail>(`${base(agencyId)}/periods/${enc(periodId)}/finalise`),
  periodPlans: (agencyId: string, periodId: string, query: Record<string, QueryValue>) => api.get<Page<PlanListItem>>(`${base(agencyId)}/periods/${enc(periodId)}/plans`, query),
  publicFeedback: (agencyId: string, periodId: string) => api.get<PublicFeedbackReport>(`${base(agencyId)}/periods/${enc(periodId)}/public-feedback`),
  startPlan: (agencyId: string, periodId: string) => api.post<PlanDetail>(`${base(agencyId)}/periods/${enc(periodId)}/plans/mine`),

  plan: (agencyId: string, planId: string) => api.get<PlanDetail>(plan(agencyId, planId)),
  saveItems: (agencyId: string, planId: string, body: PlanItemsInput) => api.put<PlanDetail>(`${plan(agencyId, planId)}/items`, body),
  submit: (agencyId: string, planId: string) => api.post<PlanDetail>(`${plan(agencyId, planId)}/submit`),
  agree: (agencyId: string, planId: string) => api.post<PlanDetail>(`${plan(agencyId, planId)}/agree`),
  returnPlan: (agencyId: string, planId: string, note: string) => api.post<PlanDetail>(`${plan(agencyId, planId)}/return`, { note }),
  realise: (agencyId: string, planId: string, indicators: Array<{ indicatorId: string; realised: number | null; note: string }>) => api.put<PlanDetail>(`${plan(agencyId, planId)}/realisation`, { indicators }),
  uploadEvidence: (agencyId: string, planId: string, itemId: string, file: File, title: string) =>
    uploadFile<PlanDetail>(`${plan(agencyId, planId)}/items/${enc(itemId)}/evidence`, file, { method: 'POST', fields: title ? { title } : {} }),
  rate: (agencyId: string, planId: string, body: RatingInput) => api.put<{ detail: PlanDetail; warning: string | null }>(`${plan(agencyId, planId)}/rating`, body),
  note: (agencyId: string, planId: string, body: string) => api.post<PlanDetail>(`${plan(agencyId, planId)}/notes`, { body }),
  peerFeedback: (agencyId: string, planId: string, body: { behaviours: Record<string, Rating>; body: string }) => api.put<{ ok: true }>(`${plan(agencyId, planId)}/peer-feedback`, body),

  me: (agencyId: string) => api.get<MyEvaluation>(`${base(agencyId)}/me`),
  myStaff: (agencyId: string, periodId?: string) => api.get<MyStaff>(`${base(agencyId)}/my-staff`, { periodId }),
  history: (agencyId: string, employeeId: string) => api.get<EvaluationHistory>(`${base(agencyId)}/employees/${enc(employeeId)}/history`),
  recommendations: (agencyId: string, query: Record<string, QueryValue>) => api.get<Page<Recommendation>>(`${base(agencyId)}/recommendations`, query),
  retryRecommendation: (agencyId: string, recommendationId: string) => api.post<{ ok: true }>(`${base(agencyId)}/recommendations/${enc(recommendationId)}/retry`),

  deskLinks: (agencyId: string, query: { unitId?: string; employeeId?: string } = {}) => api.get<{ items: DeskLink[] }>(`${base(agencyId)}/desk-links`, query),
  createDeskLink: (agencyId: string, body: { unitId: string; employeeId?: string | null; label: string }) => api.post<{ link: DeskLink }>(`${base(agencyId)}/desk-links`, body),
  updateDeskLink: (agencyId: string, linkId: string, body: { active?: boolean; label?: string }) => api.patch<{ link: DeskLink }>(`${base(agencyId)}/desk-links/${enc(linkId)}`, body),
};

export const publicDeskApi = {
  desk: (code: string) => api.get<{ desk: PublicDesk }>(`/api/public/evaluation/desks/${enc(code)}`),
  rate: (code: string, body: { score: number; comment: string; website: string; clientToken: string }) => api.post<{ message: string }>(`/api/public/evaluation/desks/${enc(code)}/feedback`, body),
};

export const evaluationKeys = {
  all: ['evaluation'] as const,
  periods: (agencyId: string) => ['evaluation', agencyId, 'periods'] as const,
  period: (agencyId: string, periodId: string) => ['evaluation', agencyId, 'period', periodId] as const,
  periodPlans: (agencyId: string, periodId: string, query: Record<string, QueryValue>) => ['evaluation', agencyId, 'period', periodId, 'plans', query] as const,
  publicFeedback: (agencyId: string, periodId: string) => ['evaluation', agencyId, 'period', periodId, 'public'] as const,
  plan: (agencyId: string, planId: string) => ['evaluation', agencyId, 'plan', planId] as const,
  me: (agencyId: string) => ['evaluation', agencyId, 'me'] as const,
  myStaff: (agencyId: string, periodId?: string) => ['evaluation', agencyId, 'my-staff', periodId ?? ''] as const,
  history: (agencyId: string, employeeId: string) => ['evaluation', agencyId, 'history', employeeId] as const,
  recommendations: (agencyId: string, query: Record<string, QueryValue>) => ['evaluation', agencyId, 'recommendations', query] as const,
  deskLinks: (agencyId: string, query: object = {}) => ['evaluation', agencyId, 'desk-links', query] as const,
};
