import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { SCHEDULE_LABELS, type ScheduleField } from '../../../../core/selection-schedule';
import { selectionApi, selectionKeys, type SelectionHistoryEntry } from '../../api/selections';
import type { AgencyTimezone } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { Pagination } from '../../components/Pagination';

const ACTION_LABELS: Record<string, string> = {
  'selection.create': 'Dibuat',
  'selection.update': 'Draf diubah',
  'selection.publish': 'Diumumkan',
  'selection.correct': 'Koreksi setelah diumumkan',
  'formasi.publish': 'Formasi diumumkan',
};

const FIELD_LABELS: Record<string, string> = {
  name: 'nama',
  description: 'keterangan',
  year: 'tahun',
  schedule: 'jadwal',
  requiredDocuments: 'dokumen persyaratan',
  pipeline: 'tahapan dan bobot',
};

type Stage = { key?: string; name?: string; weight?: number };
const stagesOf = (value: unknown): Stage[] => (Array.isArray(value) ? (value as Stage[]) : []);
const datesOf = (value: unknown): Record<string, string> => (value && typeof value === 'object' ? (value as Record<string, string>) : {});

/** What a change did, in a line per changed item: weights and dates before → after. */
function changeLines(entry: SelectionHistoryEntry): string[] {
  const lines: string[] = [];
  if (entry.changed.includes('pipeline')) {
    const before = stagesOf(entry.before?.pipeline);
    const after = stagesOf(entry.after?.pipeline);
    const keys = [...new Set([...before, ...after].map((stage) => stage.key ?? ''))];
    for (const key of keys) {
      const was = before.find((stage) => stage.key === key);
      const is = after.find((stage) => stage.key === key);
      if (!was) lines.push(`Tahap ditambah: ${is?.name} (bobot ${is?.weight}%)`);
      else if (!is) lines.push(`Tahap dihapus: ${was.name}`);
      else if (was.weight !== is.weight || was.name !== is.name) lines.push(`${is.name}: bobot ${was.weight}% → ${is.weight}%`);
    }
    if (lines.length === 0) lines.push('Tahapan diubah (aturan atau komponen).');
  }
  if (entry.changed.includes('schedule')) {
    const before = datesOf(entry.before?.schedule);
    const after = datesOf(entry.after?.schedule);
    for (const field of Object.keys(SCHEDULE_LABELS) as ScheduleField[]) {
      if (before[field] !== after[field]) lines.push(`${SCHEDULE_LABELS[field]}: ${before[field] ?? '—'} → ${after[field] ?? '—'}`);
    }
  }
  for (const field of ['name', 'year', 'description'] as const) {
    if (entry.changed.includes(field)) lines.push(`${FIELD_LABELS[field]}: ${String(entry.before?.[field] ?? '—')} → ${String(entry.after?.[field] ?? '—')}`);
  }
  if (entry.changed.includes('requiredDocuments')) lines.push('Dokumen persyaratan diubah.');
  return lines;
}

/** The round's versions from its audit records: who changed what, when, and why. */
export function SelectionHistory({ agencyId, selectionId, timeZone, auditLink }: { agencyId: string; selectionId: string; timeZone: AgencyTimezone; auditLink: string | null }) {
  const [page, setPage] = useState(1);
  const history = useQuery({ queryKey: selectionKeys.history(agencyId, selectionId, page), queryFn: () => selectionApi.history(agencyId, selectionId, page), placeholderData: (previous) => previous });
  return (
    <section aria-labelledby="judul-riwayat" className="card">
      <h2 id="judul-riwayat">Riwayat perubahan</h2>
      <p className="muted">
        Setiap perubahan dicatat di jejak audit berantai hash, termasuk alasan setiap koreksi.
        {auditLink ? (
          <>
            {' '}
            <Link to={auditLink}>Buka jejak audit instansi</Link>.
          </>
        ) : null}
      </p>
      {history.isPending ? (
        <Loading label="Memuat riwayat…" />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.items.length === 0 ? (
        <EmptyState>Belum ada riwayat.</EmptyState>
      ) : (
        <>
          <ol className="history-list">
            {history.data.items.map((entry) => (
              <li key={entry.seq}>
                <p>
                  <strong>{ACTION_LABELS[entry.action] ?? entry.action}</strong>
                  {entry.version ? ` — versi ${entry.version}` : ''} · {entry.actorName ?? 'Sistem'} · <DateTime value={entry.createdAt} timeZone={timeZone} />
                </p>
                {entry.reason ? <p>Alasan: {entry.reason}</p> : null}
                {entry.action === 'selection.update' || entry.action === 'selection.correct' ? (
                  <ul className="summary-list">
                    {changeLines(entry).map((line, index) => (
                      <li key={index}>{line}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
          <Pagination page={history.data.page} pageSize={history.data.pageSize} total={history.data.total} onPageChange={setPage} label="Halaman riwayat" />
        </>
      )}
    </section>
  );
}
