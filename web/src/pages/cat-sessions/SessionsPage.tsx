import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { catKeys, catSessionsApi, SESSION_STATUS_LABELS, type CatSession, type CatStage } from '../../api/cat-sessions';
import { examPaths } from '../../api/cat-exam';
import { errorMessage } from '../../api/client';
import { useAgencyDetail, useMe } from '../../api/queries';
import type { AgencyTimezone } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { SelectField, TextField } from '../../components/Field';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { RequireAuth } from '../../components/RequireAuth';
import { fromLocalInput, toLocalInput } from '../../lib/agencyTime';
import { formatNumber, timezoneAbbreviations } from '../../lib/time';
import { AgencyHeading } from '../admin/AgencyHeading';
import { canManageCat, canProctor, canReadCat, catPaths } from './access';
import './cat-sessions.css';

const labels = { blueprintId: 'Tahap CAT', roomId: 'Ruang', name: 'Nama sesi', startsAt: 'Waktu mulai' };

type SessionFormProps = { agencyId: string; zone: AgencyTimezone; stages: CatStage[]; session?: CatSession; stageId?: string; onDone: (message: string) => void; onCancel: () => void };

function SessionForm({ agencyId, zone, stages, session, stageId, onDone, onCancel }: SessionFormProps) {
  const queryClient = useQueryClient();
  const venues = useQuery({ queryKey: catKeys.venues(agencyId), queryFn: () => catSessionsApi.venues(agencyId) });
  const [blueprintId, setBlueprintId] = useState(session?.blueprintId ?? stageId ?? stages[0]?.blueprintId ?? '');
  const [roomId, setRoomId] = useState(session?.roomId ?? '');
  const [name, setName] = useState(session?.name ?? '');
  const [startsAt, setStartsAt] = useState(toLocalInput(session?.startsAt, zone));
  const save = useMutation({
    mutationFn: () => {
      const body = { roomId, name: name.trim(), startsAt: fromLocalInput(startsAt, zone) ?? startsAt };
      return session ? catSessionsApi.updateSession(agencyId, session.id, body) : catSessionsApi.createSession(agencyId, { ...body, blueprintId });
    },
    onSuccess: ({ session: saved }) => {
      void queryClient.invalidateQueries({ queryKey: catKeys.all(agencyId) });
      onDone(session ? `Sesi “${saved.name}” telah diperbarui.` : `Sesi “${saved.name}” telah dijadwalkan (${formatNumber(saved.capacity)} kursi).`);
    },
  });
  const rooms = (venues.data?.items ?? []).flatMap((venue) => venue.rooms.map((room) => ({ value: room.id, label: `${venue.name} — ${room.name} (${formatNumber(room.seats)} kursi)` })));
  if (venues.isPending) return <Loading label="Memuat ruang…" />;
  if (venues.isError) return <ErrorState error={venues.error} onRetry={() => void venues.refetch()} />;
  if (rooms.length === 0) {
    return (
      <p>
        Belum ada ruang ujian. <Link to={catPaths.venues(agencyId)}>Tambahkan lokasi dan ruang</Link> terlebih dahulu.
      </p>
    );
  }
  return (
    <>
      <FormErrors error={save.error} labels={labels} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        {session ? null : (
          <SelectField
            label={labels.blueprintId}
            name="blueprintId"
            required
            value={blueprintId}
            options={stages.map((stage) => ({ value: stage.blueprintId, label: `${stage.selectionName} — ${stage.blueprintName}` }))}
            onValueChange={setBlueprintId}
            error={fieldError(save.error, 'blueprintId')}
          />
        )}
        <SelectField label={labels.roomId} name="roomId" required value={roomId} options={[{ value: '', label: 'Pilih ruang' }, ...rooms]} onValueChange={setRoomId} error={fieldError(save.error, 'roomId')} />
        <TextField label={labels.name} name="name" required autoComplete="off" hint="Mis. Sesi 1 Pagi." value={name} onValueChange={setName} error={fieldError(save.error, 'name')} />
        <TextField
          label={`${labels.startsAt} (${timezoneAbbreviations[zone]})`}
          name="startsAt"
          type="datetime-local"
          required
          value={startsAt}
          onValueChange={setStartsAt}
          error={fieldError(save.error, 'startsAt')}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? 'Menyimpan…' : session ? 'Simpan sesi' : 'Jadwalkan sesi'}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Batal
          </button>
        </div>
      </form>
    </>
  );
}

function DeleteSession({ agencyId, session, onDone, onCancel }: { agencyId: string; session: CatSession; onDone: (message: string) => void; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => catSessionsApi.deleteSession(agencyId, session.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: catKeys.all(agencyId) });
      onDone(`Sesi “${session.name}” telah dihapus.`);
    },
  });
  return (
    <>
      <p>Sesi {session.name} akan dihapus. Sesi yang sudah berisi peserta tidak dapat dihapus; pindahkan pesertanya terlebih dahulu.</p>
      {remove.isError ? <Notice kind="error">{errorMessage(remove.error)}</Notice> : null}
      <div className="actions">
        <button type="button" className="button button-danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
          {remove.isPending ? 'Menghapus…' : 'Ya, hapus sesi'}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Batal
        </button>
      </div>
    </>
  );
}

function StageSessions({ agencyId, zone, stage, manage, proctor, onEdit, onDelete }: { agencyId: string; zone: AgencyTimezone; stage: CatStage; manage: boolean; proctor: boolean; onEdit: (s: CatSession) => void; onDelete: (s: CatSession) => void }) {
  const sessions = useQuery({ queryKey: catKeys.sessions(agencyId, stage.blueprintId), queryFn: () => catSessionsApi.sessions(agencyId, { blueprintId: stage.blueprintId }) });
  if (sessions.isPending) return <Loading label="Memuat sesi…" />;
  if (sessions.isError) return <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />;
  if (sessions.data.items.length === 0) return <EmptyState>Belum ada sesi untuk tahap ini.</EmptyState>;
  const captionId = `sesi-${stage.blueprintId}`;
  return (
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table>
        <caption id={captionId}>Sesi {stage.blueprintName}</caption>
        <thead>
          <tr>
            <th scope="col">Sesi</th>
            <th scope="col">Mulai</th>
            <th scope="col">Lokasi dan ruang</th>
            <th scope="col" className="num">
              Peserta / kursi
            </th>
            <th scope="col">Status</th>
            <th scope="col">Aksi</th>
          </tr>
        </thead>
        <tbody>
          {sessions.data.items.map((session) => (
            <tr key={session.id}>
              <th scope="row">{session.name}</th>
              <td>
                <DateTime value={session.startsAt} timeZone={zone} />
              </td>
              <td>
                {session.venueName} — {session.roomName}
              </td>
              <td className="num">
                {formatNumber(session.allocated)} / {formatNumber(session.capacity)}
              </td>
              <td>
                <span className={`tag tag-session-${session.status}`}>{SESSION_STATUS_LABELS[session.status]}</span>
              </td>
              <td>
                <div className="row-actions">
                  {proctor ? (
                    <Link className="button button-small" to={catPaths.console(agencyId, session.id)}>
                      Konsol pengawas<span className="visually-hidden"> {session.name}</span>
                    </Link>
                  ) : null}
                  <Link className="button button-small button-secondary" to={examPaths.board({ session: session.id })}>
                    Papan nilai<span className="visually-hidden"> {session.name}</span>
                  </Link>
                  {manage ? (
                    <>
                      <a className="button button-small button-secondary" href={catSessionsApi.listPdfUrl(agencyId, session.id)} target="_blank" rel="noreferrer">
                        Daftar hadir PDF<span className="visually-hidden"> {session.name}</span>
                      </a>
                      <a className="button button-small button-secondary" href={catSessionsApi.listXlsxUrl(agencyId, session.id)}>
                        XLSX<span className="visually-hidden"> daftar hadir {session.name}</span>
                      </a>
                    </>
                  ) : null}
                  {manage && session.status === 'scheduled' ? (
                    <>
                      <button type="button" className="button button-small button-secondary" onClick={() => onEdit(session)}>
                        Ubah<span className="visually-hidden"> sesi {session.name}</span>
                      </button>
                      <button type="button" className="button button-small button-danger" onClick={() => onDelete(session)}>
                        Hapus<span className="visually-hidden"> sesi {session.name}</span>
                      </button>
                    </>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Panel = { kind: 'create'; stageId?: string } | { kind: 'edit'; session: CatSession } | { kind: 'delete'; session: CatSession } | null;

function Sessions({ agencyId }: { agencyId: string }) {
  const me = useMe();
  const manage = canManageCat(me.data, agencyId);
  const proctor = canProctor(me.data, agencyId);
  const { name: agencyName, timezone: zone } = useAgencyDetail(agencyId);
  const stages = useQuery({ queryKey: catKeys.stages(agencyId), queryFn: () => catSessionsApi.stages(agencyId) });
  const [panel, setPanel] = useState<Panel>(null);
  const [done, setDone] = useState<string | null>(null);
  const panelHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (panel) panelHeading.current?.focus();
  }, [panel]);
  const open = (next: Panel) => {
    setDone(null);
    setPanel(next);
  };
  const finish = (message: string) => {
    setPanel(null);
    setDone(message);
  };

  return (
    <>
      <AgencyHeading title="Sesi ujian CAT" agencyName={agencyName} />
      <p>
        Jadwalkan sesi untuk setiap tahap CAT, bagi peserta yang Memenuhi Syarat ke sesi dan kursi, lalu buka sesi dari konsol pengawas pada hari ujian.{' '}
        <Link to={catPaths.venues(agencyId)}>Kelola lokasi dan ruang ujian</Link>.
      </p>
      {done ? <Notice kind="success">{done}</Notice> : null}
      {panel && stages.data ? (
        <section className="card panel" aria-labelledby="judul-panel-sesi">
          <h2 id="judul-panel-sesi" tabIndex={-1} ref={panelHeading}>
            {panel.kind === 'create' ? 'Jadwalkan sesi' : panel.kind === 'edit' ? `Ubah sesi ${panel.session.name}` : `Hapus sesi ${panel.session.name}?`}
          </h2>
          {panel.kind === 'delete' ? (
            <DeleteSession agencyId={agencyId} session={panel.session} onDone={finish} onCancel={() => setPanel(null)} />
          ) : (
            <SessionForm
              agencyId={agencyId}
              zone={zone}
              stages={stages.data.items}
              session={panel.kind === 'edit' ? panel.session : undefined}
              stageId={panel.kind === 'create' ? panel.stageId : undefined}
              onDone={finish}
              onCancel={() => setPanel(null)}
            />
          )}
        </section>
      ) : null}

      {stages.isPending ? (
        <Loading label="Memuat tahap CAT…" />
      ) : stages.isError ? (
        <ErrorState error={stages.error} onRetry={() => void stages.refetch()} />
      ) : stages.data.items.length === 0 ? (
        <EmptyState>Belum ada tahap CAT. Buat cetak biru ujian untuk tahap CAT sebuah seleksi terlebih dahulu.</EmptyState>
      ) : (
        stages.data.items.map((stage) => (
          <section key={stage.blueprintId} className="card stage-card" aria-labelledby={`tahap-${stage.blueprintId}`}>
            <h2 id={`tahap-${stage.blueprintId}`}>
              {stage.blueprintName} <span className="subtitle">{stage.selectionName}</span>
            </h2>
            <ul className="stat-inline">
              <li>
                <strong>{formatNumber(stage.participants)}</strong> peserta MS
              </li>
              <li>
                <strong>{formatNumber(stage.allocated)}</strong> sudah mendapat kursi
              </li>
              <li>
                <strong>{formatNumber(stage.sessions)}</strong> sesi, <strong>{formatNumber(stage.seats)}</strong> kursi
              </li>
              <li>{stage.durationMinutes} menit</li>
            </ul>
            {stage.seats < stage.participants ? (
              <Notice kind="info">Kursi belum cukup untuk semua peserta: tambahkan {formatNumber(stage.participants - stage.seats)} kursi lagi (sesi atau ruang).</Notice>
            ) : null}
            <div className="row-actions">
              <Link className="button button-small" to={catPaths.allocation(agencyId, stage.blueprintId)}>
                Pembagian peserta<span className="visually-hidden"> {stage.blueprintName}</span>
              </Link>
              {manage ? (
                <button type="button" className="button button-small button-secondary" onClick={() => open({ kind: 'create', stageId: stage.blueprintId })}>
                  Jadwalkan sesi<span className="visually-hidden"> {stage.blueprintName}</span>
                </button>
              ) : null}
            </div>
            <StageSessions
              agencyId={agencyId}
              zone={zone}
              stage={stage}
              manage={manage}
              proctor={proctor}
              onEdit={(session) => open({ kind: 'edit', session })}
              onDelete={(session) => open({ kind: 'delete', session })}
            />
          </section>
        ))
      )}
    </>
  );
}

export function CatSessionsPage() {
  const { agencyId = '' } = useParams();
  return <RequireAuth allow={(me) => canReadCat(me, agencyId)}>{() => <Sessions key={agencyId} agencyId={agencyId} />}</RequireAuth>;
}
