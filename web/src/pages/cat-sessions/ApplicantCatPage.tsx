import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ATTEMPT_STATUS_LABELS, catKeys, catSessionsApi, type OwnCat } from '../../api/cat-sessions';
import { DateTime } from '../../components/DateTime';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { FormErrors } from '../../components/FormErrors';
import { PageTitle } from '../../components/PageTitle';
import { RequireAuth } from '../../components/RequireAuth';
import { hasRole } from '../../lib/roles';
import { isAgencyTimezone } from '../../lib/time';
import './cat-sessions.css';

const ANY = '';

function VenueChoice({ entry }: { entry: OwnCat }) {
  const queryClient = useQueryClient();
  const [venueId, setVenueId] = useState(entry.chosenVenueId ?? ANY);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => catSessionsApi.chooseVenue(entry.applicationId, venueId || null),
    onSuccess: () => {
      setSaved(true);
      void queryClient.invalidateQueries({ queryKey: catKeys.own });
    },
  });
  const name = `lokasi-${entry.applicationId}`;
  return (
    <>
      <FormErrors error={save.error} labels={{ venueId: 'Lokasi ujian' }} />
      {saved && !save.isPending ? <Notice kind="success">Pilihan lokasi disimpan. Panitia menempatkan Anda di lokasi ini saat membagi kursi.</Notice> : null}
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          save.mutate();
        }}
      >
        <fieldset className="field">
          <legend>Lokasi ujian yang Anda pilih</legend>
          <div className="checkbox-list">
            <label className="checkbox">
              <input type="radio" name={name} value={ANY} checked={venueId === ANY} onChange={() => setVenueId(ANY)} />
              <span>Lokasi mana saja (ditentukan panitia)</span>
            </label>
            {entry.venues.map((venue) => (
              <label key={venue.id} className="checkbox">
                <input type="radio" name={name} value={venue.id} checked={venueId === venue.id} onChange={() => setVenueId(venue.id)} />
                <span>
                  {venue.name}
                  {venue.address ? <span className="muted"> — {venue.address}</span> : null}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? 'Menyimpan…' : 'Simpan pilihan lokasi'}
        </button>
      </form>
    </>
  );
}

function Entry({ entry }: { entry: OwnCat }) {
  const zone = isAgencyTimezone(entry.agencyTimezone) ? entry.agencyTimezone : undefined;
  const headingId = `ujian-${entry.applicationId}`;
  const chosen = entry.venues.find((v) => v.id === entry.chosenVenueId);
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{entry.selectionName}</h2>
      <p className="muted">
        {entry.agencyName} · Nomor pendaftaran {entry.registrationNumber}
      </p>
      {entry.attempts.length > 0 ? (
        <ul className="card-list exam-list">
          {entry.attempts.map((attempt) => (
            <li key={attempt.attemptId}>
              <h3>{attempt.blueprintName}</h3>
              {attempt.sessionName ? (
                <>
                  <dl className="facts">
                      <dt>Waktu mulai</dt>
                      <dd>
                        <DateTime value={attempt.startsAt} timeZone={zone} />
                      </dd>
                      <dt>Lokasi</dt>
                      <dd>
                        {attempt.venueName}
                        {attempt.venueAddress ? `, ${attempt.venueAddress}` : ''}
                      </dd>
                      <dt>Ruang dan kursi</dt>
                      <dd>
                        {attempt.roomName}, kursi {attempt.seat}
                      </dd>
                      <dt>Sesi</dt>
                      <dd>
                        {attempt.sessionName} ({ATTEMPT_STATUS_LABELS[attempt.status]})
                      </dd>
                  </dl>
                  <p>
                    <a className="button" href={catSessionsApi.cardUrl(attempt.attemptId)} target="_blank" rel="noreferrer">
                      Unduh kartu ujian (PDF)<span className="visually-hidden"> {attempt.blueprintName}</span>
                    </a>
                  </p>
                  <p className="muted">
                    Pada hari ujian, masuk di komputer lokasi ujian lalu buka <Link to="/ujian">halaman Ujian CAT</Link> dan masukkan PIN sesi dari pengawas.
                  </p>
                </>
              ) : (
                <p>Jadwal dan kursi Anda sedang diatur ulang oleh panitia.</p>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>Panitia belum membagi jadwal dan kursi ujian. Kartu ujian dapat diunduh di sini setelah pembagian.</p>
      )}
      {entry.choiceOpen && entry.venues.length > 0 ? (
        <VenueChoice entry={entry} />
      ) : entry.venues.length > 0 && chosen ? (
        <p>Lokasi pilihan Anda: {chosen.name}.</p>
      ) : entry.choiceOpen ? (
        <p className="muted">Lokasi ujian belum diumumkan; pilihan lokasi terbuka setelah panitia menjadwalkan sesi.</p>
      ) : null}
    </section>
  );
}

function ApplicantCat() {
  const own = useQuery({ queryKey: catKeys.own, queryFn: () => catSessionsApi.ownCat() });
  return (
    <>
      <PageTitle>Ujian CAT saya</PageTitle>
      <p>Pilih lokasi ujian sebelum panitia membagi kursi, lalu unduh kartu ujian yang berisi sesi, ruang, nomor kursi dan kode QR.</p>
      <p>
        Pada hari ujian, di lokasi ujian: <Link to="/ujian">masukkan PIN sesi dan mulai ujian</Link>.
      </p>
      {own.isPending ? (
        <Loading label="Memuat ujian Anda…" />
      ) : own.isError ? (
        <ErrorState error={own.error} onRetry={() => void own.refetch()} />
      ) : own.data.items.length === 0 ? (
        <EmptyState>
          Belum ada ujian CAT untuk Anda. Ujian tersedia setelah pendaftaran Anda dinyatakan Memenuhi Syarat (MS). <Link to="/pelamar/pendaftaran">Lihat pendaftaran saya</Link>.
        </EmptyState>
      ) : (
        own.data.items.map((entry) => <Entry key={entry.applicationId} entry={entry} />)
      )}
    </>
  );
}

export function ApplicantCatPage() {
  return <RequireAuth allow={(me) => hasRole(me, 'pelamar')}>{() => <ApplicantCat />}</RequireAuth>;
}
