// Selection rounds (staff) and the public portal's rounds and formation search. Types come from the
// server's own schemas in core/ (type-only imports: no zod in the bundle for these pages).
import type {
  FormasiSearchResponse,
  PipelineStageInput,
  PublicFormasiDetail,
  PublicSelection,
  PublicSelectionDetail,
  RequiredDocument,
  Selection,
  SelectionHistoryEntry,
  SelectionStatus,
} from '../../../core/schemas/selections';
import type { LocalSchedule } from '../../../core/selection-schedule';
import type { SelectionType } from '../../../core/pipeline';
import { api } from './client';
import type { Page } from './types';

export type { FormasiSearchResponse, PipelineStageInput, PublicFormasiDetail, PublicSelection, PublicSelectionDetail, RequiredDocument, Selection, SelectionHistoryEntry };

const enc = encodeURIComponent;
const base = (agencyId: string) => `/api/agencies/${enc(agencyId)}/selections`;

export type SelectionListQuery = { q?: string; type?: SelectionType; year?: number; status?: SelectionStatus; page?: number; pageSize?: number };

export type SelectionChanges = {
  name?: string;
  description?: string;
  year?: number;
  schedule?: LocalSchedule;
  requiredDocuments?: RequiredDocument[];
  pipeline?: PipelineStageInput[];
};

export const selectionApi = {
  list: (agencyId: string, query: SelectionListQuery) => api.get<Page<Selection>>(base(agencyId), { ...query }),
  get: (agencyId: string, selectionId: string) => api.get<{ selection: Selection }>(`${base(agencyId)}/${enc(selectionId)}`),
  create: (agencyId: string, body: { type: SelectionType; year: number; name: string; description?: string }) =>
    api.post<{ selection: Selection }>(base(agencyId), body),
  update: (agencyId: string, selectionId: string, body: SelectionChanges & { expectedVersion?: number }) =>
    api.patch<{ selection: Selection }>(`${base(agencyId)}/${enc(selectionId)}`, body),
  remove: (agencyId: string, selectionId: string) => api.delete(`${base(agencyId)}/${enc(selectionId)}`),
  publish: (agencyId: string, selectionId: string, expectedVersion: number) =>
    api.post<{ selection: Selection }>(`${base(agencyId)}/${enc(selectionId)}/publish`, { expectedVersion }),
  correct: (agencyId: string, selectionId: string, body: { reason: string; changes: Omit<SelectionChanges, 'year'>; expectedVersion: number }) =>
    api.post<{ selection: Selection }>(`${base(agencyId)}/${enc(selectionId)}/corrections`, body),
  history: (agencyId: string, selectionId: string, page: number) =>
    api.get<Page<SelectionHistoryEntry>>(`${base(agencyId)}/${enc(selectionId)}/history`, { page, pageSize: 20 }),
};

export type FormasiSearchQuery = {
  q?: string;
  level?: string;
  programme?: string;
  unit?: string;
  kind?: string;
  agencyId?: string;
  selectionId?: string;
  type?: string;
  year?: number;
  page?: number;
  pageSize?: number;
};

export const portalApi = {
  selections: (query: { page?: number; pageSize?: number; type?: string; agencyId?: string } = {}) =>
    api.get<Page<PublicSelection> & { now: string }>('/api/public/selections', { ...query }),
  selection: (selectionId: string) => api.get<{ selection: PublicSelectionDetail; now: string }>(`/api/public/selections/${enc(selectionId)}`),
  searchFormasi: (query: FormasiSearchQuery, signal?: AbortSignal) => api.get<FormasiSearchResponse>('/api/public/formasi', { ...query }, signal),
  formasi: (formasiId: string) => api.get<PublicFormasiDetail>(`/api/public/formasi/${enc(formasiId)}`),
};

export const selectionKeys = {
  all: (agencyId: string) => ['selections', agencyId] as const,
  list: (agencyId: string, query: SelectionListQuery) => ['selections', agencyId, 'list', query] as const,
  one: (agencyId: string, selectionId: string) => ['selections', agencyId, selectionId] as const,
  history: (agencyId: string, selectionId: string, page: number) => ['selections', agencyId, selectionId, 'history', page] as const,
  portalSelections: (query: object) => ['public', 'selections', query] as const,
  portalSelection: (selectionId: string) => ['public', 'selection', selectionId] as const,
  portalSearch: (query: FormasiSearchQuery) => ['public', 'formasi-search', query] as const,
  // The same key as the applicant pages' FormasiSummary: one fetch serves both.
  portalFormasi: (formasiId: string) => ['public', 'formasi', formasiId] as const,
};
