// Optimisation (domain rules §5): after the post-objection final list, places still unfilled are
// offered to candidates who met the SKD pass mark but won no place — same position and education,
// best rank first, another placement unit if needed, special formations to general candidates
// (core/optimisation.ts) — each offer accepted or declined before its deadline by the server
// clock, then the next offer goes out. Every step audited; candidates notified in the app and by email.
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { OFFER_BASIS_LABELS, nextOffers, OPTIMISATION_PRESET, type OfferBasis, type OfferDecision, type OptimisationCandidate, type OptimisationFormation } from '../../../core/optimisation.js';
import { formatUnits, offerDecisionRefusal, type OfferState } from '../../../core/final-results.js';
import { objectionWindow } from '../../../core/pipeline.js';
import { RANKING_PRESET } from '../../../core/ranking.js';
import type { OptimisationView } from '../../../core/schemas/results.js';
import { formatInZone } from '../../../core/time.js';
import { selectRows, type Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { enqueueEmails, notifyMany } from '../notifications/notifications.service.js';
import { loadFormations, loadRound, rankingOf, stagesOf, type FormasiRow, type RoundRow } from './results.repo.js';
import { finalResults, optimisationOffers, optimisations } from './results.table.js';
import { agencies } from '../agencies/agencies.table.js';
import { formasi } from '../formasi/formasi.table.js';
import { selections } from '../selections/selections.table.js';
import { formasiLabel } from './inputs.js';
import { requireRound, zoneOf, type ResultDeps, type RoundRef } from './results.service.js';

type Offer = typeof optimisationOffers.$inferSelect;

/** The formation's education as one comparable key: its levels and programmes, sorted. */
export function educationKey(qualifications: FormasiRow['qualifications']): string {
  return (qualifications ?? [])
    .map((q) => `${String(q.level).toUpperCase()}:${[...(q.programmes ?? [])].map((p) => p.trim().toLowerCase()).sort().join('|')}`)
    .sort()
    .join(';');
}

const optimisationFormation = (f: FormasiRow, unfilled: number): OptimisationFormation => ({
  id: f.id,
  agencyId: f.agency_id,
  unitId: f.unit_id ?? `unit:${f.unit_name}`,
  positionId: f.position_id ?? `jabatan:${f.position_name}`,
  educationId: educationKey(f.qualifications),
  kind: f.kind,
  unfilled,
});

async function postList(db: Db, selectionId: string) {
  return (await stagesOf(db, selectionId)).find((s) => s.stage === 'akhir_pasca_sanggah') ?? null;
}

/** Per formasi: its count and how many passed in the post-objection list. */
async function placesOf(db: Db, selectionId: string, stageResultId: string) {
  const formations = await loadFormations(db, selectionId);
  const passed = await selectRows<{ formasi_id: string; n: number }>(db, sql`SELECT formasi_id, count(*)::int AS n FROM final_results WHERE stage_result_id = ${stageResultId} AND status = 'lulus' GROUP BY formasi_id`);
  const passedOf = new Map(passed.map((p) => [p.formasi_id, Number(p.n)]));
  return formations.map((f) => {
    const filled = Math.min(f.count, passedOf.get(f.id) ?? 0);
    return { formasi: f, filled, unfilled: f.count - filled };
  });
}

export async function optimisationSummary(db: Db, { selectionId }: RoundRef) {
  const [started] = await db.select().from(optimisations).where(eq(optimisations.selectionId, selectionId));
  const counts = await selectRows<{ status: OfferState; n: number }>(db, sql`SELECT status, count(*)::int AS n FROM optimisation_offers WHERE selection_id = ${selectionId} GROUP BY status`);
  const by = new Map(counts.map((c) => [c.status, Number(c.n)]));
  const post = await postList(db, selectionId);
  let unfilled = 0;
  if (post) for (const place of await placesOf(db, selectionId, post.id)) unfilled += place.unfilled;
  return {
    started: Boolean(started),
    startedAt: started?.startedAt.toISOString() ?? null,
    offerDays: started?.offerDays ?? null,
    unfilled,
    pending: by.get('pending') ?? 0,
    accepted: by.get('accepted') ?? 0,
    declined: by.get('declined') ?? 0,
    expired: by.get('expired') ?? 0,
  };
}

type PoolRow = {
  application_id: string;
  account_id: string;
  email: string | null;
  registration_number: string;
  name: string;
  formasi_id: string;
  final_units: number | string;
  skd_total: number | null;
  twk: number | null;
  tiu: number | null;
  tkp: number | null;
  ipk: number | null;
  birth_date: string | null;
};

/**
 * Expires overdue offers and makes the next ones, under the round's optimisation row lock. Called
 * when the optimisation starts, after every decline, and by the sweeper for expired offers.
 */
export async function advanceOptimisation(tx: Db, deps: Pick<ResultDeps, 'config'>, { round, now, actorId }: { round: RoundRow; now: Date; actorId: string | null }) {
  const [state] = await tx.select().from(optimisations).where(eq(optimisations.selectionId, round.id)).for('update');
  if (!state) return { expired: 0, offered: 0 };
  const zone = zoneOf(round.timezone);
  const expired = await tx
    .update(optimisationOffers)
    .set({ status: 'expired', decidedAt: now })
    .where(and(eq(optimisationOffers.selectionId, round.id), eq(optimisationOffers.status, 'pending'), lt(optimisationOffers.expiresAt, now)))
    .returning();
  if (expired.length) {
    await recordAudit(tx, { agencyId: round.agencyId, actorId, action: 'optimisation.offer.expire', targetType: 'selection', targetId: round.id, after: { offers: expired.map((o) => ({ id: o.id, applicationId: o.applicationId, formasiId: o.formasiId, expiresAt: o.expiresAt.toISOString() })) } });
    await notifyMany(tx, expired.map((o) => ({ accountId: o.accountId, title: 'Tawaran optimalisasi berakhir', body: `Tawaran optimalisasi pada ${round.name} berakhir tanpa jawaban pada ${formatInZone(o.expiresAt, zone)}.`, link: `/pelamar/pendaftaran/${o.applicationId}/hasil-akhir` })));
  }
  const post = await postList(tx, round.id);
  if (!post) return { expired: expired.length, offered: 0 };
  const places = await placesOf(tx, round.id, post.id);
  const formasiOf = new Map(places.map((p) => [p.formasi.id, p.formasi]));
  const pool = await selectRows<PoolRow>(
    tx,
    sql`SELECT fr.application_id, fr.account_id, a.email, fr.registration_number, fr.name, fr.formasi_id, fr.final_units, fr.skd_total, fr.twk, fr.tiu, fr.tkp, fr.ipk, fr.birth_date
        FROM final_results fr JOIN applications a ON a.id = fr.application_id
        WHERE fr.stage_result_id = ${post.id} AND fr.status = 'tidak_lulus' AND fr.rank IS NOT NULL`,
  );
  const candidates: OptimisationCandidate[] = pool.map((p) => {
    const f = optimisationFormation(formasiOf.get(p.formasi_id)!, 0);
    return {
      registrationNumber: p.application_id,
      final: Number(p.final_units),
      skdTotal: p.skd_total ?? 0,
      tkp: p.tkp ?? 0,
      tiu: p.tiu ?? 0,
      twk: p.twk ?? 0,
      ipk: p.ipk,
      birthDate: p.birth_date ?? '1900-01-01',
      formasiId: p.formasi_id,
      agencyId: f.agencyId,
      unitId: f.unitId,
      positionId: f.positionId,
      educationId: f.educationId,
      kind: f.kind,
    };
  });
  const existing = await tx.select().from(optimisationOffers).where(eq(optimisationOffers.selectionId, round.id));
  const decisions: OfferDecision[] = existing.map((o) => ({ registrationNumber: o.applicationId, formasiId: o.formasiId, status: o.status as OfferState }));
  const { offers } = nextOffers({
    formations: places.map((p) => optimisationFormation(p.formasi, p.unfilled)),
    candidates,
    decisions,
    preset: OPTIMISATION_PRESET,
    rankingPreset: RANKING_PRESET,
  });
  if (!offers.length) return { expired: expired.length, offered: 0 };
  const expiresAt = objectionWindow({ announcedAt: now, days: state.offerDays, zone }).end;
  const byApplication = new Map(pool.map((p) => [p.application_id, p]));
  const inserted = await tx
    .insert(optimisationOffers)
    .values(
      offers.map((offer) => {
        const person = byApplication.get(offer.registrationNumber)!;
        return { agencyId: round.agencyId, selectionId: round.id, applicationId: person.application_id, accountId: person.account_id, fromFormasiId: person.formasi_id, formasiId: offer.formasiId, basis: offer.basis, offeredAt: now, expiresAt };
      }),
    )
    .returning();
  for (const offer of inserted) {
    await recordAudit(tx, {
      agencyId: round.agencyId,
      actorId,
      action: 'optimisation.offer.make',
      targetType: 'optimisation_offer',
      targetId: offer.id,
      after: { applicationId: offer.applicationId, registrationNumber: byApplication.get(offer.applicationId)!.registration_number, fromFormasiId: offer.fromFormasiId, formasiId: offer.formasiId, basis: offer.basis, expiresAt: offer.expiresAt.toISOString() },
    });
  }
  const text = (offer: Offer) =>
    `Anda mendapat tawaran optimalisasi pada ${round.name}: formasi ${formasiLabel(formasiOf.get(offer.formasiId)!)} (${OFFER_BASIS_LABELS[offer.basis as OfferBasis]}). Terima atau tolak sebelum ${formatInZone(offer.expiresAt, zone)}; setelah itu tawaran berakhir dan diberikan kepada peserta berikutnya.`;
  const link = (offer: Offer) => `/pelamar/pendaftaran/${offer.applicationId}/hasil-akhir`;
  await notifyMany(tx, inserted.map((offer) => ({ accountId: offer.accountId, title: 'Tawaran optimalisasi formasi', body: text(offer), link: link(offer) })));
  await enqueueEmails(
    tx,
    inserted
      .filter((offer) => byApplication.get(offer.applicationId)!.email)
      .map((offer) => ({ to: byApplication.get(offer.applicationId)!.email!, subject: `Tawaran optimalisasi — ${round.name}`, text: `${text(offer)}\n\nJawab tawaran: ${deps.config.publicUrl}${link(offer)}` })),
    { smtp: Boolean(deps.config.smtpUrl) },
  );
  return { expired: expired.length, offered: inserted.length };
}

export type StartInput = RoundRef & { actorId: string; offerDays: number; now?: Date };

/** Starts the optimisation of a round after its post-objection list: makes the first offers. */
export async function startOptimisation(deps: ResultDeps, { agencyId, selectionId, actorId, offerDays, now = new Date() }: StartInput) {
  return deps.db.transaction(async (tx) => {
    const round = await requireRound(tx, { agencyId, selectionId, lock: true });
    const post = await postList(tx, selectionId);
    if (!post) throw new AppError('INVALID_STATE', 'Optimalisasi dimulai setelah hasil akhir pasca sanggah diumumkan.');
    const inserted = await tx.insert(optimisations).values({ selectionId, agencyId, offerDays, startedBy: actorId, startedAt: now }).onConflictDoNothing().returning();
    if (!inserted.length) throw new AppError('CONFLICT', 'Optimalisasi seleksi ini sudah dimulai.');
    const places = await placesOf(tx, round.id, post.id);
    const unfilled = places.reduce((sum, p) => sum + p.unfilled, 0);
    if (unfilled === 0) throw new AppError('INVALID_STATE', 'Semua formasi sudah terisi; tidak ada yang perlu dioptimalkan.');
    await recordAudit(tx, { agencyId, actorId, action: 'optimisation.start', targetType: 'selection', targetId: selectionId, after: { offerDays, unfilled: places.filter((p) => p.unfilled > 0).map((p) => ({ formasiId: p.formasi.id, unfilled: p.unfilled })) } });
    return advanceOptimisation(tx, deps, { round, now, actorId });
  });
}

export type DecideOfferInput = { accountId: string; offerId: string; accept: boolean; now?: Date };

/**
 * The candidate accepts or declines their own offer, before its deadline by the server's clock; a
 * late or second answer is refused and changes nothing. A decline sends the next offer at once.
 */
export async function decideOffer(deps: ResultDeps, { accountId, offerId, accept, now = new Date() }: DecideOfferInput) {
  return deps.db.transaction(async (tx) => {
    const [found] = await tx.select().from(optimisationOffers).where(and(eq(optimisationOffers.id, offerId), eq(optimisationOffers.accountId, accountId)));
    if (!found) throw notFound('Tawaran optimalisasi');
    await tx.select().from(optimisations).where(eq(optimisations.selectionId, found.selectionId)).for('update');
    const [offer] = await tx.select().from(optimisationOffers).where(eq(optimisationOffers.id, offerId)).for('update');
    const round = (await loadRound(tx, { agencyId: offer!.agencyId, selectionId: offer!.selectionId }))!;
    const refusal = offerDecisionRefusal({ now, expiresAt: offer!.expiresAt, status: offer!.status as OfferState });
    if (refusal) {
      const zone = zoneOf(round.timezone);
      throw new AppError(refusal.code === 'EXPIRED' ? 'INVALID_STATE' : 'CONFLICT', refusal.code === 'EXPIRED' ? `Batas waktu tawaran optimalisasi sudah lewat (${formatInZone(offer!.expiresAt, zone)}); tawaran tidak dapat diterima lagi.` : refusal.message);
    }
    const status = accept ? 'accepted' : 'declined';
    await tx.update(optimisationOffers).set({ status, decidedAt: now }).where(eq(optimisationOffers.id, offerId));
    await recordAudit(tx, { agencyId: offer!.agencyId, actorId: accountId, action: accept ? 'optimisation.offer.accept' : 'optimisation.offer.decline', targetType: 'optimisation_offer', targetId: offerId, before: { status: 'pending' }, after: { status, applicationId: offer!.applicationId, formasiId: offer!.formasiId } });
    await notifyMany(tx, [{ accountId, title: accept ? 'Tawaran optimalisasi diterima' : 'Tawaran optimalisasi ditolak', body: accept ? `Anda menerima tawaran optimalisasi pada ${round.name}. Nama Anda akan tercantum sebagai lulus optimalisasi.` : `Anda menolak tawaran optimalisasi pada ${round.name}.`, link: `/pelamar/pendaftaran/${offer!.applicationId}/hasil-akhir` }]);
    if (!accept) await advanceOptimisation(tx, deps, { round, now, actorId: null });
    return { status };
  });
}

/** Rounds with pending offers past their deadline: expire them and send the next offers (the sweeper calls this). */
export async function sweepExpiredOffers(deps: ResultDeps, now = new Date()) {
  const due = await selectRows<{ selection_id: string; agency_id: string }>(deps.db, sql`SELECT DISTINCT selection_id, agency_id FROM optimisation_offers WHERE status = 'pending' AND expires_at < ${now.toISOString()}::timestamptz`);
  let expired = 0;
  for (const row of due) {
    const result = await deps.db.transaction(async (tx) => {
      const round = await loadRound(tx, { agencyId: row.agency_id, selectionId: row.selection_id });
      return round ? advanceOptimisation(tx, deps, { round, now, actorId: null }) : { expired: 0, offered: 0 };
    });
    expired += result.expired;
  }
  return expired;
}

const offerView = (offer: Offer, label: string) => ({
  id: offer.id,
  status: offer.status as OfferState,
  formasi: label,
  basis: offer.basis,
  basisLabel: OFFER_BASIS_LABELS[offer.basis as OfferBasis] ?? offer.basis,
  offeredAt: offer.offeredAt.toISOString(),
  expiresAt: offer.expiresAt.toISOString(),
  decidedAt: offer.decidedAt?.toISOString() ?? null,
});

/** The panel's view: places per formasi and every offer with its candidate and state. */
export async function optimisationView(deps: ResultDeps, { agencyId, selectionId }: RoundRef): Promise<OptimisationView> {
  const round = await requireRound(deps.db, { agencyId, selectionId });
  const summary = await optimisationSummary(deps.db, { agencyId, selectionId });
  const post = await postList(deps.db, selectionId);
  const offers = await deps.db.select().from(optimisationOffers).where(eq(optimisationOffers.selectionId, selectionId)).orderBy(asc(optimisationOffers.offeredAt), asc(optimisationOffers.id));
  if (!post) return { summary, places: [], offers: [] };
  const places = await placesOf(deps.db, round.id, post.id);
  const labelOf = new Map(places.map((p) => [p.formasi.id, formasiLabel(p.formasi)]));
  const lines = offers.length
    ? await deps.db.select().from(finalResults).where(and(eq(finalResults.stageResultId, post.id), inArray(finalResults.applicationId, offers.map((o) => o.applicationId))))
    : [];
  const lineOf = new Map(lines.map((l) => [l.applicationId, l]));
  const decimals = (await rankingOf(deps.db, post.id))?.basis.decimals ?? 3;
  return {
    summary,
    places: places
      .filter((p) => p.unfilled > 0 || offers.some((o) => o.formasiId === p.formasi.id))
      .map((p) => {
        const mine = offers.filter((o) => o.formasiId === p.formasi.id);
        const accepted = mine.filter((o) => o.status === 'accepted').length;
        const pending = mine.filter((o) => o.status === 'pending').length;
        return { formasiId: p.formasi.id, formasi: labelOf.get(p.formasi.id)!, count: p.formasi.count, filled: p.filled, unfilled: p.unfilled, accepted, pending, uncovered: Math.max(0, p.unfilled - accepted - pending) };
      }),
    offers: offers.map((o) => {
      const line = lineOf.get(o.applicationId);
      return {
        ...offerView(o, labelOf.get(o.formasiId) ?? o.formasiId),
        applicationId: o.applicationId,
        registrationNumber: line?.registrationNumber ?? '',
        name: line?.name ?? '',
        fromFormasi: labelOf.get(o.fromFormasiId) ?? line?.formasiLabel ?? '',
        rank: line?.rank ?? null,
        finalScore: line?.finalUnits === null || line?.finalUnits === undefined ? null : formatUnits(line.finalUnits, decimals),
      };
    }),
  };
}

/** The candidate's offer for one application (or null). */
export async function offerOfApplication(db: Db, applicationId: string) {
  const [offer] = await db.select().from(optimisationOffers).where(eq(optimisationOffers.applicationId, applicationId));
  if (!offer) return null;
  const [formasi] = await selectRows<FormasiRow>(db, sql`SELECT id, agency_id, position_id, unit_id, position_name, unit_name, count, kind, qualifications, education_levels FROM formasi WHERE id = ${offer.formasiId}`);
  return offerView(offer, formasi ? formasiLabel(formasi) : offer.formasiId);
}

/** Every offer made to this account, newest first. */
export async function myOffers(db: Db, accountId: string) {
  const rows = await db
    .select({ offer: optimisationOffers, selectionName: selections.name, timezone: agencies.timezone, positionName: formasi.positionName, unitName: formasi.unitName, kind: formasi.kind })
    .from(optimisationOffers)
    .innerJoin(selections, eq(selections.id, optimisationOffers.selectionId))
    .innerJoin(agencies, eq(agencies.id, optimisationOffers.agencyId))
    .innerJoin(formasi, eq(formasi.id, optimisationOffers.formasiId))
    .where(eq(optimisationOffers.accountId, accountId))
    .orderBy(desc(optimisationOffers.offeredAt));
  return {
    items: rows.map((r) => ({
      ...offerView(r.offer, formasiLabel({ position_name: r.positionName, unit_name: r.unitName, kind: r.kind })),
      selectionName: r.selectionName,
      applicationId: r.offer.applicationId,
      agencyTimezone: r.timezone,
    })),
  };
}
