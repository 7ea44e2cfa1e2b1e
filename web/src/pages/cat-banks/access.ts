import { CAT_SUBTESTS, QUESTION_STATUS_LABELS, type QuestionStatus } from '../../../../core/cat-bank';
import type { BankScope } from '../../api/cat-banks';
import type { Me } from '../../api/types';
import { hasRole, isSuperAdmin } from '../../lib/roles';

/** Mirrors server/modules/cat-banks/cat-banks.policy.ts, to avoid showing useless screens and buttons. */
export function canListBanks(me: Me | null | undefined, scope: BankScope): boolean {
  if (!scope.agencyId) return isSuperAdmin(me);
  return isSuperAdmin(me) || hasRole(me, 'admin_instansi', scope.agencyId) || hasRole(me, 'panitia', scope.agencyId);
}

/** Who reads and changes a bank's questions: the agency's admin and panel, or the super admin for national banks. */
export function canManageBanks(me: Me | null | undefined, scope: BankScope): boolean {
  if (!scope.agencyId) return isSuperAdmin(me);
  return hasRole(me, 'admin_instansi', scope.agencyId) || hasRole(me, 'panitia', scope.agencyId);
}

/** Blueprints and reports (server: cat-blueprints and cat-reports policies). */
export function canReadCatPlans(me: Me | null | undefined, agencyId: string): boolean {
  return isSuperAdmin(me) || (['admin_instansi', 'panitia', 'pengawas'] as const).some((role) => hasRole(me, role, agencyId));
}

export function canPlanCat(me: Me | null | undefined, agencyId: string): boolean {
  return isSuperAdmin(me) || hasRole(me, 'admin_instansi', agencyId) || hasRole(me, 'panitia', agencyId);
}

/** Agencies whose banks this account manages (navigation and dashboard). */
export function bankAgencies(me: Me | null | undefined): Array<{ agencyId: string; agencyName: string }> {
  const seen = new Map<string, string>();
  for (const grant of me?.roles ?? []) {
    if (grant.agencyId && (grant.role === 'admin_instansi' || grant.role === 'panitia')) seen.set(grant.agencyId, grant.agencyName ?? 'Instansi');
  }
  return [...seen].map(([agencyId, agencyName]) => ({ agencyId, agencyName }));
}

const banksBase = (scope: BankScope) => (scope.agencyId ? `/admin/instansi/${scope.agencyId}/bank-soal` : '/admin/bank-soal');

export const bankPaths = {
  list: banksBase,
  bank: (scope: BankScope, bankId: string) => `${banksBase(scope)}/${bankId}`,
  newQuestion: (scope: BankScope, bankId: string) => `${banksBase(scope)}/${bankId}/soal/baru`,
  question: (scope: BankScope, bankId: string, questionId: string) => `${banksBase(scope)}/${bankId}/soal/${questionId}`,
  plans: (agencyId: string) => `/admin/instansi/${agencyId}/cat-perencanaan`,
  blueprints: (agencyId: string, selectionId: string) => `/admin/instansi/${agencyId}/seleksi/${selectionId}/cetak-biru`,
  report: (agencyId: string, selectionId: string, blueprintId?: string) =>
    `/admin/instansi/${agencyId}/seleksi/${selectionId}/laporan-cat${blueprintId ? `?cetakBiru=${encodeURIComponent(blueprintId)}` : ''}`,
};

export const subtestOptions = CAT_SUBTESTS.map((subtest) => ({ value: subtest.code, label: `${subtest.code} — ${subtest.name}` }));
export const subtestName = (code: string) => CAT_SUBTESTS.find((subtest) => subtest.code === code)?.name ?? code;

export const statusLabel = (status: string) => QUESTION_STATUS_LABELS[status as QuestionStatus] ?? status;
export const statusTag: Record<QuestionStatus, string> = { draft: 'tag-pending', reviewed: 'tag-invited', active: 'tag-active', retired: 'tag-failed' };
export const statusOptions = Object.entries(QUESTION_STATUS_LABELS).map(([value, label]) => ({ value, label }));

/** "0,45" — indices and shares, two decimals, Indonesian notation. */
export const decimal = (value: number | null | undefined, digits = 2) =>
  value === null || value === undefined ? '—' : value.toLocaleString('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const percent = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${(value * 100).toLocaleString('id-ID', { maximumFractionDigits: 1 })}%`);
