import { Link } from 'react-router-dom';
import type { TrainingSession } from '../../api/training';
import { formatDate, formatNumber } from '../../lib/time';
import { trainingPaths } from './access';

/** Classes with their programme, schedule, trainer and seats. */
export function SessionsTable({ agencyId, items, caption }: { agencyId: string; items: TrainingSession[]; caption: string }) {
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Kelas</th>
            <th scope="col">Program</th>
            <th scope="col">Jadwal</th>
            <th scope="col">Pelatih</th>
            <th scope="col">Tempat</th>
            <th scope="col">Peserta</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {items.map((session) => (
            <tr key={session.id}>
              <th scope="row">
                <Link to={trainingPaths.session(agencyId, session.id)}>{session.name}</Link>
              </th>
              <td>{session.programmeName}</td>
              <td>
                {session.startsAt ? `${formatDate(session.startsAt)} – ${formatDate(session.endsAt)}` : 'Belum dijadwalkan'}
                <span className="subtitle">{formatNumber(session.meetings)} pertemuan</span>
              </td>
              <td>{session.trainer?.name ?? '—'}</td>
              <td>
                {session.venue || null}
                {session.onlineUrl ? <span className="subtitle">Daring</span> : null}
              </td>
              <td>
                {formatNumber(session.seated)} / {formatNumber(session.capacity)}
              </td>
              <td>
                <span className={`tag ${session.status === 'open' ? 'tag-pending' : 'tag-active'}`}>{session.status === 'open' ? 'Berjalan' : 'Ditutup'}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
