import { randomBytes } from 'node:crypto';
import { and, asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import { computeFinalRanking, type FinalLine, type FinalRankingResult } from '../../../core/final-ranking.js';
import { FINAL_LIST_LABELS, FINAL_OBJECTION_DEFAULTS, FINAL_STATUS_LABELS, formatScore, formatUnits, sortEntries, type FinalList, type FinalResultEntry } from '../../../core/final-results.js';
import { objectionWindow } from '../../../core/pipeline.js';
import { decidedByText, type DecidingCriterion, type RankingStatus } from '../../../core/ranking.js';
import { byText } from '../../../core/text-order.js';
import { formatInZone, isAgencyZone, type AgencyZone } from '../../../core/time.js';
import { canonicalSha256 } from '../../canonical-hash.js';
import type { Config } from '../../config.js';
import { selectRows, type Database, type Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { publishGeneratedAnnouncement } from '../announcements/announcements.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { enqueueEmails, notifyMany } from '../notifications/notifications.service.js';
import { renderListPdf } from '../sanggah/result-pdf.js';
import { insertStageResult } from '../sanggah/stage-results.repo.js';
import { gatherInputs, type Correction, type RoundInputs } from './inputs.js';
import type { PanelScoresReader } from './panel-source.js';
import { loadContacts, loadDisqualifications, loadRound, rankingOf, stagesOf, type RoundRow } from './results.repo.js';
import { finalObjections, finalRankings, finalResults, resultDisqualifications, type RankingBasis } from './results.table.js';

export type ResultDeps = { db: Db; database: Database; config: Pick<Config, 'uploadDir' | 'publicUrl' | 'smtpUrl'>; panelScores: PanelScoresReader };

export type RoundRef = { agencyId: string; selectionId: string };

export const zoneOf = (timezone: string | undefined): AgencyZone => (timezone && isAgencyZone(timezone) ? timezone : 'Asia/Jakarta');

export const finalListHash = (entries: readonly FinalResultEntry[]) => canonicalSha256(entries);

export async function requireRound(db: Db, ref: RoundRef & { lock?: boolean }): Promise<RoundRow> {
  const round = await loadRound(db, ref);
  if (!round) throw notFound('Seleksi');
  return round;
}

/** Days of the objection window on the final result (selection setting, default 3: the 2024 round). */
export function finalObjectionDays(round: RoundRow): number {
  const days = (round.settings as { finalObjectionDays?: unknown }).finalObjectionDays;
  return typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= 30 ? days : FINAL_OBJECTION_DEFAULTS.days;
}

// ---- Computing a list -----------------------------------------------------------------------

/** A list as computed: its lines; the printed entries (entriesOf) are made only where a list is published or checked. */
export type Computed = { round: RoundRow; inputs: RoundInputs; result: FinalRankingResult; corrections: Correction[]; disqualified: Array<{ applicationId: string; reason: string }> };

/** Accepted objections that correct tie-break data, as corrections for the post-objection list. */
export async function acceptedCorrections(db: Db, stageResultId: string): Promise<Correction[]> {
  const rows = await db
    .select({ applicationId: finalObjections.applicationId, item: finalObjections.item, value: finalObjections.claimedValue })
    .from(finalObjections)
    .where(and(eq(finalObjections.stageResultId, stageResultId), eq(finalObjections.status, 'diterima'), sql`${finalObjections.item} in ('ipk', 'birthDate')`))
    .orderBy(asc(finalObjections.applicationId));
  return rows;
}

/** Lines that can be printed: the finalists with a status (those still missing a score are not). */
export function entriesOf(result: FinalRankingResult, inputs: RoundInputs): FinalResultEntry[] {
  const decimals = inputs.input.integration.decimals;
  const leaves = result.plan.leaves;
  // The lines come formation by formation, each in list order; put the formations in label order
  // first, so that the canonical sort below finds the entries (nearly) sorted.
  const segments: Array<{ label: string; from: number; to: number }> = [];
  for (let i = 0; i < result.lines.length; ) {
    const formasiId = result.lines[i]!.formasiId;
    let to = i + 1;
    while (to < result.lines.length && result.lines[to]!.formasiId === formasiId) to += 1;
    segments.push({ label: inputs.formations.get(formasiId)!.label, from: i, to });
    i = to;
  }
  segments.sort((a, b) => byText(a.label, b.label));
  const entries: FinalResultEntry[] = [];
  for (const { label, from, to } of segments) {
    for (let i = from; i < to; i += 1) {
      const line = result.lines[i]!;
      if (line.status === null) continue;
      const scores: Record<string, string | null> = {};
      for (const leaf of leaves) scores[leaf.key] = formatScore(line.scores[leaf.key]);
      entries.push({
        formasi: label,
        rank: line.rank,
        registrationNumber: line.registrationNumber,
        name: line.name,
        scores,
        finalScore: line.finalUnits === null ? null : formatUnits(line.finalUnits, decimals),
        status: line.status,
        decidedBy: line.decidedByAbove ?? line.decidedByBelow,
      });
    }
  }
  return sortEntries(entries);
}

export type ComputeOptions = RoundRef & { deps: ResultDeps; db?: Db; source: 'recorded' | 'raw'; round?: RoundRow; corrections?: Correction[]; disqualified?: Array<{ applicationId: string; reason: string }> };

/** The round's disqualifications on record, as a computed list carries them. */
export async function disqualificationsOf(db: Db, selectionId: string): Promise<Array<{ applicationId: string; reason: string }>> {
  return (await loadDisqualifications(db, selectionId)).map((d) => ({ applicationId: d.applicationId, reason: d.reason }));
}

/** The round's final list as the rules give it now (or from the given decisions, to recompute a published one). */
export async function computeList(options: ComputeOptions): Promise<Computed> {
  const db = options.db ?? options.deps.db;
  const round = options.round ?? (await requireRound(db, options));
  const disqualified = options.disqualified ?? (await disqualificationsOf(db, round.id));
  const corrections = options.corrections ?? [];
  const inputs = await gatherInputs({
    db,
    database: options.deps.database,
    panelScores: options.deps.panelScores,
    round,
    source: options.source,
    disqualified: new Set(disqualified.map((d) => d.applicationId)),
    corrections,
  });
  const result = computeFinalRanking(inputs.input);
  return { round, inputs, result, corrections, disqualified };
}

// ---- Publication ----------------------------------------------------------------------------

const LIST_STAGE: Record<FinalList, string> = { akhir: 'akhir', akhir_pasca_sanggah: 'akhir_pasca_sanggah' };
const resultLink = (applicationId: string) => `/pelamar/pendaftaran/${applicationId}/hasil-akhir`;

function basisOf(computed: Computed): RankingBasis {
  const { result, inputs } = computed;
  return {
    stages: result.plan.stages,
    leaves: result.plan.leaves.map((leaf) => ({ ...leaf, max: result.maxes.get(leaf.key) ?? 0, blueprintId: leaf.kind === 'cat' ? (inputs.blueprintOf.get(leaf.stageKey) ?? null) : null })),
    decimals: inputs.input.integration.decimals,
    tieBreakChain: [...inputs.input.ranking.tieBreakChain],
    formations: result.formations.map((f) => ({ id: f.id, label: f.label, count: f.count, places: f.places })),
    tieBreakStageKey: result.tieBreakStageKey,
    disqualified: computed.disqualified,
    corrections: computed.corrections,
  };
}

/** How many lines have each status, and how many have one at all (`candidates`: the lines that are printed). */
export function countsOf(lines: readonly FinalLine[]) {
  const counts: Record<string, number> = { candidates: 0, lulus: 0, tidak_lulus: 0, tidak_hadir: 0, diskualifikasi: 0 };
  for (const line of lines) {
    if (line.status === null) continue;
    counts.candidates! += 1;
    counts[line.status] = (counts[line.status] ?? 0) + 1;
  }
  return counts;
}

type Contacts = Awaited<ReturnType<typeof loadContacts>>;

/** Writes the printed lines of a published list (those with a status) in one statement per 5,000 lines (arrays unnested). */
async function insertLines(tx: Db, stageResultId: string, computed: Computed, lines: readonly FinalLine[], entries: readonly FinalResultEntry[], contacts: Contacts) {
  const { inputs, round } = computed;
  const order = new Map(entries.map((e, i) => [e.registrationNumber, i]));
  for (let start = 0; start < lines.length; start += 5000) {
    const chunk = lines.slice(start, start + 5000);
    const col = <T>(pick: (line: FinalLine) => T) => sql.param(chunk.map(pick));
    await tx.execute(sql`
      INSERT INTO final_results (stage_result_id, agency_id, selection_id, application_id, account_id, formasi_id, formasi_label, registration_number, name, position, rank, status,
                                 final_units, scores, skd_total, twk, tiu, tkp, ipk, birth_date, decided_by_above, decided_by_below, letter_code)
      SELECT ${stageResultId}::uuid, ${round.agencyId}::uuid, ${round.id}::uuid, t.application_id, t.account_id, t.formasi_id, t.formasi_label, t.registration_number, t.name, t.position, t.rank, t.status,
             t.final_units, t.scores::jsonb, t.skd_total, t.twk, t.tiu, t.tkp, t.ipk, t.birth_date, t.above, t.below, t.letter_code
      FROM unnest(${col((l) => l.applicationId)}::uuid[], ${col((l) => contacts.get(l.applicationId)!.accountId)}::uuid[], ${col((l) => l.formasiId)}::uuid[],
                  ${col((l) => inputs.formations.get(l.formasiId)!.label)}::text[], ${col((l) => l.registrationNumber)}::text[], ${col((l) => l.name)}::text[],
                  ${col((l) => order.get(l.registrationNumber)!)}::int[], ${col((l) => l.rank)}::int[], ${col((l) => l.status)}::text[], ${col((l) => l.finalUnits)}::bigint[],
                  ${col((l) => JSON.stringify(l.scores))}::text[], ${col((l) => l.skd?.total ?? null)}::int[], ${col((l) => l.skd?.twk ?? null)}::int[], ${col((l) => l.skd?.tiu ?? null)}::int[],
                  ${col((l) => l.skd?.tkp ?? null)}::int[], ${col((l) => l.ipk)}::float8[], ${col((l) => l.birthDate)}::text[], ${col((l) => l.decidedByAbove)}::text[],
                  ${col((l) => l.decidedByBelow)}::text[], ${col(() => randomBytes(16).toString('base64url'))}::text[])
        AS t(application_id, account_id, formasi_id, formasi_label, registration_number, name, position, rank, status, final_units, scores, skd_total, twk, tiu, tkp, ipk, birth_date, above, below, letter_code)`);
  }
}

function pdfColumns(leaves: RankingBasis['leaves']) {
  const leafWidth = leaves.length > 3 ? 36 : 44;
  const fixed = 34 + 88 + 86 + leaves.length * leafWidth + 44 + 58;
  return [
    { title: 'Peringkat', width: 34 },
    { title: 'Nomor pendaftaran', width: 88 },
    { title: 'Nama', width: 86 },
    ...leaves.map((leaf) => ({ title: leaf.componentKey ? leaf.name.split(' — ').pop()! : leaf.name.replace(/\s*\(.*\)$/, ''), width: leafWidth })),
    { title: 'Nilai akhir', width: 44 },
    { title: 'Keterangan', width: 58 },
    { title: 'Formasi', width: Math.max(60, 515 - fixed) },
  ];
}

function weightsText(basis: RankingBasis): string {
  return basis.stages
    .map((stage) => `${stage.name} ${stage.weight}%${stage.components.length ? ` (${stage.components.map((c) => `${c.name} ${c.weight}%`).join(', ')})` : ''}`)
    .join(' + ');
}

export type PublishInput = RoundRef & { actorId: string; note?: string; now?: Date };

function refuse(messages: readonly string[]): never {
  throw new AppError('INVALID_STATE', messages.join(' '));
}

/** Why the post-objection list cannot be published now (empty when it can). */
export async function postObjectionIssues(db: Db, { selectionId, now }: { selectionId: string; now: Date }): Promise<string[]> {
  const stages = await stagesOf(db, selectionId);
  const first = stages.find((s) => s.stage === 'akhir');
  const issues: string[] = [];
  if (stages.some((s) => s.stage === 'akhir_pasca_sanggah')) issues.push('Hasil akhir pasca sanggah seleksi ini sudah diumumkan.');
  if (!first) return [...issues, 'Hasil akhir belum diumumkan.'];
  if (first.objectionClosesAt && now.getTime() <= first.objectionClosesAt.getTime()) issues.push('Masa sanggah hasil akhir belum berakhir.');
  const [pending] = await db.select({ n: count() }).from(finalObjections).where(and(eq(finalObjections.stageResultId, first.id), eq(finalObjections.status, 'diajukan')));
  if (pending && pending.n > 0) issues.push(`Masih ada ${pending.n.toLocaleString('id-ID')} sanggah hasil akhir yang belum dijawab.`);
  return issues;
}

/**
 * Publishes a final list of the round in one transaction: computed from the recorded scores by
 * the pipeline's weights, its SHA-256 over the canonical list, an announcement with the PDF (no
 * NIK), the lines (each with a result-letter code), the objection window of the first list, a
 * notification and an email to every candidate, the audit record. Refused with every reason while
 * a score is missing, a panel stage is not locked, or the weights do not sum to 100.
 */
export async function publishList(deps: ResultDeps, list: FinalList, { agencyId, selectionId, actorId, note = '', now = new Date() }: PublishInput) {
  return deps.db.transaction(async (tx) => {
    const round = await requireRound(tx, { agencyId, selectionId, lock: true });
    const stages = await stagesOf(tx, selectionId);
    const first = stages.find((s) => s.stage === 'akhir');
    if (list === 'akhir' && first) refuse(['Hasil akhir seleksi ini sudah diumumkan.']);
    if (list === 'akhir_pasca_sanggah') {
      const issues = await postObjectionIssues(tx, { selectionId, now });
      if (issues.length) refuse(issues);
    }
    const corrections = list === 'akhir_pasca_sanggah' ? await acceptedCorrections(tx, first!.id) : [];
    const computed = await computeList({ deps, db: tx, agencyId, selectionId, source: 'recorded', round, corrections });
    if (computed.result.issues.length) refuse(computed.result.issues);
    const entries = entriesOf(computed.result, computed.inputs);
    if (!entries.length) refuse(['Belum ada peserta pada tahap akhir seleksi ini.']);

    const hash = finalListHash(entries);
    const basis = basisOf(computed);
    const counts = countsOf(computed.result.lines);
    const zone = zoneOf(round.timezone);
    const window = list === 'akhir' ? objectionWindow({ announcedAt: now, days: finalObjectionDays(round), zone }) : null;
    const windowText = window
      ? `Masa sanggah hasil akhir: ${formatInZone(window.start, zone)} sampai ${formatInZone(window.end, zone)} (${finalObjectionDays(round)} hari), dijawab paling lambat 7 hari setelahnya. Sanggah hanya atas hasil sendiri, untuk mengoreksi ketidaksesuaian data; sanggah tidak dapat menaikkan nilai.`
      : `Daftar ini menggantikan hasil akhir yang diumumkan ${formatInZone(first!.publishedAt, zone)}, setelah sanggah dijawab.`;
    const heading = list === 'akhir' ? 'HASIL AKHIR SELEKSI' : 'HASIL AKHIR SELEKSI PASCA SANGGAH';
    const pdf = await renderListPdf({
      agencyName: round.agencyName,
      selectionName: round.name,
      heading,
      publishedAt: now,
      zone,
      resultHash: hash,
      notes: [
        `Nilai akhir = ${weightsText(basis)}; setiap nilai diskalakan 0–100 (nilai ÷ nilai maksimal × 100) lalu dibobot, dibulatkan sekali ke ${basis.decimals} desimal (setengah ke atas).`,
        'Nilai akhir yang sama diurutkan menurut nilai total SKD, lalu TKP, TIU, TWK, IPK/nilai rata-rata ijazah, lalu usia (yang lebih tua didahulukan). Kolom nilai memuat nilai mentah setiap komponen.',
        windowText,
        ...(note ? [note] : []),
      ],
      summary: `Peserta tahap akhir: ${counts.candidates!.toLocaleString('id-ID')} — lulus ${counts.lulus!.toLocaleString('id-ID')}, tidak lulus ${counts.tidak_lulus!.toLocaleString('id-ID')}, tidak hadir ${counts.tidak_hadir!.toLocaleString('id-ID')}, diskualifikasi ${counts.diskualifikasi!.toLocaleString('id-ID')}.`,
      hashNote: 'Sidik jari SHA-256 dihitung atas JSON kanonik daftar ini (kunci diurutkan: decidedBy, finalScore, formasi, name, rank, registrationNumber, scores, status; urut formasi, peringkat, nomor pendaftaran), sehingga siapa pun dapat menghitung ulang dan mencocokkannya.',
      columns: pdfColumns(basis.leaves),
      rows: entries.map((e) => [
        e.rank?.toLocaleString('id-ID') ?? '-',
        e.registrationNumber,
        e.name,
        ...basis.leaves.map((leaf) => e.scores[leaf.key] ?? '-'),
        e.finalScore ?? '-',
        FINAL_STATUS_LABELS[e.status],
        e.formasi,
      ]),
      empty: 'Tidak ada peserta.',
    });
    const title = `${list === 'akhir' ? 'Hasil Akhir Seleksi' : 'Hasil Akhir Seleksi Pasca Sanggah'} — ${round.name}`;
    const announcement = await publishGeneratedAnnouncement(tx, {
      uploadDir: deps.config.uploadDir,
      agencyId,
      selectionId,
      kind: 'hasil_akhir',
      title,
      body: [
        `${FINAL_LIST_LABELS[list]} ${round.name}: ${counts.lulus!.toLocaleString('id-ID')} dari ${counts.candidates!.toLocaleString('id-ID')} peserta tahap akhir dinyatakan lulus. Daftar lengkap terlampir.`,
        windowText,
        `Sidik jari SHA-256 daftar hasil: ${hash}`,
        'Setiap peserta dapat mengunduh surat hasil seleksi dengan kode QR dari akunnya; siapa pun dapat memeriksa keasliannya di halaman verifikasi hasil.',
        ...(note ? [note] : []),
      ].join('\n\n'),
      actorId,
      files: [{ title: `Daftar ${FINAL_LIST_LABELS[list].toLowerCase()}`, fileName: list === 'akhir' ? 'hasil-akhir.pdf' : 'hasil-akhir-pasca-sanggah.pdf', content: pdf }],
    });
    const stage = await insertStageResult(tx, {
      agencyId,
      selectionId,
      stage: LIST_STAGE[list],
      announcementId: announcement.id,
      resultHash: hash,
      publishedAt: now,
      objectionOpensAt: window?.start ?? null,
      objectionClosesAt: window?.end ?? null,
      publishedBy: actorId,
    });
    await tx.insert(finalRankings).values({ stageResultId: stage.id, agencyId, selectionId, list, basis, counts, publishedAt: now });
    const contacts = await loadContacts(tx, selectionId);
    const lines = computed.result.lines.filter((l) => l.status !== null);
    await insertLines(tx, stage.id, computed, lines, entries, contacts);

    const statusText = (line: FinalLine) =>
      `${FINAL_STATUS_LABELS[line.status!].toUpperCase()}${line.rank ? `, peringkat ${line.rank} pada formasi ${computed.inputs.formations.get(line.formasiId)!.label}` : ''}${line.finalUnits !== null ? `, nilai akhir ${formatUnits(line.finalUnits, basis.decimals)}` : ''}`;
    const texts = lines.map((line) => ({ line, text: `${FINAL_LIST_LABELS[list]} ${round.name} telah diumumkan. Pendaftaran ${line.registrationNumber}: ${statusText(line)}.${window ? ` Sanggah dapat diajukan sampai ${formatInZone(window.end, zone)}.` : ''}` }));
    await notifyMany(
      tx,
      texts.map(({ line, text }) => ({ accountId: contacts.get(line.applicationId)!.accountId, title: list === 'akhir' ? 'Hasil akhir seleksi diumumkan' : 'Hasil akhir pasca sanggah diumumkan', body: text, link: resultLink(line.applicationId) })),
    );
    await enqueueEmails(
      tx,
      texts
        .filter(({ line }) => contacts.get(line.applicationId)!.email)
        .map(({ line, text }) => ({
          to: contacts.get(line.applicationId)!.email!,
          subject: `${FINAL_LIST_LABELS[list]} — ${round.name}`,
          text: `${text}\n\nLihat rinciannya dan unduh surat hasil: ${deps.config.publicUrl}${resultLink(line.applicationId)}\n\nSidik jari SHA-256 daftar hasil: ${hash}`,
        })),
      { smtp: Boolean(deps.config.smtpUrl) },
    );
    await recordAudit(tx, {
      agencyId,
      actorId,
      action: `result.${list}.publish`,
      targetType: 'selection',
      targetId: selectionId,
      after: { stageResultId: stage.id, announcementId: announcement.id, resultHash: hash, counts, weights: weightsText(basis), corrections: computed.corrections.length, disqualified: computed.disqualified.length, objectionClosesAt: window?.end.toISOString() ?? null },
    });
    return { stage, hash, counts };
  });
}

// ---- Reading -------------------------------------------------------------------------------

export type ListRef = RoundRef & { list: FinalList };

export async function publishedStage(db: Db, { selectionId, list }: { selectionId: string; list: FinalList }) {
  return (await stagesOf(db, selectionId)).find((s) => s.stage === LIST_STAGE[list]) ?? null;
}

export type LineRow = typeof finalResults.$inferSelect;

/** The published lines as the canonical entries they were hashed from. */
export function entryOfRow(row: LineRow, basis: RankingBasis): FinalResultEntry {
  return {
    formasi: row.formasiLabel,
    rank: row.rank,
    registrationNumber: row.registrationNumber,
    name: row.name,
    scores: Object.fromEntries(basis.leaves.map((leaf) => [leaf.key, formatScore(row.scores[leaf.key])])),
    finalScore: row.finalUnits === null ? null : formatUnits(row.finalUnits, basis.decimals),
    status: row.status as RankingStatus,
    decidedBy: (row.decidedByAbove ?? row.decidedByBelow) as DecidingCriterion | null,
  };
}

export async function publishedLines(db: Db, stageResultId: string): Promise<LineRow[]> {
  return db.select().from(finalResults).where(eq(finalResults.stageResultId, stageResultId)).orderBy(asc(finalResults.position));
}

/** The latest published list of a round (post-objection when there is one). */
export async function latestList(db: Db, selectionId: string) {
  const stages = await stagesOf(db, selectionId);
  const stage = stages.find((s) => s.stage === 'akhir_pasca_sanggah') ?? stages.find((s) => s.stage === 'akhir');
  if (!stage) return null;
  const ranking = await rankingOf(db, stage.id);
  return ranking ? { stage, ranking } : null;
}

export type LinePage = { search?: string | undefined; formasiId?: string | undefined; status?: string | undefined; page: number; pageSize: number };

/** A page of a published list, in list order. */
export async function publishedPage(db: Db, stageResultId: string, { search, formasiId, status, page, pageSize }: LinePage) {
  const escaped = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = and(
    eq(finalResults.stageResultId, stageResultId),
    formasiId ? eq(finalResults.formasiId, formasiId) : undefined,
    status ? eq(finalResults.status, status) : undefined,
    escaped ? or(ilike(finalResults.name, escaped), ilike(finalResults.registrationNumber, escaped)) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(finalResults).where(where);
  const rows = await db.select().from(finalResults).where(where).orderBy(asc(finalResults.position)).limit(pageSize).offset((page - 1) * pageSize);
  return { rows, total: total?.n ?? 0 };
}

/** Sentence for "why this order" between a line and its neighbour. */
export function decidedText(criterion: string | null): string | null {
  return criterion ? decidedByText(criterion as DecidingCriterion) : null;
}

// ---- Disqualification ----------------------------------------------------------------------

export type DisqualifyInput = RoundRef & { applicationId: string; reason: string; actorId: string };

async function refuseAfterPublication(db: Db, selectionId: string) {
  const stages = await stagesOf(db, selectionId);
  if (stages.some((s) => s.stage === 'akhir_pasca_sanggah')) throw new AppError('INVALID_STATE', 'Hasil akhir pasca sanggah sudah diumumkan; diskualifikasi tidak dapat diubah lagi.');
}

/** The panel removes a candidate from the final ranking with a reason (audited), until the post-objection list is published. */
export async function disqualify(db: Db, { agencyId, selectionId, applicationId, reason, actorId }: DisqualifyInput) {
  await db.transaction(async (tx) => {
    await requireRound(tx, { agencyId, selectionId, lock: true });
    await refuseAfterPublication(tx, selectionId);
    const [application] = await selectRows<{ id: string; registration_number: string | null; status: string }>(
      tx,
      sql`SELECT id, registration_number, status FROM applications WHERE id = ${applicationId} AND selection_id = ${selectionId} AND agency_id = ${agencyId}`,
    );
    if (!application) throw notFound('Pendaftaran');
    if (application.status !== 'ms') throw new AppError('INVALID_STATE', 'Hanya peserta yang memenuhi syarat administrasi yang dapat didiskualifikasi dari hasil akhir.');
    const inserted = await tx.insert(resultDisqualifications).values({ agencyId, selectionId, applicationId, reason, createdBy: actorId }).onConflictDoNothing().returning();
    if (!inserted.length) throw new AppError('CONFLICT', 'Peserta ini sudah didiskualifikasi.');
    await recordAudit(tx, { agencyId, actorId, action: 'result.disqualify', targetType: 'application', targetId: applicationId, after: { registrationNumber: application.registration_number, reason } });
  });
}

export async function undoDisqualification(db: Db, { agencyId, selectionId, applicationId, reason, actorId }: DisqualifyInput) {
  await db.transaction(async (tx) => {
    await requireRound(tx, { agencyId, selectionId, lock: true });
    await refuseAfterPublication(tx, selectionId);
    const removed = await tx
      .delete(resultDisqualifications)
      .where(and(eq(resultDisqualifications.selectionId, selectionId), eq(resultDisqualifications.applicationId, applicationId), eq(resultDisqualifications.agencyId, agencyId)))
      .returning();
    if (!removed.length) throw notFound('Diskualifikasi');
    await recordAudit(tx, { agencyId, actorId, action: 'result.disqualify.undo', targetType: 'application', targetId: applicationId, before: { reason: removed[0]!.reason }, after: { reason } });
  });
}

// ---- For the employees module ---------------------------------------------------------------

export type AppointedCandidate = {
  applicationId: string;
  accountId: string;
  name: string;
  selectionType: 'cpns' | 'pppk' | 'jpt';
  formasiId: string;
  positionId: string | null;
  positionName: string;
  unitId: string | null;
  unitName: string;
  finalScore: number;
  rank: number;
  status: 'lulus' | 'lulus_optimalisasi';
};

/**
 * The candidates to appoint: those who passed in the post-objection final list, and those who
 * accepted an optimisation offer (placed in the offered formasi; `rank` is their rank in their own
 * formasi). Empty until the post-objection final list is published. Ordered by formasi, then rank.
 */
export async function appointedCandidates(db: Db, { agencyId, selectionId }: RoundRef): Promise<AppointedCandidate[]> {
  const rows = await selectRows<{
    application_id: string;
    account_id: string;
    name: string;
    type: AppointedCandidate['selectionType'];
    formasi_id: string;
    position_id: string | null;
    position_name: string;
    unit_id: string | null;
    unit_name: string;
    final_units: number | string;
    decimals: number;
    rank: number;
    status: AppointedCandidate['status'];
  }>(
    db,
    sql`WITH list AS (
          SELECT sr.id, (fk.basis->>'decimals')::int AS decimals FROM stage_results sr JOIN final_rankings fk ON fk.stage_result_id = sr.id
          WHERE sr.selection_id = ${selectionId} AND sr.agency_id = ${agencyId} AND sr.stage = 'akhir_pasca_sanggah')
        SELECT fr.application_id, fr.account_id, fr.name, s.type, f.id AS formasi_id, f.position_id, f.position_name, f.unit_id, f.unit_name, fr.final_units, list.decimals, fr.rank,
               CASE WHEN o.id IS NULL THEN 'lulus' ELSE 'lulus_optimalisasi' END AS status
        FROM list
        JOIN final_results fr ON fr.stage_result_id = list.id
        JOIN selections s ON s.id = fr.selection_id
        LEFT JOIN optimisation_offers o ON o.selection_id = fr.selection_id AND o.application_id = fr.application_id AND o.status = 'accepted'
        JOIN formasi f ON f.id = coalesce(o.formasi_id, fr.formasi_id)
        WHERE fr.status = 'lulus' OR o.id IS NOT NULL
        ORDER BY f.position_name, f.unit_name, f.id, (o.id IS NOT NULL), fr.rank, fr.registration_number`,
  );
  return rows.map((r) => ({
    applicationId: r.application_id,
    accountId: r.account_id,
    name: r.name,
    selectionType: r.type,
    formasiId: r.formasi_id,
    positionId: r.position_id,
    positionName: r.position_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    finalScore: Number(formatUnits(Number(r.final_units), Number(r.decimals))),
    rank: Number(r.rank),
    status: r.status,
  }));
}


// ---- For the dashboards -------------------------------------------------------------------------

type ReportScope = { agencyId?: string | undefined; selectionId?: string | undefined; formasiId?: string | undefined };

/** The latest final list of each round in scope: the post-objection list once published, else the first. */
const latestLists = (scope: ReportScope) => sql`SELECT DISTINCT ON (sr.selection_id) sr.id, sr.selection_id, sr.stage, fk.basis
    FROM stage_results sr JOIN final_rankings fk ON fk.stage_result_id = sr.id
    WHERE sr.stage IN ('akhir', 'akhir_pasca_sanggah')
      ${scope.agencyId ? sql`AND sr.agency_id = ${scope.agencyId}` : sql``}
      ${scope.selectionId ? sql`AND sr.selection_id = ${scope.selectionId}` : sql``}
    ORDER BY sr.selection_id, (sr.stage = 'akhir_pasca_sanggah') DESC`;

export type FinalFunnelCounts = { selectionId: string; formasiId: string; skb: number; appointed: number };

/**
 * Per round and formation applied for: those in the latest final list who took part (all but
 * tidak hadir), and those appointed — passed in the post-objection list or accepted an
 * optimisation offer (counted under the formation they applied for).
 */
export async function finalFunnelCounts(db: Db, scope: ReportScope): Promise<FinalFunnelCounts[]> {
  const rows = await selectRows<{ selection_id: string; formasi_id: string; skb: string; appointed: string }>(
    db,
    sql`WITH lists AS (${latestLists(scope)})
        SELECT fr.selection_id, fr.formasi_id,
               count(*) FILTER (WHERE fr.status <> 'tidak_hadir') AS skb,
               count(*) FILTER (WHERE lists.stage = 'akhir_pasca_sanggah' AND (fr.status = 'lulus' OR o.id IS NOT NULL)) AS appointed
        FROM lists
        JOIN final_results fr ON fr.stage_result_id = lists.id
        LEFT JOIN optimisation_offers o ON o.selection_id = fr.selection_id AND o.application_id = fr.application_id AND o.status = 'accepted'
        ${scope.formasiId ? sql`WHERE fr.formasi_id = ${scope.formasiId}` : sql``}
        GROUP BY fr.selection_id, fr.formasi_id`,
  );
  return rows.map((r) => ({ selectionId: r.selection_id, formasiId: r.formasi_id, skb: Number(r.skb), appointed: Number(r.appointed) }));
}

export type ObjectionCountsOfRound = { selectionId: string; pending: number; accepted: number; rejected: number; medianDaysToAnswer: number | null };

/** Objections to the final result per round: by status, and the median days from filing to answer. */
export async function finalObjectionCounts(db: Db, scope: Omit<ReportScope, 'formasiId'>): Promise<ObjectionCountsOfRound[]> {
  const rows = await selectRows<{ selection_id: string; pending: string; accepted: string; rejected: string; median_days: number | string | null }>(
    db,
    sql`SELECT selection_id,
               count(*) FILTER (WHERE status = 'diajukan') AS pending,
               count(*) FILTER (WHERE status = 'diterima') AS accepted,
               count(*) FILTER (WHERE status = 'ditolak') AS rejected,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - created_at) / 86400) FILTER (WHERE answered_at IS NOT NULL) AS median_days
        FROM final_objections
        WHERE true
          ${scope.agencyId ? sql`AND agency_id = ${scope.agencyId}` : sql``}
          ${scope.selectionId ? sql`AND selection_id = ${scope.selectionId}` : sql``}
        GROUP BY selection_id`,
  );
  return rows.map((r) => ({
    selectionId: r.selection_id,
    pending: Number(r.pending),
    accepted: Number(r.accepted),
    rejected: Number(r.rejected),
    medianDaysToAnswer: r.median_days === null ? null : Math.round(Number(r.median_days) * 10) / 10,
  }));
}

export type SelectionScoresOfApplication = { applicationId: string; scores: Record<string, number | null> };

export type SelectionScores = {
  /** The components a score is kept for: the SKD subtests, then every leaf of the round's plan (each SKB component…). */
  components: Array<{ key: string; label: string }>;
  lines: SelectionScoresOfApplication[];
};

/** The published selection scores of the given applications of one round, from its latest final list. */
export async function selectionScoresOfApplications(db: Db, { agencyId, selectionId, applicationIds }: { agencyId: string; selectionId: string; applicationIds: string[] }): Promise<SelectionScores> {
  if (applicationIds.length === 0) return { components: [], lines: [] };
  const rows = await selectRows<{ application_id: string; twk: number | null; tiu: number | null; tkp: number | null; scores: Record<string, number | null>; basis: RankingBasis }>(
    db,
    sql`WITH lists AS (${latestLists({ agencyId, selectionId })})
        SELECT fr.application_id, fr.twk, fr.tiu, fr.tkp, fr.scores, lists.basis
        FROM lists JOIN final_results fr ON fr.stage_result_id = lists.id
        WHERE fr.application_id IN (${sql.join(applicationIds.map((id) => sql`${id}::uuid`), sql`, `)})`,
  );
  const basis = rows[0]?.basis;
  const subtests = rows.some((r) => r.twk !== null || r.tiu !== null || r.tkp !== null) ? ['TWK', 'TIU', 'TKP'].map((key) => ({ key, label: key })) : [];
  const leaves = (basis?.leaves ?? []).map((leaf) => ({ key: leaf.key, label: leaf.name }));
  return {
    components: [...subtests, ...leaves],
    lines: rows.map((r) => ({ applicationId: r.application_id, scores: { TWK: r.twk, TIU: r.tiu, TKP: r.tkp, ...r.scores } })),
  };
}
