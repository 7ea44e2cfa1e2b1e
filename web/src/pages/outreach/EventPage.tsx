import { useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { OUTREACH_AUDIENCES, OUTREACH_AUDIENCE_LABELS, OUTREACH_MATERIAL_MAX_BYTES } from '../../../../core/outreach';
import { errorMessage } from '../../api/client';
import { outreachApi, type OutreachEvent, type OutreachEventInput } from '../../api/outreach';
import { useAgencyDetail } from '../../api/queries';
import type { AgencyTimezone } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { SelectField, TextField } from '../../components/Field';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { FileField } from '../../components/FileField';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { PageTitle } from '../../components/PageTitle';
import { Pagination } from '../../components/Pagination';
import { RequireAuth } from '../../components/RequireAuth';
import { SearchForm } from '../../components/SearchForm';
import { formatBytes } from '../../lib/agencyTime';
import { formatNumber } from '../../lib/time';
import { useListParams } from '../../lib/useListParams';
import { Fingerprint } from '../portal/announcements/Fingerprint';
import { audienceLabel, canManageOutreach, checkInPath, eventStatusLabel, kindLabel, registrationStatusLabel, staffEventsPath } from './access';
import { EventForm } from './EventForm';
import { statusTag } from './EventsPage';

const PAGE_SIZE = 20;
type Props = { agencyId: string; event: OutreachEvent; timezone: AgencyTimezone; onNotice: (text: string) => void };

function useSetEvent(agencyId: string) {
  const queryClient = useQueryClient();
  return (event: OutreachEvent) => {
    queryClient.setQueryData(['outreach-event', agencyId, event.id], { event });
    void queryClient.invalidateQueries({ queryKey: ['outreach-events', agencyId] });
    void queryClient.invalidateQueries({ queryKey: ['outreach-attendance', agencyId, event.id] });
    void queryClient.invalidateQueries({ queryKey: ['outreach-registrations', agencyId, event.id] });
  };
}

/** Registered, waiting and present per audience group, with the totals. */
export function AttendanceTable({ agencyId, eventId }: { agencyId: string; eventId: string }) {
  const query = useQuery({ queryKey: ['outreach-attendance', agencyId, eventId], queryFn: () => outreachApi.attendance(agencyId, eventId), refetchInterval: 30_000 });
  if (query.isPending) return <Loading label="Memuat angka kehadiran…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { byAudience, total, capacity } = query.data;
  return (
    <div className="table-wrap" role="region" aria-labelledby="judul-tabel-kehadiran" tabIndex={0}>
      <table className="figures">
        <caption id="judul-tabel-kehadiran">Pendaftar dan kehadiran per kelompok (kapasitas {formatNumber(capacity)})</caption>
        <thead>
          <tr>
            <th scope="col">Kelompok</th>
            <th scope="col">Terdaftar</th>
            <th scope="col">Daftar tunggu</th>
            <th scope="col">Hadir</th>
            <th scope="col">Batal</th>
          </tr>
        </thead>
        <tbody>
          {byAudience.map((row) => (
            <tr key={row.audience}>
              <th scope="row">{audienceLabel(row.audience)}</th>
              <td>{formatNumber(row.registered)}</td>
              <td>{formatNumber(row.waitlisted)}</td>
              <td>{formatNumber(row.attended)}</td>
              <td>{formatNumber(row.cancelled)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Jumlah</th>
            <td>{formatNumber(total.registered)}</td>
            <td>{formatNumber(total.waitlisted)}</td>
            <td data-testid="jumlah-hadir">{formatNumber(total.attended)}</td>
            <td>{formatNumber(total.cancelled)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function StatusActions({ agencyId, event, onNotice }: Props) {
  const setEvent = useSetEvent(agencyId);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [reason, setReason] = useState('');
  const publish = useMutation({
    mutationFn: () => outreachApi.publish(agencyId, event.id),
    onSuccess: ({ event: updated }) => {
      setEvent(updated);
      onNotice('Acara diumumkan. Pendaftaran publik dibuka.');
    },
  });
  const cancel = useMutation({
    mutationFn: () => outreachApi.cancel(agencyId, event.id, reason.trim()),
    onSuccess: ({ event: updated }) => {
      setEvent(updated);
      setConfirmCancel(false);
      onNotice('Acara dibatalkan. Peserta dan daftar tunggu diberi tahu lewat email.');
    },
  });
  if (event.status === 'cancelled') return null;
  return (
    <section className="card panel" aria-labelledby="judul-status-acara">
      <h2 id="judul-status-acara">Status acara</h2>
      {publish.isError ? <Notice kind="error">{errorMessage(publish.error)}</Notice> : null}
      {confirmCancel ? (
        <>
          <p>
            Semua {formatNumber(event.counts.registered)} peserta terdaftar dan {formatNumber(event.counts.waitlisted)} di daftar tunggu akan menerima email
            pembatalan. Pembatalan tidak dapat diurungkan.
          </p>
          <TextField label="Alasan pembatalan (dikirim ke peserta)" name="reason" value={reason} onValueChange={setReason} maxLength={500} />
          {cancel.isError ? <Notice kind="error">{errorMessage(cancel.error)}</Notice> : null}
          <div className="actions">
            <button type="button" className="button button-danger" disabled={cancel.isPending} onClick={() => cancel.mutate()}>
              {cancel.isPending ? 'Membatalkan…' : 'Ya, batalkan acara'}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirmCancel(false)}>
              Kembali
            </button>
          </div>
        </>
      ) : (
        <div className="actions">
          {event.status === 'draft' ? (
            <button type="button" className="button" disabled={publish.isPending} onClick={() => publish.mutate()}>
              {publish.isPending ? 'Mengumumkan…' : 'Umumkan acara'}
            </button>
          ) : (
            <Link className="button" to={checkInPath(agencyId, event.id)}>
              Buka presensi
            </Link>
          )}
          <button type="button" className="button button-secondary" onClick={() => setConfirmCancel(true)}>
            Batalkan acara
          </button>
        </div>
      )}
    </section>
  );
}

function EditEvent({ agencyId, event, timezone, onNotice }: Props) {
  const setEvent = useSetEvent(agencyId);
  const [open, setOpen] = useState(false);
  const save = useMutation({
    mutationFn: (input: OutreachEventInput) => outreachApi.update(agencyId, event.id, input),
    onSuccess: ({ event: updated }) => {
      setEvent(updated);
      setOpen(false);
      onNotice('Perubahan acara disimpan.');
    },
  });
  if (event.status === 'cancelled') return null;
  return (
    <section aria-labelledby="judul-ubah-acara">
      <h2 id="judul-ubah-acara">Ubah acara</h2>
      {open ? (
        <>
          <EventForm timezone={timezone} initial={event} submitLabel="Simpan perubahan" pending={save.isPending} error={save.error} onSubmit={(input) => save.mutate(input)} />
          <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
            Batal
          </button>
        </>
      ) : (
        <p>
          <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
            Ubah detail acara
          </button>{' '}
          <span className="muted">Menambah kapasitas langsung memberi kursi kepada daftar tunggu (mereka diberi tahu lewat email).</span>
        </p>
      )}
    </section>
  );
}

function Materials({ agencyId, event, onNotice }: Props) {
  const setEvent = useSetEvent(agencyId);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const add = useMutation({
    mutationFn: () => outreachApi.addMaterial(agencyId, event.id, file!, title.trim(), setProgress),
    onSuccess: ({ event: updated }) => {
      setEvent(updated);
      setFile(null);
      setTitle('');
      if (input.current) input.current.value = '';
      onNotice('Materi ditambahkan.');
    },
    onSettled: () => setProgress(null),
  });
  const remove = useMutation({
    mutationFn: (materialId: string) => outreachApi.removeMaterial(agencyId, event.id, materialId),
    onSuccess: ({ event: updated }) => {
      setEvent(updated);
      onNotice('Materi dihapus.');
    },
  });
  const tooBig = file ? file.size > OUTREACH_MATERIAL_MAX_BYTES : false;
  return (
    <section aria-labelledby="judul-materi">
      <h2 id="judul-materi">Materi</h2>
      <p className="muted">Materi dapat diunduh publik setelah acara dimulai.</p>
      {event.materials.length === 0 ? (
        <p className="empty">Belum ada materi.</p>
      ) : (
        <ul className="file-list">
          {event.materials.map((material) => (
            <li key={material.id} className="card">
              <h3>{material.title}</h3>
              <p className="muted">
                {material.fileName} · {formatBytes(material.sizeBytes)}
              </p>
              <Fingerprint sha256={material.sha256} />
              <div className="row-actions">
                <a className="button button-small button-secondary" href={material.downloadUrl}>
                  Unduh<span className="visually-hidden"> {material.title}</span>
                </a>
                <button type="button" className="button button-small button-danger" disabled={remove.isPending} onClick={() => remove.mutate(material.id)}>
                  Hapus<span className="visually-hidden"> {material.title}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {remove.isError ? <Notice kind="error">{errorMessage(remove.error)}</Notice> : null}
      {event.status !== 'cancelled' ? (
        <>
          <FormErrors error={add.error} labels={{ file: 'Berkas', title: 'Judul materi' }} />
          <form
            className="form"
            noValidate
            onSubmit={(submitEvent) => {
              submitEvent.preventDefault();
              if (file && !tooBig) add.mutate();
            }}
          >
            <TextField label="Judul materi" name="materialTitle" value={title} onValueChange={setTitle} maxLength={200} hint="Kosongkan untuk memakai nama berkas." error={fieldError(add.error, 'title')} />
            <FileField
              label="Berkas materi (PDF)"
              accept="application/pdf,.pdf"
              inputRef={input}
              hint={`Hanya PDF, maksimal ${formatBytes(OUTREACH_MATERIAL_MAX_BYTES)}.`}
              error={tooBig ? `Ukuran berkas melebihi batas ${formatBytes(OUTREACH_MATERIAL_MAX_BYTES)}.` : fieldError(add.error, 'file')}
              onFileChange={setFile}
            />
            {progress !== null ? (
              <p role="status">
                Mengunggah… <progress max={1} value={progress} aria-label="Kemajuan unggahan" /> {Math.round(progress * 100)}%
              </p>
            ) : null}
            <button type="submit" className="button" disabled={!file || tooBig || add.isPending}>
              {add.isPending ? 'Mengunggah…' : 'Unggah materi'}
            </button>
          </form>
        </>
      ) : null}
    </section>
  );
}

const statusFilter = [
  { value: '', label: 'Semua status' },
  { value: 'registered', label: 'Terdaftar' },
  { value: 'waitlisted', label: 'Daftar tunggu' },
  { value: 'cancelled', label: 'Dibatalkan' },
];
const audienceFilter = [{ value: '', label: 'Semua kelompok' }, ...OUTREACH_AUDIENCES.map((a) => ({ value: a, label: OUTREACH_AUDIENCE_LABELS[a] }))];

function Registrations({ agencyId, event, timezone }: Props) {
  const { q, page, extras, setQuery, setPage, update } = useListParams(['status', 'kelompok']);
  const list = useQuery({
    queryKey: ['outreach-registrations', agencyId, event.id, q, extras.status, extras.kelompok, page],
    queryFn: () => outreachApi.registrations(agencyId, event.id, { q: q || undefined, status: extras.status || undefined, audience: extras.kelompok || undefined, page, pageSize: PAGE_SIZE }),
    placeholderData: (previous) => previous,
  });
  return (
    <section aria-labelledby="judul-pendaftar">
      <h2 id="judul-pendaftar">Pendaftar</h2>
      <div className="filters">
        <SearchForm label="Cari pendaftar (nama, email, atau asal)" value={q} onSearch={setQuery} />
        <SelectField label="Status pendaftaran" name="status" value={extras.status ?? ''} options={statusFilter} onValueChange={(value) => update({ status: value, halaman: null })} />
        <SelectField label="Kelompok peserta" name="kelompok" value={extras.kelompok ?? ''} options={audienceFilter} onValueChange={(value) => update({ kelompok: value, halaman: null })} />
      </div>
      {list.isPending ? (
        <Loading label="Memuat pendaftar…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{q || extras.status || extras.kelompok ? 'Tidak ada pendaftar yang cocok.' : 'Belum ada pendaftar.'}</EmptyState>
      ) : (
        <>
          <div className="table-wrap" role="region" aria-labelledby="judul-tabel-pendaftar" tabIndex={0}>
            <table>
              <caption id="judul-tabel-pendaftar">Daftar pendaftar</caption>
              <thead>
                <tr>
                  <th scope="col">No.</th>
                  <th scope="col">Nama</th>
                  <th scope="col">Kelompok / asal</th>
                  <th scope="col">Kontak</th>
                  <th scope="col">Status</th>
                  <th scope="col">Hadir</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((row) => (
                  <tr key={row.id}>
                    <td>{formatNumber(row.seq)}</td>
                    <th scope="row">{row.name}</th>
                    <td>
                      {audienceLabel(row.audience)}
                      {row.institution ? <span className="subtitle">{row.institution}</span> : null}
                    </td>
                    <td>
                      {row.email}
                      {row.phone ? <span className="subtitle">{row.phone}</span> : null}
                    </td>
                    <td>
                      {registrationStatusLabel(row.status)}
                      {row.waitlistPosition ? ` (urutan ${formatNumber(row.waitlistPosition)})` : ''}
                    </td>
                    <td>{row.checkedInAt ? <DateTime value={row.checkedInAt} timeZone={timezone} /> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPageChange={setPage} />
        </>
      )}
    </section>
  );
}

function EventDetail({ agencyId, eventId }: { agencyId: string; eventId: string }) {
  const location = useLocation();
  const { name: agencyName, timezone } = useAgencyDetail(agencyId);
  const [notice, setNotice] = useState<string | null>((location.state as { created?: boolean } | null)?.created ? 'Draf acara disimpan. Umumkan acara untuk membuka pendaftaran.' : null);
  const query = useQuery({ queryKey: ['outreach-event', agencyId, eventId], queryFn: () => outreachApi.get(agencyId, eventId) });
  if (query.isPending) return <Loading label="Memuat acara…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const event = query.data.event;
  const props: Props = { agencyId, event, timezone, onNotice: setNotice };
  return (
    <>
      <p className="breadcrumb">
        <Link to={staffEventsPath(agencyId)}>‹ Semua acara sosialisasi{agencyName ? ` ${agencyName}` : ''}</Link>
      </p>
      <PageTitle title={event.title}>{event.title}</PageTitle>
      <p>
        <span className={`tag ${statusTag(event.status)}`}>{eventStatusLabel(event.status)}</span> {kindLabel(event.kind)} · untuk {event.audiences.map(audienceLabel).join(', ')}
      </p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <dl className="facts">
        <dt>Mulai</dt>
        <dd>
          <DateTime value={event.startsAt} timeZone={timezone} />
        </dd>
        <dt>Selesai</dt>
        <dd>
          <DateTime value={event.endsAt} timeZone={timezone} />
        </dd>
        <dt>Pendaftaran ditutup</dt>
        <dd>
          <DateTime value={event.registrationEndsAt} timeZone={timezone} />
        </dd>
        <dt>Tempat</dt>
        <dd>{event.venue || '—'}</dd>
        {event.onlineUrl ? (
          <>
            <dt>Tautan daring</dt>
            <dd>
              <a href={event.onlineUrl} rel="noopener noreferrer" target="_blank">
                {event.onlineUrl}
              </a>
            </dd>
          </>
        ) : null}
        <dt>Kapasitas</dt>
        <dd>
          {formatNumber(event.counts.registered)} terdaftar dari {formatNumber(event.capacity)} kursi · {formatNumber(event.counts.waitlisted)} daftar tunggu ·{' '}
          {formatNumber(event.counts.attended)} hadir
        </dd>
      </dl>
      {event.status !== 'draft' ? (
        <p>
          <Link to={`/sosialisasi/${event.id}`}>Lihat halaman publik acara ini</Link>
        </p>
      ) : null}
      <StatusActions {...props} />
      <section aria-labelledby="judul-kehadiran">
        <h2 id="judul-kehadiran">Angka kehadiran</h2>
        <AttendanceTable agencyId={agencyId} eventId={event.id} />
      </section>
      <Registrations {...props} />
      <Materials {...props} />
      <EditEvent key={event.updatedAt} {...props} />
    </>
  );
}

export function EventPage() {
  const { agencyId = '', eventId = '' } = useParams();
  return <RequireAuth allow={(me) => canManageOutreach(me, agencyId)}>{() => <EventDetail key={eventId} agencyId={agencyId} eventId={eventId} />}</RequireAuth>;
}
