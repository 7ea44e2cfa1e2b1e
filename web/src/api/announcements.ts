// Announcements (pengumuman): staff endpoints and the public list, page and verification.
import type {
  Announcement,
  AnnouncementListItem,
  AnnouncementVerification,
  PublicAnnouncement,
  PublicAnnouncementListItem,
} from '../../../core/schemas/announcements';
import { api, uploadFile } from './client';
import type { Page } from './types';

export type { Announcement, AnnouncementListItem, AnnouncementVerification, PublicAnnouncement, PublicAnnouncementListItem };

const enc = encodeURIComponent;
const staffPath = (agencyId: string, id?: string) => `/api/agencies/${enc(agencyId)}/announcements${id ? `/${enc(id)}` : ''}`;

export type AnnouncementInput = { title: string; body: string; kind: string; selectionId: string | null };

export const announcementApi = {
  list: (agencyId: string, query: { q?: string; status?: string; page?: number; pageSize?: number }) =>
    api.get<Page<AnnouncementListItem>>(staffPath(agencyId), { ...query }),
  get: (agencyId: string, id: string) => api.get<{ announcement: Announcement }>(staffPath(agencyId, id)),
  create: (agencyId: string, body: AnnouncementInput) => api.post<{ announcement: Announcement }>(staffPath(agencyId), body),
  update: (agencyId: string, id: string, body: Partial<AnnouncementInput>) => api.patch<{ announcement: Announcement }>(staffPath(agencyId, id), body),
  remove: (agencyId: string, id: string) => api.delete(staffPath(agencyId, id)),
  attach: (agencyId: string, id: string, file: File, title: string, onProgress?: (fraction: number) => void) =>
    uploadFile<{ announcement: Announcement }>(`${staffPath(agencyId, id)}/files`, file, { method: 'POST', onProgress, fields: title ? { title } : {} }),
  removeFile: (agencyId: string, id: string, fileId: string) => api.delete<{ announcement: Announcement }>(`${staffPath(agencyId, id)}/files/${enc(fileId)}`),
  fileUrl: (agencyId: string, id: string, fileId: string) => `${staffPath(agencyId, id)}/files/${enc(fileId)}`,
  publish: (agencyId: string, id: string) => api.post<{ announcement: Announcement }>(`${staffPath(agencyId, id)}/publish`),
  supersede: (agencyId: string, id: string) => api.post<{ announcement: Announcement }>(`${staffPath(agencyId, id)}/supersede`, {}),
};

export const publicAnnouncementApi = {
  list: (query: { q?: string; agencyId?: string; selectionId?: string; kind?: string; page?: number; pageSize?: number }) =>
    api.get<Page<PublicAnnouncementListItem>>('/api/public/announcements', { ...query }),
  get: (id: string) => api.get<{ announcement: PublicAnnouncement }>(`/api/public/announcements/${enc(id)}`),
  verifyFingerprint: (sha256: string) => api.get<AnnouncementVerification>('/api/public/announcements/verify', { sha256 }),
  verifyFile: (file: File, onProgress?: (fraction: number) => void) =>
    uploadFile<AnnouncementVerification>('/api/public/announcements/verify', file, { method: 'POST', onProgress }),
};

/** Agency selection rounds for the announcement form; an empty list when the rounds cannot be read. */
export async function agencySelections(agencyId: string): Promise<Array<{ id: string; name: string }>> {
  try {
    const page = await api.get<{ items: Array<{ id: string; name: string; year?: number }> }>(`/api/agencies/${enc(agencyId)}/selections`, { pageSize: 100 });
    return page.items.map((item) => ({ id: item.id, name: item.year ? `${item.name} (${item.year})` : item.name }));
  } catch {
    return [];
  }
}
