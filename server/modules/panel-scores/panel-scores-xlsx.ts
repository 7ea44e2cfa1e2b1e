// A panel component's scores as a workbook for the panel's minutes (berita acara) and the
// observers: per candidate, per assessor and criterion, the moderation with its reasons, the rubric.
import { AGGREGATION_LABELS, CANDIDATE_STATUS_LABELS } from '../../../core/panel-scoring.js';
import { ASSESSOR_KIND_LABELS, type ComponentDetail } from '../../../core/schemas/panel-scores.js';
import { addTableSheet, newWorkbook } from '../../xlsx.js';

const ASSIGNMENT_STATUS = { active: 'Aktif', conflict: 'Konflik kepentingan', removed: 'Dikeluarkan' } as const;

export function componentWorkbook(detail: ComponentDetail) {
  const { component } = detail;
  const workbook = newWorkbook();
  const summary = addTableSheet(
    workbook,
    'Nilai Peserta',
    [
      { key: 'no', header: 'No', width: 6 },
      { key: 'number', header: 'Nomor pendaftaran', width: 24 },
      { key: 'name', header: 'Nama', width: 32 },
      { key: 'formasi', header: 'Formasi', width: 44 },
      { key: 'status', header: 'Status', width: 28 },
      { key: 'assessors', header: 'Nilai terkirim', width: 14 },
      { key: 'score', header: component.status === 'locked' ? 'Nilai komponen (dikunci)' : 'Nilai komponen (sementara)', width: 26 },
      { key: 'spread', header: 'Selisih', width: 10 },
      { key: 'flag', header: 'Moderasi', width: 22 },
      { key: 'absent', header: 'Keterangan tidak hadir', width: 32 },
    ],
    detail.candidates.map((candidate, index) => ({
      no: index + 1,
      number: candidate.registrationNumber,
      name: candidate.name,
      formasi: candidate.formasi,
      status: CANDIDATE_STATUS_LABELS[candidate.status],
      assessors: candidate.hidden ? null : candidate.assignments.filter((a) => a.status === 'active' && a.score?.status === 'submitted').length,
      score: candidate.score,
      spread: candidate.spread,
      flag: candidate.flagged ? (candidate.confirmed ? 'Di atas batas, dikonfirmasi' : 'Di atas batas, perlu moderasi') : '',
      absent: candidate.absent ? (candidate.absentReason ?? 'Tidak hadir') : '',
    })),
  );
  summary.addRow([]);
  summary.addRow([
    `${component.selection.name} — ${component.name} (skala ${component.min}–${component.max}). Nilai komponen: ${AGGREGATION_LABELS[component.settings.aggregation].toLowerCase()} dari total para penguji, dibulatkan sekali setengah ke atas ke dua desimal. Batas selisih ${component.settings.spreadThreshold}. Dibuat ${new Date().toISOString()}.`,
  ]);

  addTableSheet(
    workbook,
    'Nilai per Penguji',
    [
      { key: 'number', header: 'Nomor pendaftaran', width: 24 },
      { key: 'name', header: 'Nama peserta', width: 32 },
      { key: 'assessor', header: 'Penguji', width: 30 },
      { key: 'kind', header: 'Asal penguji', width: 24 },
      { key: 'status', header: 'Status penugasan', width: 20 },
      { key: 'declaredAt', header: 'Menyatakan bebas konflik', width: 26 },
      ...component.criteria.map((criterion) => ({ key: `c_${criterion.key}`, header: `${criterion.name} (${criterion.weight}%)`, width: 18 })),
      { key: 'total', header: 'Total penguji', width: 14 },
      { key: 'submittedAt', header: 'Dikirim', width: 26 },
      { key: 'note', header: 'Catatan / alasan', width: 44 },
    ],
    detail.candidates.flatMap((candidate) =>
      candidate.assignments.map((assignment) => ({
        number: candidate.registrationNumber,
        name: candidate.name,
        assessor: assignment.assessor.name,
        kind: ASSESSOR_KIND_LABELS[assignment.assessor.kind],
        status: ASSIGNMENT_STATUS[assignment.status],
        declaredAt: assignment.declaredAt,
        ...Object.fromEntries(component.criteria.map((criterion) => [`c_${criterion.key}`, assignment.score?.scores[criterion.key] ?? null])),
        total: assignment.score?.status === 'submitted' ? assignment.score.total : null,
        submittedAt: assignment.score?.submittedAt ?? (assignment.scoreHidden ? 'disembunyikan' : null),
        note: assignment.conflictReason ?? assignment.endReason ?? assignment.score?.note ?? '',
      })),
    ),
  );

  addTableSheet(
    workbook,
    'Moderasi',
    [
      { key: 'at', header: 'Waktu', width: 26 },
      { key: 'number', header: 'Nomor pendaftaran', width: 24 },
      { key: 'name', header: 'Nama peserta', width: 32 },
      { key: 'action', header: 'Tindakan', width: 22 },
      { key: 'spread', header: 'Selisih saat itu', width: 16 },
      { key: 'reason', header: 'Alasan', width: 60 },
      { key: 'actor', header: 'Oleh', width: 28 },
    ],
    detail.moderations.map((moderation) => ({
      at: moderation.createdAt,
      number: moderation.candidate.registrationNumber,
      name: moderation.candidate.name,
      action: moderation.action === 'reopen' ? 'Nilai dibuka kembali' : 'Nilai dikonfirmasi',
      spread: moderation.spread,
      reason: moderation.reason,
      actor: moderation.actor.name,
    })),
  );

  addTableSheet(
    workbook,
    'Rubrik',
    [
      { key: 'part', header: 'Bagian', width: 12 },
      { key: 'name', header: 'Kriteria / tingkat', width: 36 },
      { key: 'value', header: 'Bobot (%) / nilai', width: 18 },
      { key: 'text', header: 'Uraian / deskriptor', width: 80 },
    ],
    [
      ...component.criteria.map((criterion) => ({ part: 'Kriteria', name: criterion.name, value: criterion.weight, text: criterion.description })),
      ...component.levels.map((level) => ({ part: 'Tingkat', name: level.label, value: level.value, text: level.descriptor })),
    ],
  );
  return workbook;
}
