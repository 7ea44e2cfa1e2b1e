import { formatIkm } from './access';

/** The IKM with its grade letter and label ("83,33 B Baik"), or a dash without respondents. */
export function Grade({ ikm, grade }: { ikm: number | null; grade: { letter: string; label: string } | null }) {
  if (ikm === null || !grade) return <span className="muted">Belum ada responden</span>;
  return (
    <span>
      {formatIkm(ikm)}{' '}
      <span className={`grade grade-${grade.letter}`} title={`Mutu ${grade.letter}: ${grade.label}`}>
        {grade.letter}
      </span>{' '}
      <span className="small">{grade.label}</span>
    </span>
  );
}
