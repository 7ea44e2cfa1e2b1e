import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { organisationApi } from '../../api/planning';
import { SelectField } from '../../components/Field';
import { ErrorState, Loading } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { RequireAuth } from '../../components/RequireAuth';
import { canManageEvaluation, evaluationPaths } from './access';
import { DeskLinks } from './DeskLinks';

function Desks({ agencyId }: { agencyId: string }) {
  const units = useQuery({ queryKey: ['planning', agencyId, 'units', '', 1, 'all'], queryFn: () => organisationApi.units(agencyId, { pageSize: 100 }) });
  const [unitId, setUnitId] = useState('');
  return (
    <>
      <PageTitle>Penilaian loket oleh masyarakat</PageTitle>
      <p className="lead">
        Masyarakat menilai pelayanan unit atau pegawai tertentu lewat kode QR di loket, tanpa akun. Hasilnya menjadi masukan bagi atasan dan dasar rekomendasi pelatihan bagi unit yang di bawah ambang.
      </p>
      <p>
        <Link to={evaluationPaths.periods(agencyId)}>Penilaian kinerja</Link>
      </p>
      {units.isPending ? (
        <Loading label="Memuat unit…" />
      ) : units.isError ? (
        <ErrorState error={units.error} />
      ) : (
        <SelectField label="Unit kerja" value={unitId} options={[{ value: '', label: '— Semua unit —' }, ...units.data.items.map((u) => ({ value: u.id, label: u.name }))]} onValueChange={setUnitId} />
      )}
      <DeskLinks key={unitId} agencyId={agencyId} unitId={unitId || null} defaultLabel={`Loket ${units.data?.items.find((u) => u.id === unitId)?.name ?? ''}`.trim()} />
    </>
  );
}

export function DesksPage() {
  const { agencyId = '' } = useParams();
  return <RequireAuth allow={(me) => canManageEvaluation(me, agencyId)}>{() => <Desks agencyId={agencyId} />}</RequireAuth>;
}
