import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { QUEUE_ASSIGNMENT_LABELS, QUEUE_ASSIGNMENTS, QUEUE_STATUS_LABELS, QUEUE_STATUSES } from '../../../../core/schemas/verification';
import { errorMessage } from '../../api/client';
import { useAgencyDetail } from '../../api/queries';
import type { Me } from '../../api/types';
import { verificationApi, verificationKeys, type BulkResult, type QueueItem, type QueueParams } from '../../api/verification';
import { DateTime } from '../../components/DateTime';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { SelectField } from '../../components/Field';
import { RequireAuth } from '../../components/RequireAuth';
import { SearchForm } from '../../components/SearchForm';
import { useListParams } from '../../lib/useListParams';
import { AgencyHeading } from '../admin/AgencyHeading';
import { paths, verificationAccess } from './access';
import { AreaLinks, CappedPager, StatusTag } from './shared';
import './verification.css';

const PAGE_SIZE = 25;
const FILTER_KEYS = ['seleksi', 'formasi', 'status', 'pegang', 'duplikat', 'konfirmasi', 'verifikator'];

function BulkOutcome({ outcome }: { outcome: BulkResult }) {
  return (
    <Notice kind={outcome.skipped.length ? 'info' : 'success'}>
      <p>
        {outcome.done.length} pendaftaran diproses{outcome.skipped.length ? `, ${outcome.skipped.length} dilewati:` : '.'}
      </p>
      {outcome.skipped.length ? (
        <ul>
          {outcome.skipped.map((s) => (
            <li key={s.id}>{s.reason}</li>
          ))}
        </ul>
      ) : null}
    </Notice>
  );
}

function Queue({ agencyId, me }: { agencyId: string; me: Me }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { q, page, extras, setQuery, setPage, update } = useListParams(FILTER_KEYS);
  const { name: agencyName, timezone } = useAgencyDetail(agencyId);
  const canWork = verificationAccess.work(me, agencyId);
  const canManage = verificationAccess.manage(me, agencyId);
  const [selected, setSelected] = useState<string[]>([]);
  const [verifierId, setVerifierId] = useState('');
  const [outcome, setOutcome] = useState<BulkResult | null>(null);

  const params: QueueParams = {
    page,
    pageSize: PAGE_SIZE,
    q: q || undefined,
    selectionId: extras.seleksi || undefined,
    formasiId: extras.formasi || undefined,
    verifierId: extras.verifikator || undefined,
    status: extras.status || 'submitted',
    assigned: extras.pegang || 'any',
    flagged: extras.duplikat === '1' ? '1' : undefined,
    awaitingConfirmation: extras.konfirmasi === '1' ? '1' : undefined,
  };
  const queue = useQuery({ queryKey: verificationKeys.queue(agencyId, params), queryFn: () => verificationApi.queue(agencyId, params), placeholderData: keepPreviousData });
  const filters = useQuery({ queryKey: verificationKeys.filters(agencyId), queryFn: () => verificationApi.filters(agencyId), staleTime: 60_000 });
  const progress = useQuery({
    queryKey: verificationKeys.progress(agencyId, extras.seleksi ?? ''),
    queryFn: () => verificationApi.progress(agencyId, extras.seleksi || undefined),
    enabled: canManage,
    staleTime: 30_000,
  });

  const refresh = () => {
    setSelected([]);
    void queryClient.invalidateQueries({ queryKey: verificationKeys.all(agencyId) });
  };
  const claim = useMutation({
    mutationFn: (applicationId: string) => verificationApi.claim(agencyId, applicationId),
    onSuccess: (_data, applicationId) => {
      refresh();
      navigate(paths.workspace(agencyId, applicationId));
    },
  });
  const assign = useMutation({
    mutationFn: (target: string | null) => verificationApi.assign(agencyId, selected, target),
    onSuccess: (result) => {
      setOutcome(result);
      refresh();
    },
  });
  const decideMs = useMutation({
    mutationFn: () => verificationApi.decideMs(agencyId, selected),
    onSuccess: (result) => {
      setOutcome(result);
      refresh();
    },
  });

  const selection = filters.data?.selections.find((s) => s.id === extras.seleksi);
  const selectionOptions = [{ value: '', label: 'Semua seleksi' }, ...(filters.data?.selections ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.year})` }))];
  const formasiOptions = [{ value: '', label: 'Semua formasi' }, ...(selection?.formasi ?? []).map((f) => ({ value: f.id, label: `${f.positionName} — ${f.unitName}` }))];
  const items = queue.data?.items ?? [];
  const selectable = (item: QueueItem) => item.status === 'submitted';
  const bulk = (canManage || canWork) && items.some(selectable);
  const allSelected = items.filter(selectable).length > 0 && items.filter(selectable).every((i) => selected.includes(i.id));

  return (
    <div className="verifikasi">
      <AgencyHeading title="Antrean verifikasi" agencyName={agencyName} />
      <AreaLinks agencyId={agencyId} show={canManage ? ['progress', 'reasons', 'results', 'desk'] : verificationAccess.results(me, agencyId) ? ['results', 'desk', 'observer'] : []} />
      {canManage && progress.data ? (
        <ul className="summary-line" aria-label="Ringkasan antrean">
          <li>
            Belum diputuskan: <strong>{progress.data.totals.undecided.toLocaleString('id-ID')}</strong>
          </li>
          <li>
            Belum dipegang: <strong>{progress.data.totals.unassigned.toLocaleString('id-ID')}</strong>
          </li>
          <li>
            MS: <strong>{progress.data.totals.ms.toLocaleString('id-ID')}</strong>
          </li>
          <li>
            TMS: <strong>{progress.data.totals.tms.toLocaleString('id-ID')}</strong>
          </li>
          {progress.data.totals.awaitingConfirmation ? (
            <li>
              Menunggu konfirmasi empat mata: <strong>{progress.data.totals.awaitingConfirmation.toLocaleString('id-ID')}</strong>
            </li>
          ) : null}
        </ul>
      ) : null}

      <form className="filters" aria-label="Saringan antrean" onSubmit={(event) => event.preventDefault()}>
        <SelectField label="Seleksi" value={extras.seleksi ?? ''} options={selectionOptions} onValueChange={(value) => update({ seleksi: value || null, formasi: null, halaman: null })} />
        <SelectField label="Formasi" value={extras.formasi ?? ''} options={formasiOptions} onValueChange={(value) => update({ formasi: value || null, halaman: null })} />
        <SelectField
          label="Status"
          value={params.status!}
          options={QUEUE_STATUSES.map((value) => ({ value, label: QUEUE_STATUS_LABELS[value] }))}
          onValueChange={(value) => update({ status: value === 'submitted' ? null : value, halaman: null })}
        />
        <SelectField
          label="Penanganan"
          value={params.assigned!}
          options={QUEUE_ASSIGNMENTS.map((value) => ({ value, label: QUEUE_ASSIGNMENT_LABELS[value] }))}
          onValueChange={(value) => update({ pegang: value === 'any' ? null : value, halaman: null })}
        />
        <div className="filter-checks">
          <label className="checkbox">
            <input type="checkbox" checked={extras.duplikat === '1'} onChange={(event) => update({ duplikat: event.target.checked ? '1' : null, halaman: null })} />
            <span>Hanya yang ditandai kemungkinan duplikat</span>
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={extras.konfirmasi === '1'} onChange={(event) => update({ konfirmasi: event.target.checked ? '1' : null, halaman: null })} />
            <span>Menunggu konfirmasi empat mata</span>
          </label>
        </div>
      </form>
      <SearchForm label="Cari nomor pendaftaran atau nama pelamar" value={q} onSearch={setQuery} />
      {extras.verifikator ? (
        <Notice kind="info">
          Menampilkan pendaftaran yang dipegang {progress.data?.verifiers.find((v) => v.id === extras.verifikator)?.name ?? 'satu verifikator'}.{' '}
          <button type="button" className="button button-small button-secondary" onClick={() => update({ verifikator: null, halaman: null })}>
            Tampilkan semua
          </button>
        </Notice>
      ) : null}

      {outcome ? <BulkOutcome outcome={outcome} /> : null}
      {claim.isError ? <Notice kind="error">{errorMessage(claim.error)}</Notice> : null}
      {assign.isError ? <Notice kind="error">{errorMessage(assign.error)}</Notice> : null}
      {decideMs.isError ? <Notice kind="error">{errorMessage(decideMs.error)}</Notice> : null}

      {bulk && selected.length ? (
        <div className="bulk-bar" role="region" aria-label="Tindakan untuk pendaftaran terpilih">
          <p>
            <strong>{selected.length}</strong> dipilih.
          </p>
          {canManage ? (
            <>
              <SelectField
                label="Tugaskan ke verifikator"
                value={verifierId}
                options={[{ value: '', label: 'Pilih verifikator' }, ...(progress.data?.verifiers ?? []).map((v) => ({ value: v.id, label: `${v.name} (dipegang ${v.claimed})` }))]}
                onValueChange={setVerifierId}
              />
              <button type="button" className="button" disabled={!verifierId || assign.isPending} onClick={() => assign.mutate(verifierId)}>
                Tugaskan
              </button>
              <button type="button" className="button button-secondary" disabled={assign.isPending} onClick={() => assign.mutate(null)}>
                Kembalikan ke antrean
              </button>
            </>
          ) : null}
          {canWork ? (
            <button type="button" className="button" disabled={decideMs.isPending} onClick={() => decideMs.mutate()}>
              Putuskan MS (hanya yang semua pemeriksaannya MS)
            </button>
          ) : null}
        </div>
      ) : null}

      {queue.isPending ? (
        <Loading label="Memuat antrean…" />
      ) : queue.isError ? (
        <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{q ? `Tidak ada pendaftaran yang cocok dengan “${q}”.` : 'Tidak ada pendaftaran dengan saringan ini.'}</EmptyState>
      ) : (
        <>
          <div className="table-wrap" role="region" aria-labelledby="judul-antrean" tabIndex={0}>
            <table>
              <caption id="judul-antrean">Pendaftaran ({QUEUE_STATUS_LABELS[params.status as keyof typeof QUEUE_STATUS_LABELS] ?? params.status}), yang terlama dikirim lebih dulu</caption>
              <thead>
                <tr>
                  {bulk ? (
                    <th scope="col">
                      <input
                        type="checkbox"
                        aria-label="Pilih semua di halaman ini"
                        checked={allSelected}
                        onChange={(event) => setSelected(event.target.checked ? items.filter(selectable).map((i) => i.id) : [])}
                      />
                    </th>
                  ) : null}
                  <th scope="col">Nomor pendaftaran</th>
                  <th scope="col">Nama</th>
                  <th scope="col">Formasi</th>
                  <th scope="col">Dikirim</th>
                  <th scope="col">Status</th>
                  <th scope="col">Dipegang</th>
                  <th scope="col">Aksi</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.id}>
                    {bulk ? (
                      <td>
                        {selectable(item) ? (
                          <input
                            type="checkbox"
                            aria-label={`Pilih ${item.registrationNumber ?? item.id}`}
                            checked={selected.includes(item.id)}
                            onChange={(event) => setSelected((current) => (event.target.checked ? [...current, item.id] : current.filter((id) => id !== item.id)))}
                          />
                        ) : null}
                      </td>
                    ) : null}
                    <th scope="row">
                      <Link to={paths.workspace(agencyId, item.id)}>{item.registrationNumber}</Link>
                      {item.flagCount ? (
                        <span className="tag tag-tms" title="Kemungkinan duplikat">
                          {item.flagCount} tanda
                        </span>
                      ) : null}
                      {item.awaitingConfirmation ? <span className="tag tag-submitted">Menunggu konfirmasi</span> : null}
                    </th>
                    <td>{item.applicantName}</td>
                    <td>
                      {item.formasi.positionName}
                      <span className="muted"> — {item.formasi.unitName}</span>
                    </td>
                    <td>
                      <DateTime value={item.submittedAt} timeZone={timezone} />
                    </td>
                    <td>
                      <StatusTag status={item.status} />
                    </td>
                    <td>{item.assignedVerifier ? (item.assignedVerifier.id === me.id ? 'Saya' : item.assignedVerifier.name) : '—'}</td>
                    <td>
                      <div className="row-actions">
                        {canWork && item.status === 'submitted' && !item.assignedVerifier ? (
                          <button type="button" className="button button-small" disabled={claim.isPending} onClick={() => claim.mutate(item.id)}>
                            Ambil<span className="visually-hidden"> {item.registrationNumber}</span>
                          </button>
                        ) : null}
                        <Link className="button button-small button-secondary" to={paths.workspace(agencyId, item.id)}>
                          Buka<span className="visually-hidden"> {item.registrationNumber}</span>
                        </Link>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <CappedPager
            page={queue.data.page}
            pageSize={queue.data.pageSize}
            total={queue.data.total}
            totalCapped={queue.data.totalCapped}
            shown={items.length}
            onPageChange={(next) => {
              setSelected([]);
              setPage(next);
            }}
          />
        </>
      )}
    </div>
  );
}

export function QueuePage() {
  const { agencyId = '' } = useParams();
  return <RequireAuth allow={(me) => verificationAccess.read(me, agencyId)}>{(me) => <Queue key={agencyId} agencyId={agencyId} me={me} />}</RequireAuth>;
}
