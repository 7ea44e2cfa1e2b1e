import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery } from '@tanstack/react-query';
import { forumApi } from '../../api/aspirations';
import { useAgencyDetail, useMe } from '../../api/queries';
import type { AgencyTimezone } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { TextField } from '../../components/Field';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { Pagination } from '../../components/Pagination';
import { RequireAuth } from '../../components/RequireAuth';
import { TextAreaField } from '../../components/TextAreaField';
import { fromLocalInput } from '../../lib/agencyTime';
import { formatNumber } from '../../lib/time';
import { useListParams } from '../../lib/useListParams';
import { AgencyHeading } from '../admin/AgencyHeading';
import { aspirationPaths, canManageAspirations, canReadAspirations, forumStatusLabel } from './access';

function CreateForum({ agencyId, timezone }: { agencyId: string; timezone: AgencyTimezone }) {
  const navigate = useNavigate();
  const [form, setForm] = useState({ title: '', agenda: '', venue: '', scheduledAt: '' });
  const create = useMutation({
    mutationFn: () => forumApi.create(agencyId, { title: form.title.trim(), agenda: form.agenda.trim(), venue: form.venue.trim(), scheduledAt: fromLocalInput(form.scheduledAt, timezone) ?? '' }),
    onSuccess: ({ forum }) => navigate(aspirationPaths.forum(agencyId, forum.id)),
  });
  return (
    <form
      className="form card"
      noValidate
      aria-labelledby="judul-jadwalkan-forum"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      <h2 id="judul-jadwalkan-forum">Jadwalkan forum warga</h2>
      <FormErrors error={create.error} labels={{ title: 'Judul', venue: 'Tempat', scheduledAt: 'Waktu', agenda: 'Agenda' }} />
      <TextField label="Judul" name="title" required maxLength={200} value={form.title} onValueChange={(title) => setForm((f) => ({ ...f, title }))} error={fieldError(create.error, 'title')} />
      <TextField label="Tempat" name="venue" required maxLength={300} value={form.venue} onValueChange={(venue) => setForm((f) => ({ ...f, venue }))} error={fieldError(create.error, 'venue')} />
      <TextField label="Waktu (waktu setempat)" name="scheduledAt" type="datetime-local" required value={form.scheduledAt} onValueChange={(scheduledAt) => setForm((f) => ({ ...f, scheduledAt }))} error={fieldError(create.error, 'scheduledAt')} />
      <TextAreaField label="Agenda (opsional)" name="agenda" rows={3} maxLength={5000} value={form.agenda} onValueChange={(agenda) => setForm((f) => ({ ...f, agenda }))} error={fieldError(create.error, 'agenda')} />
      <button type="submit" className="button" disabled={create.isPending}>
        {create.isPending ? 'Menyimpan…' : 'Jadwalkan'}
      </button>
    </form>
  );
}

function Forums({ agencyId }: { agencyId: string }) {
  const me = useMe();
  const { name: agencyName, timezone } = useAgencyDetail(agencyId);
  const { page, setPage } = useListParams();
  const list = useQuery({ queryKey: ['aspirations', agencyId, 'forums', page], queryFn: () => forumApi.list(agencyId, { page, pageSize: 20 }), placeholderData: (p) => p });
  return (
    <>
      <p className="breadcrumb">
        <Link to={aspirationPaths.list(agencyId)}>‹ Aspirasi dan pengaduan</Link>
      </p>
      <AgencyHeading title="Forum warga" agencyName={agencyName} />
      <p>
        Pertemuan dengan warga, notulennya, dan tindak lanjut yang dicatat sebagai aspirasi. Jadwal dan notulen tampil di <Link to="/forum-warga">halaman forum warga publik</Link>.
      </p>
      {canManageAspirations(me.data, agencyId) ? <CreateForum agencyId={agencyId} timezone={timezone} /> : null}
      {list.isPending ? (
        <Loading label="Memuat forum…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>Belum ada forum warga.</EmptyState>
      ) : (
        <>
          <div className="table-wrap" role="region" aria-labelledby="judul-tabel-forum" tabIndex={0}>
            <table>
              <caption id="judul-tabel-forum">Daftar forum warga</caption>
              <thead>
                <tr>
                  <th scope="col">Forum</th>
                  <th scope="col">Waktu</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    Peserta
                  </th>
                  <th scope="col" className="num">
                    Tindak lanjut
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((forum) => (
                  <tr key={forum.id}>
                    <th scope="row">
                      <Link to={aspirationPaths.forum(agencyId, forum.id)}>{forum.title}</Link>
                      <span className="subtitle">{forum.venue}</span>
                    </th>
                    <td>
                      <DateTime value={forum.scheduledAt} timeZone={timezone} />
                    </td>
                    <td>{forumStatusLabel(forum.status)}</td>
                    <td className="num">{forum.attendees === null ? '—' : formatNumber(forum.attendees)}</td>
                    <td className="num">{formatNumber(forum.followupCount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPageChange={setPage} />
        </>
      )}
    </>
  );
}

export function ForumsPage() {
  const { agencyId = '' } = useParams();
  return <RequireAuth allow={(me) => canReadAspirations(me, agencyId)}>{() => <Forums key={agencyId} agencyId={agencyId} />}</RequireAuth>;
}
