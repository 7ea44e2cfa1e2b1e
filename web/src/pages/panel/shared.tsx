import { Link } from 'react-router-dom';
import { AGGREGATION_LABELS, CANDIDATE_STATUS_LABELS, type CandidateStatus } from '../../../../core/panel-scoring';
import { ASSESSOR_KIND_LABELS, type AssessorKind, type MyAssignment } from '../../api/panel-scores';
import { panelPaths } from './access';

export { AGGREGATION_LABELS, CANDIDATE_STATUS_LABELS };

/** 3.6 → "3,60": scores always with two decimals, as published. */
export const formatScore = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : value.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const assessorKindLabel = (kind: AssessorKind) => ASSESSOR_KIND_LABELS[kind] ?? kind;

const STATUS_TAG: Record<CandidateStatus, string> = { absent: 'tag-kept', unassigned: 'tag-failed', incomplete: 'tag-pending', flagged: 'tag-failed', ready: 'tag-active' };

export function CandidateStatusTag({ status }: { status: CandidateStatus }) {
  return <span className={`tag ${STATUS_TAG[status]}`}>{CANDIDATE_STATUS_LABELS[status]}</span>;
}

/** What the assessor has to do next on one assignment. */
export function assignmentState(item: MyAssignment): { label: string; tag: string; todo: boolean } {
  if (item.status === 'conflict') return { label: 'Konflik kepentingan — diganti penguji lain', tag: 'tag-kept', todo: false };
  if (item.candidate.absent) return { label: 'Peserta tidak hadir', tag: 'tag-kept', todo: false };
  if (item.score?.status === 'reopened') return { label: 'Dibuka kembali — perlu ditinjau', tag: 'tag-failed', todo: item.component.status === 'open' };
  if (item.score) return { label: `Terkirim — total ${formatScore(item.score.total)}`, tag: 'tag-active', todo: false };
  if (item.component.status === 'locked') return { label: 'Nilai sudah dikunci', tag: 'tag-kept', todo: false };
  if (!item.declaredAt) return { label: 'Perlu pernyataan konflik kepentingan', tag: 'tag-pending', todo: true };
  return { label: 'Siap dinilai', tag: 'tag-pending', todo: true };
}

export function PanelAreaLinks({ agencyId, canRead, canAssess }: { agencyId: string; canRead: boolean; canAssess: boolean }) {
  return (
    <nav aria-label="Penilaian panel">
      <ul className="link-list">
        {canRead ? (
          <li>
            <Link to={panelPaths.index(agencyId)}>Komponen penilaian panel per seleksi</Link>
          </li>
        ) : null}
        {canAssess ? (
          <li>
            <Link to={panelPaths.workspace(agencyId)}>Peserta yang saya nilai</Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
