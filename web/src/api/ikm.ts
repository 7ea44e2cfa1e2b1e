// The public satisfaction index (IKM): staff endpoints and the public survey.
import type { z } from 'zod';
import type { IkmPeriodReport, IkmPlan, IkmSurvey, IkmSurveyDetail, PublicIkmSurvey, ikmReceiptSchema, ikmSuggestionSchema } from '../../../core/schemas/ikm';
import type { IkmPeriodKind, IkmPlanStatus } from '../../../core/ikm-survey';
import { api } from './client';
import type { Page } from './types';

export type { IkmPeriodReport, IkmPlan, IkmSurvey, IkmSurveyDetail, PublicIkmSurvey };
export type IkmReceipt = z.infer<typeof ikmReceiptSchema>;
export type IkmSuggestion = z.infer<typeof ikmSuggestionSchema>;
export type IkmPeriodItem = { key: string; label: string; surveys: number };

const enc = encodeURIComponent;
const base = (agencyId: string) => `/api/agencies/${enc(agencyId)}/ikm`;

export type CreateSurveyInput = { unitId: string; serviceName: string; periodYear: number; periodKind: IkmPeriodKind; periodNumber: number; population: number };
export type PlanInput = { element: number; action: string; owner: string; dueDate: string };
export type PlanChanges = Partial<PlanInput & { status: IkmPlanStatus; progressNote: string }>;
export type SubmissionInput = {
  submissionId: string;
  answers: Record<string, number | null>;
  profile: { ageGroup: string; sex: string; education: string; occupation: string };
  suggestion: string;
  website: string;
};

export const ikmApi = {
  surveys: (agencyId: string, query: { q?: string; periodKey?: string; unitId?: string; status?: string; page?: number; pageSize?: number }) =>
    api.get<Page<IkmSurvey>>(`${base(agencyId)}/surveys`, { ...query }),
  create: (agencyId: string, body: CreateSurveyInput) => api.post<{ survey: IkmSurvey }>(`${base(agencyId)}/surveys`, body),
  detail: (agencyId: string, surveyId: string) => api.get<IkmSurveyDetail>(`${base(agencyId)}/surveys/${enc(surveyId)}`),
  update: (agencyId: string, surveyId: string, body: { serviceName?: string; population?: number }) => api.patch<{ survey: IkmSurvey }>(`${base(agencyId)}/surveys/${enc(surveyId)}`, body),
  open: (agencyId: string, surveyId: string) => api.post<{ survey: IkmSurvey }>(`${base(agencyId)}/surveys/${enc(surveyId)}/open`),
  close: (agencyId: string, surveyId: string) => api.post<{ survey: IkmSurvey }>(`${base(agencyId)}/surveys/${enc(surveyId)}/close`),
  qrUrl: (agencyId: string, surveyId: string) => `${base(agencyId)}/surveys/${enc(surveyId)}/qr.png`,
  suggestions: (agencyId: string, surveyId: string, query: { q?: string; page?: number; pageSize?: number }) =>
    api.get<Page<IkmSuggestion>>(`${base(agencyId)}/surveys/${enc(surveyId)}/suggestions`, { ...query }),
  createPlan: (agencyId: string, surveyId: string, body: PlanInput) => api.post<{ plan: IkmPlan }>(`${base(agencyId)}/surveys/${enc(surveyId)}/plans`, body),
  updatePlan: (agencyId: string, planId: string, body: PlanChanges) => api.patch<{ plan: IkmPlan }>(`${base(agencyId)}/plans/${enc(planId)}`, body),
  plans: (agencyId: string, query: { q?: string; status?: string; overdue?: string; surveyId?: string; page?: number; pageSize?: number }) =>
    api.get<Page<IkmPlan>>(`${base(agencyId)}/plans`, { ...query }),
  periods: (agencyId: string) => api.get<{ items: IkmPeriodItem[] }>(`${base(agencyId)}/periods`),
  period: (agencyId: string, periodKey: string) => api.get<IkmPeriodReport>(`${base(agencyId)}/periods/${enc(periodKey)}`),
  periodPdfUrl: (agencyId: string, periodKey: string) => `${base(agencyId)}/periods/${enc(periodKey)}/report.pdf`,
  publish: (agencyId: string, periodKey: string) => api.post<{ announcementId: string; resultHash: string; publishedAt: string }>(`${base(agencyId)}/periods/${enc(periodKey)}/publish`),
};

export const publicIkmApi = {
  survey: (surveyId: string) => api.get<{ survey: PublicIkmSurvey }>(`/api/public/ikm/surveys/${enc(surveyId)}`),
  submit: (surveyId: string, body: SubmissionInput) => api.post<IkmReceipt>(`/api/public/ikm/surveys/${enc(surveyId)}/responses`, body),
};
