import { useParams } from 'react-router-dom';
import { useMutation, useQuery } from '@tanstack/react-query';
import { auditApi } from '../../api/endpoints';
import { errorMessage } from '../../api/client';
import { queryKeys, useAgencyDetail } from '../../api/queries';
import type { AuditVerification } from '../../api/types';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { DateTime } from '../../components/DateTime';
import { Pagination } from '../../components/Pagination';
import { RequireAuth } from '../../components/RequireAuth';
import { SearchForm } from '../../components/SearchForm';
import { canReadAudit } from '../../lib/roles';
import { formatNumber } from '../../lib/time';
import { useListParams } from '../../lib/useListParams';
import { AgencyHeading } from './AgencyHeading';

const PAGE_SIZE = 25;

/** Plain-language names for the recorded actions; unknown ones are shown by their code. */
const actionLabels: Record<string, string> = {
  'agency.create': 'Instansi dibuat',
  'agency.update': 'Instansi diubah',
  'staff.invite': 'Staf diundang',
  'staff.accept_invitation': 'Undangan diterima',
  'staff.set_roles': 'Peran staf diubah',
  'staff.remove': 'Staf dihapus',
  'account.change_password': 'Kata sandi diubah',
  'account.password_reset': 'Kata sandi diatur ulang',
};

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(show).join(', ');
  return JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Summaries are usually { before, after }: show what changed ("nama: A → B") rather than two JSON
 * blobs; anything else is listed key by key.
 */
function summaryLines(summary: Record<string, unknown>): string[] {
  const { before, after, ...rest } = summary ?? {};
  const lines: string[] = [];
  if (isRecord(after) || isRecord(before)) {
    const old = isRecord(before) ? before : {};
    const now = isRecord(after) ? after : {};
    for (const key of new Set([...Object.keys(old), ...Object.keys(now)])) {
      if (key === 'id' || key === 'createdAt') continue;
      const was = show(old[key]);
      const is = show(now[key]);
      if (!(key in old)) lines.push(`${key}: ${is}`);
      else if (!(key in now)) lines.push(`${key}: ${was} → (dihapus)`);
      else if (was !== is) lines.push(`${key}: ${was} → ${is}`);
    }
  }
  for (const [key, value] of Object.entries(rest)) lines.push(`${key}: ${show(value)}`);
  return lines;
}

function Summary({ summary }: { summary: Record<string, unknown> }) {
  const lines = summaryLines(summary);
  if (lines.length === 0) return <>—</>;
  return (
    <ul className="summary-list">
      {lines.map((line, index) => (
        <li key={index}>{line}</li>
      ))}
    </ul>
  );
}

function VerificationResult({ result }: { result: AuditVerification }) {
  if (result.ok) {
    return (
      <Notice kind="success">
        Rantai audit utuh: {formatNumber(result.entries)} entri diperiksa dan semua hash cocok.
      </Notice>
    );
  }
  return (
    <Notice kind="error">
      Rantai audit rusak. {formatNumber(result.entries)} entri diperiksa;
      {result.firstBroken
        ? ` kerusakan pertama pada entri nomor ${formatNumber(result.firstBroken.seq)}: ${result.firstBroken.reason}.`
        : ' lokasi kerusakan tidak diketahui.'}
    </Notice>
  );
}

function AuditTrail({ agencyId }: { agencyId: string }) {
  const { page, extras, setPage, update } = useListParams(['tindakan']);
  const action = extras.tindakan ?? '';
  const { name: agencyName, timezone: timeZone } = useAgencyDetail(agencyId);
  const list = useQuery({
    queryKey: queryKeys.audit(agencyId, action, page),
    queryFn: () => auditApi.list(agencyId, { page, pageSize: PAGE_SIZE, action: action || undefined }),
    placeholderData: (previous) => previous,
  });
  const verify = useMutation({ mutationFn: () => auditApi.verify(agencyId) });

  return (
    <>
      <AgencyHeading title="Jejak audit" agencyName={agencyName} />
      <p>
        Setiap perubahan penting dicatat berurutan dan dirangkai dengan hash, sehingga perubahan diam-diam pada catatan
        lama dapat terdeteksi.
      </p>
      <section aria-labelledby="judul-verifikasi" className="card">
        <h2 id="judul-verifikasi">Verifikasi rantai</h2>
        <p>Periksa kembali seluruh hash untuk memastikan tidak ada catatan yang diubah atau dihapus.</p>
        <button type="button" className="button" onClick={() => verify.mutate()} disabled={verify.isPending}>
          {verify.isPending ? 'Memverifikasi…' : 'Verifikasi rantai'}
        </button>
        <div aria-live="polite">
          {verify.isSuccess ? <VerificationResult result={verify.data} /> : null}
          {verify.isError ? <Notice kind="error">{errorMessage(verify.error)}</Notice> : null}
        </div>
      </section>

      <SearchForm
        label="Saring berdasarkan tindakan (misalnya staff.invite)"
        value={action}
        onSearch={(value) => update({ tindakan: value, halaman: null })}
      />

      {list.isPending ? (
        <Loading label="Memuat jejak audit…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{action ? `Tidak ada catatan dengan tindakan “${action}”.` : 'Belum ada catatan audit.'}</EmptyState>
      ) : (
        <>
          <div className="table-wrap" role="region" aria-labelledby="judul-tabel-audit" tabIndex={0}>
            <table>
              <caption id="judul-tabel-audit">Catatan audit</caption>
              <thead>
                <tr>
                  <th scope="col">No.</th>
                  <th scope="col">Waktu</th>
                  <th scope="col">Pelaku</th>
                  <th scope="col">Tindakan</th>
                  <th scope="col">Sasaran</th>
                  <th scope="col">Ringkasan</th>
                  <th scope="col">Hash</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((entry) => (
                  <tr key={entry.id}>
                    <th scope="row">{formatNumber(entry.seq)}</th>
                    <td>
                      <DateTime value={entry.createdAt} timeZone={timeZone} />
                    </td>
                    <td>{entry.actorName ?? (entry.actorId ? entry.actorId : 'Sistem')}</td>
                    <td>
                      {actionLabels[entry.action] ? (
                        <>
                          {actionLabels[entry.action]}
                          <br />
                        </>
                      ) : null}
                      <code className="muted">{entry.action}</code>
                    </td>
                    <td>
                      {entry.targetType}
                      {entry.targetId ? <span className="muted"> {entry.targetId.slice(0, 8)}</span> : null}
                    </td>
                    <td className="summary">
                      <Summary summary={entry.summary} />
                    </td>
                    <td>
                      <code title={`hash ${entry.hash} · sebelumnya ${entry.prevHash}`}>{entry.hash.slice(0, 12)}…</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPageChange={setPage} />
        </>
      )}
    </>
  );
}

export function AuditPage() {
  const { agencyId = '' } = useParams();
  return (
    <RequireAuth allow={(me) => canReadAudit(me, agencyId)}>{() => <AuditTrail key={agencyId} agencyId={agencyId} />}</RequireAuth>
  );
}
