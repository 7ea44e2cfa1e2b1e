import { Fragment, useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { outboxApi } from '../../api/endpoints';
import { queryKeys } from '../../api/queries';
import type { OutboxMessage, OutboxStatus } from '../../api/types';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { DateTime } from '../../components/DateTime';
import { PageTitle } from '../../components/PageTitle';
import { Pagination } from '../../components/Pagination';
import { RequireAuth } from '../../components/RequireAuth';
import { SearchForm } from '../../components/SearchForm';
import { isSuperAdmin } from '../../lib/roles';
import { formatNumber } from '../../lib/time';
import { useListParams } from '../../lib/useListParams';

const statusLabels: Record<OutboxStatus, string> = {
  pending: 'Menunggu',
  sending: 'Sedang dikirim',
  sent: 'Terkirim',
  kept: 'Disimpan (tanpa server surel)',
  failed: 'Gagal',
};

const urlPattern = /(https?:\/\/[^\s<>"')\]]+)/g;

/** The plain-text body with its links made clickable: in development they are opened from here. */
function MessageText({ text }: { text: string }) {
  const parts = text.split(urlPattern);
  return (
    <div className="message-text">
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part}>
            {part}
          </a>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </div>
  );
}

function MessageView({ message, closeTo }: { message: OutboxMessage; closeTo: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [message.id]);
  return (
    <article className="card outbox-message" aria-labelledby="judul-pesan">
      <h2 id="judul-pesan" tabIndex={-1} ref={heading}>
        {message.subject}
      </h2>
      <dl className="facts">
        <dt>Kepada</dt>
        <dd>{message.to}</dd>
        <dt>Status</dt>
        <dd>
          {statusLabels[message.status] ?? message.status} · {formatNumber(message.attempts)} kali percobaan kirim
        </dd>
        <dt>Dibuat</dt>
        <dd>
          <DateTime value={message.createdAt} />
        </dd>
        <dt>Terkirim</dt>
        <dd>{message.sentAt ? <DateTime value={message.sentAt} /> : 'Belum terkirim'}</dd>
      </dl>
      <MessageText text={message.text} />
      <p>
        <Link to={closeTo}>Tutup pesan</Link>
      </p>
    </article>
  );
}

function Outbox() {
  const location = useLocation();
  const { q, page, extras, setQuery, setPage } = useListParams(['pesan']);
  const selectedId = extras.pesan;
  const list = useQuery({
    queryKey: queryKeys.outbox(q, page),
    queryFn: () => outboxApi.list({ q: q || undefined, page }),
    placeholderData: (previous) => previous,
  });

  const linkWith = (id: string | null) => {
    const params = new URLSearchParams(location.search);
    if (id) params.set('pesan', id);
    else params.delete('pesan');
    const search = params.toString();
    return `${location.pathname}${search ? `?${search}` : ''}`;
  };
  const selected = list.data?.items.find((message) => message.id === selectedId);

  return (
    <>
      <PageTitle>Kotak keluar surel</PageTitle>
      <p>
        Semua email yang dikirim sistem. Tanpa server surel (misalnya saat pengembangan), email disimpan di sini saja;
        tautan verifikasi dan atur ulang sandi dapat dibuka dari pesan.
      </p>
      <SearchForm label="Cari pesan (penerima atau subjek)" value={q} onSearch={setQuery} />
      {list.isPending ? (
        <Loading label="Memuat kotak keluar…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          {selectedId && selected ? <MessageView message={selected} closeTo={linkWith(null)} /> : null}
          {selectedId && !selected ? (
            <Notice kind="info">Pesan yang dipilih tidak ada di halaman ini. Cari berdasarkan penerima atau subjek.</Notice>
          ) : null}
          {list.data.items.length === 0 ? (
            <EmptyState>{q ? `Tidak ada pesan yang cocok dengan “${q}”.` : 'Belum ada email yang dikirim.'}</EmptyState>
          ) : (
            <>
              <div className="table-wrap" role="region" aria-labelledby="judul-tabel-outbox" tabIndex={0}>
                <table>
                  <caption id="judul-tabel-outbox">Daftar email</caption>
                  <thead>
                    <tr>
                      <th scope="col">Subjek</th>
                      <th scope="col">Kepada</th>
                      <th scope="col">Status</th>
                      <th scope="col">Dibuat</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.data.items.map((message) => (
                      <tr key={message.id} aria-current={message.id === selectedId ? 'true' : undefined}>
                        <th scope="row">
                          <Link to={linkWith(message.id)}>{message.subject}</Link>
                        </th>
                        <td>{message.to}</td>
                        <td>
                          <span className={`tag tag-${message.status}`}>{statusLabels[message.status] ?? message.status}</span>
                        </td>
                        <td>
                          <DateTime value={message.createdAt} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPageChange={setPage} />
            </>
          )}
        </>
      )}
    </>
  );
}

export function OutboxPage() {
  return <RequireAuth allow={isSuperAdmin}>{() => <Outbox />}</RequireAuth>;
}
