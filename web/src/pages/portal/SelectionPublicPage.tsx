import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { SELECTION_TYPE_LABELS } from '../../../../core/selection-text';
import { REGISTRATION_STATE_LABELS, SELECTION_STATUS_LABELS } from '../../../../core/selections';
import { portalApi, selectionKeys } from '../../api/selections';
import { DateTime } from '../../components/DateTime';
import { ErrorState, Loading } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { zoneOf } from '../../lib/agencyTime';
import { formatNumber } from '../../lib/time';
import { portalPaths } from '../selections/access';
import { RegistrationCountdown } from './Countdown';
import { DocumentsTable, StagesTable, Timeline } from './SelectionViews';
import './portal.css';

/** A round's public page: deadline, timeline, stages and weights, documents, and a way to its formasi. */
export function SelectionPublicPage() {
  const { selectionId = '' } = useParams();
  const detail = useQuery({ queryKey: selectionKeys.portalSelection(selectionId), queryFn: () => portalApi.selection(selectionId) });
  if (detail.isPending) return <Loading label="Memuat seleksi…" />;
  if (detail.isError) {
    return (
      <>
        <PageTitle>Seleksi tidak ditemukan</PageTitle>
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
        <p>
          <Link to="/">Kembali ke beranda</Link>
        </p>
      </>
    );
  }
  const { selection } = detail.data;
  const zone = zoneOf(selection.agency.timezone);
  return (
    <article className="portal-page">
      <p className="breadcrumb">
        <Link to="/">‹ Beranda</Link>
      </p>
      <PageTitle title={selection.name}>
        {selection.name}
        <span className="subtitle">{selection.agency.name}</span>
      </PageTitle>
      <p>
        <span className="tag">
          {SELECTION_TYPE_LABELS[selection.type]} {selection.year}
        </span>{' '}
        <span className={`tag tag-reg-${selection.registrationState}`}>
          {selection.status === 'published' ? REGISTRATION_STATE_LABELS[selection.registrationState] : SELECTION_STATUS_LABELS[selection.status]}
        </span>
      </p>

      <section aria-labelledby="judul-batas" className="card">
        <h2 id="judul-batas">Pendaftaran</h2>
        <RegistrationCountdown opensAt={selection.registrationOpensAt} closesAt={selection.registrationClosesAt} timeZone={zone} />
        <p>
          {formatNumber(selection.counts.formasi)} formasi, {formatNumber(selection.counts.places)} kebutuhan.{' '}
          <Link className="button" to={`${portalPaths.search}?seleksi=${selection.id}`}>
            Lihat formasi seleksi ini
          </Link>
        </p>
      </section>

      {selection.description ? (
        <section aria-labelledby="judul-keterangan">
          <h2 id="judul-keterangan">Keterangan</h2>
          <p className="pre-wrap">{selection.description}</p>
        </section>
      ) : null}

      <section aria-labelledby="judul-linimasa">
        <h2 id="judul-linimasa">Linimasa</h2>
        <Timeline items={selection.timeline} timeZone={zone} />
      </section>

      <section aria-labelledby="judul-tahapan">
        <h2 id="judul-tahapan">Tahapan seleksi dan bobot</h2>
        <StagesTable stages={selection.pipeline} />
      </section>

      <section aria-labelledby="judul-dokumen">
        <h2 id="judul-dokumen">Dokumen yang diunggah pelamar</h2>
        <DocumentsTable documents={selection.requiredDocuments} />
      </section>

      <p className="muted">
        Versi {selection.version}
        {selection.publishedAt ? (
          <>
            , diumumkan <DateTime value={selection.publishedAt} timeZone={zone} />
          </>
        ) : null}
        . Setiap koreksi setelah pengumuman menaikkan versi dan tercatat di jejak audit instansi.
      </p>
    </article>
  );
}
