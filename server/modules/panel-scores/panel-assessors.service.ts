import type { AssessorKind, Assessor } from '../../../core/schemas/panel-scores.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { inviteStaff } from '../staff/staff.service.js';
import { assessorsOf, workloads } from './panel-scores.repo.js';
import { panelAssessorProfiles } from './panel-scores.table.js';

/** The agency's assessors (role penguji), internal and outside, with how many open assignments each holds. */
export async function listAssessors(db: Db, { agencyId }: { agencyId: string }): Promise<Assessor[]> {
  const [rows, load] = await Promise.all([assessorsOf(db, { agencyId }), workloads(db, agencyId)]);
  return rows.map((row) => ({ ...row, kind: row.kind as AssessorKind, workload: load.get(row.accountId) ?? 0 }));
}

async function requireAssessor(db: Db, agencyId: string, accountId: string): Promise<Assessor> {
  const found = (await listAssessors(db, { agencyId })).find((row) => row.accountId === accountId);
  if (!found) throw notFound('Penguji');
  return found;
}

export type InviteAssessorInput = {
  deps: { db: Db; config: Config };
  actorId: string;
  actorName: string;
  agencyId: string;
  email: string;
  name: string;
  kind: AssessorKind;
  institution: string;
};

/**
 * An agency administrator invites an assessor — typically an outside academic or practitioner
 * (seed 004) — through the staff invitation (role penguji only, so the account sees nothing but the
 * candidates later assigned to it), and records who they are for the panel.
 */
export async function inviteAssessor({ deps, actorId, actorName, agencyId, email, name, kind, institution }: InviteAssessorInput): Promise<Assessor> {
  if (kind !== 'internal' && institution.trim() === '') {
    throw new AppError('VALIDATION_FAILED', 'Asal lembaga penguji dari luar instansi wajib diisi.', { institution: 'Wajib diisi untuk akademisi atau praktisi' });
  }
  const staff = await inviteStaff(deps, { actorId, actorName, agencyId, email, name, roles: ['penguji'] });
  await setAssessorProfile(deps.db, { agencyId, accountId: staff.accountId, actorId, kind, institution });
  return requireAssessor(deps.db, agencyId, staff.accountId);
}

export type ProfileInput = { agencyId: string; accountId: string; actorId: string; kind: AssessorKind; institution: string };

/** Whether an assessor is internal or from outside the agency, and where from. */
export async function setAssessorProfile(db: Db, { agencyId, accountId, actorId, kind, institution }: ProfileInput): Promise<Assessor> {
  if (kind !== 'internal' && institution.trim() === '') {
    throw new AppError('VALIDATION_FAILED', 'Asal lembaga penguji dari luar instansi wajib diisi.', { institution: 'Wajib diisi untuk akademisi atau praktisi' });
  }
  const before = await requireAssessor(db, agencyId, accountId);
  await db.transaction(async (tx) => {
    const values = { kind, institution: institution.trim() };
    await tx
      .insert(panelAssessorProfiles)
      .values({ agencyId, accountId, ...values, createdBy: actorId })
      .onConflictDoUpdate({ target: [panelAssessorProfiles.agencyId, panelAssessorProfiles.accountId], set: values });
    await recordAudit(tx, { agencyId, actorId, action: 'panel.assessor.profile', targetType: 'account', targetId: accountId, before: { kind: before.kind, institution: before.institution }, after: values });
  });
  return requireAssessor(db, agencyId, accountId);
}
