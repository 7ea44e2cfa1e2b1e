import { useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ANNOUNCEMENT_FILE_MAX_BYTES, ANNOUNCEMENT_STATUS_LABELS } from '../../../../core/announcements';
import { announcementApi, type Announcement } from '../../api/announcements';
import { errorMessage } from '../../api/client';
import { useAgencyDetail, useMe } from '../../api/queries';
import type { AgencyTimezone } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { TextField } from '../../components/Field';
import { FileField } from '../../components/FileField';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { ErrorState, Loading, Notice } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { RequireAuth } from '../../components/RequireAuth';
import { formatBytes } from '../../lib/agencyTime';
import { Fingerprint } from '../portal/announcements/Fingerprint';
import { canManageAnnouncements, canReadAnnouncements, staffAnnouncementPath, staffAnnouncementsPath } from './access';
import { AnnouncementForm } from './AnnouncementForm';
import { kindLabel } from './AnnouncementsPage';

type Props = { agencyId: string; announcement: Announcement; manage: boolean; timezone: AgencyTimezone };

function useRefresh(agencyId: string) {
  const queryClient = useQueryClient();
  return (announcement: Announcement) => {
    queryClient.setQueryData(['announcement', agencyId, announcement.id], { announcement });
    void queryClient.invalidateQueries({ queryKey: ['announcements', agencyId] });
  };
}

function Attachments({ agencyId, announcement, manage, onNotice }: Props & { onNotice: (text: string) => void }) {
  const refresh = useRefresh(agencyId);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const editable = manage && announcement.status === 'draft';
  const attach = useMutation({
    mutationFn: () => {
      if (!file) throw new Error('no file');
      return announcementApi.attach(agencyId, announcement.id, file, title.trim(), setProgress);
    },
    onSuccess: ({ announcement: updated }) => {
      refresh(updated);
      setFile(null);
      setTitle('');
      if (fileInput.current) fileInput.current.value = '';
      onNotice('Lampiran ditambahkan.');
    },
    onSettled: () => setProgress(null),
  });
  const remove = useMutation({
    mutationFn: (fileId: string) => announcementApi.removeFile(agencyId, announcement.id, fileId),
    onSuccess: ({ announcement: updated }) => {
      refresh(updated);
      onNotice('Lampiran dilepas dari draf.');
    },
  });
  const tooBig = file ? file.size > ANNOUNCEMENT_FILE_MAX_BYTES : false;
  return (
    <section aria-labelledby="judul-lampiran">
      <h2 id="judul-lampiran">Lampiran PDF</h2>
      {announcement.files.length === 0 ? (
        <p className="empty">Belum ada lampiran.</p>
      ) : (
        <ul className="file-list">
          {announcement.files.map((item) => (
            <li key={item.id} className="card">
              <h3>{item.title}</h3>
              <p className="muted">
                {item.fileName} · {formatBytes(item.sizeBytes)}
              </p>
              <Fingerprint sha256={item.sha256} />
              <div className="row-actions">
                <a className="button button-small button-secondary" href={announcementApi.fileUrl(agencyId, announcement.id, item.id)}>
                  Unduh<span className="visually-hidden"> {item.title}</span>
                </a>
                {editable ? (
                  <button type="button" className="button button-small button-danger" disabled={remove.isPending} onClick={() => remove.mutate(item.id)}>
                    Lepas<span className="visually-hidden"> {item.title}</span>
                  </button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      {remove.isError ? <Notice kind="error">{errorMessage(remove.error)}</Notice> : null}
      {editable ? (
        <>
          <h3>Tambah lampiran</h3>
          <FormErrors error={attach.error} labels={{ file: 'Berkas', title: 'Judul lampiran' }} />
          <form
            className="form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (file && !tooBig) attach.mutate();
            }}
          >
            <TextField label="Judul lampiran" name="attachmentTitle" value={title} onValueChange={setTitle} maxLength={200} hint="Kosongkan untuk memakai nama berkas." error={fieldError(attach.error, 'title')} />
            <FileField
              label="Berkas PDF"
              accept="application/pdf,.pdf"
              required
              inputRef={fileInput}
              hint={`Hanya PDF (diperiksa dari isinya), tidak terkunci kata sandi, maksimal ${formatBytes(ANNOUNCEMENT_FILE_MAX_BYTES)}.`}
              error={tooBig ? `Ukuran berkas melebihi batas ${formatBytes(ANNOUNCEMENT_FILE_MAX_BYTES)}.` : fieldError(attach.error, 'file')}
              onFileChange={setFile}
            />
            {progress !== null ? (
              <p role="status">
                Mengunggah… <progress max={1} value={progress} aria-label="Kemajuan unggahan" /> {Math.round(progress * 100)}%
              </p>
            ) : null}
            <button type="submit" className="button" disabled={!file || tooBig || attach.isPending}>
              {attach.isPending ? 'Mengunggah…' : 'Unggah lampiran'}
            </button>
          </form>
        </>
      ) : null}
    </section>
  );
}

function DraftActions({ agencyId, announcement, onNotice }: Props & { onNotice: (text: string) => void }) {
  const refresh = useRefresh(agencyId);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState<'publish' | 'delete' | null>(null);
  const publish = useMutation({
    mutationFn: () => announcementApi.publish(agencyId, announcement.id),
    onSuccess: ({ announcement: updated }) => {
      refresh(updated);
      setConfirm(null);
      onNotice('Pengumuman telah diterbitkan dan tercatat di jejak audit.');
    },
  });
  const remove = useMutation({
    mutationFn: () => announcementApi.remove(agencyId, announcement.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['announcements', agencyId] });
      navigate(staffAnnouncementsPath(agencyId));
    },
  });
  return (
    <section className="card panel" aria-labelledby="judul-terbitkan">
      <h2 id="judul-terbitkan">Terbitkan</h2>
      {confirm === 'publish' ? (
        <>
          <p>
            Setelah terbit, pengumuman dan lampirannya <strong>tidak dapat diubah</strong>; ralat hanya dapat dilakukan dengan pengumuman pengganti. Periksa
            kembali judul, isi, dan lampiran ({announcement.files.length}).
          </p>
          {publish.isError ? <Notice kind="error">{errorMessage(publish.error)}</Notice> : null}
          <div className="actions">
            <button type="button" className="button" disabled={publish.isPending} onClick={() => publish.mutate()}>
              {publish.isPending ? 'Menerbitkan…' : 'Ya, terbitkan sekarang'}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirm(null)}>
              Batal
            </button>
          </div>
        </>
      ) : confirm === 'delete' ? (
        <>
          <p>Draf ini akan dihapus. Tindakan ini tercatat di jejak audit.</p>
          {remove.isError ? <Notice kind="error">{errorMessage(remove.error)}</Notice> : null}
          <div className="actions">
            <button type="button" className="button button-danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
              {remove.isPending ? 'Menghapus…' : 'Ya, hapus draf'}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirm(null)}>
              Batal
            </button>
          </div>
        </>
      ) : (
        <div className="actions">
          <button type="button" className="button" onClick={() => setConfirm('publish')}>
            Terbitkan pengumuman
          </button>
          <button type="button" className="button button-secondary" onClick={() => setConfirm('delete')}>
            Hapus draf
          </button>
        </div>
      )}
    </section>
  );
}

function EditDraft({ agencyId, announcement, onNotice }: Props & { onNotice: (text: string) => void }) {
  const refresh = useRefresh(agencyId);
  const save = useMutation({
    mutationFn: (input: Parameters<typeof announcementApi.update>[2]) => announcementApi.update(agencyId, announcement.id, input),
    onSuccess: ({ announcement: updated }) => {
      refresh(updated);
      onNotice('Draf disimpan.');
    },
  });
  return (
    <section aria-labelledby="judul-ubah-draf">
      <h2 id="judul-ubah-draf">Isi pengumuman</h2>
      <AnnouncementForm
        key={announcement.updatedAt}
        agencyId={agencyId}
        initial={{ title: announcement.title, kind: announcement.kind, selectionId: announcement.selectionId, body: announcement.body }}
        submitLabel="Simpan draf"
        pendingLabel="Menyimpan…"
        pending={save.isPending}
        error={save.error}
        onSubmit={(input) => save.mutate(input)}
      />
    </section>
  );
}

function Supersede({ agencyId, announcement }: Props) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: () => announcementApi.supersede(agencyId, announcement.id),
    onSuccess: ({ announcement: draft }) => {
      void queryClient.invalidateQueries({ queryKey: ['announcements', agencyId] });
      navigate(staffAnnouncementPath(agencyId, draft.id), { state: { superseding: true } });
    },
  });
  return (
    <section className="card panel" aria-labelledby="judul-pengganti">
      <h2 id="judul-pengganti">Ralat atau perubahan</h2>
      <p>
        Pengumuman yang sudah terbit tidak dapat diubah. Buat pengumuman pengganti: drafnya menyalin isi dan lampiran ini, dan setelah diterbitkan
        pengumuman ini tampil “digantikan oleh” pengumuman baru.
      </p>
      {start.isError ? <Notice kind="error">{errorMessage(start.error)}</Notice> : null}
      <button type="button" className="button" disabled={start.isPending} onClick={() => start.mutate()}>
        {start.isPending ? 'Membuat draf…' : 'Buat pengumuman pengganti'}
      </button>
    </section>
  );
}

function AnnouncementDetail({ agencyId, announcementId }: { agencyId: string; announcementId: string }) {
  const me = useMe();
  const location = useLocation();
  const { name: agencyName, timezone } = useAgencyDetail(agencyId);
  const [notice, setNotice] = useState<string | null>(
    (location.state as { created?: boolean; superseding?: boolean } | null)?.superseding
      ? 'Draf pengganti dibuat dengan isi dan lampiran yang sama. Perbaiki lalu terbitkan.'
      : (location.state as { created?: boolean } | null)?.created
        ? 'Draf disimpan. Lampirkan PDF bila perlu, lalu terbitkan.'
        : null,
  );
  const manage = canManageAnnouncements(me.data, agencyId);
  const query = useQuery({ queryKey: ['announcement', agencyId, announcementId], queryFn: () => announcementApi.get(agencyId, announcementId) });
  if (query.isPending) return <Loading label="Memuat pengumuman…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const announcement = query.data.announcement;
  const props = { agencyId, announcement, manage, timezone };
  return (
    <>
      <p className="breadcrumb">
        <Link to={staffAnnouncementsPath(agencyId)}>‹ Semua pengumuman{agencyName ? ` ${agencyName}` : ''}</Link>
      </p>
      <PageTitle title={announcement.title}>{announcement.title}</PageTitle>
      <p>
        <span className={`tag tag-${announcement.status === 'published' ? 'active' : 'pending'}`}>{ANNOUNCEMENT_STATUS_LABELS[announcement.status]}</span>
        {kindLabel(announcement.kind)}
        {announcement.selectionName ? ` · ${announcement.selectionName}` : ''}
        {announcement.publishedAt ? (
          <>
            {' '}
            · diterbitkan <DateTime value={announcement.publishedAt} timeZone={timezone} />
          </>
        ) : null}
      </p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {announcement.supersedes ? (
        <Notice kind="info">
          Menggantikan pengumuman <Link to={staffAnnouncementPath(agencyId, announcement.supersedes.id)}>“{announcement.supersedes.title}”</Link>.
        </Notice>
      ) : null}
      {announcement.supersededBy ? (
        <Notice kind="info">
          Digantikan oleh <Link to={staffAnnouncementPath(agencyId, announcement.supersededBy.id)}>“{announcement.supersededBy.title}”</Link> (
          <DateTime value={announcement.supersededBy.publishedAt} timeZone={timezone} />
          ).
        </Notice>
      ) : announcement.replacementDraft ? (
        <Notice kind="info">
          Draf pengganti sedang disiapkan: <Link to={staffAnnouncementPath(agencyId, announcement.replacementDraft.id)}>“{announcement.replacementDraft.title}”</Link>.
        </Notice>
      ) : null}

      {announcement.status === 'draft' && manage ? (
        <EditDraft {...props} onNotice={setNotice} />
      ) : (
        <section aria-labelledby="judul-isi">
          <h2 id="judul-isi">Isi pengumuman</h2>
          <div className="announcement-body">{announcement.body}</div>
          {announcement.status === 'published' ? (
            <p>
              <Link to={`/pengumuman/${announcement.id}`}>Lihat halaman publik pengumuman ini</Link>
            </p>
          ) : null}
        </section>
      )}
      <Attachments {...props} onNotice={setNotice} />
      {manage && announcement.status === 'draft' ? <DraftActions {...props} onNotice={setNotice} /> : null}
      {manage && announcement.status === 'published' && !announcement.supersededBy && !announcement.replacementDraft ? <Supersede {...props} /> : null}
    </>
  );
}

export function AnnouncementPage() {
  const { agencyId = '', announcementId = '' } = useParams();
  return (
    <RequireAuth allow={(me) => canReadAnnouncements(me, agencyId)}>
      {() => <AnnouncementDetail key={announcementId} agencyId={agencyId} announcementId={announcementId} />}
    </RequireAuth>
  );
}
