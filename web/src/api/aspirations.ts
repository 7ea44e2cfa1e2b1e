// Aspirations and complaints, community forums: staff endpoints and the public pages.
import type { z } from 'zod';
import type { Aspiration, AspirationListItem, AspirationSummary, Forum, ForumListItem, PublicForum, TrackedAspiration, aspirationReceiptSchema } from '../../../core/schemas/aspirations';
import { api, uploadFile } from './client';
import type { Page } from './types';

export type { Aspiration, AspirationListItem, AspirationSummary, Forum, ForumListItem, PublicForum, TrackedAspiration };
export type AspirationReceipt = z.infer<typeof aspirationReceiptSchema>;

const enc = encodeURIComponent;
const base = (agencyId: string) => `/api/agencies/${enc(agencyId)}/aspirations`;
const forums = (agencyId: string) => `/api/agencies/${enc(agencyId)}/forums`;

export type AspirationQuery = { q?: string; status?: string; category?: string; source?: string; unitId?: string; overdue?: string; page?: number; pageSize?: number };
export type ForumInput = { title: string; agenda: string; venue: string; scheduledAt: string };
export type FollowupInput = { aspirationId: string } | { category: string; subject: string; body: string; unitId: string | null };

export const aspirationApi = {
  list: (agencyId: string, query: AspirationQuery) => api.get<Page<AspirationListItem>>(base(agencyId), { ...query }),
  summary: (agencyId: string) => api.get<AspirationSummary>(`${base(agencyId)}/summary`),
  get: (agencyId: string, id: string) => api.get<{ aspiration: Aspiration }>(`${base(agencyId)}/${enc(id)}`),
  route: (agencyId: string, id: string, body: { unitId: string; note: string }) => api.post<{ aspiration: Aspiration }>(`${base(agencyId)}/${enc(id)}/route`, body),
  answer: (agencyId: string, id: string, answer: string) => api.post<{ aspiration: Aspiration }>(`${base(agencyId)}/${enc(id)}/answer`, { answer }),
  close: (agencyId: string, id: string, note: string) => api.post<{ aspiration: Aspiration }>(`${base(agencyId)}/${enc(id)}/close`, { note }),
  note: (agencyId: string, id: string, note: string) => api.post<{ aspiration: Aspiration }>(`${base(agencyId)}/${enc(id)}/notes`, { note }),
  settings: (agencyId: string) => api.get<{ slaDays: number }>(`/api/agencies/${enc(agencyId)}/aspiration-settings`),
  updateSettings: (agencyId: string, slaDays: number) => api.put<{ slaDays: number }>(`/api/agencies/${enc(agencyId)}/aspiration-settings`, { slaDays }),
};

export const forumApi = {
  list: (agencyId: string, query: { q?: string; status?: string; when?: string; page?: number; pageSize?: number }) => api.get<Page<ForumListItem>>(forums(agencyId), { ...query }),
  get: (agencyId: string, id: string) => api.get<{ forum: Forum }>(`${forums(agencyId)}/${enc(id)}`),
  create: (agencyId: string, body: ForumInput) => api.post<{ forum: Forum }>(forums(agencyId), body),
  update: (agencyId: string, id: string, body: Partial<ForumInput & { status: 'scheduled' | 'cancelled' }>) => api.patch<{ forum: Forum }>(`${forums(agencyId)}/${enc(id)}`, body),
  minutes: (agencyId: string, id: string, body: { minutes: string; attendees: number }) => api.post<{ forum: Forum }>(`${forums(agencyId)}/${enc(id)}/minutes`, body),
  followup: (agencyId: string, id: string, body: FollowupInput) => api.post<{ forum: Forum }>(`${forums(agencyId)}/${enc(id)}/followups`, body),
};

export type SubmissionInput = { agencyId: string; category: string; subject: string; body: string; anonymous: boolean; name: string; email: string; phone: string; website: string };

export const publicAspirationApi = {
  submit: (input: SubmissionInput, files: File[], onProgress?: (fraction: number) => void) =>
    uploadFile<AspirationReceipt>('/api/public/aspirations', files, {
      method: 'POST',
      onProgress,
      fields: {
        agencyId: input.agencyId,
        category: input.category,
        subject: input.subject,
        body: input.body,
        anonymous: input.anonymous ? '1' : '0',
        ...(input.anonymous ? {} : { name: input.name, email: input.email, phone: input.phone }),
        website: input.website,
      },
    }),
  track: (code: string) => api.post<{ aspiration: TrackedAspiration }>('/api/public/aspirations/track', { code }),
  forums: (query: { agencyId?: string; when?: string; page?: number; pageSize?: number }) => api.get<Page<PublicForum>>('/api/public/forums', { ...query }),
};
