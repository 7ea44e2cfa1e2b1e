import { sql } from 'drizzle-orm';
import { selectRows, type Db } from '../../db/client.js';
import { addTableSheet, newWorkbook } from '../../xlsx.js';
import { AppError } from '../../errors.js';
import { appointedCandidates, requireRound, type RoundRef } from './results.service.js';
import { stagesOf } from './results.repo.js';

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);

/** The appointed candidates of a round as a workbook for the national appointment step (usul penetapan NIP). */
export async function appointedWorkbook(db: Db, ref: RoundRef) {
  const round = await requireRound(db, ref);
  if (!(await stagesOf(db, round.id)).some((s) => s.stage === 'akhir_pasca_sanggah')) {
    throw new AppError('INVALID_STATE', 'Daftar peserta yang diangkat tersedia setelah hasil akhir pasca sanggah diumumkan.');
  }
  const rows = await appointedCandidates(db, ref);
  const numbers = await selectRows<{ id: string; registration_number: string; nik: string | null; birth_date: string | null }>(
    db,
    sql`SELECT id, registration_number, nik, birth_date FROM applications WHERE selection_id = ${round.id} AND status = 'ms'`,
  );
  const byId = new Map(numbers.map((r) => [r.id, r]));
  const workbook = newWorkbook();
  addTableSheet(
    workbook,
    'Peserta diangkat',
    [
      { header: 'No', key: 'no', width: 6 },
      { header: 'Nomor pendaftaran', key: 'registrationNumber', width: 26 },
      { header: 'NIK', key: 'nik', width: 20, note: 'Untuk usul penetapan NIP; jaga kerahasiaannya.' },
      { header: 'Nama', key: 'name', width: 30 },
      { header: 'Tanggal lahir', key: 'birthDate', width: 14 },
      { header: 'Jenis seleksi', key: 'type', width: 12 },
      { header: 'Jabatan', key: 'positionName', width: 34 },
      { header: 'Unit penempatan', key: 'unitName', width: 34 },
      { header: 'Nilai akhir', key: 'finalScore', width: 12 },
      { header: 'Peringkat', key: 'rank', width: 10 },
      { header: 'Keterangan', key: 'status', width: 22 },
    ],
    rows.map((r, i) => ({
      no: i + 1,
      registrationNumber: byId.get(r.applicationId)?.registration_number ?? '',
      nik: byId.get(r.applicationId)?.nik ?? '',
      name: r.name,
      birthDate: byId.get(r.applicationId)?.birth_date ?? '',
      type: r.selectionType.toUpperCase(),
      positionName: r.positionName,
      unitName: r.unitName,
      finalScore: r.finalScore,
      rank: r.rank,
      status: r.status === 'lulus' ? 'Lulus' : 'Lulus optimalisasi',
    })),
  );
  return { workbook, fileName: `peserta-diangkat-${slug(round.name)}.xlsx` };
}
