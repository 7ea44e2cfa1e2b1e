import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery } from '@tanstack/react-query';
import { publicOutreachApi, type PublicOutreachEvent, type RegistrationInput } from '../../../api/outreach';
import { DateTime } from '../../../components/DateTime';
import { SelectField, TextField } from '../../../components/Field';
import { ErrorState, Loading, Notice } from '../../../components/Feedback';
import { FormErrors, fieldError } from '../../../components/FormErrors';
import { PageTitle } from '../../../components/PageTitle';
import { formatBytes, zoneOf } from '../../../lib/agencyTime';
import { formatNumber } from '../../../lib/time';
import { audienceLabel, kindLabel } from '../../outreach/access';

const labels = { name: 'Nama lengkap', email: 'Alamat email', phone: 'Nomor ponsel', audience: 'Kelompok peserta', institution: 'Sekolah, kampus, atau instansi' };

function RegistrationForm({ event }: { event: PublicOutreachEvent }) {
  const navigate = useNavigate();
  const [form, setForm] = useState<RegistrationInput>({ name: '', email: '', phone: '', audience: event.audiences[0] ?? 'umum', institution: '' });
  const set = (field: keyof RegistrationInput) => (value: string) => setForm((current) => ({ ...current, [field]: value }));
  const register = useMutation({
    mutationFn: () => publicOutreachApi.register(event.id, { ...form, name: form.name.trim(), email: form.email.trim(), institution: form.institution.trim() }),
    onSuccess: ({ ticketPath }) => navigate(ticketPath, { state: { justRegistered: true } }),
  });
  const full = event.counts.seatsLeft === 0;
  return (
    <section className="card panel" aria-labelledby="judul-daftar-acara">
      <h2 id="judul-daftar-acara">Daftar</h2>
      {full ? <Notice kind="info">Kursi sudah penuh. Anda tetap dapat mendaftar ke daftar tunggu; bila ada kursi kosong, Anda otomatis terdaftar dan dikabari lewat email.</Notice> : null}
      <FormErrors error={register.error} labels={labels} />
      <form
        className="form"
        noValidate
        onSubmit={(submitEvent) => {
          submitEvent.preventDefault();
          register.mutate();
        }}
      >
        <TextField label={labels.name} name="name" required autoComplete="name" value={form.name} onValueChange={set('name')} maxLength={120} error={fieldError(register.error, 'name')} />
        <TextField
          label={labels.email}
          name="email"
          type="email"
          inputMode="email"
          required
          autoComplete="email"
          value={form.email}
          onValueChange={set('email')}
          hint="Tiket dan kode QR presensi dikirim ke alamat ini. Satu email untuk satu pendaftaran."
          error={fieldError(register.error, 'email')}
        />
        <TextField label={`${labels.phone} (opsional)`} name="phone" type="tel" inputMode="tel" autoComplete="tel" value={form.phone} onValueChange={set('phone')} error={fieldError(register.error, 'phone')} />
        <SelectField label={labels.audience} name="audience" required value={form.audience} options={event.audiences.map((a) => ({ value: a, label: audienceLabel(a) }))} onValueChange={set('audience')} error={fieldError(register.error, 'audience')} />
        <TextField label={labels.institution} name="institution" autoComplete="organization" value={form.institution} onValueChange={set('institution')} maxLength={150} error={fieldError(register.error, 'institution')} />
        <button type="submit" className="button" disabled={register.isPending}>
          {register.isPending ? 'Mendaftarkan…' : full ? 'Daftar ke daftar tunggu' : 'Daftar sekarang'}
        </button>
      </form>
    </section>
  );
}

export function EventPublicPage() {
  const { eventId = '' } = useParams();
  const query = useQuery({ queryKey: ['public', 'outreach-event', eventId], queryFn: () => publicOutreachApi.get(eventId) });
  if (query.isPending) return <Loading label="Memuat acara…" />;
  if (query.isError) {
    return (
      <>
        <PageTitle>Acara tidak ditemukan</PageTitle>
        <ErrorState error={query.error} />
        <p>
          <Link to="/sosialisasi">Lihat acara sosialisasi lainnya</Link>
        </p>
      </>
    );
  }
  const event = query.data.event;
  const zone = zoneOf(event.agency.timezone);
  const ended = new Date(event.endsAt).getTime() < Date.now();
  return (
    <article>
      <p className="breadcrumb">
        <Link to="/sosialisasi">‹ Semua acara sosialisasi</Link>
      </p>
      <PageTitle title={event.title}>
        {event.title}
        <span className="subtitle">
          {kindLabel(event.kind)} · {event.agency.name}
        </span>
      </PageTitle>
      {event.status === 'cancelled' ? <Notice kind="error">Acara ini dibatalkan.</Notice> : null}
      <dl className="facts">
        <dt>Waktu</dt>
        <dd>
          <DateTime value={event.startsAt} timeZone={zone} /> – <DateTime value={event.endsAt} timeZone={zone} />
        </dd>
        <dt>Tempat</dt>
        <dd>{event.venue || 'Daring'}</dd>
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
        <dt>Untuk</dt>
        <dd>{event.audiences.map(audienceLabel).join(', ')}</dd>
        <dt>Pendaftaran</dt>
        <dd>
          {event.registrationOpen ? (
            <>
              dibuka sampai <DateTime value={event.registrationEndsAt} timeZone={zone} />
            </>
          ) : (
            'ditutup'
          )}
        </dd>
      </dl>

      <section aria-labelledby="judul-angka-acara">
        <h2 id="judul-angka-acara">Peserta</h2>
        <ul className="stat-list">
          <li>
            <span className="stat-value">{formatNumber(event.counts.registered)}</span> terdaftar dari {formatNumber(event.capacity)} kursi
          </li>
          <li>
            <span className="stat-value">{formatNumber(event.counts.seatsLeft)}</span> kursi tersisa
          </li>
          <li>
            <span className="stat-value">{formatNumber(event.counts.waitlisted)}</span> dalam daftar tunggu
          </li>
          {new Date(event.startsAt).getTime() <= Date.now() ? (
            <li>
              <span className="stat-value">{formatNumber(event.counts.attended)}</span> hadir
            </li>
          ) : null}
        </ul>
      </section>

      {event.description ? (
        <section aria-labelledby="judul-tentang-acara">
          <h2 id="judul-tentang-acara">Tentang acara</h2>
          <div className="announcement-body">{event.description}</div>
        </section>
      ) : null}

      {event.registrationOpen ? <RegistrationForm event={event} /> : !ended && event.status !== 'cancelled' ? <Notice kind="info">Pendaftaran acara ini sudah ditutup.</Notice> : null}

      <section aria-labelledby="judul-materi-publik">
        <h2 id="judul-materi-publik">Materi</h2>
        {event.materialsAvailable ? (
          event.materials.length === 0 ? (
            <p className="muted">Belum ada materi yang dibagikan.</p>
          ) : (
            <ul className="link-list">
              {event.materials.map((material) => (
                <li key={material.id}>
                  <a href={material.downloadUrl}>{material.title}</a> <span className="muted">(PDF, {formatBytes(material.sizeBytes)})</span>
                </li>
              ))}
            </ul>
          )
        ) : (
          <p className="muted">
            {event.materialCount > 0 ? `${formatNumber(event.materialCount)} materi dapat diunduh setelah acara dimulai.` : 'Materi dibagikan setelah acara dimulai.'}
          </p>
        )}
      </section>
    </article>
  );
}
