import { useQuery } from '@tanstack/react-query';
import { publicFormasiApi } from '../../api/endpoints';
import { Loading } from '../../components/Feedback';
import { Countdown } from './Countdown';
import { formasiKindLabel, formatsText, selectionTypeLabel, sizeText } from './labels';
import { zoneOf } from './shared';

/**
 * The formation being applied to, as the public portal shows it. Informative only: if it cannot be
 * loaded the applicant may still start, and the server decides whether the formation is open.
 */
export function FormasiSummary({ formasiId }: { formasiId: string }) {
  const detail = useQuery({
    queryKey: ['public', 'formasi', formasiId],
    queryFn: () => publicFormasiApi.get(formasiId),
    retry: false,
  });
  if (detail.isPending) return <Loading label="Memuat rincian formasi…" />;
  if (detail.isError) {
    return <p className="muted">Rincian formasi tidak dapat dimuat. Anda tetap dapat memulai pendaftaran; sistem memeriksa apakah formasi ini dibuka.</p>;
  }
  const { formasi, selection } = detail.data;
  const zone = zoneOf(selection.agency.timezone);
  return (
    <section aria-labelledby="judul-formasi" className="card">
      <h2 id="judul-formasi">{formasi.positionName}</h2>
      <dl className="facts">
        <dt>Unit penempatan</dt>
        <dd>{formasi.unitName}</dd>
        <dt>Instansi</dt>
        <dd>{selection.agency.name}</dd>
        <dt>Seleksi</dt>
        <dd>
          {selection.name} ({selectionTypeLabel(selection.type)} {selection.year})
        </dd>
        <dt>Jenis formasi</dt>
        <dd>{formasiKindLabel(formasi.kind)}</dd>
        <dt>Jumlah kebutuhan</dt>
        <dd>{formasi.count} orang</dd>
        <dt>Kualifikasi pendidikan</dt>
        <dd>
          {formasi.qualifications.map((q) => (q.programmes.length ? `${q.level}: ${q.programmes.join(', ')}` : q.level)).join('; ')}
        </dd>
        <dt>Usia</dt>
        <dd>
          {formasi.minAge}–{formasi.maxAge} tahun pada tanggal penutupan pendaftaran
        </dd>
        <dt>Batas pendaftaran</dt>
        <dd>
          <Countdown closesAt={selection.registrationClosesAt} timeZone={zone} />
        </dd>
      </dl>
      {formasi.extraRequirements ? <p>{formasi.extraRequirements}</p> : null}
      {selection.requiredDocuments.length > 0 ? (
        <>
          <h3>Dokumen yang diminta</h3>
          <ul>
            {selection.requiredDocuments.map((document) => (
              <li key={document.key}>
                {document.name} — {formatsText(document.formats)}, maks. {sizeText(document.maxKb)}
                {document.mandatory ? '' : ' (opsional)'}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
