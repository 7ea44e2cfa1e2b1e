import { useEffect, useId, useRef, useState, type TextareaHTMLAttributes } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { NIK_PROVINCES, SEX_LABELS, parseNik } from '../../../../core/nik';
import { formatCalendarDateId, parseCalendarDate } from '../../../../core/calendar-date';
import { ApiError, isApiError } from '../../api/client';
import { applicantApi } from '../../api/endpoints';
import { queryKeys, useApplicantProfile } from '../../api/queries';
import type { ApplicantProfile, ApplicantProfileInput, ClaimKey, Me } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { ErrorState, Loading, Notice } from '../../components/Feedback';
import { SelectField, TextField } from '../../components/Field';
import { FormErrors } from '../../components/FormErrors';
import { PageTitle } from '../../components/PageTitle';
import { RequireAuth } from '../../components/RequireAuth';
import { hasRole } from '../../lib/roles';
import { CLAIM_OPTIONS, EDUCATION_LEVEL_OPTIONS } from './labels';
import { NotApplicant, safeApplicantNext } from './shared';
import './applicant.css';

const MAX_EDUCATION = 5;

type EducationDraft = {
  /** A stable React key, so removing entry 2 does not move entry 3's typing into entry 2. */
  uid: number;
  level: string;
  institution: string;
  programme: string;
  gpa: string;
  diplomaNumber: string;
  year: string;
};

type ProfileDraft = {
  nik: string;
  name: string;
  birthPlace: string;
  birthDate: string;
  sex: '' | 'L' | 'P';
  address: string;
  phone: string;
  education: EducationDraft[];
  disability: string;
  claims: Partial<Record<ClaimKey, boolean>>;
};

let nextUid = 1;
const emptyEducation = (): EducationDraft => ({ uid: nextUid++, level: '', institution: '', programme: '', gpa: '', diplomaNumber: '', year: '' });

function draftFrom(profile: ApplicantProfile | null, accountName: string): ProfileDraft {
  if (!profile) {
    return { nik: '', name: accountName, birthPlace: '', birthDate: '', sex: '', address: '', phone: '', education: [emptyEducation()], disability: '', claims: {} };
  }
  return {
    nik: profile.nik,
    name: profile.name,
    birthPlace: profile.birthPlace,
    birthDate: profile.birthDate,
    sex: profile.sex,
    address: profile.address,
    phone: profile.phone,
    education: profile.education.map((entry) => ({
      uid: nextUid++,
      level: entry.level,
      institution: entry.institution,
      programme: entry.programme,
      gpa: entry.gpa === null ? '' : String(entry.gpa).replace('.', ','),
      diplomaNumber: entry.diplomaNumber,
      year: String(entry.year),
    })),
    disability: profile.disability,
    claims: { ...profile.claims },
  };
}

const fieldLabels: Record<string, string> = {
  nik: 'NIK',
  name: 'Nama lengkap sesuai ijazah',
  birthPlace: 'Tempat lahir',
  birthDate: 'Tanggal lahir',
  sex: 'Jenis kelamin',
  address: 'Alamat',
  phone: 'Nomor HP',
  education: 'Riwayat pendidikan',
  disability: 'Keterangan disabilitas',
  claims: 'Formasi khusus',
};

const educationLabels: Record<string, string> = {
  level: 'Jenjang',
  institution: 'Nama sekolah/perguruan tinggi',
  programme: 'Program studi/jurusan',
  gpa: 'IPK',
  diplomaNumber: 'Nomor ijazah',
  year: 'Tahun lulus',
};

function labelsFor(count: number): Record<string, string> {
  const labels = { ...fieldLabels };
  for (let index = 0; index < count; index += 1) {
    for (const [key, label] of Object.entries(educationLabels)) labels[`education.${index}.${key}`] = `Pendidikan ${index + 1} — ${label}`;
  }
  return labels;
}

/** Number fields are checked here only for their format (the server checks the rest and the range). */
function toBody(draft: ProfileDraft): { body: ApplicantProfileInput } | { fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const education = draft.education.map((entry, index) => {
    const gpaText = entry.gpa.trim().replace(',', '.');
    const gpa = gpaText === '' ? null : Number(gpaText);
    if (gpa !== null && !Number.isFinite(gpa)) fields[`education.${index}.gpa`] = 'IPK harus berupa angka, misalnya 3,45 (kosongkan bila tidak ada).';
    const year = Number(entry.year.trim());
    if (!/^\d{4}$/.test(entry.year.trim())) fields[`education.${index}.year`] = 'Tahun lulus harus 4 angka, misalnya 2019.';
    return { level: entry.level, institution: entry.institution.trim(), programme: entry.programme.trim(), gpa, diplomaNumber: entry.diplomaNumber.trim(), year };
  });
  if (!draft.sex) fields.sex = 'Pilih jenis kelamin.';
  if (Object.keys(fields).length > 0) return { fields };
  return {
    body: {
      nik: draft.nik.trim(),
      name: draft.name.trim(),
      birthPlace: draft.birthPlace.trim(),
      birthDate: draft.birthDate,
      sex: draft.sex as 'L' | 'P',
      address: draft.address.trim(),
      phone: draft.phone.trim(),
      education,
      disability: draft.disability.trim(),
      claims: draft.claims,
    },
  };
}

function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * What the NIK itself says (the same reading as the server's, core/nik.ts), so the applicant sees
 * a disagreement with the birth date or sex before sending. The server still decides.
 */
function NikReading({ nik, birthDate, sex }: { nik: string; birthDate: string; sex: string }) {
  const digits = nik.trim();
  if (digits.length !== 16) return null;
  const parsed = parseNik(digits, { referenceDate: todayIso() });
  if (!parsed.ok) return <p className="nik-reading nik-reading-problem">{parsed.message}</p>;
  const derived = parsed.value;
  const date = parseCalendarDate(derived.birthDate);
  const province = NIK_PROVINCES[derived.provinceCode];
  const dateDiffers = birthDate && birthDate !== derived.birthDate;
  const sexDiffers = sex && sex !== derived.sex;
  return (
    <div className="nik-reading">
      <p>
        Menurut NIK ini: lahir {date ? formatCalendarDateId(date) : derived.birthDate}, {SEX_LABELS[derived.sex].toLowerCase()}
        {province ? `, terdaftar di ${province}` : ''}.
      </p>
      {dateDiffers || sexDiffers ? (
        <p className="nik-reading-problem">
          {dateDiffers ? 'Tanggal lahir yang Anda isi berbeda dengan NIK. ' : ''}
          {sexDiffers ? 'Jenis kelamin yang Anda pilih berbeda dengan NIK. ' : ''}
          Periksa kembali NIK atau isian Anda: server akan menolak data yang tidak sesuai.
        </p>
      ) : null}
    </div>
  );
}

type TextAreaFieldProps = {
  label: string;
  error?: string;
  hint?: string;
  onValueChange: (value: string) => void;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'id'>;

function TextAreaField({ label, error, hint, onValueChange, required, ...textarea }: TextAreaFieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="required"> (wajib)</span> : null}
      </label>
      {hint ? (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      <textarea
        id={id}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onValueChange(event.target.value)}
        {...textarea}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function SexField({ value, error, onChange }: { value: string; error?: string; onChange: (value: 'L' | 'P') => void }) {
  const id = useId();
  return (
    <fieldset className={`field${error ? ' field-invalid' : ''}`} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
      <legend>
        Jenis kelamin<span className="required"> (wajib)</span>
      </legend>
      <div className="hint" id={`${id}-hint`}>
        Harus sesuai dengan NIK.
      </div>
      <div className="radio-row">
        {(['L', 'P'] as const).map((sex) => (
          <label key={sex} className="checkbox">
            <input type="radio" name="sex" value={sex} checked={value === sex} onChange={() => onChange(sex)} aria-invalid={error ? true : undefined} />
            <span>{SEX_LABELS[sex]}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

function NikField({
  profile,
  value,
  error,
  birthDate,
  sex,
  onValueChange,
}: {
  profile: ApplicantProfile | null;
  value: string;
  error?: string;
  birthDate: string;
  sex: string;
  onValueChange: (value: string) => void;
}) {
  const [shown, setShown] = useState(false);
  const [editing, setEditing] = useState(false);
  const hint = (
    <>
      16 angka sesuai KTP, tanpa spasi. Digit 7–12 adalah tanggal lahir (HHBBTT); <strong>untuk perempuan tanggal lahir ditambah 40</strong>{' '}
      (lahir tanggal 5 → 45). Tanggal lahir dan jenis kelamin di bawah harus sesuai dengan NIK. Satu NIK hanya untuk satu akun.
    </>
  );
  // A saved NIK is shown masked; the full number only on request (someone may be looking at the screen).
  if (profile && !editing && !error) {
    return (
      <div className="field">
        <dl className="facts nik-saved">
          <dt>NIK</dt>
          <dd>
            <code data-testid="nik-tersimpan">{shown ? profile.nik : profile.nikMasked}</code>
          </dd>
        </dl>
        <div className="row-actions">
          <button type="button" className="button button-secondary button-small" onClick={() => setShown((now) => !now)}>
            {shown ? 'Sembunyikan NIK' : 'Tampilkan NIK'}
          </button>
          <button type="button" className="button button-secondary button-small" onClick={() => setEditing(true)}>
            Ubah NIK
          </button>
        </div>
      </div>
    );
  }
  return (
    <div>
      <TextField
        label="NIK"
        name="nik"
        required
        inputMode="numeric"
        autoComplete="off"
        maxLength={32}
        value={value}
        onValueChange={(next) => onValueChange(next.replace(/\s+/g, ''))}
        error={error}
        hint={hint}
      />
      <NikReading nik={value} birthDate={birthDate} sex={sex} />
    </div>
  );
}

function ProfileForm({ me, profile }: { me: Me; profile: ApplicantProfile | null }) {
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const next = safeApplicantNext(params.get('lanjut'));
  const [draft, setDraft] = useState<ProfileDraft>(() => draftFrom(profile, me.name));
  const [localError, setLocalError] = useState<ApiError | null>(null);
  const focusEducation = useRef<number | null>(null);
  const save = useMutation({
    mutationFn: applicantApi.saveProfile,
    onSuccess: ({ profile: saved }) => {
      queryClient.setQueryData(queryKeys.applicantProfile, saved);
      // Eligibility shown on every application depends on the profile.
      void queryClient.invalidateQueries({ queryKey: queryKeys.ownApplications });
      setDraft(draftFrom(saved, me.name));
    },
  });
  const error = localError ?? save.error;
  const fieldError = (key: string) => (isApiError(error) ? error.fields[key] : undefined);
  const set = <K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const setEducation = (uid: number, changes: Partial<EducationDraft>) =>
    setDraft((current) => ({ ...current, education: current.education.map((entry) => (entry.uid === uid ? { ...entry, ...changes } : entry)) }));

  useEffect(() => {
    if (focusEducation.current === null) return;
    document.getElementById(`pendidikan-${focusEducation.current}`)?.focus();
    focusEducation.current = null;
  });

  const savedProfile = save.data?.profile ?? profile;

  return (
    <>
      {save.isSuccess && !error ? (
        <Notice kind="success">
          <p>Profil tersimpan.</p>
          {next ? (
            <p>
              <Link to={next}>Lanjutkan pendaftaran</Link>
            </p>
          ) : (
            <p>
              <Link to="/pelamar/pendaftaran">Ke pendaftaran saya</Link>
            </p>
          )}
        </Notice>
      ) : null}
      {savedProfile ? (
        <p className="muted">
          Terakhir disimpan <DateTime value={savedProfile.updatedAt} />. Pendaftaran yang sudah dikirim memakai data saat dikirim; perubahan di sini tidak
          mengubahnya.
        </p>
      ) : null}
      <FormErrors error={error} labels={labelsFor(draft.education.length)} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const result = toBody(draft);
          if ('fields' in result) {
            save.reset();
            setLocalError(new ApiError({ status: 400, code: 'VALIDATION_FAILED', message: 'Periksa kembali isian berikut.', fields: result.fields }));
            return;
          }
          setLocalError(null);
          save.mutate(result.body);
        }}
      >
        <section aria-labelledby="judul-data-diri" className="card stack">
          <h2 id="judul-data-diri">Data diri</h2>
          <NikField
            key={savedProfile?.updatedAt ?? 'baru'}
            profile={savedProfile}
            value={draft.nik}
            error={fieldError('nik')}
            birthDate={draft.birthDate}
            sex={draft.sex}
            onValueChange={(value) => set('nik', value)}
          />
          <TextField
            label={fieldLabels.name!}
            name="name"
            required
            autoComplete="name"
            value={draft.name}
            onValueChange={(value) => set('name', value)}
            error={fieldError('name')}
            hint="Tulis persis seperti pada ijazah, termasuk gelar bila tercantum."
          />
          <TextField
            label={fieldLabels.birthPlace!}
            name="birthPlace"
            required
            value={draft.birthPlace}
            onValueChange={(value) => set('birthPlace', value)}
            error={fieldError('birthPlace')}
          />
          <TextField
            label={fieldLabels.birthDate!}
            name="birthDate"
            type="date"
            required
            autoComplete="bday"
            value={draft.birthDate}
            onValueChange={(value) => set('birthDate', value)}
            error={fieldError('birthDate')}
            hint="Harus sesuai dengan NIK. Usia dihitung pada tanggal penutupan pendaftaran."
          />
          <SexField value={draft.sex} error={fieldError('sex')} onChange={(value) => set('sex', value)} />
          <TextAreaField
            label={fieldLabels.address!}
            name="address"
            required
            rows={3}
            autoComplete="street-address"
            value={draft.address}
            onValueChange={(value) => set('address', value)}
            error={fieldError('address')}
            hint="Alamat tempat tinggal sekarang, dengan RT/RW, kelurahan, kecamatan, kabupaten/kota."
          />
          <TextField
            label={fieldLabels.phone!}
            name="phone"
            type="tel"
            required
            inputMode="tel"
            autoComplete="tel"
            value={draft.phone}
            onValueChange={(value) => set('phone', value)}
            error={fieldError('phone')}
            hint="Diawali 08 atau +628, 10–15 angka, tanpa spasi. Contoh: 081234567890."
          />
        </section>

        <section aria-labelledby="judul-pendidikan" className="card stack">
          <h2 id="judul-pendidikan">Riwayat pendidikan</h2>
          <p className="hint">
            Isi ijazah yang Anda pakai untuk melamar; boleh lebih dari satu (paling banyak {MAX_EDUCATION}). Satu ijazah yang sesuai dengan kualifikasi formasi
            sudah cukup.
          </p>
          {fieldError('education') ? <p className="field-error">{fieldError('education')}</p> : null}
          {draft.education.map((entry, index) => {
            const prefix = `education.${index}`;
            return (
              <fieldset key={entry.uid} className="education-entry">
                <legend id={`pendidikan-${entry.uid}`} tabIndex={-1}>
                  Pendidikan {index + 1}
                </legend>
                <SelectField
                  label={educationLabels.level!}
                  name={`${prefix}.level`}
                  required
                  value={entry.level}
                  options={[{ value: '', label: 'Pilih jenjang' }, ...EDUCATION_LEVEL_OPTIONS]}
                  onValueChange={(value) => setEducation(entry.uid, { level: value })}
                  error={fieldError(`${prefix}.level`)}
                />
                <TextField
                  label={educationLabels.institution!}
                  name={`${prefix}.institution`}
                  required
                  value={entry.institution}
                  onValueChange={(value) => setEducation(entry.uid, { institution: value })}
                  error={fieldError(`${prefix}.institution`)}
                />
                <TextField
                  label={educationLabels.programme!}
                  name={`${prefix}.programme`}
                  required
                  value={entry.programme}
                  onValueChange={(value) => setEducation(entry.uid, { programme: value })}
                  error={fieldError(`${prefix}.programme`)}
                  hint="Sesuai ijazah, misalnya Akuntansi atau Teknik Informatika."
                />
                <TextField
                  label={educationLabels.gpa!}
                  name={`${prefix}.gpa`}
                  inputMode="decimal"
                  value={entry.gpa}
                  onValueChange={(value) => setEducation(entry.uid, { gpa: value })}
                  error={fieldError(`${prefix}.gpa`)}
                  hint="Skala 0–4, misalnya 3,45. Kosongkan untuk ijazah tanpa IPK (SMA/SMK)."
                />
                <TextField
                  label={educationLabels.diplomaNumber!}
                  name={`${prefix}.diplomaNumber`}
                  required
                  value={entry.diplomaNumber}
                  onValueChange={(value) => setEducation(entry.uid, { diplomaNumber: value })}
                  error={fieldError(`${prefix}.diplomaNumber`)}
                />
                <TextField
                  label={educationLabels.year!}
                  name={`${prefix}.year`}
                  required
                  inputMode="numeric"
                  maxLength={4}
                  value={entry.year}
                  onValueChange={(value) => setEducation(entry.uid, { year: value })}
                  error={fieldError(`${prefix}.year`)}
                />
                {draft.education.length > 1 ? (
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => {
                      const remaining = draft.education.filter((other) => other.uid !== entry.uid);
                      focusEducation.current = (remaining[Math.max(0, index - 1)] ?? remaining[0])?.uid ?? null;
                      set('education', remaining);
                    }}
                  >
                    Hapus pendidikan {index + 1}
                  </button>
                ) : null}
              </fieldset>
            );
          })}
          {draft.education.length < MAX_EDUCATION ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                const entry = emptyEducation();
                focusEducation.current = entry.uid;
                set('education', [...draft.education, entry]);
              }}
            >
              Tambah riwayat pendidikan
            </button>
          ) : (
            <p className="hint">Sudah {MAX_EDUCATION} riwayat pendidikan (batas maksimal).</p>
          )}
        </section>

        <section aria-labelledby="judul-khusus" className="card stack">
          <h2 id="judul-khusus">Disabilitas dan formasi khusus</h2>
          <TextAreaField
            label={fieldLabels.disability!}
            name="disability"
            rows={2}
            value={draft.disability}
            onValueChange={(value) => set('disability', value)}
            error={fieldError('disability')}
            hint="Kosongkan bila tidak ada. Bila ada, sebutkan jenisnya agar panitia dapat menyiapkan akomodasi ujian yang layak."
          />
          <fieldset className="field" aria-describedby="khusus-penjelasan">
            <legend>Pernyataan untuk formasi khusus</legend>
            <p className="hint" id="khusus-penjelasan">
              Selain formasi umum, ada formasi khusus yang hanya dapat dilamar bila Anda memenuhi syaratnya. Centang hanya pernyataan yang benar: verifikator
              memeriksa buktinya, dan pernyataan yang tidak benar membuat pendaftaran Tidak Memenuhi Syarat.
            </p>
            <ul className="claim-list">
              {CLAIM_OPTIONS.map((claim) => (
                <li key={claim.key}>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      name={`claims.${claim.key}`}
                      checked={Boolean(draft.claims[claim.key])}
                      aria-describedby={`klaim-${claim.key}`}
                      onChange={(event) => set('claims', { ...draft.claims, [claim.key]: event.target.checked })}
                    />
                    <span>{claim.label}</span>
                  </label>
                  <p className="hint claim-explanation" id={`klaim-${claim.key}`}>
                    {claim.explanation}
                  </p>
                </li>
              ))}
            </ul>
            {fieldError('claims') ? <p className="field-error">{fieldError('claims')}</p> : null}
          </fieldset>
        </section>

        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? 'Menyimpan…' : 'Simpan profil'}
        </button>
      </form>
    </>
  );
}

function Profile({ me }: { me: Me }) {
  const profile = useApplicantProfile();
  return (
    <div className="pelamar narrow-wide">
      <PageTitle>Profil pelamar</PageTitle>
      <p className="lead">Data diri ini dipakai untuk setiap pendaftaran Anda dan dibekukan saat pendaftaran dikirim.</p>
      {profile.isPending ? (
        <Loading label="Memuat profil…" />
      ) : profile.isError ? (
        <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />
      ) : (
        <>
          {profile.data === null ? <Notice kind="info">Anda belum mengisi profil. Lengkapi semua data wajib, lalu simpan.</Notice> : null}
          <ProfileForm me={me} profile={profile.data} />
        </>
      )}
    </div>
  );
}

export function ApplicantProfilePage() {
  return <RequireAuth>{(me) => (hasRole(me, 'pelamar') ? <Profile me={me} /> : <NotApplicant title="Profil pelamar" />)}</RequireAuth>;
}
