import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { employeeApi, employeeKeys } from '../../api/employees';
import { useAgencyDetail } from '../../api/queries';
import { selectionApi, selectionKeys } from '../../api/selections';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { RequireAuth } from '../../components/RequireAuth';
import { formatNumber } from '../../lib/time';
import { AgencyHeading } from '../admin/AgencyHeading';
import { UnitSelect } from '../planning/UnitSelect';
import { canManageEmployees, employeePaths } from './access';

function Appointment({ agencyId, selectionId }: { agencyId: string; selectionId: string }) {
  const agency = useAgencyDetail(agencyId);
  const queryClient = useQueryClient();
  const selection = useQuery({ queryKey: selectionKeys.one(agencyId, selectionId), queryFn: () => selectionApi.get(agencyId, selectionId) });
  const list = useQuery({ queryKey: employeeKeys.appointable(agencyId, selectionId), queryFn: () => employeeApi.appointable(agencyId, selectionId) });
  const [appointedAt, setAppointedAt] = useState('');
  const [units, setUnits] = useState<Record<string, string>>({});
  const appoint = useMutation({
    mutationFn: () =>
      employeeApi.appoint(agencyId, selectionId, {
        appointedAt,
        placements: Object.entries(units)
          .filter(([, unitId]) => unitId)
          .map(([applicationId, unitId]) => ({ applicationId, unitId, positionId: null })),
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: employeeKeys.all(agencyId) }),
  });
  const items = list.data?.items ?? [];
  const pending = items.filter((c) => !c.employeeId);
  return (
    <>
      <p className="breadcrumb">
        <Link to={employeePaths.list(agencyId)}>‹ Pegawai</Link>
      </p>
      <AgencyHeading title="Angkat pegawai dari hasil seleksi" agencyName={agency.name} />
      <p className="lead">{selection.data ? `${selection.data.selection.name} (${selection.data.selection.year})` : null}</p>
      <p>
        Peserta yang lulus pada daftar hasil akhir pasca sanggah (termasuk yang menerima formasi optimalisasi) menjadi pegawai di unit penempatannya. CPNS berstatus masa percobaan satu
        tahun; akun pendaftarannya mendapat peran Pegawai. Pengangkatan dapat diulang: peserta yang sudah diangkat tidak digandakan.
      </p>
      {appoint.isSuccess ? (
        <Notice kind="success">
          {formatNumber(appoint.data.created)} pegawai baru diangkat{appoint.data.moved ? `, ${formatNumber(appoint.data.moved)} pegawai instansi dipindahkan ke jabatan barunya` : ''}
          {appoint.data.already ? `, ${formatNumber(appoint.data.already)} sudah diangkat sebelumnya` : ''}.
        </Notice>
      ) : null}
      {list.isPending ? (
        <Loading label="Memuat peserta lulus…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>Belum ada peserta yang lulus: daftar hasil akhir pasca sanggah seleksi ini belum diumumkan.</EmptyState>
      ) : (
        <>
          <div className="table-wrap" role="region" aria-labelledby="judul-tabel-angkat" tabIndex={0}>
            <table>
              <caption id="judul-tabel-angkat">
                Peserta lulus ({formatNumber(items.length)}; {formatNumber(pending.length)} belum diangkat)
              </caption>
              <thead>
                <tr>
                  <th scope="col">Peserta</th>
                  <th scope="col">Formasi</th>
                  <th scope="col">Nilai akhir / peringkat</th>
                  <th scope="col">Pegawai</th>
                </tr>
              </thead>
              <tbody>
                {items.map((c) => (
                  <tr key={c.applicationId}>
                    <th scope="row">{c.name}</th>
                    <td>
                      {c.positionName}
                      <span className="subtitle">{c.unitName}</span>
                    </td>
                    <td>
                      {c.finalScore === null ? '—' : c.finalScore.toLocaleString('id-ID', { maximumFractionDigits: 3 })} / {c.rank ?? '—'}
                    </td>
                    <td>{c.employeeId ? <Link to={employeePaths.detail(agencyId, c.employeeId)}>Sudah diangkat</Link> : c.unitId ? 'Belum' : 'Belum; pilih unit penempatan di bawah'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pending.length ? (
            <section className="card panel" aria-labelledby="judul-pengangkatan">
              <h2 id="judul-pengangkatan">Pengangkatan</h2>
              <FormErrors error={appoint.error} labels={{ appointedAt: 'TMT', placements: 'Penempatan' }} />
              <form
                className="form"
                noValidate
                onSubmit={(event) => {
                  event.preventDefault();
                  appoint.mutate();
                }}
              >
                <TextField label="TMT pengangkatan" name="appointedAt" type="date" required value={appointedAt} onValueChange={setAppointedAt} error={fieldError(appoint.error, 'appointedAt')} />
                {pending
                  .filter((c) => !c.unitId)
                  .map((c) => (
                    <UnitSelect
                      key={c.applicationId}
                      agencyId={agencyId}
                      label={`Unit penempatan ${c.name} (formasi ${c.positionName} — ${c.unitName})`}
                      searchLabel={`Cari unit untuk ${c.name}`}
                      required
                      value={units[c.applicationId] ?? ''}
                      onChange={(unitId) => setUnits((current) => ({ ...current, [c.applicationId]: unitId }))}
                    />
                  ))}
                <div className="actions">
                  <button type="submit" className="button" disabled={appoint.isPending}>
                    {appoint.isPending ? 'Mengangkat…' : `Angkat ${formatNumber(pending.length)} peserta`}
                  </button>
                </div>
              </form>
            </section>
          ) : null}
        </>
      )}
    </>
  );
}

export function AppointmentPage() {
  const { agencyId = '', selectionId = '' } = useParams();
  return <RequireAuth allow={(me) => canManageEmployees(me, agencyId)}>{() => <Appointment key={selectionId} agencyId={agencyId} selectionId={selectionId} />}</RequireAuth>;
}
