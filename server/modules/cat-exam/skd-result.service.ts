import { sql } from 'drizzle-orm';
import { isPlainCatStage, type PipelineStage } from '../../../core/pipeline.js';
import { STAGE_RESULT_NOTES, type StageResultEntry } from '../../../core/schemas/cat-exam.js';
import { SKB_PROCEED_PRESET, selectForSkb, type ProceedOutcome } from '../../../core/proceed.js';
import { formatInZone, isAgencyZone } from '../../../core/time.js';
import { canonicalSha256 } from '../../canonical-hash.js';
import type { Config } from '../../config.js';
import { selectRows, type Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { publishGeneratedAnnouncement } from '../announcements/announcements.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { stageResults } from '../sanggah/sanggah.table.js';
import { renderListPdf } from '../sanggah/result-pdf.js';

type Row = {
  attempt_id: string;
  formasi_id: string;
  formasi_name: string;
  quota: number;
  registration_number: string;
  participant_name: string;
  scores: Record<string, number> | null;
  total: number | null;
  passed: boolean | null;
  attempt_status: string;
};

export type SkdResultEntry = StageResultEntry;

const SKD_SUBTESTS = ['TWK', 'TIU', 'TKP'] as const;


/**
 * Who proceeds from SKD to SKB (domain-rules §4, core/proceed.ts): per formation, among those
 * who met the pass mark, up to 3 × the formation count by SKD total, ties at the cut-off by TKP,
 * TIU, TWK, still-tied all proceed.
 */
export async function skdOutcome(db: Db, { agencyId, selectionId, blueprintId }: { agencyId: string; selectionId: string; blueprintId: string }) {
  const rows = await selectRows<Row>(
    db,
    sql`SELECT a.id AS attempt_id, f.id AS formasi_id, f.position_name || ' — ' || f.unit_name AS formasi_name, f.count AS quota,
               app.registration_number, coalesce(app.applicant_name, '') AS participant_name,
               r.scores, r.total, r.passed, a.status AS attempt_status
        FROM cat_attempts a
        JOIN applications app ON app.id = a.application_id
        JOIN formasi f ON f.id = a.formasi_id
        LEFT JOIN cat_results r ON r.attempt_id = a.id
        WHERE a.agency_id = ${agencyId} AND a.selection_id = ${selectionId} AND a.blueprint_id = ${blueprintId}`,
  );
  const formations = [...new Map(rows.map((r) => [r.formasi_id, { id: r.formasi_id, count: r.quota }])).values()];
  const scored = rows.filter((r) => r.total !== null);
  const outcome = selectForSkb({
    formations,
    candidates: scored.map((r) => ({ id: r.attempt_id, formasiId: r.formasi_id, metPassMark: r.passed === true, skd: { total: r.total!, TWK: r.scores?.TWK ?? 0, TIU: r.scores?.TIU ?? 0, TKP: r.scores?.TKP ?? 0 } })),
    preset: SKB_PROCEED_PRESET,
  });
  const byAttempt = new Map<string, ProceedOutcome>(outcome.candidates.map((c) => [c.id, c]));
  const entries: SkdResultEntry[] = rows
    .map((r) => {
      const o = byAttempt.get(r.attempt_id);
      const keterangan: SkdResultEntry['keterangan'] = r.total === null ? 'TH' : o?.proceeds ? 'P' : r.passed ? 'L' : 'TL';
      return { formasi: r.formasi_name, registrationNumber: r.registration_number, name: r.participant_name, TWK: r.scores?.TWK ?? null, TIU: r.scores?.TIU ?? null, TKP: r.scores?.TKP ?? null, total: r.total, rank: o?.rank ?? null, keterangan, decidedBy: o?.decidedBy ?? null };
    })
    .sort((a, b) => (a.formasi < b.formasi ? -1 : a.formasi > b.formasi ? 1 : (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.registrationNumber < b.registrationNumber ? -1 : 1)));
  const pending = rows.filter((r) => r.total === null && (r.attempt_status === 'active' || r.attempt_status === 'allocated')).length;
  return { entries, formations: outcome.formations, pending };
}

const stageName = (pipeline: Array<{ key: string; name: string }> | null, key: string) => pipeline?.find((stage) => stage.key === key)?.name ?? key;

export type SkdStage = {
  stageKey: string;
  stageName: string;
  isSkd: boolean;
  /** A plain CAT stage (SKD, the PPPK competency test) announces who proceeds; a CAT component of another stage (CAT SKB) counts only in the final result. */
  publishable: boolean;
  published: { announcementId: string | null; hash: string; publishedAt: Date } | null };

/** The stage a blueprint's result belongs to (SKD, or the PPPK competency test) and its publication, if any. */
export async function skdStage(db: Db, { agencyId, selectionId, blueprintId }: { agencyId: string; selectionId: string; blueprintId: string }): Promise<SkdStage> {
  const [row] = await selectRows<{ stage_key: string; preset: string; pipeline: PipelineStage[] | null; announcement_id: string | null; result_hash: string | null; published_at: Date | null }>(
    db,
    sql`SELECT b.stage_key, b.preset, s.pipeline, r.announcement_id, r.result_hash, r.published_at
        FROM cat_blueprints b JOIN selections s ON s.id = b.selection_id
        LEFT JOIN stage_results r ON r.selection_id = b.selection_id AND r.stage = b.stage_key
        WHERE b.id = ${blueprintId} AND b.selection_id = ${selectionId} AND b.agency_id = ${agencyId}`,
  );
  if (!row) throw notFound('Cetak biru CAT');
  const published = row.result_hash && row.published_at ? { announcementId: row.announcement_id, hash: row.result_hash, publishedAt: new Date(row.published_at) } : null;
  const stage = row.pipeline?.find((candidate) => candidate.key === row.stage_key);
  const publishable = !stage || isPlainCatStage(stage);
  return { stageKey: row.stage_key, stageName: stageName(row.pipeline, row.stage_key), isSkd: row.preset === 'skd', publishable, published };
}

export const skdResultHash = (entries: readonly SkdResultEntry[]) => canonicalSha256(entries);

export type PublishSkdInput = { db: Db; config: Pick<Config, 'uploadDir'>; agencyId: string; selectionId: string; blueprintId: string; actorId: string; now?: Date };

/** Publishes the SKD result with who proceeds: once, when no attempt is still running; announcement with the PDF list and its hash. */
export async function publishSkdResult({ db, config, agencyId, selectionId, blueprintId, actorId, now = new Date() }: PublishSkdInput) {
  return db.transaction(async (tx) => {
    const [selection] = await selectRows<{ name: string; pipeline: Array<{ key: string; name: string }> | null; agency_name: string; timezone: string }>(
      tx,
      sql`SELECT s.name, s.pipeline, g.name AS agency_name, g.timezone FROM selections s JOIN agencies g ON g.id = s.agency_id WHERE s.id = ${selectionId} AND s.agency_id = ${agencyId} FOR UPDATE OF s`,
    );
    if (!selection) throw notFound('Seleksi');
    // The result is the blueprint's stage's (SKD for CPNS, the competency test for PPPK): the panel
    // stage after it names its candidates from the stage result published under that key.
    const stage = await skdStage(tx, { agencyId, selectionId, blueprintId });
    const { stageKey, isSkd } = stage;
    const label = isSkd ? 'SKD' : `tahap ${stage.stageName}`;
    if (stage.published) throw new AppError('INVALID_STATE', `Hasil ${label} seleksi ini sudah diumumkan.`);
    if (!stage.publishable) throw new AppError('INVALID_STATE', `Nilai ${stage.stageName} dihitung dalam hasil akhir; tahap ini tidak diumumkan tersendiri.`);
    const { entries, pending } = await skdOutcome(tx, { agencyId, selectionId, blueprintId });
    if (!entries.length) throw new AppError('INVALID_STATE', `Belum ada peserta ${label} pada seleksi ini.`);
    if (pending) throw new AppError('INVALID_STATE', `Masih ada ${pending} peserta yang belum selesai atau belum dinilai.`);
    const hash = skdResultHash(entries);
    const zone = isAgencyZone(selection.timezone) ? selection.timezone : 'Asia/Jakarta';
    const proceeding = entries.filter((e) => e.keterangan === 'P').length;
    const pdf = await renderListPdf({
      agencyName: selection.agency_name,
      selectionName: selection.name,
      heading: isSkd ? 'HASIL SELEKSI KOMPETENSI DASAR (SKD)' : `HASIL ${stageName(selection.pipeline, stageKey).toUpperCase()}`,
      publishedAt: now,
      zone,
      resultHash: hash,
      notes: [
        isSkd
          ? 'Peserta yang memenuhi nilai ambang batas diurutkan per formasi; paling banyak 3 × jumlah kebutuhan formasi lanjut ke SKB. Nilai sama pada batas diurutkan menurut TKP, lalu TIU, lalu TWK; yang tetap sama seluruhnya ikut lanjut.'
          : 'Peserta diurutkan per formasi menurut nilai total; paling banyak 3 × jumlah kebutuhan formasi lanjut ke tahap berikutnya, dan yang nilainya sama dengan peringkat terakhir ikut lanjut.',
        `Keterangan: P = ${STAGE_RESULT_NOTES.P}; L = ${STAGE_RESULT_NOTES.L}; TL = ${STAGE_RESULT_NOTES.TL}; TH = ${STAGE_RESULT_NOTES.TH}.`,
      ],
      summary: `Peserta: ${entries.length.toLocaleString('id-ID')} — lanjut ke ${isSkd ? 'SKB' : 'tahap berikutnya'}: ${proceeding.toLocaleString('id-ID')}.`,
      hashNote: 'Sidik jari SHA-256 dihitung atas JSON kanonik daftar ini (kunci diurutkan; urut formasi lalu peringkat), sehingga siapa pun dapat menghitung ulang dan mencocokkannya.',
      // The SKD's subtests are printed (they break its ties); another CAT stage is ranked by its total alone.
      columns: [
        { title: 'Peringkat', width: 48 },
        { title: 'Nomor pendaftaran', width: 110 },
        { title: 'Nama', width: isSkd ? 110 : 150 },
        ...(isSkd ? SKD_SUBTESTS.map((subtest) => ({ title: subtest, width: 36 })) : []),
        { title: 'Total', width: 40 },
        { title: 'Ket.', width: 34 },
        { title: 'Formasi', width: isSkd ? 65 : 133 },
      ],
      rows: entries.map((e) => [e.rank?.toString() ?? '-', e.registrationNumber, e.name, ...(isSkd ? SKD_SUBTESTS.map((subtest) => String(e[subtest] ?? '-')) : []), String(e.total ?? '-'), e.keterangan, e.formasi]),
      empty: 'Tidak ada peserta.',
    });
    const announcement = await publishGeneratedAnnouncement(tx, {
      uploadDir: config.uploadDir,
      agencyId,
      selectionId,
      // A CAT stage other than the SKD is the PPPK competency test (its announcement is not an SKD result).
      kind: isSkd ? 'hasil_skd' : 'hasil_kompetensi',
      title: isSkd ? `Hasil SKD — ${selection.name}` : `Hasil ${stageName(selection.pipeline, stageKey)} — ${selection.name}`,
      body: isSkd
        ? `Hasil Seleksi Kompetensi Dasar ${selection.name}: ${proceeding.toLocaleString('id-ID')} dari ${entries.length.toLocaleString('id-ID')} peserta lanjut ke SKB. Daftar lengkap terlampir.\n\nDiumumkan ${formatInZone(now, zone)}.\n\nSidik jari SHA-256 daftar hasil: ${hash}`
        : `Hasil ${stageName(selection.pipeline, stageKey)} ${selection.name}: ${proceeding.toLocaleString('id-ID')} dari ${entries.length.toLocaleString('id-ID')} peserta lanjut ke tahap berikutnya. Daftar lengkap terlampir.\n\nDiumumkan ${formatInZone(now, zone)}.\n\nSidik jari SHA-256 daftar hasil: ${hash}`,
      actorId,
      files: [{ title: `Daftar hasil ${isSkd ? 'SKD' : stageName(selection.pipeline, stageKey)}`, fileName: isSkd ? 'hasil-skd.pdf' : `hasil-${stageKey.replace(/_/g, '-')}.pdf`, content: pdf }],
    });
    const [published] = await tx.insert(stageResults).values({ agencyId, selectionId, stage: stageKey, announcementId: announcement.id, resultHash: hash, publishedAt: now, publishedBy: actorId }).returning();
    await recordAudit(tx, { agencyId, actorId, action: 'result.skd.publish', targetType: 'selection', targetId: selectionId, after: { stageKey, stageResultId: published!.id, announcementId: announcement.id, resultHash: hash, participants: entries.length, proceeding } });
    return { stage: published!, announcementId: announcement.id, hash, proceeding, participants: entries.length };
  });
}

// ---- For the dashboards -------------------------------------------------------------------------

export type SkdPassCounts = { selectionId: string; formasiId: string; passed: number };

/** Per round and formation, how many met the pass mark of the first CAT stage (SKD, or the PPPK competency test). */
export async function skdPassCounts(db: Db, scope: { agencyId?: string | undefined; selectionId?: string | undefined; formasiId?: string | undefined }): Promise<SkdPassCounts[]> {
  const rows = await selectRows<{ selection_id: string; formasi_id: string; passed: string }>(
    db,
    sql`SELECT r.selection_id, r.formasi_id, count(*) FILTER (WHERE r.passed) AS passed
        FROM cat_results r JOIN cat_blueprints b ON b.id = r.blueprint_id AND b.preset IN ('skd', 'pppk')
        WHERE true
          ${scope.agencyId ? sql`AND r.agency_id = ${scope.agencyId}` : sql``}
          ${scope.selectionId ? sql`AND r.selection_id = ${scope.selectionId}` : sql``}
          ${scope.formasiId ? sql`AND r.formasi_id = ${scope.formasiId}` : sql``}
        GROUP BY r.selection_id, r.formasi_id`,
  );
  return rows.map((r) => ({ selectionId: r.selection_id, formasiId: r.formasi_id, passed: Number(r.passed) }));
}
