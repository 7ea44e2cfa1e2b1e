import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { catBankKeys, STAGE_RESULT_NOTES, stageResultApi } from '../../api/cat-banks';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Pagination } from '../../components/Pagination';
import { formatDateTime, formatNumber } from '../../lib/time';

const PAGE_SIZE = 50;

/**
 * The ranked result of a CAT stage (SKD, or the PPPK competency test): who proceeds to the next
 * stage, per formation, and its announcement with the PDF list and its fingerprint. The next
 * stage's panel takes its candidates from this announced result.
 */
export function StageResultSection({ agencyId, selectionId, blueprintId, canPublish }: { agencyId: string; selectionId: string; blueprintId: string; canPublish: boolean }) {
  const queryClient = useQueryClient();
  const key = catBankKeys.stageResult(agencyId, selectionId, blueprintId);
  const result = useQuery({ queryKey: key, queryFn: () => stageResultApi.get(agencyId, selectionId, blueprintId) });
  const [page, setPage] = useState(1);
  const publish = useMutation({
    mutationFn: () => stageResultApi.publish(agencyId, selectionId, blueprintId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: key }),
  });

  const heading = <h2 id="judul-hasil-tahap">Hasil tahap dan pengumuman</h2>;
  if (result.isPending) return <section aria-labelledby="judul-hasil-tahap">{heading}<Loading label="Menyusun hasil tahap…" /></section>;
  if (result.isError) return <section aria-labelledby="judul-hasil-tahap">{heading}<ErrorState error={result.error} onRetry={() => void result.refetch()} /></section>;
  const { stage, published, entries, pending } = result.data;
  if (!stage.publishable) {
    return (
      <section aria-labelledby="judul-hasil-tahap">
        {heading}
        <p>Nilai {stage.name} tidak diumumkan tersendiri: nilai ini dihitung dalam integrasi hasil akhir bersama komponen lain tahapnya.</p>
      </section>
    );
  }
  const proceeding = entries.filter((e) => e.keterangan === 'P').length;
  const shown = entries.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <section aria-labelledby="judul-hasil-tahap">
      {heading}
      <p>
        {stage.isSkd
          ? 'Per formasi, peserta yang memenuhi nilai ambang batas diurutkan menurut nilai total; paling banyak 3 × kebutuhan formasi lanjut ke SKB. Nilai sama pada batas diurutkan menurut TKP, TIU, lalu TWK; yang tetap sama seluruhnya ikut lanjut.'
          : `Per formasi, peserta ${stage.name} diurutkan menurut nilai total; paling banyak 3 × kebutuhan formasi lanjut ke tahap berikutnya, dan yang nilainya sama dengan peringkat terakhir ikut lanjut.`}
      </p>
      <dl className="facts">
        <dt>Tahap</dt>
        <dd>{stage.name}</dd>
        <dt>Peserta</dt>
        <dd>{formatNumber(entries.length)}</dd>
        <dt>Lanjut ke tahap berikutnya</dt>
        <dd>{formatNumber(proceeding)}</dd>
      </dl>
      {published ? (
        <Notice kind="success">
          Hasil {stage.name} sudah diumumkan {formatDateTime(published.publishedAt)}. Sidik jari SHA-256 daftar hasil: <code>{published.hash}</code>
          {published.announcementId ? (
            <>
              {' '}
              <Link to={`/pengumuman/${published.announcementId}`}>Buka pengumuman</Link>
            </>
          ) : null}
        </Notice>
      ) : pending > 0 ? (
        <Notice kind="info">Masih ada {formatNumber(pending)} peserta yang belum selesai atau belum dinilai; hasil dapat diumumkan setelah semuanya selesai.</Notice>
      ) : canPublish && entries.length > 0 ? (
        <ConfirmButton
          label={`Umumkan hasil ${stage.name}`}
          groupLabel={`Umumkan hasil ${stage.name}`}
          explanation="Pengumuman memuat daftar lengkap (PDF) dan sidik jarinya, terbuka untuk umum, dan tidak dapat ditarik kembali. Panel tahap berikutnya menilai peserta yang lanjut."
          confirmLabel={`Ya, umumkan hasil ${stage.name}`}
          pendingLabel="Mengumumkan…"
          onConfirm={() => publish.mutate()}
          pending={publish.isPending}
          error={publish.error}
        />
      ) : null}
      {entries.length === 0 ? (
        <EmptyState>Belum ada peserta pada tahap ini.</EmptyState>
      ) : (
        <>
          <div className="table-wrap" role="region" aria-labelledby="tabel-hasil-tahap" tabIndex={0}>
            <table>
              <caption id="tabel-hasil-tahap">Peringkat {stage.name} per formasi</caption>
              <thead>
                <tr>
                  <th scope="col">Formasi</th>
                  <th scope="col" className="cb-num">
                    Peringkat
                  </th>
                  <th scope="col">Nomor pendaftaran</th>
                  <th scope="col">Nama</th>
                  {stage.isSkd
                    ? (['TWK', 'TIU', 'TKP'] as const).map((subtest) => (
                        <th key={subtest} scope="col" className="cb-num">
                          {subtest}
                        </th>
                      ))
                    : null}
                  <th scope="col" className="cb-num">
                    Total
                  </th>
                  <th scope="col">Keterangan</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((entry) => (
                  <tr key={entry.registrationNumber}>
                    <td>{entry.formasi}</td>
                    <td className="cb-num">{entry.rank ?? '—'}</td>
                    <th scope="row">{entry.registrationNumber}</th>
                    <td>{entry.name}</td>
                    {stage.isSkd
                      ? (['TWK', 'TIU', 'TKP'] as const).map((subtest) => (
                          <td key={subtest} className="cb-num">
                            {entry[subtest] ?? '—'}
                          </td>
                        ))
                      : null}
                    <td className="cb-num">{entry.total ?? '—'}</td>
                    <td>
                      {STAGE_RESULT_NOTES[entry.keterangan]}
                      {entry.decidedBy ? ` (ditentukan oleh ${entry.decidedBy})` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={PAGE_SIZE} total={entries.length} onPageChange={setPage} label="Halaman hasil tahap" />
        </>
      )}
    </section>
  );
}
