import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FINAL_OBJECTION_LIMITS } from '../../../../core/final-results';
import { useAgencyDetail, useMe } from '../../api/queries';
import { resultsApi, resultsKeys, type FinalObjection, type ObjectionParams } from '../../api/results';
import type { AgencyTimezone } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { Pagination } from '../../components/Pagination';
import { RequireAuth } from '../../components/RequireAuth';
import { SearchForm } from '../../components/SearchForm';
import { TextAreaField } from '../../components/TextAreaField';
import { useListParams } from '../../lib/useListParams';
import { AgencyHeading } from '../admin/AgencyHeading';
import { ObjectionFilters, SanggahStatusTag } from '../sanggah/shared';
import { PageTitle } from '../../components/PageTitle';
import { resultPaths, resultsAccess } from './access';
import { RoundLinks } from './shared';
import '../verification/verification.css';
import './results.css';

const PAGE_SIZE = 20;
const show = (value: number | string | null) => (value === null || value === undefined ? '—' : String(value));

function Desk({ agencyId }: { agencyId: string }) {
  const me = useMe();
  const { name: agencyName, timezone } = useAgencyDetail(agencyId);
  const { q, page, extras, setQuery, setPage, update } = useListParams(['status', 'seleksi']);
  const params: ObjectionParams = { page, pageSize: PAGE_SIZE, q: q || undefined, status: extras.status || undefined, selectionId: extras.seleksi || undefined };
  const list = useQuery({ queryKey: resultsKeys.objections(agencyId, params), queryFn: () => resultsApi.objections(agencyId, params), placeholderData: keepPreviousData });
  const rounds = useQuery({ queryKey: resultsKeys.rounds(agencyId), queryFn: () => resultsApi.rounds(agencyId), staleTime: 60_000 });
  const canAnswer = resultsAccess.decide(me.data, agencyId);
  return (
    <div className="verifikasi results">
      <AgencyHeading title="Meja sanggah hasil akhir" agencyName={agencyName} />
      <RoundLinks agencyId={agencyId} />
      <p>
        {canAnswer
          ? 'Sanggah hasil akhir hanya mengoreksi ketidaksesuaian antara yang diumumkan dan yang tercatat (nilai, IPK, tanggal lahir); sanggah yang meminta kenaikan nilai sudah ditolak sistem saat diajukan. Jawab paling lambat 7 hari setelah masa sanggah berakhir.'
          : 'Semua sanggah hasil akhir beserta jawabannya, hanya untuk dibaca.'}
      </p>
      <ObjectionFilters extras={extras} update={update} selections={rounds.data?.items ?? []} />
      <SearchForm label="Cari nomor pendaftaran atau nama peserta" value={q} onSearch={setQuery} />
      {list.isPending ? (
        <Loading label="Memuat sanggah…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>Tidak ada sanggah hasil akhir dengan saringan ini.</EmptyState>
      ) : (
        <>
          <div className="table-wrap" role="region" aria-labelledby="judul-sanggah-akhir" tabIndex={0}>
            <table>
              <caption id="judul-sanggah-akhir">Sanggah hasil akhir, yang belum dijawab lebih dulu</caption>
              <thead>
                <tr>
                  <th scope="col">Nomor pendaftaran</th>
                  <th scope="col">Peserta</th>
                  <th scope="col">Yang disanggah</th>
                  <th scope="col">Diumumkan → diajukan (tercatat)</th>
                  <th scope="col">Status</th>
                  <th scope="col">Jawab paling lambat</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">
                      <Link to={resultPaths.objection(agencyId, item.id)}>{item.application.registrationNumber}</Link>
                    </th>
                    <td>
                      {item.application.name}
                      <br />
                      <span className="muted">{item.application.formasi}</span>
                    </td>
                    <td>{item.itemLabel}</td>
                    <td>
                      {show(item.publishedValue)} → {show(item.claimedValue)}
                      {item.recordedValue !== null ? <span className="muted"> (tercatat {show(item.recordedValue)})</span> : null}
                    </td>
                    <td>
                      <SanggahStatusTag status={item.status} />
                    </td>
                    <td>
                      <DateTime value={item.answerDueAt} timeZone={timezone} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPageChange={setPage} />
        </>
      )}
    </div>
  );
}

export function ObjectionsPage() {
  const { agencyId = '' } = useParams();
  return <RequireAuth allow={(me) => resultsAccess.read(me, agencyId)}>{() => <Desk key={agencyId} agencyId={agencyId} />}</RequireAuth>;
}

function AnswerForm({ agencyId, objection }: { agencyId: string; objection: FinalObjection }) {
  const queryClient = useQueryClient();
  const [answer, setAnswer] = useState('');
  const [choice, setChoice] = useState<'accept' | 'reject' | null>(null);
  const mutation = useMutation({
    mutationFn: (accept: boolean) => resultsApi.answer(agencyId, objection.id, accept, answer.trim()),
    onSuccess: (data) => {
      queryClient.setQueryData(resultsKeys.objection(agencyId, objection.id), data);
      void queryClient.invalidateQueries({ queryKey: resultsKeys.objectionsAll(agencyId) });
    },
  });
  const ready = choice !== null && answer.trim().length >= FINAL_OBJECTION_LIMITS.answerMin;
  return (
    <section className="card panel" aria-labelledby="judul-jawab-akhir">
      <h2 id="judul-jawab-akhir">Jawab sanggah</h2>
      <FormErrors error={mutation.error} labels={{ answer: 'Jawaban' }} />
      <fieldset className="field">
        <legend>Keputusan panitia</legend>
        <div className="choice-row">
          <label className="choice">
            <input type="radio" name="keputusan-sanggah-akhir" checked={choice === 'accept'} onChange={() => setChoice('accept')} />
            Terima — koreksi berlaku pada hasil pasca sanggah
          </label>
          <label className="choice">
            <input type="radio" name="keputusan-sanggah-akhir" checked={choice === 'reject'} onChange={() => setChoice('reject')} />
            Tolak — hasil tetap
          </label>
        </div>
      </fieldset>
      <TextAreaField
        label="Jawaban untuk peserta"
        required
        hint={`Jelaskan dasar keputusan (minimal ${FINAL_OBJECTION_LIMITS.answerMin} karakter). Peserta dan pengawas membaca jawaban ini.`}
        rows={4}
        maxLength={FINAL_OBJECTION_LIMITS.answerMax}
        value={answer}
        onValueChange={setAnswer}
        error={fieldError(mutation.error, 'answer')}
      />
      <button type="button" className={`button${choice === 'reject' ? ' button-danger' : ''}`} disabled={!ready || mutation.isPending} onClick={() => mutation.mutate(choice === 'accept')}>
        {mutation.isPending ? 'Menyimpan…' : choice === 'reject' ? 'Tolak sanggah' : choice === 'accept' ? 'Terima sanggah' : 'Pilih keputusan terlebih dahulu'}
      </button>
    </section>
  );
}

function Detail({ agencyId, objectionId }: { agencyId: string; objectionId: string }) {
  const { timezone } = useAgencyDetail(agencyId);
  const detail = useQuery({ queryKey: resultsKeys.objection(agencyId, objectionId), queryFn: () => resultsApi.objection(agencyId, objectionId) });
  if (detail.isPending) return <Loading label="Memuat sanggah…" />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const { objection, can } = detail.data;
  const tz = timezone as AgencyTimezone;
  return (
    <div className="verifikasi results">
      <p className="breadcrumb">
        <Link to={resultPaths.objections(agencyId)}>‹ Meja sanggah hasil akhir</Link>
      </p>
      <PageTitle title={`Sanggah hasil akhir ${objection.application.registrationNumber}`}>
        Sanggah hasil akhir
        <span className="subtitle">
          {objection.application.registrationNumber} · {objection.application.name}
        </span>
      </PageTitle>
      <section className="card" aria-labelledby="judul-isi-sanggah">
        <h2 id="judul-isi-sanggah">Isi sanggah</h2>
        <dl className="facts">
          <dt>Status</dt>
          <dd>
            <SanggahStatusTag status={objection.status} />
          </dd>
          <dt>Seleksi</dt>
          <dd>{objection.selection.name}</dd>
          <dt>Formasi</dt>
          <dd>{objection.application.formasi}</dd>
          <dt>Yang disanggah</dt>
          <dd>{objection.itemLabel}</dd>
          <dt>Diumumkan</dt>
          <dd>{show(objection.publishedValue)}</dd>
          <dt>Menurut peserta</dt>
          <dd>{show(objection.claimedValue)}</dd>
          {objection.recordedValue !== null ? (
            <>
              <dt>Tercatat pada lembar jawaban/penilaian saat diajukan</dt>
              <dd>{show(objection.recordedValue)}</dd>
            </>
          ) : null}
          <dt>Diajukan</dt>
          <dd>
            <DateTime value={objection.createdAt} timeZone={tz} />
          </dd>
          <dt>Jawab paling lambat</dt>
          <dd>
            <DateTime value={objection.answerDueAt} timeZone={tz} />
          </dd>
        </dl>
        <h3>Alasan peserta</h3>
        <p className="quote">{objection.reason}</p>
        {objection.answer ? (
          <>
            <h3>Jawaban panitia</h3>
            <p className="quote">{objection.answer}</p>
            <p className="muted">
              {objection.answeredBy}, <DateTime value={objection.answeredAt} timeZone={tz} />
            </p>
          </>
        ) : null}
      </section>
      {can.answer ? <AnswerForm agencyId={agencyId} objection={objection} /> : objection.status === 'diajukan' ? <Notice kind="info">Menunggu jawaban panitia.</Notice> : null}
    </div>
  );
}

export function ObjectionPage() {
  const { agencyId = '', objectionId = '' } = useParams();
  return <RequireAuth allow={(me) => resultsAccess.read(me, agencyId)}>{() => <Detail key={objectionId} agencyId={agencyId} objectionId={objectionId} />}</RequireAuth>;
}
