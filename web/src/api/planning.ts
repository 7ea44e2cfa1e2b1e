// Typed calls for formation planning: units, positions, tasks, the ABK analysis, and the formasi of
// a selection, with the XLSX downloads and imports. Shapes come from core/schemas (types only).
import type {
  AbkAnalysis,
  AbkImportResult,
  AbkPositionAnalysis,
  AbkSettings,
  ImportIssue,
  Position,
  PositionKind,
  Task,
  Unit,
} from '../../../core/schemas/organisation';
import type { Formasi, FormasiBodyInput, FormasiFromAbkBodyInput, FormasiImportResult, FormasiPage } from '../../../core/schemas/formasi';
import { ApiError, api, type QueryValue } from './client';
import type { Page } from './types';

export type { AbkAnalysis, AbkLine, AbkPositionAnalysis, AbkSettings, ImportIssue, Position, Task, Unit } from '../../../core/schemas/organisation';
export type { AbkSource, Formasi, FormasiBodyInput, FormasiPage } from '../../../core/schemas/formasi';

const enc = encodeURIComponent;
const agencyPath = (agencyId: string) => `/api/agencies/${enc(agencyId)}`;

export type UnitInput = { code: string; name: string };
export type PositionInput = { unitId: string; code: string; name: string; jenis: PositionKind; bezetting: number; retiring: number };
export type TaskInput = { name: string; outputUnit: string; volumePerYear: number; normMinutes: number };
export type ListQuery = { q?: string; page?: number; pageSize?: number };

/** A refused import: the server's message and each row's problem. */
export class ImportRejectedError extends ApiError {
  readonly issues: ImportIssue[];
  readonly truncated: boolean;
  constructor(options: { status: number; code: string; message: string; issues: ImportIssue[]; truncated: boolean; fields?: Record<string, string> }) {
    super(options);
    this.name = 'ImportRejectedError';
    this.issues = options.issues;
    this.truncated = options.truncated;
  }
}

export function isImportRejected(error: unknown): error is ImportRejectedError {
  return error instanceof ImportRejectedError;
}

/** Sends one file as multipart/form-data (field "file"). */
export async function uploadSpreadsheet<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', body: form, credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'Tidak dapat terhubung ke server. Periksa koneksi internet Anda lalu coba lagi.' });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (response.ok) return body as T;
  const error = (body as { error?: { code?: string; message?: string; fields?: Record<string, string>; issues?: ImportIssue[]; truncated?: boolean } } | undefined)?.error;
  const message = error?.message ?? (response.status === 413 ? 'Berkas terlalu besar.' : 'Berkas tidak dapat diimpor.');
  const code = error?.code ?? `HTTP_${response.status}`;
  if (error?.issues) throw new ImportRejectedError({ status: response.status, code, message, issues: error.issues, truncated: Boolean(error.truncated), fields: error.fields });
  throw new ApiError({ status: response.status, code, message, fields: error?.fields });
}

const query = (values: Record<string, QueryValue>) => values;

export const organisationApi = {
  units: (agencyId: string, q: ListQuery) => api.get<Page<Unit>>(`${agencyPath(agencyId)}/units`, query({ ...q })),
  createUnit: (agencyId: string, body: UnitInput) => api.post<{ unit: Unit }>(`${agencyPath(agencyId)}/units`, body),
  updateUnit: (agencyId: string, unitId: string, body: UnitInput) => api.put<{ unit: Unit }>(`${agencyPath(agencyId)}/units/${enc(unitId)}`, body),
  deleteUnit: (agencyId: string, unitId: string) => api.delete(`${agencyPath(agencyId)}/units/${enc(unitId)}`),

  positions: (agencyId: string, q: ListQuery & { unitId?: string }) => api.get<Page<Position>>(`${agencyPath(agencyId)}/positions`, query({ ...q })),
  position: (agencyId: string, positionId: string) => api.get<{ position: Position }>(`${agencyPath(agencyId)}/positions/${enc(positionId)}`),
  createPosition: (agencyId: string, body: PositionInput) => api.post<{ position: Position }>(`${agencyPath(agencyId)}/positions`, body),
  updatePosition: (agencyId: string, positionId: string, body: PositionInput) =>
    api.put<{ position: Position }>(`${agencyPath(agencyId)}/positions/${enc(positionId)}`, body),
  deletePosition: (agencyId: string, positionId: string) => api.delete(`${agencyPath(agencyId)}/positions/${enc(positionId)}`),

  createTask: (agencyId: string, positionId: string, body: TaskInput) =>
    api.post<{ task: Task }>(`${agencyPath(agencyId)}/positions/${enc(positionId)}/tasks`, body),
  updateTask: (agencyId: string, positionId: string, taskId: string, body: TaskInput) =>
    api.put<{ task: Task }>(`${agencyPath(agencyId)}/positions/${enc(positionId)}/tasks/${enc(taskId)}`, body),
  deleteTask: (agencyId: string, positionId: string, taskId: string) =>
    api.delete(`${agencyPath(agencyId)}/positions/${enc(positionId)}/tasks/${enc(taskId)}`),

  settings: (agencyId: string) => api.get<{ settings: AbkSettings }>(`${agencyPath(agencyId)}/abk/settings`),
  updateSettings: (agencyId: string, effectiveMinutesPerYear: number) =>
    api.put<{ settings: AbkSettings }>(`${agencyPath(agencyId)}/abk/settings`, { effectiveMinutesPerYear }),
  analysis: (agencyId: string, q: ListQuery & { unitId?: string }) => api.get<AbkAnalysis>(`${agencyPath(agencyId)}/abk`, query({ ...q })),
  positionAnalysis: (agencyId: string, positionId: string) => api.get<AbkPositionAnalysis>(`${agencyPath(agencyId)}/abk/positions/${enc(positionId)}`),
  importAbk: (agencyId: string, file: File) => uploadSpreadsheet<{ result: AbkImportResult }>(`${agencyPath(agencyId)}/abk/import`, file),
  templateUrl: (agencyId: string) => `${agencyPath(agencyId)}/abk/template.xlsx`,
  exportUrl: (agencyId: string) => `${agencyPath(agencyId)}/abk/export.xlsx`,
};

const formasiPath = (agencyId: string, selectionId: string) => `${agencyPath(agencyId)}/selections/${enc(selectionId)}/formasi`;

export type FormasiListQuery = ListQuery & { status?: string; kind?: string; unitId?: string; educationLevel?: string };

export const formasiApi = {
  list: (agencyId: string, selectionId: string, q: FormasiListQuery) => api.get<FormasiPage>(formasiPath(agencyId, selectionId), query({ ...q })),
  create: (agencyId: string, selectionId: string, body: FormasiBodyInput) => api.post<{ formasi: Formasi }>(formasiPath(agencyId, selectionId), body),
  createFromAbk: (agencyId: string, selectionId: string, body: FormasiFromAbkBodyInput) =>
    api.post<{ formasi: Formasi }>(`${formasiPath(agencyId, selectionId)}/from-abk`, body),
  update: (agencyId: string, selectionId: string, formasiId: string, body: FormasiBodyInput) =>
    api.put<{ formasi: Formasi }>(`${formasiPath(agencyId, selectionId)}/${enc(formasiId)}`, body),
  remove: (agencyId: string, selectionId: string, formasiId: string) => api.delete(`${formasiPath(agencyId, selectionId)}/${enc(formasiId)}`),
  importFile: (agencyId: string, selectionId: string, file: File) => uploadSpreadsheet<{ result: FormasiImportResult }>(`${formasiPath(agencyId, selectionId)}/import`, file),
  templateUrl: (agencyId: string, selectionId: string) => `${formasiPath(agencyId, selectionId)}/template.xlsx`,
  exportUrl: (agencyId: string, selectionId: string) => `${formasiPath(agencyId, selectionId)}/export.xlsx`,
};

export const planningKeys = {
  all: (agencyId: string) => ['planning', agencyId] as const,
  units: (agencyId: string, q: string, page: number) => ['planning', agencyId, 'units', q, page] as const,
  unitOptions: (agencyId: string) => ['planning', agencyId, 'unit-options'] as const,
  analysis: (agencyId: string, q: string, unitId: string, page: number) => ['planning', agencyId, 'abk', q, unitId, page] as const,
  settings: (agencyId: string) => ['planning', agencyId, 'settings'] as const,
  position: (agencyId: string, positionId: string) => ['planning', agencyId, 'position', positionId] as const,
  positionOptions: (agencyId: string, q: string) => ['planning', agencyId, 'position-options', q] as const,
  formasiAll: (agencyId: string, selectionId: string) => ['formasi', agencyId, selectionId] as const,
  formasi: (agencyId: string, selectionId: string, filters: FormasiListQuery) => ['formasi', agencyId, selectionId, filters] as const,
};
