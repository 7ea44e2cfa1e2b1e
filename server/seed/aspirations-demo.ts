// Demo complaints and community forums for each demo agency: a few complaints in every state (one
// past its deadline, one closed late), a forum held last month with minutes and follow-ups, and one
// scheduled next month. Idempotent per agency. Tracking codes are random and never printed: the
// demo complaints are for staff to handle; a visitor files their own at /pengaduan.
import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { aspirationReference, DEFAULT_SLA_DAYS, dueAt, type AspirationCategory, type AspirationStatus } from '../../core/aspirations.js';
import { calendarDateInZone, isAgencyZone } from '../../core/time.js';
import type { Db } from '../db/client.js';
import { aspirationCounters, aspirationEvents, aspirations, communityForums, forumFollowups } from '../modules/aspirations/aspirations.table.js';
import { units } from '../modules/organisation/organisation.table.js';

const DAY = 86_400_000;

type DemoComplaint = {
  daysAgo: number;
  category: AspirationCategory;
  subject: string;
  body: string;
  anonymous: boolean;
  status: AspirationStatus;
  unitCode?: string;
  answer?: string;
  /** Days after receipt it was closed. */
  closedAfter?: number;
  fromForum?: boolean;
};

const COMPLAINTS: DemoComplaint[] = [
  {
    daysAgo: 40,
    category: 'rekrutmen',
    subject: 'Jadwal ujian SKB tidak diumumkan di situs',
    body: 'Jadwal ujian SKB untuk formasi guru belum muncul di situs BKPSDM padahal peserta lain sudah mendapat informasi lewat grup WhatsApp.',
    anonymous: false,
    status: 'closed',
    unitCode: 'BKPSDM',
    answer: 'Jadwal SKB sudah diumumkan di portal dan pengumuman resmi pada hari yang sama dengan grup; kami menambahkan tautan di beranda.',
    closedAfter: 6,
  },
  {
    daysAgo: 30,
    category: 'kualitas_layanan',
    subject: 'Antrean perekaman KTP-el sangat panjang',
    body: 'Saya datang pukul 07.00 dan baru dilayani pukul 13.00. Nomor antrean habis sebelum pukul 09.00 setiap hari.',
    anonymous: false,
    status: 'closed',
    unitCode: 'DUKCAPIL',
    answer: 'Mulai bulan ini dibuka antrean daring dan loket tambahan pada pukul 07.30–12.00.',
    closedAfter: 20,
  },
  {
    daysAgo: 20,
    category: 'perilaku_petugas',
    subject: 'Petugas meminta uang tambahan',
    body: 'Petugas di loket perizinan meminta uang Rp100.000 agar berkas diproses lebih cepat. Kejadian Selasa siang.',
    anonymous: true,
    status: 'in_progress',
    unitCode: 'DPMPTSP',
  },
  {
    daysAgo: 9,
    category: 'sarana',
    subject: 'Ruang tunggu poliklinik tanpa kursi roda',
    body: 'Tidak ada kursi roda yang tersedia di ruang tunggu poliklinik, padahal banyak pasien lanjut usia.',
    anonymous: false,
    status: 'answered',
    unitCode: 'RSUD',
    answer: 'Lima kursi roda tambahan sudah ditempatkan di ruang tunggu poliklinik.',
  },
  {
    daysAgo: 3,
    category: 'rekrutmen',
    subject: 'Syarat IPK formasi analis kebijakan',
    body: 'Mohon penjelasan apakah syarat IPK 3,00 berlaku untuk lulusan luar negeri dengan skala nilai berbeda.',
    anonymous: false,
    status: 'received',
  },
  {
    daysAgo: 1,
    category: 'lainnya',
    subject: 'Usulan layanan keliling di kecamatan',
    body: 'Usulan warga dalam forum: layanan administrasi kependudukan keliling sebulan sekali di kecamatan terjauh.',
    anonymous: false,
    status: 'in_progress',
    unitCode: 'DUKCAPIL',
    fromForum: true,
  },
];

const STATUS_EVENTS: Record<string, string> = { routed: 'Diteruskan kepada {unit} untuk ditindaklanjuti.', answered: 'Pengaduan dijawab.', closed: 'Pengaduan selesai.' };

/** Idempotent per agency: an agency that already has complaints is left alone. */
export async function seedAspirationsDemo(db: Db, agency: { id: string; timezone: string }, now = new Date()) {
  const [existing] = await db.select({ id: aspirations.id }).from(aspirations).where(eq(aspirations.agencyId, agency.id)).limit(1);
  if (existing) return;
  const zone = isAgencyZone(agency.timezone) ? agency.timezone : 'Asia/Jakarta';
  const unitRows = await db.select().from(units).where(eq(units.agencyId, agency.id));
  const unitByCode = new Map(unitRows.map((u) => [u.code, u]));
  const heldAt = new Date(now.getTime() - 2 * DAY);
  const [held] = await db
    .insert(communityForums)
    .values({
      agencyId: agency.id,
      title: 'Forum warga: pelayanan kependudukan dan rekrutmen ASN',
      agenda: 'Mendengar keluhan pelayanan administrasi kependudukan dan pertanyaan warga tentang seleksi CPNS/PPPK.',
      venue: 'Aula kantor kecamatan',
      scheduledAt: heldAt,
      status: 'held',
      minutes:
        'Dihadiri perwakilan RT/RW, tokoh pemuda, dan pelajar. Warga mengeluhkan jarak ke kantor Dukcapil dan meminta layanan keliling. ' +
        'Pelajar bertanya tentang formasi khusus lulusan terbaik; panitia menjelaskan syarat dan jadwal. Tindak lanjut dicatat sebagai aspirasi.',
      attendees: 64,
      minutesRecordedAt: new Date(heldAt.getTime() + 3 * 3600_000),
    })
    .returning();
  await db.insert(communityForums).values({
    agencyId: agency.id,
    title: 'Forum warga: evaluasi survei kepuasan masyarakat',
    agenda: 'Menyampaikan hasil IKM semester lalu dan rencana perbaikan unsur yang lemah.',
    venue: 'Balai kelurahan',
    scheduledAt: new Date(now.getTime() + 25 * DAY),
  });
  let seq = 0;
  const year = Number(calendarDateInZone(now, zone).slice(0, 4));
  for (const complaint of COMPLAINTS) {
    seq += 1;
    const receivedAt = new Date(now.getTime() - complaint.daysAgo * DAY);
    const unit = complaint.unitCode ? unitByCode.get(complaint.unitCode) : undefined;
    const closedAt = complaint.closedAfter !== undefined ? new Date(receivedAt.getTime() + complaint.closedAfter * DAY) : null;
    const answeredAt = complaint.answer ? new Date((closedAt ?? now).getTime() - DAY / 2) : null;
    const [row] = await db
      .insert(aspirations)
      .values({
        agencyId: agency.id,
        reference: aspirationReference(year, seq),
        source: complaint.fromForum ? 'forum' : 'publik',
        forumId: complaint.fromForum ? held!.id : null,
        category: complaint.category,
        subject: complaint.subject,
        body: complaint.body,
        anonymous: complaint.anonymous,
        reporterName: complaint.anonymous || complaint.fromForum ? null : 'Warga Demo',
        trackingHash: createHash('sha256').update(`aspirasi:${randomBytes(16).toString('hex')}`).digest('hex'),
        status: complaint.status,
        unitId: unit?.id ?? null,
        answer: complaint.answer ?? null,
        answeredAt,
        closedAt,
        dueAt: dueAt({ receivedAt, zone, slaDays: DEFAULT_SLA_DAYS }),
        createdAt: receivedAt,
        updatedAt: closedAt ?? answeredAt ?? receivedAt,
      })
      .returning();
    const events: Array<{ kind: string; message: string; at: Date }> = [{ kind: 'submitted', message: `Diterima dengan nomor ${row!.reference}.`, at: receivedAt }];
    if (unit) events.push({ kind: 'routed', message: STATUS_EVENTS.routed!.replace('{unit}', unit.name), at: new Date(receivedAt.getTime() + DAY / 4) });
    if (answeredAt) events.push({ kind: 'answered', message: STATUS_EVENTS.answered!, at: answeredAt });
    if (closedAt) events.push({ kind: 'closed', message: STATUS_EVENTS.closed!, at: closedAt });
    await db.insert(aspirationEvents).values(events.map((e) => ({ aspirationId: row!.id, agencyId: agency.id, kind: e.kind, public: true, message: e.message, createdAt: e.at })));
    if (complaint.fromForum || complaint.unitCode === 'DUKCAPIL') await db.insert(forumFollowups).values({ forumId: held!.id, aspirationId: row!.id, agencyId: agency.id }).onConflictDoNothing();
  }
  await db
    .insert(aspirationCounters)
    .values({ agencyId: agency.id, year, last: seq })
    .onConflictDoNothing();
}
