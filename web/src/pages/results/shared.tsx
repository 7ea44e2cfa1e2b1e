import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { FINAL_STATUS_LABELS } from '../../../../core/final-results';
import type { RankingStatus } from '../../../../core/ranking';
import type { FinalOverview } from '../../api/results';
import type { AgencyTimezone } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { formatNumber } from '../../lib/time';
import { resultPaths } from './access';

export function FinalStatusTag({ status }: { status: RankingStatus | null }) {
  if (!status) return <span className="tag tag-pending">Nilai belum lengkap</span>;
  return <span className={`tag tag-${status}`}>{FINAL_STATUS_LABELS[status]}</span>;
}

const OFFER_LABELS = { pending: 'Menunggu jawaban', accepted: 'Diterima', declined: 'Ditolak', expired: 'Kedaluwarsa' } as const;

export function OfferStatusTag({ status }: { status: keyof typeof OFFER_LABELS }) {
  return <span className={`tag tag-${status}`}>{OFFER_LABELS[status]}</span>;
}

/** The weights the round's final score is made of, as a list. */
export function Weights({ stages }: { stages: FinalOverview['stages'] }) {
  if (!stages.length) return null;
  return (
    <ul className="weights">
      {stages.map((stage) => (
        <li key={stage.key}>
          <strong>{stage.name}</strong>: {stage.weight}%
          {stage.components.length ? ` — ${stage.components.map((c) => `${c.name} ${c.weight}% (${c.kind === 'cat' ? 'CAT' : 'panel'})`).join(', ')}` : ''}
        </li>
      ))}
    </ul>
  );
}

type Publication = NonNullable<FinalOverview['akhir']>;

export function PublicationFacts({ publication, timezone, withWindow }: { publication: Publication; timezone: AgencyTimezone; withWindow: boolean }) {
  const c = publication.counts;
  return (
    <dl className="facts">
      <dt>Diumumkan</dt>
      <dd>
        <DateTime value={publication.publishedAt} timeZone={timezone} />
        {publication.publishedBy ? ` oleh ${publication.publishedBy}` : ''}
      </dd>
      {publication.announcementId ? (
        <>
          <dt>Pengumuman</dt>
          <dd>
            <Link to={resultPaths.announcement(publication.announcementId)}>Buka pengumuman dan daftar PDF-nya</Link>
          </dd>
        </>
      ) : null}
      <dt>Peserta</dt>
      <dd>
        {formatNumber(c.candidates ?? 0)} — lulus {formatNumber(c.lulus ?? 0)}, tidak lulus {formatNumber(c.tidak_lulus ?? 0)}, tidak hadir {formatNumber(c.tidak_hadir ?? 0)}, diskualifikasi{' '}
        {formatNumber(c.diskualifikasi ?? 0)}
      </dd>
      <dt>SHA-256 daftar hasil</dt>
      <dd className="hash">{publication.resultHash}</dd>
      {withWindow && publication.objectionClosesAt ? (
        <>
          <dt>Masa sanggah</dt>
          <dd>
            <DateTime value={publication.objectionOpensAt} timeZone={timezone} /> sampai <DateTime value={publication.objectionClosesAt} timeZone={timezone} />; dijawab paling lambat{' '}
            <DateTime value={publication.answerDueAt} timeZone={timezone} />
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** Links between the pages of one round's final result. */
export function RoundLinks({ agencyId, selectionId, children }: { agencyId: string; selectionId?: string; children?: ReactNode }) {
  const links: Array<[string, string]> = selectionId
    ? [
        [resultPaths.round(agencyId, selectionId), 'Ringkasan dan pengumuman'],
        [resultPaths.ranking(agencyId, selectionId), 'Peringkat per formasi'],
        [resultPaths.optimisation(agencyId, selectionId), 'Optimalisasi'],
        [resultPaths.verification(agencyId, selectionId), 'Bukti integritas (hitung ulang)'],
        [resultPaths.objections(agencyId), 'Meja sanggah hasil akhir'],
      ]
    : [
        [resultPaths.rounds(agencyId), 'Semua seleksi'],
        [resultPaths.objections(agencyId), 'Meja sanggah hasil akhir'],
      ];
  return (
    <nav aria-label="Halaman hasil akhir">
      <ul className="summary-line">
        {links.map(([to, label]) => (
          <li key={to}>
            <Link to={to}>{label}</Link>
          </li>
        ))}
        {children}
      </ul>
    </nav>
  );
}

/** A column title for a score: the component's name, or the stage's abbreviation ("SKD"). */
export function shortLeafName(name: string): string {
  const last = name.split(' — ').pop()!;
  const abbreviation = /\(([^)]+)\)\s*$/.exec(last)?.[1];
  return abbreviation ?? last;
}
