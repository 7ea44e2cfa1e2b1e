// One typed function per endpoint of the contract, so pages never spell a URL themselves.
import { api, uploadFile } from './client';
import type {
  Agency,
  ApplicantProfile,
  ApplicantProfileInput,
  OwnApplication,
  PublicFormasiDetail,
  PublicRegistration,
  AgencyTimezone,
  AuditEntry,
  AuditVerification,
  Health,
  Invitation,
  Me,
  NotificationPage,
  Ok,
  OutboxMessage,
  Page,
  PublicAgency,
  Session,
  Staff,
} from './types';

const enc = encodeURIComponent;

export const healthApi = {
  get: () => api.get<Health>('/api/health'),
};

export const authApi = {
  me: () => api.get<{ account: Me }>('/api/auth/me'),
  register: (body: { email: string; password: string; name: string }) =>
    api.post<{ account: Me }>('/api/auth/register', body),
  verifyEmail: (body: { token: string }) => api.post<Ok>('/api/auth/verify-email', body),
  resendVerification: (body: { email: string }) => api.post<Ok>('/api/auth/resend-verification', body),
  login: (body: { email: string; password: string }) => api.post<{ account: Me }>('/api/auth/login', body),
  logout: () => api.post<void>('/api/auth/logout'),
  requestPasswordReset: (body: { email: string }) => api.post<Ok>('/api/auth/password-reset/request', body),
  confirmPasswordReset: (body: { token: string; password: string }) =>
    api.post<Ok>('/api/auth/password-reset/confirm', body),
  invitation: (token: string) => api.get<Invitation>('/api/auth/invitation', { token }),
  acceptInvitation: (body: { token: string; password: string }) =>
    api.post<Ok>('/api/auth/invitation/accept', body),
};

export const accountApi = {
  update: (body: { name: string }) => api.patch<{ account: Me }>('/api/account', body),
  changePassword: (body: { currentPassword: string; newPassword: string }) =>
    api.post<Ok>('/api/account/password', body),
  sessions: () => api.get<{ items: Session[] }>('/api/account/sessions'),
  revokeSession: (id: string) => api.delete(`/api/account/sessions/${enc(id)}`),
};

export const publicApi = {
  agencies: () => api.get<{ items: PublicAgency[] }>('/api/public/agencies'),
};

export interface ListQuery {
  q?: string;
  page?: number;
  pageSize?: number;
}

export const agencyApi = {
  list: (query: ListQuery) => api.get<Page<Agency>>('/api/agencies', { ...query }),
  get: (agencyId: string) => api.get<{ agency: Agency }>(`/api/agencies/${enc(agencyId)}`),
  create: (body: { code: string; name: string; region: string; timezone: AgencyTimezone }) =>
    api.post<{ agency: Agency }>('/api/agencies', body),
  update: (agencyId: string, body: { name?: string; region?: string; timezone?: AgencyTimezone }) =>
    api.patch<{ agency: Agency }>(`/api/agencies/${enc(agencyId)}`, body),
};

export const staffApi = {
  list: (agencyId: string, query: ListQuery) =>
    api.get<Page<Staff>>(`/api/agencies/${enc(agencyId)}/staff`, { ...query }),
  invite: (agencyId: string, body: { email: string; name: string; roles: string[] }) =>
    api.post<{ staff: Staff }>(`/api/agencies/${enc(agencyId)}/staff`, body),
  setRoles: (agencyId: string, accountId: string, roles: string[]) =>
    api.put<{ staff: Staff }>(`/api/agencies/${enc(agencyId)}/staff/${enc(accountId)}/roles`, { roles }),
  remove: (agencyId: string, accountId: string) =>
    api.delete(`/api/agencies/${enc(agencyId)}/staff/${enc(accountId)}`),
};

export const notificationApi = {
  list: (page: number) => api.get<NotificationPage>('/api/notifications', { page }),
  markRead: (id: string) => api.post<void>(`/api/notifications/${enc(id)}/read`),
  markAllRead: () => api.post<void>('/api/notifications/read-all'),
};

export const outboxApi = {
  list: (query: { q?: string; page?: number }) => api.get<Page<OutboxMessage>>('/api/outbox', { ...query }),
};

export const auditApi = {
  list: (agencyId: string, query: { page?: number; pageSize?: number; action?: string }) =>
    api.get<Page<AuditEntry>>(`/api/agencies/${enc(agencyId)}/audit`, { ...query }),
  verify: (agencyId: string) => api.get<AuditVerification>('/api/audit/verify', { agencyId }),
};

export const applicantApi = {
  profile: () => api.get<{ profile: ApplicantProfile }>('/api/applicant/profile'),
  saveProfile: (body: ApplicantProfileInput) => api.put<{ profile: ApplicantProfile }>('/api/applicant/profile', body),
};

const applicationPath = (id: string) => `/api/applicant/applications/${enc(id)}`;

export const applicationApi = {
  list: () => api.get<{ items: OwnApplication[] }>('/api/applicant/applications'),
  get: (id: string) => api.get<{ application: OwnApplication }>(applicationPath(id)),
  create: (formasiId: string) => api.post<{ application: OwnApplication }>('/api/applicant/applications', { formasiId }),
  remove: (id: string) => api.delete(applicationPath(id)),
  submit: (id: string) => api.post<{ application: OwnApplication }>(`${applicationPath(id)}/submit`),
  uploadDocument: (id: string, key: string, file: File, onProgress?: (fraction: number) => void) =>
    uploadFile<{ application: OwnApplication }>(`${applicationPath(id)}/documents/${enc(key)}`, file, { onProgress }),
  removeDocument: (id: string, key: string) => api.delete(`${applicationPath(id)}/documents/${enc(key)}`),
  /** Opened by the browser itself (preview in a new tab), so a URL rather than a request. */
  documentUrl: (id: string, key: string) => `${applicationPath(id)}/documents/${enc(key)}`,
  cardUrl: (id: string) => `${applicationPath(id)}/card.pdf`,
};

export const registrationCheckApi = {
  get: (registrationNumber: string, token: string) =>
    api.get<PublicRegistration>(`/api/public/registrations/${enc(registrationNumber)}`, { t: token }),
};

export const publicFormasiApi = {
  get: (formasiId: string) => api.get<PublicFormasiDetail>(`/api/public/formasi/${enc(formasiId)}`),
};

export const serverTimeApi = {
  now: () => api.get<{ now: string }>('/api/public/time'),
};
