import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ASPIRATION_CATEGORIES, ASPIRATION_CATEGORY_LABELS, ASPIRATION_STATUSES, ASPIRATION_STATUS_LABELS } from '../../../../core/aspirations';
import { aspirationApi, type AspirationSummary } from '../../api/aspirations';
import { useAgencyDetail, useMe } from '../../api/queries';
import { DateTime } from '../../components/DateTime';
import { TextField } from '../../components/Field';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { FilterSelect, OverdueFilter } from '../../components/FilterSelect';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { Pagination } from '../../components/Pagination';
import { RequireAuth } from '../../components/RequireAuth';
import { SearchForm } from '../../components/SearchForm';
import { formatNumber } from '../../lib/time';
import { useListParams } from '../../lib/useListParams';
import { AgencyHeading } from '../admin/AgencyHeading';
import { aspirationPaths, canReadAspirations, canSetServiceLevel, categoryLabel, statusLabel, statusTag } from './access';

function Summary({ summary }: { summary: AspirationSummary }) {
  return (
    <ul className="stat-list">
      <li>
        <span className="stat-value">{formatNumber(summary.open)}</span> belum selesai
      </li>
      <li>
        <span className="stat-value overdue" data-testid="jumlah-terlambat">
          {formatNumber(summary.overdueOpen)}
        </span>{' '}
        melewati batas {summary.slaDays} hari
      </li>
      <li>
        <span className="stat-value">{formatNumber(summary.closedOnTime)}</span> dari {formatNumber(summary.closed)} selesai tepat waktu
      </li>
      <li>
        <span className="stat-value">{summary.medianDaysToClose === null ? '—' : summary.medianDaysToClose.toLocaleString('id-ID')}</span> hari median penyelesaian
      </li>
    </ul>
  );
}

function ServiceLevel({ agencyId, slaDays }: { agencyId: string; slaDays: number }) {
  const queryClient = useQueryClient();
  const [value, setValue] = useState(String(slaDays));
  const save = useMutation({
    mutationFn: () => aspirationApi.updateSettings(agencyId, value.trim() === '' ? Number.NaN : Number(value)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['aspirations', agencyId] }),
  });
  return (
    <details className="card">
      <summary>Batas waktu layanan: {slaDays} hari</summary>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <FormErrors error={save.error} />
        <TextField
          label="Batas waktu menjawab dan menyelesaikan (hari)"
          name="slaDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={90}
          value={value}
          onValueChange={setValue}
          hint="Berlaku untuk pengaduan yang masuk sesudah diubah; batas pengaduan yang sudah ada tidak berubah."
          error={fieldError(save.error, 'slaDays')}
        />
        <button type="submit" className="button button-small" disabled={save.isPending}>
          Simpan
        </button>
        {save.isSuccess ? (
          <span role="status" className="small">
            Tersimpan.
          </span>
        ) : null}
      </form>
    </details>
  );
}

function Desk({ agencyId }: { agencyId: string }) {
  const me = useMe();
  const { name: agencyName, timezone } = useAgencyDetail(agencyId);
  const { q, page, extras, setQuery, setPage, update } = useListParams(['status', 'kategori', 'terlambat']);
  const summary = useQuery({ queryKey: ['aspirations', agencyId, 'summary'], queryFn: () => aspirationApi.summary(agencyId) });
  const list = useQuery({
    queryKey: ['aspirations', agencyId, 'list', q, extras.status, extras.kategori, extras.terlambat, page],
    queryFn: () => aspirationApi.list(agencyId, { q: q || undefined, status: extras.status || undefined, category: extras.kategori || undefined, overdue: extras.terlambat || undefined, page, pageSize: 20 }),
    placeholderData: (p) => p,
  });
  return (
    <>
      <AgencyHeading title="Aspirasi dan pengaduan" agencyName={agencyName} />
      <p>
        Pengaduan dari masyarakat dan tindak lanjut forum warga. Yang melewati batas waktu tampil paling atas. <Link to={aspirationPaths.forums(agencyId)}>Forum warga</Link>
      </p>
      {summary.data ? <Summary summary={summary.data} /> : null}
      {summary.data && canSetServiceLevel(me.data, agencyId) ? <ServiceLevel key={summary.data.slaDays} agencyId={agencyId} slaDays={summary.data.slaDays} /> : null}
      <div className="filters">
        <SearchForm label="Cari nomor, judul, atau isi" value={q} onSearch={setQuery} />
        <FilterSelect label="Status" name="status" value={extras.status} allLabel="Semua status" options={ASPIRATION_STATUSES.map((s) => ({ value: s, label: ASPIRATION_STATUS_LABELS[s] }))} update={update} />
        <FilterSelect label="Kategori" name="kategori" value={extras.kategori} allLabel="Semua kategori" options={ASPIRATION_CATEGORIES.map((c) => ({ value: c, label: ASPIRATION_CATEGORY_LABELS[c] }))} update={update} />
        <OverdueFilter value={extras.terlambat} overdueLabel="Melewati batas waktu" onTimeLabel="Dalam batas waktu" update={update} />
      </div>
      {list.isPending ? (
        <Loading label="Memuat pengaduan…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{q || extras.status || extras.kategori || extras.terlambat ? 'Tidak ada pengaduan yang cocok.' : 'Belum ada aspirasi atau pengaduan.'}</EmptyState>
      ) : (
        <>
          <div className="table-wrap" role="region" aria-labelledby="judul-tabel-pengaduan" tabIndex={0}>
            <table>
              <caption id="judul-tabel-pengaduan">Daftar pengaduan</caption>
              <thead>
                <tr>
                  <th scope="col">Pengaduan</th>
                  <th scope="col">Kategori</th>
                  <th scope="col">Status</th>
                  <th scope="col">Unit</th>
                  <th scope="col">Batas waktu</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">
                      <Link to={aspirationPaths.one(agencyId, item.id)}>{item.reference}</Link>
                      <span className="subtitle">
                        {item.subject}
                        {item.source === 'forum' ? ' (forum warga)' : ''}
                      </span>
                    </th>
                    <td>{categoryLabel(item.category)}</td>
                    <td>
                      <span className={`tag ${statusTag(item.status)}`}>{statusLabel(item.status)}</span>
                    </td>
                    <td>{item.unit?.name ?? '—'}</td>
                    <td>
                      <DateTime value={item.dueAt} timeZone={timezone} />
                      {item.overdue ? <span className="overdue"> · terlambat</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPageChange={setPage} />
        </>
      )}
    </>
  );
}

export function AspirationsPage() {
  const { agencyId = '' } = useParams();
  return <RequireAuth allow={(me) => canReadAspirations(me, agencyId)}>{() => <Desk key={agencyId} agencyId={agencyId} />}</RequireAuth>;
}
