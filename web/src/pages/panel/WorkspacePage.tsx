import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { panelApi, panelKeys, type MyAssignment } from '../../api/panel-scores';
import { useAgencyDetail } from '../../api/queries';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { RequireAuth } from '../../components/RequireAuth';
import { useListParams } from '../../lib/useListParams';
import { formatNumber } from '../../lib/time';
import { AgencyHeading } from '../admin/AgencyHeading';
import { panelAccess, panelPaths } from './access';
import { assignmentState } from './shared';
import './panel.css';

type Group = { key: string; title: string; locked: boolean; items: MyAssignment[] };

function groups(items: MyAssignment[]): Group[] {
  const byComponent = new Map<string, Group>();
  for (const item of items) {
    const group = byComponent.get(item.component.id) ?? {
      key: item.component.id,
      title: `${item.component.name} — ${item.component.selectionName}`,
      locked: item.component.status === 'locked',
      items: [],
    };
    group.items.push(item);
    byComponent.set(item.component.id, group);
  }
  return [...byComponent.values()];
}

function Workspace({ agencyId }: { agencyId: string }) {
  const { name: agencyName } = useAgencyDetail(agencyId);
  const { extras, update } = useListParams(['tampil']);
  const showAll = extras.tampil === 'semua';
  const mine = useQuery({ queryKey: panelKeys.mine(agencyId), queryFn: () => panelApi.myAssignments(agencyId) });
  const items = mine.data?.items ?? [];
  const todo = items.filter((item) => assignmentState(item).todo);
  const shown = showAll ? items : todo;
  return (
    <div className="panel-scores">
      <AgencyHeading title="Penilaian saya" agencyName={agencyName} />
      <p>
        Anda hanya melihat peserta yang ditugaskan kepada Anda. Sebelum menilai, nyatakan untuk setiap peserta bahwa tidak ada konflik kepentingan. Nilai Anda tidak terlihat oleh penguji lain, dan nilai
        penguji lain baru tampil setelah Anda mengirim nilai Anda sendiri.
      </p>
      {mine.isPending ? (
        <Loading label="Memuat penugasan…" />
      ) : mine.isError ? (
        <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>Belum ada peserta yang ditugaskan kepada Anda di instansi ini.</EmptyState>
      ) : (
        <>
          <p role="status">
            Perlu tindakan: <strong>{formatNumber(todo.length)}</strong> dari {formatNumber(items.length)} penugasan.{' '}
            <button type="button" className="button button-secondary button-small" onClick={() => update({ tampil: showAll ? null : 'semua' })}>
              {showAll ? 'Tampilkan yang perlu tindakan saja' : 'Tampilkan semua penugasan'}
            </button>
          </p>
          {shown.length === 0 ? <EmptyState>Semua penugasan Anda sudah selesai. Terima kasih.</EmptyState> : null}
          {groups(shown).map((group) => (
            <section key={group.key} aria-labelledby={`kelompok-${group.key}`}>
              <h2 id={`kelompok-${group.key}`}>
                {group.title}
                {group.locked ? <span className="tag tag-kept">dikunci</span> : null}
              </h2>
              <ul className="assignment-list">
                {group.items.map((item) => {
                  const state = assignmentState(item);
                  return (
                    <li key={item.id} className="card">
                      <h3>
                        <Link to={panelPaths.assignment(agencyId, item.id)}>{item.candidate.name}</Link>
                      </h3>
                      <p>
                        {item.candidate.registrationNumber} · {item.candidate.formasi}
                      </p>
                      <p>
                        <span className={`tag ${state.tag}`}>{state.label}</span>
                      </p>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </>
      )}
    </div>
  );
}

export function WorkspacePage() {
  const { agencyId = '' } = useParams();
  return <RequireAuth allow={(me) => panelAccess.assess(me, agencyId)}>{() => <Workspace key={agencyId} agencyId={agencyId} />}</RequireAuth>;
}
