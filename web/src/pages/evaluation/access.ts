import type { Me } from '../../api/types';
import { hasRole, isSuperAdmin } from '../../lib/roles';
import { PERIOD_KIND_LABELS, PERIOD_STATUS_LABELS, PLAN_STATUS_LABELS, RECOMMENDATION_SOURCE_LABELS, type PeriodKind, type PeriodStatus, type PlanStatus, type RecommendationSource } from '../../../../core/evaluation';
import { PREDIKAT_LABELS, RATING_LABELS, type Predikat, type Rating } from '../../../../core/predikat';

/** Mirrors server/modules/evaluation/evaluation.policy.ts, to avoid showing useless screens and buttons. */
export const canManageEvaluation = (me: Me | null | undefined, agencyId: string) => isSuperAdmin(me) || hasRole(me, 'admin_instansi', agencyId);

const grantsOf = (me: Me | null | undefined, role: 'pegawai' | 'atasan') =>
  (me?.roles ?? []).filter((grant) => grant.role === role && grant.agencyId).map((grant) => ({ agencyId: grant.agencyId!, agencyName: grant.agencyName ?? 'Instansi' }));
export const employeeAgencies = (me: Me | null | undefined) => grantsOf(me, 'pegawai');
export const supervisorAgencies = (me: Me | null | undefined) => grantsOf(me, 'atasan');

export const evaluationPaths = {
  mine: '/penilaian-kinerja',
  team: '/atasan/penilaian',
  plan: (agencyId: string, planId: string) => `/penilaian-kinerja/rencana/${agencyId}/${planId}`,
  periods: (agencyId: string) => `/admin/instansi/${agencyId}/penilaian`,
  period: (agencyId: string, periodId: string) => `/admin/instansi/${agencyId}/penilaian/periode/${periodId}`,
  desks: (agencyId: string) => `/admin/instansi/${agencyId}/penilaian/loket`,
  recommendations: (agencyId: string) => `/admin/instansi/${agencyId}/penilaian/rekomendasi`,
  publicDesk: (code: string) => `/nilai-layanan/${code}`,
};

export const periodKindLabel = (kind: string) => PERIOD_KIND_LABELS[kind as PeriodKind] ?? kind;
export const periodStatusLabel = (status: string) => PERIOD_STATUS_LABELS[status as PeriodStatus] ?? status;
export const planStatusLabel = (status: string) => PLAN_STATUS_LABELS[status as PlanStatus] ?? status;
export const predikatLabel = (predikat: string | null | undefined) => (predikat ? (PREDIKAT_LABELS[predikat as Predikat] ?? predikat) : 'Belum dinilai');
export const ratingLabel = (rating: string | null | undefined) => (rating ? (RATING_LABELS[rating as Rating] ?? rating) : '—');
export const sourceLabel = (source: string) => RECOMMENDATION_SOURCE_LABELS[source as RecommendationSource] ?? source;

export const RECOMMENDATION_STATUS_LABELS: Record<string, string> = { proposed: 'Diusulkan', enrolled: 'Berjalan', completed: 'Selesai', withdrawn: 'Ditarik' };

export const planStatusTag = (status: string) => (status === 'agreed' ? 'tag-active' : status === 'returned' ? 'tag-failed' : 'tag-pending');
export const predikatTag = (predikat: string | null | undefined) => (!predikat ? 'tag-pending' : predikat === 'baik' || predikat === 'sangat_baik' ? 'tag-active' : 'tag-failed');
