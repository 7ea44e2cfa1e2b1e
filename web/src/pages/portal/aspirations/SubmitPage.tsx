import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useMutation } from '@tanstack/react-query';
import { ASPIRATION_CATEGORIES, ASPIRATION_CATEGORY_LABELS, ASPIRATION_LIMITS } from '../../../../../core/aspirations';
import { publicAspirationApi, type AspirationReceipt, type SubmissionInput } from '../../../api/aspirations';
import { usePublicAgencies } from '../../../api/queries';
import { DateTime } from '../../../components/DateTime';
import { SelectField, TextField } from '../../../components/Field';
import { FileField } from '../../../components/FileField';
import { Notice } from '../../../components/Feedback';
import { FormErrors, fieldError } from '../../../components/FormErrors';
import { PageTitle } from '../../../components/PageTitle';
import { TextAreaField } from '../../../components/TextAreaField';
import { Honeypot } from '../../../components/Honeypot';

const labels = { agencyId: 'Instansi', category: 'Kategori', subject: 'Judul', body: 'Uraian', name: 'Nama', email: 'Email', phone: 'Nomor ponsel', file: 'Lampiran' };

function Receipt({ receipt }: { receipt: AspirationReceipt }) {
  return (
    <section className="card panel" aria-labelledby="judul-tanda-terima">
      <h2 id="judul-tanda-terima">Pengaduan terkirim</h2>
      <Notice kind="success">
        Terima kasih. {receipt.agencyName} menerima pengaduan Anda dengan nomor <strong>{receipt.reference}</strong>.
      </Notice>
      <p>Kode pelacakan Anda (simpan, catat, atau foto; kode ini tidak dapat ditampilkan lagi):</p>
      <p className="receipt-code" data-testid="kode-pelacakan">
        {receipt.trackingCode}
      </p>
      <p>
        Pengaduan dijawab paling lambat <DateTime value={receipt.dueAt} />. Dengan kode ini Anda dapat melihat status dan jawabannya kapan saja di{' '}
        <Link to={`/pengaduan/lacak`}>halaman lacak pengaduan</Link>.
      </p>
    </section>
  );
}

export function SubmitPage() {
  const [params] = useSearchParams();
  const agencies = usePublicAgencies();
  const [form, setForm] = useState<SubmissionInput>({
    agencyId: params.get('instansi') ?? '',
    category: 'kualitas_layanan',
    subject: '',
    body: '',
    anonymous: false,
    name: '',
    email: '',
    phone: '',
    website: '',
  });
  const [files, setFiles] = useState<Array<File | null>>([null, null, null]);
  const [progress, setProgress] = useState<number | null>(null);
  const set = <K extends keyof SubmissionInput>(field: K) => (value: SubmissionInput[K]) => setForm((current) => ({ ...current, [field]: value }));
  const submit = useMutation({
    mutationFn: () =>
      publicAspirationApi.submit(
        { ...form, subject: form.subject.trim(), body: form.body.trim(), name: form.name.trim(), email: form.email.trim(), phone: form.phone.trim() },
        files.filter((f): f is File => f !== null),
        setProgress,
      ),
    onSettled: () => setProgress(null),
    onSuccess: () => window.scrollTo({ top: 0 }),
  });
  if (submit.data) {
    return (
      <article className="narrow">
        <PageTitle>Aspirasi dan pengaduan</PageTitle>
        <Receipt receipt={submit.data} />
      </article>
    );
  }
  const agencyOptions = [{ value: '', label: agencies.isPending ? 'Memuat instansi…' : '— Pilih instansi —' }, ...(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))];
  return (
    <article className="narrow">
      <PageTitle>Aspirasi dan pengaduan</PageTitle>
      <p className="lead">Sampaikan aspirasi, saran, atau keluhan tentang rekrutmen ASN dan pelayanan instansi. Tanpa akun; boleh tanpa nama.</p>
      <p>
        Sudah mengirim? <Link to="/pengaduan/lacak">Lacak pengaduan dengan kode pelacakan</Link>. Ingin berdiskusi langsung? Lihat <Link to="/forum-warga">jadwal forum warga</Link>.
      </p>
      <FormErrors error={submit.error} labels={labels} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit.mutate();
        }}
      >
        <SelectField label={labels.agencyId} name="agencyId" required value={form.agencyId} options={agencyOptions} onValueChange={set('agencyId')} error={fieldError(submit.error, 'agencyId')} />
        <SelectField
          label={labels.category}
          name="category"
          required
          value={form.category}
          options={ASPIRATION_CATEGORIES.map((c) => ({ value: c, label: ASPIRATION_CATEGORY_LABELS[c] }))}
          onValueChange={set('category')}
          error={fieldError(submit.error, 'category')}
        />
        <TextField label={labels.subject} name="subject" required maxLength={ASPIRATION_LIMITS.subjectMax} value={form.subject} onValueChange={set('subject')} error={fieldError(submit.error, 'subject')} />
        <TextAreaField
          label={labels.body}
          name="body"
          required
          rows={7}
          maxLength={ASPIRATION_LIMITS.bodyMax}
          hint="Ceritakan apa yang terjadi, di mana, dan kapan. Jangan menuliskan NIK atau data pribadi orang lain."
          value={form.body}
          onValueChange={set('body')}
          error={fieldError(submit.error, 'body')}
        />
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" name="anonymous" checked={form.anonymous} onChange={(event) => set('anonymous')(event.target.checked)} />
            <span>Kirim tanpa nama (anonim): nama dan kontak tidak dikirim; jawaban hanya dapat dilihat dengan kode pelacakan</span>
          </label>
        </div>
        {form.anonymous ? null : (
          <>
            <TextField label={labels.name} name="name" required autoComplete="name" maxLength={120} value={form.name} onValueChange={set('name')} error={fieldError(submit.error, 'name')} />
            <TextField
              label={`${labels.email} (opsional)`}
              name="email"
              type="email"
              inputMode="email"
              autoComplete="email"
              value={form.email}
              onValueChange={set('email')}
              hint="Kode pelacakan dan jawaban juga dikirim ke email ini."
              error={fieldError(submit.error, 'email')}
            />
            <TextField label={`${labels.phone} (opsional)`} name="phone" type="tel" inputMode="tel" autoComplete="tel" value={form.phone} onValueChange={set('phone')} error={fieldError(submit.error, 'phone')} />
          </>
        )}
        <fieldset className="field">
          <legend>Lampiran (opsional)</legend>
          <p className="hint">Paling banyak {ASPIRATION_LIMITS.attachments} berkas PDF, JPG, atau PNG, masing-masing maksimal {ASPIRATION_LIMITS.attachmentBytes / 1024 / 1024} MB.</p>
          {files.map((_, i) => (
            <FileField
              key={i}
              label={`Lampiran ${i + 1}`}
              name={`lampiran-${i + 1}`}
              accept="application/pdf,image/jpeg,image/png"
              onFileChange={(file) => setFiles((current) => current.map((f, j) => (j === i ? file : f)))}
              error={i === 0 ? fieldError(submit.error, 'file') : undefined}
            />
          ))}
        </fieldset>
        <Honeypot id="situs-web-pengaduan" value={form.website} onChange={set('website')} />
        {progress !== null ? (
          <p role="status" className="small">
            Mengunggah… {Math.round(progress * 100)}%
          </p>
        ) : null}
        <button type="submit" className="button" disabled={submit.isPending}>
          {submit.isPending ? 'Mengirim…' : 'Kirim pengaduan'}
        </button>
      </form>
    </article>
  );
}
