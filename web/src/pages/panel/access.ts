import type { Me } from '../../api/types';
import { hasRole, isSuperAdmin } from '../../lib/roles';

/** Mirrors server/modules/panel-scores/panel-scores.policy.ts, to avoid showing useless screens and buttons. */
export const panelAccess = {
  read: (me: Me | null | undefined, agencyId: string) => isSuperAdmin(me) || (['admin_instansi', 'panitia', 'pengawas'] as const).some((role) => hasRole(me, role, agencyId)),
  manage: (me: Me | null | undefined, agencyId: string) => isSuperAdmin(me) || hasRole(me, 'admin_instansi', agencyId) || hasRole(me, 'panitia', agencyId),
  /** The agency's own panel only (not the super administrator). */
  correct: (me: Me | null | undefined, agencyId: string) => hasRole(me, 'admin_instansi', agencyId) || hasRole(me, 'panitia', agencyId),
  inviteAssessor: (me: Me | null | undefined, agencyId: string) => isSuperAdmin(me) || hasRole(me, 'admin_instansi', agencyId),
  assess: (me: Me | null | undefined, agencyId: string) => hasRole(me, 'penguji', agencyId),
};

export const panelPaths = {
  index: (agencyId: string) => `/instansi/${agencyId}/panel`,
  component: (agencyId: string, componentId: string) => `/instansi/${agencyId}/panel/komponen/${componentId}`,
  newRubric: (agencyId: string, selectionId: string, stageKey: string, componentKey: string | null) =>
    `/instansi/${agencyId}/panel/seleksi/${selectionId}/rubrik?tahap=${encodeURIComponent(stageKey)}${componentKey ? `&komponen=${encodeURIComponent(componentKey)}` : ''}`,
  editRubric: (agencyId: string, componentId: string) => `/instansi/${agencyId}/panel/komponen/${componentId}/rubrik`,
  workspace: (agencyId: string) => `/penilaian/instansi/${agencyId}`,
  assignment: (agencyId: string, assignmentId: string) => `/penilaian/instansi/${agencyId}/penugasan/${assignmentId}`,
};
