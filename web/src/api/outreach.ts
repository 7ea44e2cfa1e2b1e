// Outreach events (sosialisasi): staff endpoints, the public pages, registration and tickets.
import type {
  Attendance,
  CheckInResult,
  OutreachEvent,
  OutreachEventListItem,
  OutreachRegistration,
  PublicOutreachEvent,
  PublicOutreachEventListItem,
  Ticket,
} from '../../../core/schemas/outreach';
import { api, uploadFile } from './client';
import type { Page } from './types';

export type { Attendance, CheckInResult, OutreachEvent, OutreachEventListItem, OutreachRegistration, PublicOutreachEvent, PublicOutreachEventListItem, Ticket };

const enc = encodeURIComponent;
const staffPath = (agencyId: string, id?: string) => `/api/agencies/${enc(agencyId)}/outreach-events${id ? `/${enc(id)}` : ''}`;

export type OutreachEventInput = {
  title: string;
  description: string;
  kind: string;
  audiences: string[];
  venue: string;
  onlineUrl: string | null;
  startsAt: string;
  endsAt: string;
  registrationClosesAt: string | null;
  capacity: number;
};

export type RegistrationInput = { name: string; email: string; phone: string; audience: string; institution: string };

export const outreachApi = {
  list: (agencyId: string, query: { q?: string; status?: string; page?: number; pageSize?: number }) =>
    api.get<Page<OutreachEventListItem>>(staffPath(agencyId), { ...query }),
  get: (agencyId: string, id: string) => api.get<{ event: OutreachEvent }>(staffPath(agencyId, id)),
  create: (agencyId: string, body: OutreachEventInput) => api.post<{ event: OutreachEvent }>(staffPath(agencyId), body),
  update: (agencyId: string, id: string, body: Partial<OutreachEventInput>) => api.patch<{ event: OutreachEvent }>(staffPath(agencyId, id), body),
  publish: (agencyId: string, id: string) => api.post<{ event: OutreachEvent }>(`${staffPath(agencyId, id)}/publish`),
  cancel: (agencyId: string, id: string, reason: string) => api.post<{ event: OutreachEvent }>(`${staffPath(agencyId, id)}/cancel`, reason ? { reason } : {}),
  registrations: (agencyId: string, id: string, query: { q?: string; status?: string; audience?: string; page?: number; pageSize?: number }) =>
    api.get<Page<OutreachRegistration>>(`${staffPath(agencyId, id)}/registrations`, { ...query }),
  attendance: (agencyId: string, id: string) => api.get<Attendance>(`${staffPath(agencyId, id)}/attendance`),
  checkIn: (agencyId: string, id: string, code: string) => api.post<CheckInResult>(`${staffPath(agencyId, id)}/check-in`, { code }),
  addMaterial: (agencyId: string, id: string, file: File, title: string, onProgress?: (fraction: number) => void) =>
    uploadFile<{ event: OutreachEvent }>(`${staffPath(agencyId, id)}/materials`, file, { method: 'POST', onProgress, fields: title ? { title } : {} }),
  removeMaterial: (agencyId: string, id: string, materialId: string) => api.delete<{ event: OutreachEvent }>(`${staffPath(agencyId, id)}/materials/${enc(materialId)}`),
};

export const publicOutreachApi = {
  list: (query: { when?: string; q?: string; agencyId?: string; audience?: string; page?: number; pageSize?: number }) =>
    api.get<Page<PublicOutreachEventListItem>>('/api/public/outreach-events', { ...query }),
  get: (id: string) => api.get<{ event: PublicOutreachEvent }>(`/api/public/outreach-events/${enc(id)}`),
  register: (id: string, body: RegistrationInput) =>
    api.post<{ ticket: Ticket; kunci: string; ticketPath: string }>(`/api/public/outreach-events/${enc(id)}/registrations`, { ...body, phone: body.phone.trim() || null }),
  ticket: (registrationId: string, kunci: string) => api.get<{ ticket: Ticket }>(`/api/public/outreach-registrations/${enc(registrationId)}`, { kunci }),
  cancel: (registrationId: string, kunci: string) => api.post<{ ticket: Ticket }>(`/api/public/outreach-registrations/${enc(registrationId)}/cancel`, { kunci }),
};
