// "Angkat pegawai dari hasil seleksi": the candidates a round's published final list appoints become
// employees of their placement unit (CPNS in probation). Idempotent: an application appointed once
// is found again, never doubled; an applicant who already works in the agency (a JPT round) is moved.
import { and, eq, inArray } from 'drizzle-orm';
import { defaultProbationEnd, initialStatus, type EmploymentType } from '../../../core/employees.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { notify } from '../notifications/notifications.service.js';
import { getPosition, getUnit, isUniqueViolation } from '../organisation/organisation.service.js';
import { appointedCandidates, type AppointedCandidate } from '../results/results.service.js';
import { getSelection } from '../selections/selections.service.js';
import { grantAgencyRole } from '../staff/staff.service.js';
import { employeesByIds } from './employees.service.js';
import { employees } from './employees.table.js';

export type AppointmentRef = { agencyId: string; selectionId: string };

const employmentTypeOf = (selectionType: AppointedCandidate['selectionType']): EmploymentType => (selectionType === 'pppk' ? 'pppk' : selectionType === 'cpns' ? 'cpns' : 'pns');

/** The appointed candidates of a round, each with the employee it has become (if any). */
export async function appointableCandidates(db: Db, ref: AppointmentRef) {
  await getSelection(db, ref);
  const candidates = await appointedCandidates(db, ref);
  const ids = candidates.map((c) => c.applicationId);
  const existing = ids.length
    ? await db.select({ id: employees.id, applicationId: employees.applicationId }).from(employees).where(and(eq(employees.agencyId, ref.agencyId), inArray(employees.applicationId, ids)))
    : [];
  const byApplication = new Map(existing.map((row) => [row.applicationId!, row.id]));
  return candidates.map((c) => ({
    applicationId: c.applicationId,
    name: c.name,
    positionName: c.positionName,
    unitName: c.unitName,
    selectionType: c.selectionType,
    finalScore: c.finalScore,
    rank: c.rank,
    unitId: c.unitId,
    positionId: c.positionId,
    employeeId: byApplication.get(c.applicationId) ?? null,
  }));
}

export type Placement = { applicationId: string; unitId: string; positionId: string | null };
export type AppointOptions = AppointmentRef & { actorId: string; appointedAt: string; applicationIds?: string[] | undefined; placements?: Placement[] | undefined };

/**
 * Appoints the round's candidates (all, or those named) on the TMT given. A candidate whose
 * formasi names no unit of the organisation needs a placement chosen; without one nothing is saved.
 */
export async function appointFromSelection(db: Db, options: AppointOptions) {
  const selection = await getSelection(db, options);
  const all = await appointedCandidates(db, options);
  if (all.length === 0) throw new AppError('INVALID_STATE', 'Belum ada peserta yang diangkat: daftar hasil akhir (pasca sanggah) seleksi ini belum diumumkan.');
  const wanted = options.applicationIds ? new Set(options.applicationIds) : null;
  if (wanted) {
    const unknown = [...wanted].filter((id) => !all.some((c) => c.applicationId === id));
    if (unknown.length) throw new AppError('VALIDATION_FAILED', 'Ada peserta yang tidak termasuk daftar lulus akhir seleksi ini.', { applicationIds: `${unknown.length} peserta bukan peserta lulus` });
  }
  const chosen = wanted ? all.filter((c) => wanted.has(c.applicationId)) : all;
  const placements = new Map((options.placements ?? []).map((p) => [p.applicationId, p]));
  for (const placement of placements.values()) {
    await getUnit(db, { agencyId: options.agencyId, unitId: placement.unitId }).catch(() => {
      throw new AppError('VALIDATION_FAILED', 'Unit kerja penempatan tidak ditemukan di instansi ini.', { placements: 'Unit kerja tidak ditemukan' });
    });
    if (placement.positionId) {
      const position = await getPosition(db, { agencyId: options.agencyId, positionId: placement.positionId }).catch(() => null);
      if (!position || position.unitId !== placement.unitId) throw new AppError('VALIDATION_FAILED', 'Jabatan penempatan bukan jabatan di unit kerja yang dipilih.', { placements: 'Jabatan tidak sesuai unit' });
    }
  }
  const done = new Set(
    (await db.select({ applicationId: employees.applicationId }).from(employees).where(and(eq(employees.agencyId, options.agencyId), eq(employees.selectionId, options.selectionId)))).map((row) => row.applicationId),
  );
  const unplaced = chosen.filter((c) => !c.unitId && !placements.has(c.applicationId) && !done.has(c.applicationId));
  if (unplaced.length) {
    const names = unplaced.slice(0, 5).map((c) => c.name).join(', ');
    throw new AppError('VALIDATION_FAILED', `Formasi ${unplaced.length} peserta belum terhubung ke unit kerja (${names}${unplaced.length > 5 ? ', …' : ''}); pilih unit penempatannya.`, { placements: 'Pilih unit kerja penempatan' });
  }
  if (options.appointedAt < `${selection.year}-01-01`) {
    throw new AppError('VALIDATION_FAILED', `TMT pengangkatan tidak boleh sebelum tahun seleksi (${selection.year}).`, { appointedAt: 'Sebelum tahun seleksi' });
  }

  const result = await db
    .transaction(async (tx) => {
      let created = 0;
      let already = 0;
      let moved = 0;
      const ids: string[] = [];
      for (const candidate of chosen) {
        const [done] = await tx.select({ id: employees.id }).from(employees).where(and(eq(employees.agencyId, options.agencyId), eq(employees.applicationId, candidate.applicationId)));
        if (done) {
          already += 1;
          ids.push(done.id);
          continue;
        }
        const placement = placements.get(candidate.applicationId);
        const unitId = placement?.unitId ?? candidate.unitId!;
        const positionId = placement ? placement.positionId : candidate.positionId;
        const type = employmentTypeOf(candidate.selectionType);
        const links = { source: 'selection', selectionId: options.selectionId, applicationId: candidate.applicationId, unitId, positionId };
        const [current] = await tx.select().from(employees).where(and(eq(employees.agencyId, options.agencyId), eq(employees.accountId, candidate.accountId))).for('update');
        let id: string;
        if (current && current.status !== 'ended') {
          // Already working here (a JPT round among the agency's own staff): placed in the new post.
          await tx.update(employees).set({ ...links, updatedAt: new Date() }).where(eq(employees.id, current.id));
          await recordAudit(tx, {
            agencyId: options.agencyId,
            actorId: options.actorId,
            action: 'employee.appoint',
            targetType: 'employee',
            targetId: current.id,
            before: { unitId: current.unitId, positionId: current.positionId, selectionId: current.selectionId },
            after: links,
          });
          moved += 1;
          id = current.id;
        } else {
          // A former employee coming back: the account moves to the new record, the old one stays for retention.
          if (current) await tx.update(employees).set({ accountId: null, updatedAt: new Date() }).where(eq(employees.id, current.id));
          const [row] = await tx
            .insert(employees)
            .values({
              agencyId: options.agencyId,
              accountId: candidate.accountId,
              name: candidate.name,
              employmentType: type,
              status: initialStatus(type),
              appointedAt: options.appointedAt,
              probationEndsAt: type === 'cpns' ? defaultProbationEnd(options.appointedAt) : null,
              ...links,
            })
            .returning();
          await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'employee.appoint', targetType: 'employee', targetId: row!.id, after: { ...links, employmentType: type, appointedAt: options.appointedAt } });
          created += 1;
          id = row!.id;
        }
        await grantAgencyRole(tx, { accountId: candidate.accountId, agencyId: options.agencyId, role: 'pegawai' });
        await notify(tx, {
          accountId: candidate.accountId,
          title: `Pengangkatan ${selection.name}`,
          body: `Anda tercatat sebagai pegawai di ${candidate.unitName} (${candidate.positionName}) dengan TMT ${options.appointedAt}. Mohon isi survei ASN baru tentang proses rekrutmen.`,
          link: '/pegawai',
        });
        ids.push(id);
      }
      return { created, already, moved, ids };
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'Peserta seleksi ini sedang diangkat oleh proses lain; muat ulang halaman lalu coba lagi.');
      throw error;
    });
  return { created: result.created, already: result.already, moved: result.moved, employees: await employeesByIds(db, { agencyId: options.agencyId, ids: result.ids }) };
}
