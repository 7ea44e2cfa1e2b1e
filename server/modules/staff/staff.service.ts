import { and, count, eq, ilike, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Role } from '../../../core/roles.js';
import { ROLE_LABELS } from '../../../core/roles.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { accountRoles, accounts, findAccountByEmail, issueToken } from '../accounts/accounts.repo.js';
import { getAgency } from '../agencies/agencies.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { enqueueEmail, notify } from '../notifications/notifications.service.js';
import { accountChanged } from '../sessions/session-cache.js';

export type StaffDeps = { db: Db; config: Config };

const staffRoleList = sql<string[]>`array_agg(${accountRoles.role} ORDER BY ${accountRoles.role})`;

function presentStaff(row: { accountId: string; email: string; name: string; roles: string[]; passwordHash: string | null; lastLoginAt: Date | null }) {
  return {
    accountId: row.accountId,
    email: row.email,
    name: row.name,
    roles: row.roles,
    status: row.passwordHash ? ('active' as const) : ('invited' as const),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
  };
}

function staffQuery(db: Db, agencyId: string) {
  return db
    .select({ accountId: accounts.id, email: accounts.email, name: accounts.name, passwordHash: accounts.passwordHash, lastLoginAt: accounts.lastLoginAt, roles: staffRoleList })
    .from(accountRoles)
    .innerJoin(accounts, eq(accounts.id, accountRoles.accountId))
    .where(eq(accountRoles.agencyId, agencyId))
    .groupBy(accounts.id)
    .$dynamic();
}

export async function listStaff(db: Db, options: { agencyId: string; q?: string | undefined; page: number; pageSize: number }) {
  const search = options.q ? or(ilike(accounts.name, `%${options.q}%`), ilike(accounts.email, `%${options.q}%`)) : undefined;
  const scope = and(eq(accountRoles.agencyId, options.agencyId), search);
  const [total] = await db
    .select({ n: sql<number>`count(distinct ${accountRoles.accountId})`.mapWith(Number) })
    .from(accountRoles)
    .innerJoin(accounts, eq(accounts.id, accountRoles.accountId))
    .where(scope);
  const rows = await db
    .select({ accountId: accounts.id, email: accounts.email, name: accounts.name, passwordHash: accounts.passwordHash, lastLoginAt: accounts.lastLoginAt, roles: staffRoleList })
    .from(accountRoles)
    .innerJoin(accounts, eq(accounts.id, accountRoles.accountId))
    .where(scope)
    .groupBy(accounts.id)
    .orderBy(accounts.name, accounts.id)
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  return { items: rows.map(presentStaff), total: total?.n ?? 0 };
}

async function getStaff(db: Db, agencyId: string, accountId: string) {
  const [row] = await staffQuery(db, agencyId).where(and(eq(accountRoles.agencyId, agencyId), eq(accountRoles.accountId, accountId)));
  if (!row) throw notFound('Staf');
  return presentStaff(row);
}

export type InviteStaffInput = { actorId: string; actorName: string; agencyId: string; email: string; name: string; roles: Role[] };

/**
 * Adds a staff member with roles. A new address gets an account and an invitation link to set a
 * password; an existing account gets the roles and a notice.
 */
export async function inviteStaff(deps: StaffDeps, input: InviteStaffInput) {
  const agency = await getAgency(deps.db, input.agencyId);
  const email = input.email.trim().toLowerCase();
  const roleNames = input.roles.map((role) => ROLE_LABELS[role]).join(', ');
  const accountId = await deps.db.transaction(async (tx) => {
    let account = await findAccountByEmail(tx, email);
    if (account) {
      const [held] = await tx.select({ n: count() }).from(accountRoles).where(and(eq(accountRoles.accountId, account.id), eq(accountRoles.agencyId, agency.id)));
      if (held && held.n > 0) throw new AppError('CONFLICT', 'Orang ini sudah menjadi staf instansi ini; ubah perannya saja.', { email: 'Sudah menjadi staf' });
    } else {
      [account] = await tx.insert(accounts).values({ email, name: input.name.trim() }).returning();
    }
    const target = account!;
    await tx.insert(accountRoles).values(input.roles.map((role) => ({ accountId: target.id, role, agencyId: agency.id })));
    const smtp = Boolean(deps.config.smtpUrl);
    if (target.passwordHash) {
      await notify(tx, { accountId: target.id, title: `Peran baru di ${agency.name}`, body: `Anda ditambahkan sebagai ${roleNames}.`, link: '/dasbor' });
      await enqueueEmail(tx, { to: email, subject: `Peran baru di ${agency.name}`, text: `Halo ${target.name},\n\nAnda ditambahkan sebagai ${roleNames} di ${agency.name}. Masuk di ${deps.config.publicUrl}/masuk` }, { smtp });
    } else {
      const token = await issueToken(tx, target.id, 'invitation', { agencyId: agency.id, agencyName: agency.name, invitedByName: input.actorName, roles: input.roles });
      await enqueueEmail(
        tx,
        {
          to: email,
          subject: `Undangan staf ${agency.name} — Rekrutmen ASN`,
          text: `Halo ${input.name},\n\n${input.actorName} mengundang Anda sebagai ${roleNames} di ${agency.name}. Buka tautan berikut untuk mengatur kata sandi (berlaku 7 hari, sekali pakai):\n${deps.config.publicUrl}/undangan?token=${token}`,
        },
        { smtp },
      );
    }
    await recordAudit(tx, { agencyId: agency.id, actorId: input.actorId, action: 'staff.invite', targetType: 'account', targetId: target.id, after: { email, roles: input.roles } });
    return target.id;
  });
  accountChanged(accountId);
  return getStaff(deps.db, agency.id, accountId);
}

export type SetRolesInput = { actorId: string; agencyId: string; accountId: string; roles: Role[] };

export async function setStaffRoles(deps: StaffDeps, input: SetRolesInput) {
  await deps.db.transaction(async (tx) => {
    const before = await getStaff(tx, input.agencyId, input.accountId);
    if (input.accountId === input.actorId && before.roles.includes('admin_instansi') && !input.roles.includes('admin_instansi')) {
      throw new AppError('CONFLICT', 'Anda tidak dapat mencabut peran Admin Instansi Anda sendiri.');
    }
    await tx.delete(accountRoles).where(and(eq(accountRoles.agencyId, input.agencyId), eq(accountRoles.accountId, input.accountId)));
    await tx.insert(accountRoles).values(input.roles.map((role) => ({ accountId: input.accountId, role, agencyId: input.agencyId })));
    await recordAudit(tx, { agencyId: input.agencyId, actorId: input.actorId, action: 'staff.set_roles', targetType: 'account', targetId: input.accountId, before: { roles: before.roles }, after: { roles: [...input.roles].sort() } });
  });
  accountChanged(input.accountId);
  return getStaff(deps.db, input.agencyId, input.accountId);
}

export type RemoveStaffInput = { actorId: string; agencyId: string; accountId: string };

export async function removeStaff(deps: StaffDeps, input: RemoveStaffInput) {
  if (input.accountId === input.actorId) throw new AppError('CONFLICT', 'Anda tidak dapat menghapus diri sendiri dari staf.');
  await deps.db.transaction(async (tx) => {
    const before = await getStaff(tx, input.agencyId, input.accountId);
    await tx.delete(accountRoles).where(and(eq(accountRoles.agencyId, input.agencyId), eq(accountRoles.accountId, input.accountId)));
    await recordAudit(tx, { agencyId: input.agencyId, actorId: input.actorId, action: 'staff.remove', targetType: 'account', targetId: input.accountId, before: { roles: before.roles } });
  });
  accountChanged(input.accountId);
}

/** Accounts that hold a role in an agency: used by later modules to address a notification to an agency's staff. */
export async function staffWithRole(db: Db, agencyId: string, roles: Role[]) {
  return db
    .selectDistinct({ accountId: accountRoles.accountId })
    .from(accountRoles)
    .innerJoin(accounts, eq(accounts.id, accountRoles.accountId))
    .where(and(eq(accountRoles.agencyId, agencyId), inArray(accountRoles.role, roles), isNotNull(accounts.passwordHash)));
}

export type GrantAgencyRoleOptions = { accountId: string; agencyId: string; role: Role };

/**
 * Gives an account a role in an agency when it lacks it (an employee's pegawai, a supervisor's
 * atasan); true when the role was added. The caller audits the change that caused it. Said inside
 * the caller's transaction: a session resolved before it commits may miss the new role for up to
 * SESSION_CACHE_MS (a grant, never a removal, so nothing is allowed that should not be).
 */
export async function grantAgencyRole(tx: Db, options: GrantAgencyRoleOptions): Promise<boolean> {
  const added = await tx.insert(accountRoles).values({ accountId: options.accountId, role: options.role, agencyId: options.agencyId }).onConflictDoNothing().returning({ id: accountRoles.id });
  if (added.length) accountChanged(options.accountId);
  return added.length > 0;
}

/** Whether the account holds any role in the agency. */
export async function isAgencyStaff(db: Db, options: { accountId: string; agencyId: string }): Promise<boolean> {
  const [held] = await db.select({ n: count() }).from(accountRoles).where(and(eq(accountRoles.accountId, options.accountId), eq(accountRoles.agencyId, options.agencyId)));
  return (held?.n ?? 0) > 0;
}

/** The active accounts holding a role in an agency, with names (e.g. the trainers to choose from). */
export async function accountsWithRole(db: Db, options: { agencyId: string; role: Role }) {
  return db
    .selectDistinct({ accountId: accounts.id, name: accounts.name, email: accounts.email })
    .from(accountRoles)
    .innerJoin(accounts, eq(accounts.id, accountRoles.accountId))
    .where(and(eq(accountRoles.agencyId, options.agencyId), eq(accountRoles.role, options.role)))
    .orderBy(accounts.name);
}

/** Whether an account holds this role in the agency. */
export async function holdsAgencyRole(db: Db, options: { accountId: string; agencyId: string; role: Role }): Promise<boolean> {
  const [held] = await db
    .select({ n: count() })
    .from(accountRoles)
    .where(and(eq(accountRoles.accountId, options.accountId), eq(accountRoles.agencyId, options.agencyId), eq(accountRoles.role, options.role)));
  return (held?.n ?? 0) > 0;
}
