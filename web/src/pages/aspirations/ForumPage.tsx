import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ASPIRATION_CATEGORIES, ASPIRATION_CATEGORY_LABELS } from '../../../../core/aspirations';
import { aspirationApi, forumApi, type Forum, type FollowupInput } from '../../api/aspirations';
import { useAgencyDetail, useMe } from '../../api/queries';
import { DateTime } from '../../components/DateTime';
import { SelectField, TextField } from '../../components/Field';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { RequireAuth } from '../../components/RequireAuth';
import { TextAreaField } from '../../components/TextAreaField';
import { formatNumber } from '../../lib/time';
import { AgencyHeading } from '../admin/AgencyHeading';
import { UnitSelect } from '../planning/UnitSelect';
import { aspirationPaths, canManageAspirations, canReadAspirations, categoryLabel, forumStatusLabel, statusLabel, statusTag } from './access';

function Minutes({ agencyId, forum }: { agencyId: string; forum: Forum }) {
  const queryClient = useQueryClient();
  const [minutes, setMinutes] = useState(forum.minutes ?? '');
  const [attendees, setAttendees] = useState(forum.attendees === null ? '' : String(forum.attendees));
  const save = useMutation({
    mutationFn: () => forumApi.minutes(agencyId, forum.id, { minutes: minutes.trim(), attendees: attendees.trim() === '' ? Number.NaN : Number(attendees) }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['aspirations', agencyId] }),
  });
  return (
    <form
      className="form card"
      noValidate
      aria-labelledby="judul-notulen"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <h2 id="judul-notulen">Notulen</h2>
      <FormErrors error={save.error} labels={{ minutes: 'Notulen', attendees: 'Jumlah peserta' }} />
      <TextAreaField label="Notulen forum" name="minutes" required rows={8} maxLength={20000} value={minutes} onValueChange={setMinutes} error={fieldError(save.error, 'minutes')} />
      <TextField label="Jumlah peserta" name="attendees" type="number" inputMode="numeric" min={0} required value={attendees} onValueChange={setAttendees} error={fieldError(save.error, 'attendees')} />
      <button type="submit" className="button" disabled={save.isPending}>
        {forum.minutes ? 'Perbarui notulen' : 'Simpan notulen'}
      </button>
      {save.isSuccess && !save.isPending ? <Notice kind="success">Notulen tersimpan; forum tercatat terlaksana.</Notice> : null}
    </form>
  );
}

function AddFollowup({ agencyId, forum }: { agencyId: string; forum: Forum }) {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [form, setForm] = useState({ category: 'kualitas_layanan', subject: '', body: '', unitId: '', aspirationId: '' });
  const open = useQuery({
    queryKey: ['aspirations', agencyId, 'open-for-forum'],
    queryFn: () => aspirationApi.list(agencyId, { pageSize: 100 }),
    enabled: mode === 'existing',
  });
  const linked = new Set(forum.followups.map((f) => f.id));
  const add = useMutation({
    mutationFn: () => {
      const body: FollowupInput =
        mode === 'existing' ? { aspirationId: form.aspirationId } : { category: form.category, subject: form.subject.trim(), body: form.body.trim(), unitId: form.unitId || null };
      return forumApi.followup(agencyId, forum.id, body);
    },
    onSuccess: () => {
      setForm({ category: 'kualitas_layanan', subject: '', body: '', unitId: '', aspirationId: '' });
      void queryClient.invalidateQueries({ queryKey: ['aspirations', agencyId] });
    },
  });
  return (
    <form
      className="form card"
      noValidate
      aria-labelledby="judul-tambah-tindak-lanjut"
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate();
      }}
    >
      <h3 id="judul-tambah-tindak-lanjut">Tambah tindak lanjut</h3>
      <FormErrors error={add.error} labels={{ subject: 'Judul', body: 'Uraian', unitId: 'Unit', aspirationId: 'Pengaduan' }} />
      <SelectField
        label="Jenis tindak lanjut"
        name="mode"
        value={mode}
        options={[
          { value: 'new', label: 'Aspirasi baru yang disampaikan dalam forum' },
          { value: 'existing', label: 'Pengaduan yang sudah ada, dibahas dalam forum' },
        ]}
        onValueChange={(value) => setMode(value as 'new' | 'existing')}
      />
      {mode === 'new' ? (
        <>
          <SelectField label="Kategori" name="category" value={form.category} options={ASPIRATION_CATEGORIES.map((c) => ({ value: c, label: ASPIRATION_CATEGORY_LABELS[c] }))} onValueChange={(category) => setForm((f) => ({ ...f, category }))} />
          <TextField label="Judul" name="subject" required maxLength={150} value={form.subject} onValueChange={(subject) => setForm((f) => ({ ...f, subject }))} error={fieldError(add.error, 'subject')} />
          <TextAreaField label="Uraian" name="body" required rows={4} maxLength={5000} value={form.body} onValueChange={(body) => setForm((f) => ({ ...f, body }))} error={fieldError(add.error, 'body')} />
          <UnitSelect agencyId={agencyId} label="Teruskan ke unit (opsional)" emptyLabel="— Belum diteruskan —" value={form.unitId} onChange={(unitId) => setForm((f) => ({ ...f, unitId }))} error={fieldError(add.error, 'unitId')} />
        </>
      ) : (
        <SelectField
          label="Pengaduan"
          name="aspirationId"
          required
          value={form.aspirationId}
          options={[
            { value: '', label: open.isPending ? 'Memuat pengaduan…' : '— Pilih pengaduan —' },
            ...(open.data?.items ?? []).filter((a) => !linked.has(a.id)).map((a) => ({ value: a.id, label: `${a.reference} — ${a.subject}` })),
          ]}
          onValueChange={(aspirationId) => setForm((f) => ({ ...f, aspirationId }))}
          error={fieldError(add.error, 'aspirationId')}
        />
      )}
      <button type="submit" className="button" disabled={add.isPending}>
        Simpan tindak lanjut
      </button>
      {add.isSuccess && !add.isPending ? <Notice kind="success">Tindak lanjut tercatat.</Notice> : null}
    </form>
  );
}

function CancelForum({ agencyId, forum }: { agencyId: string; forum: Forum }) {
  const queryClient = useQueryClient();
  const cancel = useMutation({ mutationFn: () => forumApi.update(agencyId, forum.id, { status: 'cancelled' }), onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['aspirations', agencyId] }) });
  return (
    <div className="actions">
      <FormErrors error={cancel.error} />
      <button type="button" className="button button-danger" disabled={cancel.isPending} onClick={() => cancel.mutate()}>
        Batalkan forum
      </button>
    </div>
  );
}

function View({ agencyId, forumId }: { agencyId: string; forumId: string }) {
  const me = useMe();
  const manage = canManageAspirations(me.data, agencyId);
  const { name: agencyName, timezone } = useAgencyDetail(agencyId);
  const query = useQuery({ queryKey: ['aspirations', agencyId, 'forum', forumId], queryFn: () => forumApi.get(agencyId, forumId) });
  if (query.isPending) return <Loading label="Memuat forum…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { forum } = query.data;
  const started = new Date(forum.scheduledAt).getTime() <= Date.now();
  return (
    <>
      <p className="breadcrumb">
        <Link to={aspirationPaths.forums(agencyId)}>‹ Semua forum warga</Link>
      </p>
      <AgencyHeading title={forum.title} agencyName={agencyName} />
      <dl className="facts">
        <dt>Waktu</dt>
        <dd>
          <DateTime value={forum.scheduledAt} timeZone={timezone} />
        </dd>
        <dt>Tempat</dt>
        <dd>{forum.venue}</dd>
        <dt>Status</dt>
        <dd>{forumStatusLabel(forum.status)}</dd>
        {forum.attendees !== null ? (
          <>
            <dt>Peserta</dt>
            <dd>{formatNumber(forum.attendees)}</dd>
          </>
        ) : null}
      </dl>
      {forum.agenda ? <div className="announcement-body">{forum.agenda}</div> : null}
      {manage && forum.status === 'scheduled' && !started ? <CancelForum agencyId={agencyId} forum={forum} /> : null}
      {forum.status === 'cancelled' ? (
        <Notice kind="info">Forum ini dibatalkan.</Notice>
      ) : manage && started ? (
        <Minutes agencyId={agencyId} forum={forum} />
      ) : forum.minutes ? (
        <section aria-labelledby="judul-notulen-baca">
          <h2 id="judul-notulen-baca">Notulen</h2>
          <div className="announcement-body">{forum.minutes}</div>
        </section>
      ) : (
        <p className="muted">Notulen dicatat setelah forum dimulai.</p>
      )}
      <section aria-labelledby="judul-tindak-lanjut">
        <h2 id="judul-tindak-lanjut">Tindak lanjut</h2>
        {forum.followups.length === 0 ? (
          <EmptyState>Belum ada tindak lanjut.</EmptyState>
        ) : (
          <ul className="link-list">
            {forum.followups.map((f) => (
              <li key={f.id}>
                <Link to={aspirationPaths.one(agencyId, f.id)}>{f.reference}</Link> — {f.subject} · {categoryLabel(f.category)} · <span className={`tag ${statusTag(f.status)}`}>{statusLabel(f.status)}</span>
                {f.unit ? <span className="muted"> ({f.unit.name})</span> : null}
              </li>
            ))}
          </ul>
        )}
        {manage && forum.status !== 'cancelled' ? <AddFollowup agencyId={agencyId} forum={forum} /> : null}
      </section>
    </>
  );
}

export function ForumPage() {
  const { agencyId = '', forumId = '' } = useParams();
  return <RequireAuth allow={(me) => canReadAspirations(me, agencyId)}>{() => <View key={`${agencyId}-${forumId}`} agencyId={agencyId} forumId={forumId} />}</RequireAuth>;
}
