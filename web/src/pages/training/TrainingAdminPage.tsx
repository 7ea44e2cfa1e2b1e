import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useAgencyDetail } from '../../api/queries';
import { trainingApi, trainingKeys } from '../../api/training';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { SelectField } from '../../components/Field';
import { Pagination } from '../../components/Pagination';
import { RequireAuth } from '../../components/RequireAuth';
import { SearchForm } from '../../components/SearchForm';
import { formatNumber } from '../../lib/time';
import { useListParams } from '../../lib/useListParams';
import { AgencyHeading } from '../admin/AgencyHeading';
import { audienceLabel, canManageTraining, trainingPaths } from './access';
import { ProgrammeForm } from './ProgrammeForm';
import { SessionForm } from './SessionForm';
import { SessionsTable } from './SessionsTable';

const PAGE_SIZE = 20;

function TrainingAdmin({ agencyId }: { agencyId: string }) {
  const agency = useAgencyDetail(agencyId);
  const navigate = useNavigate();
  const { q, page, extras, setQuery, setPage, update } = useListParams(['kelas', 'status']);
  const [panel, setPanel] = useState<'none' | 'programme' | 'session'>('none');
  const programmeQuery = { q: q || undefined, page, pageSize: PAGE_SIZE };
  const programmes = useQuery({ queryKey: trainingKeys.programmes(agencyId, programmeQuery), queryFn: () => trainingApi.programmes(agencyId, programmeQuery), placeholderData: (p) => p });
  const sessionPage = Number(extras.kelas) > 0 ? Number(extras.kelas) : 1;
  const sessionQuery = { page: sessionPage, pageSize: PAGE_SIZE, status: extras.status || undefined };
  const sessions = useQuery({ queryKey: trainingKeys.sessions(agencyId, sessionQuery), queryFn: () => trainingApi.sessions(agencyId, sessionQuery), placeholderData: (p) => p });
  const toggle = (next: typeof panel) => setPanel((current) => (current === next ? 'none' : next));
  return (
    <>
      <AgencyHeading title="Pelatihan" agencyName={agency.name} />
      <p className="lead">Katalog program pelatihan dengan kompetensi dan aturan kelulusannya, serta kelas yang dibuka.</p>
      <div className="toolbar">
        <button type="button" className="button" aria-expanded={panel === 'programme'} onClick={() => toggle('programme')}>
          Tambah program
        </button>
        <button type="button" className="button button-secondary" aria-expanded={panel === 'session'} onClick={() => toggle('session')}>
          Buka kelas
        </button>
        <Link className="button button-secondary" to={trainingPaths.enrolments(agencyId)}>
          Peserta dan permintaan
        </Link>
      </div>
      {panel === 'programme' ? (
        <section className="card panel" aria-labelledby="judul-program-baru">
          <h2 id="judul-program-baru">Program baru</h2>
          <ProgrammeForm agencyId={agencyId} onDone={(p) => navigate(trainingPaths.programme(agencyId, p.id))} onCancel={() => setPanel('none')} />
        </section>
      ) : null}
      {panel === 'session' ? (
        <section className="card panel" aria-labelledby="judul-kelas-baru">
          <h2 id="judul-kelas-baru">Kelas baru</h2>
          <SessionForm agencyId={agencyId} onDone={(s) => navigate(trainingPaths.session(agencyId, s.id))} onCancel={() => setPanel('none')} />
        </section>
      ) : null}

      <section aria-labelledby="judul-katalog">
        <h2 id="judul-katalog">Katalog program</h2>
        <SearchForm label="Cari program (nama atau kode)" value={q} onSearch={setQuery} />
        {programmes.isPending ? (
          <Loading label="Memuat program…" />
        ) : programmes.isError ? (
          <ErrorState error={programmes.error} onRetry={() => void programmes.refetch()} />
        ) : programmes.data.items.length === 0 ? (
          <EmptyState>{q ? 'Tidak ada program yang cocok.' : 'Belum ada program pelatihan.'}</EmptyState>
        ) : (
          <>
            <div className="table-wrap" role="region" aria-labelledby="judul-tabel-program" tabIndex={0}>
              <table>
                <caption id="judul-tabel-program">Program pelatihan</caption>
                <thead>
                  <tr>
                    <th scope="col">Program</th>
                    <th scope="col">Kompetensi</th>
                    <th scope="col">Sasaran</th>
                    <th scope="col">Syarat lulus</th>
                    <th scope="col">Kelas berjalan</th>
                  </tr>
                </thead>
                <tbody>
                  {programmes.data.items.map((p) => (
                    <tr key={p.id}>
                      <th scope="row">
                        <Link to={trainingPaths.programme(agencyId, p.id)}>{p.name}</Link>
                        <span className="subtitle">
                          {p.code} · {formatNumber(p.hours)} JP{p.active ? '' : ' · tidak aktif'}
                        </span>
                      </th>
                      <td>{p.competencies.join(', ')}</td>
                      <td>{audienceLabel(p.audience)}</td>
                      <td>
                        hadir ≥ {p.minAttendancePercent.toLocaleString('id-ID')}%{p.minPostTest !== null ? `, post-test ≥ ${p.minPostTest.toLocaleString('id-ID')}` : ''}
                      </td>
                      <td>{formatNumber(p.openSessions)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={programmes.data.page} pageSize={programmes.data.pageSize} total={programmes.data.total} onPageChange={setPage} label="Halaman program" />
          </>
        )}
      </section>

      <section aria-labelledby="judul-daftar-kelas">
        <h2 id="judul-daftar-kelas">Kelas</h2>
        <SelectField
          label="Status kelas"
          name="status"
          value={extras.status ?? ''}
          options={[
            { value: '', label: 'Semua kelas' },
            { value: 'open', label: 'Berjalan' },
            { value: 'closed', label: 'Ditutup' },
          ]}
          onValueChange={(value) => update({ status: value, kelas: null })}
        />
        {sessions.isPending ? (
          <Loading label="Memuat kelas…" />
        ) : sessions.isError ? (
          <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
        ) : sessions.data.items.length === 0 ? (
          <EmptyState>Belum ada kelas.</EmptyState>
        ) : (
          <>
            <SessionsTable agencyId={agencyId} items={sessions.data.items} caption="Kelas pelatihan" />
            <Pagination page={sessions.data.page} pageSize={sessions.data.pageSize} total={sessions.data.total} onPageChange={(p) => update({ kelas: p === 1 ? null : p })} label="Halaman kelas" />
          </>
        )}
      </section>
    </>
  );
}

export function TrainingAdminPage() {
  const { agencyId = '' } = useParams();
  return <RequireAuth allow={(me) => canManageTraining(me, agencyId)}>{() => <TrainingAdmin key={agencyId} agencyId={agencyId} />}</RequireAuth>;
}
