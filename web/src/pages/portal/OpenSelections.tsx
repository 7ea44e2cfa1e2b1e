import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { REGISTRATION_STATE_LABELS } from '../../../../core/selections';
import { SELECTION_TYPE_LABELS } from '../../../../core/selection-text';
import { portalApi, selectionKeys } from '../../api/selections';
import { DateTime } from '../../components/DateTime';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { Pagination } from '../../components/Pagination';
import { zoneOf } from '../../lib/agencyTime';
import { formatNumber } from '../../lib/time';
import { useListParams } from '../../lib/useListParams';
import { portalPaths } from '../selections/access';
import './portal.css';

const PAGE_SIZE = 12;

/** The home page's list of rounds open now or opening soon, across every agency (page in the URL). */
export function OpenSelections() {
  const { page, setPage } = useListParams();
  const query = { page, pageSize: PAGE_SIZE };
  const rounds = useQuery({ queryKey: selectionKeys.portalSelections(query), queryFn: () => portalApi.selections(query), placeholderData: (previous) => previous });
  return (
    <section aria-labelledby="judul-seleksi">
      <h2 id="judul-seleksi">Seleksi yang dibuka</h2>
      <p>
        <Link className="button" to={portalPaths.search}>
          Cari formasi
        </Link>
      </p>
      {rounds.isPending ? (
        <Loading label="Memuat daftar seleksi…" />
      ) : rounds.isError ? (
        <ErrorState error={rounds.error} onRetry={() => void rounds.refetch()} />
      ) : rounds.data.items.length === 0 ? (
        <EmptyState>Belum ada seleksi yang dibuka atau akan dibuka.</EmptyState>
      ) : (
        <>
          <ul className="card-list round-cards">
            {rounds.data.items.map((round) => {
              const zone = zoneOf(round.agency.timezone);
              return (
                <li key={round.id} className="card">
                  <h3>
                    <Link to={portalPaths.selection(round.id)}>{round.name}</Link>
                  </h3>
                  <p>{round.agency.name}</p>
                  <p>
                    <span className="tag">
                      {SELECTION_TYPE_LABELS[round.type]} {round.year}
                    </span>{' '}
                    <span className={`tag tag-reg-${round.registrationState}`}>{REGISTRATION_STATE_LABELS[round.registrationState]}</span>
                  </p>
                  <p>
                    {round.registrationState === 'upcoming' && round.registrationOpensAt ? (
                      <>
                        Dibuka <DateTime value={round.registrationOpensAt} timeZone={zone} />
                      </>
                    ) : round.registrationClosesAt ? (
                      <>
                        Ditutup <DateTime value={round.registrationClosesAt} timeZone={zone} />
                      </>
                    ) : null}
                  </p>
                  <p>
                    {formatNumber(round.counts.formasi)} formasi · {formatNumber(round.counts.places)} kebutuhan ·{' '}
                    <Link to={`${portalPaths.search}?seleksi=${round.id}`}>
                      Lihat formasi<span className="visually-hidden"> {round.name}</span>
                    </Link>
                  </p>
                </li>
              );
            })}
          </ul>
          <Pagination page={rounds.data.page} pageSize={rounds.data.pageSize} total={rounds.data.total} onPageChange={setPage} label="Halaman daftar seleksi" />
        </>
      )}
    </section>
  );
}
