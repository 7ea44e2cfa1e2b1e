// Who may do what on the final-result pages. The server enforces the same rules
// (server/modules/results/results.policy.ts); these only avoid showing a useless screen or button.
import { CRITERION_LABELS, type DecidingCriterion } from '../../../../core/ranking';
import type { Me, Role } from '../../api/types';
import { hasRole, isSuperAdmin } from '../../lib/roles';

const inAgency = (me: Me | null | undefined, agencyId: string, roles: Role[]) => roles.some((role) => hasRole(me, role, agencyId));

export const resultsAccess = {
  read: (me: Me | null | undefined, agencyId: string) => isSuperAdmin(me) || inAgency(me, agencyId, ['admin_instansi', 'panitia', 'pengawas']),
  decide: (me: Me | null | undefined, agencyId: string) => isSuperAdmin(me) || inAgency(me, agencyId, ['admin_instansi', 'panitia']),
};

export const resultPaths = {
  rounds: (agencyId: string) => `/instansi/${agencyId}/hasil-akhir`,
  round: (agencyId: string, selectionId: string) => `/instansi/${agencyId}/hasil-akhir/${selectionId}`,
  ranking: (agencyId: string, selectionId: string) => `/instansi/${agencyId}/hasil-akhir/${selectionId}/peringkat`,
  optimisation: (agencyId: string, selectionId: string) => `/instansi/${agencyId}/hasil-akhir/${selectionId}/optimalisasi`,
  verification: (agencyId: string, selectionId: string) => `/instansi/${agencyId}/hasil-akhir/${selectionId}/verifikasi`,
  objections: (agencyId: string) => `/instansi/${agencyId}/sanggah-akhir`,
  objection: (agencyId: string, objectionId: string) => `/instansi/${agencyId}/sanggah-akhir/${objectionId}`,
  applicant: (applicationId: string) => `/pelamar/pendaftaran/${applicationId}/hasil-akhir`,
  publicCheck: (code: string) => `/verifikasi-hasil/${code}`,
  announcement: (announcementId: string) => `/pengumuman/${announcementId}`,
};

/** "ditentukan oleh nilai TKP" for a line whose order against a neighbour with the same final score was decided by a criterion. */
export function decidedSentence(criterion: string | null): string | null {
  return criterion && criterion in CRITERION_LABELS ? `ditentukan oleh ${CRITERION_LABELS[criterion as DecidingCriterion]}` : null;
}
