// Typed calls for CAT question banks (an agency's, or the national ones), test blueprints and the
// reports of a CAT stage. Shapes come from core/schemas (types only).
import type { BankAvailability, BankImportResult, CatBank, CatQuestionView, QuestionBody } from '../../../core/schemas/cat-banks';
import type { BlueprintAvailability, BlueprintOptions, CatBlueprint } from '../../../core/schemas/cat-blueprints';
import type { StagePublication, StageResult } from '../../../core/schemas/cat-exam';
import type { CatReport, ItemsReport } from '../../../core/schemas/cat-reports';
import type { ImportIssue } from '../../../core/schemas/organisation';
import { ApiError, api, uploadFile, type QueryValue } from './client';
import { ImportRejectedError } from './planning';
import type { Page } from './types';

export type { BankAvailability, BankImportResult, CatBank, CatQuestionView, QuestionBody } from '../../../core/schemas/cat-banks';
export type { BlueprintAvailability, BlueprintOptions, CatBlueprint } from '../../../core/schemas/cat-blueprints';
export type { CatReport, ItemReport, ItemsReport, ReportGroup, ScoreDistribution } from '../../../core/schemas/cat-reports';
export type { StagePublication, StageResult, StageResultEntry } from '../../../core/schemas/cat-exam';
export { STAGE_RESULT_NOTES } from '../../../core/schemas/cat-exam';

const enc = encodeURIComponent;

/** Where a bank lives: an agency's banks, or the national ones (agencyId null). */
export type BankScope = { agencyId: string | null };

const banksPath = ({ agencyId }: BankScope) => (agencyId ? `/api/agencies/${enc(agencyId)}/cat-banks` : '/api/cat-banks');
const bankPath = (scope: BankScope, bankId: string) => `${banksPath(scope)}/${enc(bankId)}`;
const questionPath = (scope: BankScope, bankId: string, questionId: string) => `${bankPath(scope, bankId)}/questions/${enc(questionId)}`;
const imagePath = (scope: BankScope, bankId: string, questionId: string, optionId?: string) =>
  `${questionPath(scope, bankId, questionId)}${optionId ? `/options/${enc(optionId)}` : ''}/image`;

export type BankListQuery = { q?: string; page?: number; pageSize?: number; scope?: 'all' | 'own' | 'national' };
export type QuestionListQuery = { q?: string; page?: number; pageSize?: number; subtest?: string; topic?: string; status?: string };
export type QuestionStatus = CatQuestionView['status'];

/** POSTs one file (multipart, field "file"); a refused import becomes an ImportRejectedError with its rows. */
async function postFile<T>(path: string, file: File): Promise<T> {
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
  const message = error?.message ?? (response.status === 413 ? 'Berkas melebihi batas 5 MB.' : 'Berkas tidak dapat diimpor.');
  const code = error?.code ?? `HTTP_${response.status}`;
  if (error?.issues) throw new ImportRejectedError({ status: response.status, code, message, issues: error.issues, truncated: Boolean(error.truncated), fields: error.fields });
  throw new ApiError({ status: response.status, code, message, fields: error?.fields });
}

const q = (values: Record<string, QueryValue>) => values;

export const catBankApi = {
  list: (scope: BankScope, query: BankListQuery) => api.get<Page<CatBank>>(banksPath(scope), q({ ...query })),
  get: (scope: BankScope, bankId: string) => api.get<{ bank: CatBank; availability: BankAvailability }>(bankPath(scope, bankId)),
  create: (scope: BankScope, body: { name: string; description: string }) => api.post<{ bank: CatBank }>(banksPath(scope), body),
  update: (scope: BankScope, bankId: string, body: { name: string; description: string }) => api.put<{ bank: CatBank }>(bankPath(scope, bankId), body),
  remove: (scope: BankScope, bankId: string) => api.delete(bankPath(scope, bankId)),

  questions: (scope: BankScope, bankId: string, query: QuestionListQuery) => api.get<Page<CatQuestionView>>(`${bankPath(scope, bankId)}/questions`, q({ ...query })),
  question: (scope: BankScope, bankId: string, questionId: string) => api.get<{ question: CatQuestionView }>(questionPath(scope, bankId, questionId)),
  createQuestion: (scope: BankScope, bankId: string, body: QuestionBody) => api.post<{ question: CatQuestionView }>(`${bankPath(scope, bankId)}/questions`, body),
  updateQuestion: (scope: BankScope, bankId: string, questionId: string, body: QuestionBody) => api.put<{ question: CatQuestionView }>(questionPath(scope, bankId, questionId), body),
  deleteQuestion: (scope: BankScope, bankId: string, questionId: string) => api.delete(questionPath(scope, bankId, questionId)),
  setStatus: (scope: BankScope, bankId: string, questionId: string, status: QuestionStatus) =>
    api.post<{ question: CatQuestionView }>(`${questionPath(scope, bankId, questionId)}/status`, { status }),

  uploadImage: (scope: BankScope, bankId: string, questionId: string, file: File, optionId?: string) =>
    uploadFile<{ question: CatQuestionView }>(imagePath(scope, bankId, questionId, optionId), file, { method: 'PUT' }),
  removeImage: (scope: BankScope, bankId: string, questionId: string, optionId?: string) =>
    api.delete<{ question: CatQuestionView }>(imagePath(scope, bankId, questionId, optionId)),
  /** Opened by the browser (img src), so a URL; `version` busts the cache after a change. */
  imageUrl: (scope: BankScope, bankId: string, questionId: string, optionId: string | undefined, version: string) =>
    `${imagePath(scope, bankId, questionId, optionId)}?v=${enc(version)}`,

  import: (scope: BankScope, bankId: string, file: File) => postFile<{ result: BankImportResult }>(`${bankPath(scope, bankId)}/import`, file),
  templateUrl: (scope: BankScope) => `${banksPath(scope)}/template.xlsx`,
  exportUrl: (scope: BankScope, bankId: string, format: 'xlsx' | 'json') => `${bankPath(scope, bankId)}/export.${format}`,
};

const selectionPath = (agencyId: string, selectionId: string) => `/api/agencies/${enc(agencyId)}/selections/${enc(selectionId)}`;

export type SectionInput = { subtest: string; topic: string; count: number; bankIds: string[] };
export type BlueprintInput = {
  name: string;
  preset: CatBlueprint['preset'];
  durationMinutes: number;
  extraMinutes: Record<string, number>;
  sections: SectionInput[];
  passRules: CatBlueprint['passRules'];
};

export const blueprintApi = {
  list: (agencyId: string, selectionId: string) => api.get<{ items: CatBlueprint[] }>(`${selectionPath(agencyId, selectionId)}/blueprints`),
  options: (agencyId: string, selectionId: string) => api.get<BlueprintOptions>(`${selectionPath(agencyId, selectionId)}/blueprints/options`),
  get: (agencyId: string, selectionId: string, blueprintId: string) =>
    api.get<{ blueprint: CatBlueprint; availability: BlueprintAvailability }>(`${selectionPath(agencyId, selectionId)}/blueprints/${enc(blueprintId)}`),
  check: (agencyId: string, selectionId: string, sections: SectionInput[]) =>
    api.post<BlueprintAvailability>(`${selectionPath(agencyId, selectionId)}/blueprints/check`, { sections }),
  create: (agencyId: string, selectionId: string, body: BlueprintInput & { stageKey: string }) =>
    api.post<{ blueprint: CatBlueprint }>(`${selectionPath(agencyId, selectionId)}/blueprints`, body),
  update: (agencyId: string, selectionId: string, blueprintId: string, body: BlueprintInput) =>
    api.put<{ blueprint: CatBlueprint }>(`${selectionPath(agencyId, selectionId)}/blueprints/${enc(blueprintId)}`, body),
  remove: (agencyId: string, selectionId: string, blueprintId: string) => api.delete(`${selectionPath(agencyId, selectionId)}/blueprints/${enc(blueprintId)}`),
};

export type ReportQuery = { subtest?: string; sessionId?: string; formasiId?: string; binWidth?: number };
export type ItemsQuery = { page?: number; pageSize?: number; subtest?: string; sessionId?: string; review?: '1' | '0' };

const reportPath = (agencyId: string, selectionId: string, blueprintId: string) => `${selectionPath(agencyId, selectionId)}/cat-reports/${enc(blueprintId)}`;

export const catReportApi = {
  report: (agencyId: string, selectionId: string, blueprintId: string, query: ReportQuery) => api.get<CatReport>(reportPath(agencyId, selectionId, blueprintId), q({ ...query })),
  items: (agencyId: string, selectionId: string, blueprintId: string, query: ItemsQuery) =>
    api.get<ItemsReport>(`${reportPath(agencyId, selectionId, blueprintId)}/items`, q({ ...query })),
  exportUrl: (agencyId: string, selectionId: string, blueprintId: string) => `${reportPath(agencyId, selectionId, blueprintId)}/export.xlsx`,
};

const stageResultPath = (agencyId: string, selectionId: string, blueprintId: string) => `${selectionPath(agencyId, selectionId)}/blueprints/${enc(blueprintId)}/skd-result`;

/** The ranked result of a CAT stage (who proceeds) and its announcement. */
export const stageResultApi = {
  get: (agencyId: string, selectionId: string, blueprintId: string) => api.get<StageResult>(stageResultPath(agencyId, selectionId, blueprintId)),
  publish: (agencyId: string, selectionId: string, blueprintId: string) => api.post<StagePublication>(`${stageResultPath(agencyId, selectionId, blueprintId)}/publish`),
};

export const catBankKeys = {
  banks: (scope: BankScope) => ['cat-banks', scope.agencyId ?? 'nasional'] as const,
  bankList: (scope: BankScope, query: BankListQuery) => ['cat-banks', scope.agencyId ?? 'nasional', 'list', query] as const,
  bank: (scope: BankScope, bankId: string) => ['cat-banks', scope.agencyId ?? 'nasional', bankId] as const,
  questions: (scope: BankScope, bankId: string, query: QuestionListQuery) => ['cat-banks', scope.agencyId ?? 'nasional', bankId, 'questions', query] as const,
  question: (scope: BankScope, bankId: string, questionId: string) => ['cat-banks', scope.agencyId ?? 'nasional', bankId, 'question', questionId] as const,
  blueprints: (agencyId: string, selectionId: string) => ['cat-blueprints', agencyId, selectionId] as const,
  blueprintOptions: (agencyId: string, selectionId: string) => ['cat-blueprints', agencyId, selectionId, 'options'] as const,
  blueprint: (agencyId: string, selectionId: string, blueprintId: string) => ['cat-blueprints', agencyId, selectionId, blueprintId] as const,
  report: (agencyId: string, selectionId: string, blueprintId: string, query: ReportQuery) => ['cat-reports', agencyId, selectionId, blueprintId, query] as const,
  items: (agencyId: string, selectionId: string, blueprintId: string, query: ItemsQuery) => ['cat-reports', agencyId, selectionId, blueprintId, 'items', query] as const,
  stageResult: (agencyId: string, selectionId: string, blueprintId: string) => ['cat-reports', agencyId, selectionId, blueprintId, 'stage-result'] as const,
};
