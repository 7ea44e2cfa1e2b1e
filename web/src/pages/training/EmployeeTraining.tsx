import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { trainingApi, trainingKeys } from '../../api/training';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { EnrolForm } from './EnrolForm';
import { EnrolmentTable } from './EnrolmentTable';

/** An employee's training history on their page; administrators and the supervisor assign from here. */
export function EmployeeTraining({ agencyId, employeeId, canManage, canAssign = canManage }: { agencyId: string; employeeId: string; canManage: boolean; canAssign?: boolean }) {
  const [assigning, setAssigning] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useQuery({ queryKey: trainingKeys.ofEmployee(agencyId, employeeId), queryFn: () => trainingApi.ofEmployee(agencyId, employeeId) });
  return (
    <section className="card panel" aria-labelledby={`judul-pelatihan-${employeeId}`}>
      <h2 id={`judul-pelatihan-${employeeId}`}>Riwayat pelatihan</h2>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {canAssign ? (
        assigning ? (
          <EnrolForm
            agencyId={agencyId}
            employeeId={employeeId}
            onDone={(enrolment) => {
              setAssigning(false);
              setNotice(`Ditugaskan ke ${enrolment.programme.name}.`);
            }}
            onCancel={() => setAssigning(false)}
          />
        ) : (
          <div className="actions">
            <button type="button" className="button button-secondary" onClick={() => setAssigning(true)}>
              Tugaskan pelatihan
            </button>
          </div>
        )
      ) : null}
      {list.isPending ? (
        <Loading label="Memuat pelatihan…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>Belum pernah mengikuti pelatihan.</EmptyState>
      ) : (
        <EnrolmentTable agencyId={agencyId} items={list.data.items} caption="Pelatihan pegawai" showCertificate canManage={canManage} />
      )}
    </section>
  );
}
