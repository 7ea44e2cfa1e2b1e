import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ATTEMPT_STATUS_LABELS, catKeys, catSessionsApi, needLabel, needOptions, type AllocatedParticipant, type CatAllocation } from '../../api/cat-sessions';
import { errorMessage } from '../../api/client';
import { useAgencyDetail, useMe } from '../../api/queries';
import type { AgencyTimezone } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { SelectField, TextField } from '../../components/Field';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { RequireAuth } from '../../components/RequireAuth';
import { formatNumber } from '../../lib/time';
import { AgencyHeading } from '../admin/AgencyHeading';
import { canManageCat, canReadCat, catPaths, formatDuration } from './access';
import './cat-sessions.css';

const moveLabels = { sessionId: 'Sesi tujuan', seat: 'Nomor kursi', reason: 'Alasan' };

function ParticipantPanel({ agencyId, allocation, participant, onDone, onCancel }: { agencyId: string; allocation: CatAllocation; participant: AllocatedParticipant; onDone: (message: string) => void; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const [need, setNeed] = useState(participant.need ?? '');
  const currentSession = allocation.sessions.find((s) => s.participants.some((p) => p.attemptId === participant.attemptId));
  const [sessionId, setSessionId] = useState(currentSession?.id ?? '');
  const [seat, setSeat] = useState('');
  const [reason, setReason] = useState('');
  const refresh = () => void queryClient.invalidateQueries({ queryKey: catKeys.all(agencyId) });
  const saveNeed = useMutation({
    mutationFn: () => catSessionsApi.setNeed(agencyId, participant.attemptId, need || null),
    onSuccess: (result) => {
      refresh();
      onDone(`Kebutuhan khusus ${participant.name} disimpan; lama ujian ${formatDuration(result.durationSeconds)}.`);
    },
  });
  const move = useMutation({
    mutationFn: () => catSessionsApi.move(agencyId, participant.attemptId, { sessionId, reason: reason.trim(), ...(seat.trim() ? { seat: Number(seat.trim()) } : {}) }),
    onSuccess: (result) => {
      refresh();
      const target = allocation.sessions.find((s) => s.id === result.sessionId);
      onDone(`${participant.name} dipindah ke ${target?.name ?? 'sesi tujuan'}, kursi ${result.seat}.`);
    },
  });
  const started = participant.status !== 'allocated';
  return (
    <>
      <p>
        {participant.registrationNumber} — {participant.formasi}. Status: {ATTEMPT_STATUS_LABELS[participant.status]}.
        {participant.suggestedNeed && participant.suggestedNeed !== participant.need ? ` Disarankan dari data disabilitas pendaftaran: ${needLabel(participant.suggestedNeed)}.` : ''}
      </p>
      {started ? <Notice kind="info">Peserta sudah mulai ujian; jadwal, kursi dan waktunya tidak dapat diubah lagi.</Notice> : null}
      <h3>Kebutuhan khusus</h3>
      <FormErrors error={saveNeed.error} labels={{ need: 'Kebutuhan khusus' }} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          saveNeed.mutate();
        }}
      >
        <SelectField label="Kebutuhan khusus (waktu tambahan)" name="need" value={need} options={needOptions(allocation.extraMinutes)} onValueChange={setNeed} error={fieldError(saveNeed.error, 'need')} />
        <button type="submit" className="button" disabled={saveNeed.isPending || started}>
          {saveNeed.isPending ? 'Menyimpan…' : 'Simpan kebutuhan'}
        </button>
      </form>
      <h3>Pindah sesi atau kursi</h3>
      <FormErrors error={move.error} labels={moveLabels} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          move.mutate();
        }}
      >
        <SelectField
          label={moveLabels.sessionId}
          name="sessionId"
          required
          value={sessionId}
          options={allocation.sessions.map((s) => ({ value: s.id, label: `${s.name} — ${s.venueName}, ${s.roomName} (${formatNumber(s.allocated)}/${formatNumber(s.capacity)})` }))}
          onValueChange={setSessionId}
          error={fieldError(move.error, 'sessionId')}
        />
        <TextField label={moveLabels.seat} name="seat" inputMode="numeric" autoComplete="off" hint="Kosongkan untuk kursi kosong pertama." value={seat} onValueChange={setSeat} error={fieldError(move.error, 'seat')} />
        <TextField label={moveLabels.reason} name="reason" required autoComplete="off" hint="Dicatat di jejak audit." value={reason} onValueChange={setReason} error={fieldError(move.error, 'reason')} />
        <div className="actions">
          <button type="submit" className="button" disabled={move.isPending || started}>
            {move.isPending ? 'Memindahkan…' : 'Pindahkan'}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Tutup
          </button>
        </div>
      </form>
    </>
  );
}

function RunAllocation({ agencyId, blueprintId, onDone }: { agencyId: string; blueprintId: string; onDone: (message: string) => void }) {
  const queryClient = useQueryClient();
  const [confirmReset, setConfirmReset] = useState(false);
  const run = useMutation({
    mutationFn: (reset: boolean) => catSessionsApi.allocate(agencyId, blueprintId, reset),
    onSuccess: (result, reset) => {
      setConfirmReset(false);
      queryClient.setQueryData(catKeys.allocation(agencyId, blueprintId), { allocation: result.allocation });
      void queryClient.invalidateQueries({ queryKey: catKeys.all(agencyId) });
      const removed = result.removed ? ` ${formatNumber(result.removed)} peserta yang tidak lagi MS dikeluarkan.` : '';
      onDone(
        reset
          ? `Semua peserta dibagi ulang: ${formatNumber(result.placed)} peserta mendapat sesi dan kursi; ${formatNumber(result.papers)} naskah dibuat ulang.${removed}`
          : `${formatNumber(result.placed)} peserta mendapat sesi dan kursi; ${formatNumber(result.papers)} naskah soal dibuat.${removed}`,
      );
    },
  });
  return (
    <div className="card">
      <p>
        Pembagian menempatkan peserta di lokasi pilihannya, tidak melebihi kursi ruang, dan peserta satu formasi berdekatan. Naskah soal setiap peserta dibuat saat ini juga (soal dan pilihan jawaban diacak per peserta).
      </p>
      {run.isError ? <Notice kind="error">{errorMessage(run.error)}</Notice> : null}
      <div className="row-actions">
        <button type="button" className="button" disabled={run.isPending} onClick={() => run.mutate(false)}>
          {run.isPending ? 'Membagi…' : 'Bagi peserta yang belum mendapat kursi'}
        </button>
        <button type="button" className="button button-secondary" disabled={run.isPending} onClick={() => setConfirmReset(true)}>
          Bagi ulang semua peserta
        </button>
      </div>
      {confirmReset ? (
        <div className="confirm" role="group" aria-labelledby="judul-bagi-ulang">
          <p id="judul-bagi-ulang">
            Semua peserta akan ditempatkan ulang dan naskahnya dibuat ulang dari cetak biru saat ini. Kartu ujian yang sudah diunduh peserta menjadi tidak sesuai. Tidak dapat dilakukan setelah ada sesi yang dibuka.
          </p>
          <div className="row-actions">
            <button type="button" className="button button-danger" disabled={run.isPending} onClick={() => run.mutate(true)}>
              Ya, bagi ulang semua
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirmReset(false)}>
              Batal
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

function SessionTable({ session, zone, manage, onSelect }: { session: CatAllocation['sessions'][number]; zone: AgencyTimezone; manage: boolean; onSelect: (p: AllocatedParticipant) => void }) {
  const captionId = `alokasi-${session.id}`;
  return (
    <section className="card" aria-labelledby={`judul-${captionId}`}>
      <h2 id={`judul-${captionId}`}>{session.name}</h2>
      <p>
        <DateTime value={session.startsAt} timeZone={zone} /> · {session.venueName}, {session.roomName} · {formatNumber(session.participants.length)} dari {formatNumber(session.capacity)} kursi
      </p>
      {session.participants.length === 0 ? (
        <EmptyState>Belum ada peserta di sesi ini.</EmptyState>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table>
            <caption id={captionId}>Peserta {session.name}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Kursi
                </th>
                <th scope="col">No. pendaftaran</th>
                <th scope="col">Nama</th>
                <th scope="col">Formasi</th>
                <th scope="col">Kebutuhan khusus</th>
                <th scope="col">Status</th>
                {manage ? <th scope="col">Aksi</th> : null}
              </tr>
            </thead>
            <tbody>
              {session.participants.map((p) => (
                <tr key={p.attemptId}>
                  <td className="num">{p.seat}</td>
                  <td>{p.registrationNumber}</td>
                  <th scope="row">{p.name}</th>
                  <td>{p.formasi}</td>
                  <td>{p.need ? `${needLabel(p.need)} (${formatDuration(p.durationSeconds)})` : p.suggestedNeed ? `Disarankan: ${needLabel(p.suggestedNeed)}` : '—'}</td>
                  <td>{ATTEMPT_STATUS_LABELS[p.status]}</td>
                  {manage ? (
                    <td>
                      <button type="button" className="button button-small button-secondary" onClick={() => onSelect(p)}>
                        Ubah<span className="visually-hidden"> {p.name}</span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Allocation({ agencyId, blueprintId }: { agencyId: string; blueprintId: string }) {
  const me = useMe();
  const manage = canManageCat(me.data, agencyId);
  const { name: agencyName, timezone: zone } = useAgencyDetail(agencyId);
  const allocation = useQuery({ queryKey: catKeys.allocation(agencyId, blueprintId), queryFn: () => catSessionsApi.allocation(agencyId, blueprintId) });
  const [selected, setSelected] = useState<AllocatedParticipant | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const panelHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (selected) panelHeading.current?.focus();
  }, [selected]);
  const data = allocation.data?.allocation;

  return (
    <>
      <p className="breadcrumb">
        <Link to={catPaths.sessions(agencyId)}>‹ Sesi ujian CAT</Link>
      </p>
      <AgencyHeading title="Pembagian peserta ujian CAT" agencyName={agencyName} />
      {done ? <Notice kind="success">{done}</Notice> : null}
      {allocation.isPending ? (
        <Loading label="Memuat pembagian peserta…" />
      ) : allocation.isError || !data ? (
        <ErrorState error={allocation.error} onRetry={() => void allocation.refetch()} />
      ) : (
        <>
          <p className="lead">
            {data.selectionName} — {data.blueprintName} ({data.durationMinutes} menit)
          </p>
          <ul className="stat-inline">
            <li>
              <strong>{formatNumber(data.participants)}</strong> peserta MS
            </li>
            <li>
              <strong>{formatNumber(data.participants - data.unallocated.length)}</strong> sudah mendapat kursi
            </li>
            <li>
              <strong>{formatNumber(data.sessions.length)}</strong> sesi, <strong>{formatNumber(data.sessions.reduce((n, s) => n + s.capacity, 0))}</strong> kursi
            </li>
          </ul>
          {manage ? (
            <RunAllocation
              agencyId={agencyId}
              blueprintId={blueprintId}
              onDone={(message) => {
                setSelected(null);
                setDone(message);
              }}
            />
          ) : null}
          {selected ? (
            <section className="card panel" aria-labelledby="judul-panel-peserta">
              <h2 id="judul-panel-peserta" tabIndex={-1} ref={panelHeading}>
                {selected.name}
              </h2>
              <ParticipantPanel
                key={selected.attemptId}
                agencyId={agencyId}
                allocation={data}
                participant={selected}
                onCancel={() => setSelected(null)}
                onDone={(message) => {
                  setSelected(null);
                  setDone(message);
                }}
              />
            </section>
          ) : null}
          {data.unallocated.length > 0 ? (
            <section className="card" aria-labelledby="judul-belum-dapat">
              <h2 id="judul-belum-dapat">Belum mendapat kursi ({formatNumber(data.unallocated.length)})</h2>
              <div className="table-wrap" role="region" aria-labelledby="tabel-belum-dapat" tabIndex={0}>
                <table>
                  <caption id="tabel-belum-dapat">Peserta MS yang belum mendapat sesi</caption>
                  <thead>
                    <tr>
                      <th scope="col">No. pendaftaran</th>
                      <th scope="col">Nama</th>
                      <th scope="col">Formasi</th>
                      <th scope="col">Lokasi pilihan</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.unallocated.map((p) => (
                      <tr key={p.applicationId}>
                        <td>{p.registrationNumber}</td>
                        <th scope="row">{p.name}</th>
                        <td>{p.formasi}</td>
                        <td>{p.venueChoice ? (data.sessions.find((s) => s.venueId === p.venueChoice)?.venueName ?? 'Lokasi lain') : 'Mana saja'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}
          {data.sessions.length === 0 ? (
            <EmptyState>Belum ada sesi untuk tahap ini. Jadwalkan sesi terlebih dahulu.</EmptyState>
          ) : (
            data.sessions.map((session) => <SessionTable key={session.id} session={session} zone={zone} manage={manage} onSelect={setSelected} />)
          )}
        </>
      )}
    </>
  );
}

export function CatAllocationPage() {
  const { agencyId = '', blueprintId = '' } = useParams();
  return <RequireAuth allow={(me) => canReadCat(me, agencyId)}>{() => <Allocation key={`${agencyId}-${blueprintId}`} agencyId={agencyId} blueprintId={blueprintId} />}</RequireAuth>;
}
