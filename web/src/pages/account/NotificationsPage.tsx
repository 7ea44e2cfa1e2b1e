import { Link } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notificationApi } from '../../api/endpoints';
import { errorMessage } from '../../api/client';
import { queryKeys, useAgencyTimezone } from '../../api/queries';
import type { Me } from '../../api/types';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { DateTime } from '../../components/DateTime';
import { PageTitle } from '../../components/PageTitle';
import { Pagination } from '../../components/Pagination';
import { RequireAuth } from '../../components/RequireAuth';
import { useListParams } from '../../lib/useListParams';
import { formatNumber } from '../../lib/time';

/** Links inside the app open with the router; anything else is shown as an ordinary link. */
function NotificationLink({ link }: { link: string }) {
  if (link.startsWith('/') && !link.startsWith('//')) return <Link to={link}>Buka</Link>;
  return <a href={link}>Buka</a>;
}

function Notifications({ me }: { me: Me }) {
  const { page, setPage } = useListParams();
  const queryClient = useQueryClient();
  const timeZone = useAgencyTimezone(me.roles.find((grant) => grant.agencyId)?.agencyId);
  const list = useQuery({ queryKey: queryKeys.notifications(page), queryFn: () => notificationApi.list(page) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.notificationsAll });
  const markRead = useMutation({ mutationFn: notificationApi.markRead, onSuccess: refresh });
  const markAll = useMutation({ mutationFn: notificationApi.markAllRead, onSuccess: refresh });
  const actionError = markRead.error ?? markAll.error;

  return (
    <>
      <PageTitle>Notifikasi</PageTitle>
      {actionError ? <Notice kind="error">{errorMessage(actionError)}</Notice> : null}
      {list.isPending ? (
        <Loading label="Memuat notifikasi…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <div className="toolbar">
            <p>
              {list.data.unread > 0
                ? `${formatNumber(list.data.unread)} notifikasi belum dibaca.`
                : 'Semua notifikasi sudah dibaca.'}
            </p>
            {list.data.unread > 0 ? (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => markAll.mutate()}
                disabled={markAll.isPending}
              >
                Tandai semua sudah dibaca
              </button>
            ) : null}
          </div>
          {list.data.items.length === 0 ? (
            <EmptyState>Belum ada notifikasi.</EmptyState>
          ) : (
            <ul className="notification-list">
              {list.data.items.map((item) => (
                <li key={item.id} className={`card notification${item.readAt ? '' : ' unread'}`}>
                  <h2 className="h3">
                    {item.readAt ? null : <span className="tag">Baru</span>} {item.title}
                  </h2>
                  <p>{item.body}</p>
                  <p className="muted">
                    <DateTime value={item.createdAt} timeZone={timeZone} />
                  </p>
                  <div className="actions">
                    {item.link ? <NotificationLink link={item.link} /> : null}
                    {item.readAt ? null : (
                      <button
                        type="button"
                        className="button button-secondary"
                        onClick={() => markRead.mutate(item.id)}
                        disabled={markRead.isPending}
                      >
                        Tandai sudah dibaca<span className="visually-hidden">: {item.title}</span>
                      </button>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPageChange={setPage} />
        </>
      )}
    </>
  );
}

export function NotificationsPage() {
  return <RequireAuth>{(me) => <Notifications me={me} />}</RequireAuth>;
}
