import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { trainingApi, trainingKeys } from '../../api/training';
import type { Me } from '../../api/types';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { SelectField } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { RequireAuth } from '../../components/RequireAuth';
import { EnrolForm } from '../training/EnrolForm';
import { EnrolmentActions } from '../training/EnrolmentsPage';
import { EnrolmentTable } from '../training/EnrolmentTable';
import { employeePaths, formatIsoDate, statusLabel, statusTag, supervisorAgencies, typeLabel } from './access';

function AgencyStaff({ agencyId, agencyName, showAgency }: { agencyId: string; agencyName: string; showAgency: boolean }) {
  const data = useQuery({ queryKey: trainingKeys.myStaff(agencyId), queryFn: () => trainingApi.myStaff(agencyId) });
  const [assignTo, setAssignTo] = useState('');
  const [assigning, setAssigning] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  if (data.isPending) return <Loading label="Memuat bawahan…" />;
  if (data.isError) return <ErrorState error={data.error} onRetry={() => void data.refetch()} />;
  const { staff, enrolments } = data.data;
  const requests = enrolments.filter((e) => e.status === 'requested');
  return (
    <section aria-labelledby={`staf-${agencyId}`}>
      {showAgency ? <h2 id={`staf-${agencyId}`}>{agencyName}</h2> : <h2 id={`staf-${agencyId}`} className="visually-hidden">{agencyName}</h2>}
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <section className="card panel" aria-labelledby={`permintaan-${agencyId}`}>
        <h3 id={`permintaan-${agencyId}`}>Permintaan pelatihan menunggu keputusan Anda ({requests.length})</h3>
        {requests.length ? (
          <EnrolmentTable agencyId={agencyId} items={requests} caption="Permintaan pelatihan bawahan" showParticipant actions={(enrolment) => <EnrolmentActions agencyId={agencyId} enrolment={enrolment} canCancel={false} />} />
        ) : (
          <EmptyState>Tidak ada permintaan yang menunggu.</EmptyState>
        )}
      </section>
      <section className="card panel" aria-labelledby={`bawahan-${agencyId}`}>
        <h3 id={`bawahan-${agencyId}`}>Bawahan langsung ({staff.length})</h3>
        {staff.length === 0 ? (
          <EmptyState>Belum ada pegawai yang tercatat sebagai bawahan Anda.</EmptyState>
        ) : (
          <>
            <div className="table-wrap" role="region" aria-label="Bawahan langsung" tabIndex={0}>
              <table>
                <caption>Bawahan langsung</caption>
                <thead>
                  <tr>
                    <th scope="col">Nama</th>
                    <th scope="col">Jabatan</th>
                    <th scope="col">Status</th>
                    <th scope="col">TMT</th>
                  </tr>
                </thead>
                <tbody>
                  {staff.map((employee) => (
                    <tr key={employee.id}>
                      <th scope="row">
                        <Link to={employeePaths.detail(agencyId, employee.id)}>{employee.name}</Link>
                        <span className="subtitle">{employee.nip ?? ''}</span>
                      </th>
                      <td>{employee.positionName ?? employee.unitName ?? '—'}</td>
                      <td>
                        <span className={`tag ${statusTag(employee.status)}`}>{statusLabel(employee.status)}</span> {typeLabel(employee.employmentType)}
                      </td>
                      <td>{formatIsoDate(employee.appointedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <h4>Tugaskan pelatihan</h4>
            {assigning && assignTo ? (
              <EnrolForm
                agencyId={agencyId}
                employeeId={assignTo}
                onDone={(enrolment) => {
                  setAssigning(false);
                  setNotice(`${enrolment.participant.name} ditugaskan ke ${enrolment.programme.name}.`);
                }}
                onCancel={() => setAssigning(false)}
              />
            ) : (
              <form
                className="form"
                onSubmit={(event) => {
                  event.preventDefault();
                  if (assignTo) setAssigning(true);
                }}
              >
                <SelectField label="Bawahan" name="employee" value={assignTo} options={[{ value: '', label: '— Pilih bawahan —' }, ...staff.map((e) => ({ value: e.id, label: e.name }))]} onValueChange={setAssignTo} />
                <div className="actions">
                  <button type="submit" className="button button-secondary" disabled={!assignTo}>
                    Pilih program
                  </button>
                </div>
              </form>
            )}
          </>
        )}
      </section>
      {enrolments.length ? (
        <section className="card panel" aria-labelledby={`pelatihan-staf-${agencyId}`}>
          <h3 id={`pelatihan-staf-${agencyId}`}>Pelatihan bawahan</h3>
          <EnrolmentTable agencyId={agencyId} items={enrolments} caption="Pelatihan bawahan" showParticipant showCertificate />
        </section>
      ) : null}
    </section>
  );
}

function MyStaff({ me }: { me: Me }) {
  const agencies = supervisorAgencies(me);
  return (
    <>
      <PageTitle>Bawahan saya</PageTitle>
      <p className="lead">Pegawai yang Anda bina: permintaan pelatihan mereka, penugasan pelatihan, dan riwayatnya.</p>
      {agencies.map((agency) => (
        <AgencyStaff key={agency.agencyId} agencyId={agency.agencyId} agencyName={agency.agencyName} showAgency={agencies.length > 1} />
      ))}
    </>
  );
}

export function MyStaffPage() {
  return <RequireAuth allow={(me) => supervisorAgencies(me).length > 0}>{(me) => <MyStaff me={me} />}</RequireAuth>;
}
