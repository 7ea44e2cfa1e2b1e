import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { trainingApi, type Enrolment } from '../../api/training';
import { formatDate } from '../../lib/time';
import { employeePaths } from '../employees/access';
import { enrolmentStatusLabel, enrolmentTag, formatScore, methodLabel, trainingPaths } from './access';

type EnrolmentTableProps = {
  agencyId: string;
  items: Enrolment[];
  caption: string;
  /** Show the participant column (lists of several people). */
  showParticipant?: boolean;
  showCertificate?: boolean;
  canManage?: boolean;
  /** Buttons for one row (approve, place, cancel…). */
  actions?: (enrolment: Enrolment) => ReactNode;
};

/** Enrolments in a table: programme, class, how, status with the reason when not completed, scores, certificate. */
export function EnrolmentTable({ agencyId, items, caption, showParticipant, showCertificate, canManage, actions }: EnrolmentTableProps) {
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {showParticipant ? <th scope="col">Peserta</th> : null}
            <th scope="col">Program</th>
            <th scope="col">Kelas</th>
            <th scope="col">Cara</th>
            <th scope="col">Status</th>
            <th scope="col">Pre / post-test</th>
            {showCertificate ? <th scope="col">Sertifikat</th> : null}
            {actions ? <th scope="col">Tindakan</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((enrolment) => (
            <tr key={enrolment.id}>
              {showParticipant ? (
                <th scope="row">
                  {enrolment.participant.employeeId ? <Link to={employeePaths.detail(agencyId, enrolment.participant.employeeId)}>{enrolment.participant.name}</Link> : enrolment.participant.name}
                  <span className="subtitle">{enrolment.participant.kind === 'candidate' ? 'Peserta seleksi' : 'Pegawai'}</span>
                </th>
              ) : null}
              <td>
                {canManage ? <Link to={trainingPaths.programme(agencyId, enrolment.programme.id)}>{enrolment.programme.name}</Link> : enrolment.programme.name}
                {enrolment.reason ? <span className="subtitle">{enrolment.reason}</span> : null}
              </td>
              <td>
                {enrolment.session ? <Link to={trainingPaths.session(agencyId, enrolment.session.id)}>{enrolment.session.name}</Link> : '—'}
                {enrolment.session?.startsAt ? <span className="subtitle">mulai {formatDate(enrolment.session.startsAt)}</span> : null}
              </td>
              <td>{methodLabel(enrolment.method)}</td>
              <td>
                <span className={`tag ${enrolmentTag(enrolment.status)}`}>{enrolmentStatusLabel(enrolment.status)}</span>
                {enrolment.outcomeNote ? <span className="subtitle">{enrolment.outcomeNote}</span> : null}
                {enrolment.decisionNote ? <span className="subtitle">Catatan: {enrolment.decisionNote}</span> : null}
              </td>
              <td>
                {formatScore(enrolment.preTest)} / {formatScore(enrolment.postTest)}
              </td>
              {showCertificate ? (
                <td>
                  {enrolment.status === 'completed' && enrolment.certificateNumber ? (
                    <a href={trainingApi.certificateUrl(agencyId, enrolment.id)} target="_blank" rel="noreferrer">
                      Unduh {enrolment.certificateNumber}
                    </a>
                  ) : (
                    '—'
                  )}
                </td>
              ) : null}
              {actions ? <td className="row-actions">{actions(enrolment)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
