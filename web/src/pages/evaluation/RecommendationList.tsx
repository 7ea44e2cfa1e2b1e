import type { Recommendation } from '../../api/evaluation';
import { DateTime } from '../../components/DateTime';
import { RECOMMENDATION_STATUS_LABELS, sourceLabel } from './access';

const statusTag = (status: string) => (status === 'completed' ? 'tag-active' : status === 'withdrawn' ? 'tag-failed' : 'tag-pending');

/** Development recommendations with the training's own progress and, once completed, the certificate. */
export function RecommendationList({ items, showEmployee, actions }: { items: Recommendation[]; showEmployee: boolean; actions?: (item: Recommendation) => React.ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label="Rekomendasi pengembangan" tabIndex={0}>
      <table>
        <caption className="visually-hidden">Rekomendasi pengembangan</caption>
        <thead>
          <tr>
            {showEmployee ? <th scope="col">Pegawai</th> : null}
            <th scope="col">Periode dan alasan</th>
            <th scope="col">Kompetensi dan program</th>
            <th scope="col">Status</th>
            {actions ? <th scope="col">Tindakan</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              {showEmployee ? (
                <th scope="row">
                  {item.employee.name}
                  <span className="subtitle">{item.employee.unitName ?? ''}</span>
                </th>
              ) : null}
              <td>
                {item.periodName} · {sourceLabel(item.source)}
                <span className="subtitle">{item.reason}</span>
              </td>
              <td>
                {item.competency}
                <span className="subtitle">{item.programme?.name ?? 'Belum ada program'}</span>
              </td>
              <td>
                <span className={`tag ${statusTag(item.status)}`}>{RECOMMENDATION_STATUS_LABELS[item.status] ?? item.status}</span>
                {item.progress ? <span className="subtitle">{item.progress}</span> : null}
                {item.completedAt ? (
                  <span className="subtitle">
                    Lulus <DateTime value={item.completedAt} />
                  </span>
                ) : null}
                {item.certificateUrl ? (
                  <a href={item.certificateUrl} target="_blank" rel="noreferrer">
                    Sertifikat (PDF)
                  </a>
                ) : null}
              </td>
              {actions ? <td>{actions(item)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
