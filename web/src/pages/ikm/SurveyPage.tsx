import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IKM_ELEMENTS } from '../../../../core/ikm';
import { IKM_PROFILE_FIELDS, type IkmProfileField } from '../../../../core/ikm-survey';
import { ikmApi, type IkmSurveyDetail, type PlanInput } from '../../api/ikm';
import { useAgencyDetail, useMe } from '../../api/queries';
import { BarChart, LineChart } from '../../components/Charts';
import { DateTime } from '../../components/DateTime';
import { SelectField, TextField } from '../../components/Field';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { Pagination } from '../../components/Pagination';
import { RequireAuth } from '../../components/RequireAuth';
import { TextAreaField } from '../../components/TextAreaField';
import { formatNumber } from '../../lib/time';
import { AgencyHeading } from '../admin/AgencyHeading';
import { canManageIkm, canReadIkm, formatIkm, formatNrr, ikmPaths, surveyStatusLabel, surveyStatusTag } from './access';
import { Grade } from './Grade';
import { PlanList } from './PlanList';

function StatusActions({ agencyId, detail }: { agencyId: string; detail: IkmSurveyDetail }) {
  const queryClient = useQueryClient();
  const { survey } = detail;
  const change = useMutation({
    mutationFn: (to: 'open' | 'close') => (to === 'open' ? ikmApi.open(agencyId, survey.id) : ikmApi.close(agencyId, survey.id)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['ikm', agencyId] }),
  });
  return (
    <div className="actions">
      <FormErrors error={change.error} />
      {survey.status !== 'open' ? (
        <button type="button" className="button" disabled={change.isPending} onClick={() => change.mutate('open')}>
          {survey.status === 'draft' ? 'Buka survei' : 'Buka kembali survei'}
        </button>
      ) : (
        <button type="button" className="button button-secondary" disabled={change.isPending} onClick={() => change.mutate('close')}>
          Tutup survei
        </button>
      )}
      {change.isSuccess && !change.isPending ? <Notice kind="success">{survey.status === 'open' ? 'Survei dibuka. Tautan dan kode QR menerima jawaban.' : 'Survei ditutup.'}</Notice> : null}
    </div>
  );
}

function PopulationForm({ agencyId, detail }: { agencyId: string; detail: IkmSurveyDetail }) {
  const queryClient = useQueryClient();
  const [population, setPopulation] = useState(String(detail.survey.population));
  const save = useMutation({
    mutationFn: () => ikmApi.update(agencyId, detail.survey.id, { population: population.trim() === '' ? Number.NaN : Number(population) }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['ikm', agencyId] }),
  });
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <TextField label="Populasi yang dilayani pada periode ini" name="population" type="number" inputMode="numeric" min={1} value={population} onValueChange={setPopulation} error={fieldError(save.error, 'population')} />
      <button type="submit" className="button button-small" disabled={save.isPending}>
        Simpan populasi
      </button>
      {save.isSuccess && !save.isPending ? (
        <span role="status" className="small">
          Populasi disimpan.
        </span>
      ) : null}
    </form>
  );
}

function ResultSection({ detail }: { detail: IkmSurveyDetail }) {
  const { result } = detail;
  const { sample } = result;
  return (
    <section aria-labelledby="judul-hasil">
      <h2 id="judul-hasil">Hasil</h2>
      <ul className="stat-list">
        <li>
          <span className="stat-value" data-testid="jumlah-responden">
            {formatNumber(result.respondents)}
          </span>{' '}
          responden
        </li>
        <li>
          IKM{' '}
          <span className="stat-value" data-testid="nilai-ikm">
            {formatIkm(result.ikm)}
          </span>
        </li>
        <li data-testid="mutu-ikm">{result.grade ? `Mutu ${result.grade.letter} (${result.grade.label})` : 'Mutu: belum ada responden'}</li>
      </ul>
      {sample.sufficient ? (
        <Notice kind="success">
          Sampel mencukupi: {formatNumber(result.respondents)} responden dari minimal {formatNumber(sample.required)} untuk populasi {formatNumber(sample.population)} (Krejcie–Morgan).
        </Notice>
      ) : (
        <Notice kind="info">
          Sampel belum mencukupi: minimal {formatNumber(sample.required)} responden untuk populasi {formatNumber(sample.population)} (Krejcie–Morgan); masih kurang {formatNumber(sample.shortfall)}. Hasil
          sementara belum mewakili pengguna layanan.
        </Notice>
      )}
      {result.respondents > 0 ? (
        <BarChart
          title="Nilai rata-rata (NRR) per unsur"
          summary={`NRR sembilan unsur pada skala 1–4. Terendah: ${[...result.elements].sort((a, b) => a.nrr - b.nrr)[0]!.name} (${formatNrr([...result.elements].sort((a, b) => a.nrr - b.nrr)[0]!.nrr)}).`}
          categoryHeader="Unsur"
          valueHeader="NRR"
          min={1}
          max={4}
          marks={[
            { value: 2.6, label: 'C' },
            { value: 3.0644, label: 'B' },
            { value: 3.5324, label: 'A' },
          ]}
          data={result.elements.map((e) => ({
            label: `U${e.index} ${e.name}`,
            value: e.nrr,
            display: formatNrr(e.nrr),
            highlight: e.weak,
            extra: [formatNrr(e.weightedNrr), formatIkm(e.convertedScore), `${e.grade}${e.weak ? ' (lemah)' : ''}`],
          }))}
          extraColumns={[{ header: 'NRR tertimbang (× 1/9)', numeric: true }, { header: 'Nilai konversi (× 25)', numeric: true }, { header: 'Mutu unsur' }]}
          caption="Garis putus-putus: batas mutu C, B dan A. Unsur berwarna jingga adalah unsur lemah (mutu C atau D)."
        />
      ) : (
        <EmptyState>Belum ada responden. Bagikan tautan atau cetak kode QR di loket layanan.</EmptyState>
      )}
    </section>
  );
}

function TrendSection({ detail }: { detail: IkmSurveyDetail }) {
  if (detail.trend.length < 2) return null;
  const latest = detail.trend.filter((t) => t.ikm !== null).at(-1);
  return (
    <section aria-labelledby="judul-tren">
      <h2 id="judul-tren">Tren antarperiode</h2>
      <LineChart
        title="IKM unit ini per periode"
        summary={`IKM ${detail.survey.unit.name} pada ${detail.trend.length} periode${latest ? `; terakhir ${formatIkm(latest.ikm)} pada ${latest.label}` : ''}.`}
        categoryHeader="Periode"
        valueHeader="IKM"
        min={25}
        max={100}
        data={detail.trend.map((t) => ({
          label: t.label,
          value: t.ikm,
          display: formatIkm(t.ikm),
          extra: [t.grade ?? '—', t.change === null ? '—' : `${t.change > 0 ? '+' : ''}${formatIkm(t.change)}`, formatNumber(t.respondents)],
        }))}
        extraColumns={[{ header: 'Mutu' }, { header: 'Perubahan', numeric: true }, { header: 'Responden', numeric: true }]}
      />
    </section>
  );
}

function ProfileSection({ detail }: { detail: IkmSurveyDetail }) {
  if (detail.result.respondents === 0) return null;
  return (
    <section aria-labelledby="judul-profil">
      <h2 id="judul-profil">Profil responden</h2>
      <div className="two-columns">
        {(Object.keys(IKM_PROFILE_FIELDS) as IkmProfileField[]).map((field) => (
          <div key={field} className="table-wrap" role="region" aria-label={IKM_PROFILE_FIELDS[field].label} tabIndex={0}>
            <table>
              <caption>{IKM_PROFILE_FIELDS[field].label}</caption>
              <thead>
                <tr>
                  <th scope="col">Kelompok</th>
                  <th scope="col" className="num">
                    Responden
                  </th>
                </tr>
              </thead>
              <tbody>
                {detail.profile[field].map((row) => (
                  <tr key={row.value}>
                    <th scope="row">{row.label}</th>
                    <td className="num">{formatNumber(row.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </div>
    </section>
  );
}

function PlanForm({ agencyId, detail }: { agencyId: string; detail: IkmSurveyDetail }) {
  const queryClient = useQueryClient();
  const first = detail.weakWithoutPlan[0] ?? 1;
  const [form, setForm] = useState({ element: String(first), action: '', owner: '', dueDate: '' });
  const create = useMutation({
    mutationFn: () => {
      const body: PlanInput = { element: Number(form.element), action: form.action.trim(), owner: form.owner.trim(), dueDate: form.dueDate };
      return ikmApi.createPlan(agencyId, detail.survey.id, body);
    },
    onSuccess: () => {
      setForm({ element: String(detail.weakWithoutPlan.find((e) => e !== Number(form.element)) ?? 1), action: '', owner: '', dueDate: '' });
      void queryClient.invalidateQueries({ queryKey: ['ikm', agencyId] });
    },
  });
  const weak = new Set(detail.result.elements.filter((e) => e.weak).map((e) => e.index));
  return (
    <form
      className="form card"
      noValidate
      aria-labelledby="judul-tambah-rencana"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      <h3 id="judul-tambah-rencana">Tambah rencana tindak lanjut</h3>
      <FormErrors error={create.error} labels={{ element: 'Unsur', action: 'Rencana', owner: 'Penanggung jawab', dueDate: 'Batas waktu' }} />
      <SelectField
        label="Unsur"
        name="element"
        required
        value={form.element}
        options={IKM_ELEMENTS.map((name, i) => ({ value: String(i + 1), label: `U${i + 1} ${name}${weak.has(i + 1) ? ' (lemah)' : ''}` }))}
        onValueChange={(element) => setForm((f) => ({ ...f, element }))}
        error={fieldError(create.error, 'element')}
      />
      <TextAreaField label="Rencana tindak lanjut" name="action" required rows={3} maxLength={2000} value={form.action} onValueChange={(action) => setForm((f) => ({ ...f, action }))} error={fieldError(create.error, 'action')} />
      <TextField label="Penanggung jawab" name="owner" required maxLength={200} value={form.owner} onValueChange={(owner) => setForm((f) => ({ ...f, owner }))} hint="Nama atau jabatan, misalnya “Kepala Seksi Pelayanan”." error={fieldError(create.error, 'owner')} />
      <TextField label="Batas waktu" name="dueDate" type="date" required value={form.dueDate} onValueChange={(dueDate) => setForm((f) => ({ ...f, dueDate }))} error={fieldError(create.error, 'dueDate')} />
      <button type="submit" className="button" disabled={create.isPending}>
        {create.isPending ? 'Menyimpan…' : 'Simpan rencana'}
      </button>
      {create.isSuccess && !create.isPending ? <Notice kind="success">Rencana tindak lanjut disimpan.</Notice> : null}
    </form>
  );
}

function PlansSection({ agencyId, detail, manage }: { agencyId: string; detail: IkmSurveyDetail; manage: boolean }) {
  const weakNames = detail.weakWithoutPlan.map((i) => `U${i} ${IKM_ELEMENTS[i - 1]}`);
  return (
    <section aria-labelledby="judul-rencana">
      <h2 id="judul-rencana">Unsur lemah dan rencana tindak lanjut</h2>
      <p className="muted">Unsur lemah: NRR di bawah 3,0644 (mutu unsur C atau D). Setiap unsur lemah perlu rencana dengan penanggung jawab dan batas waktu.</p>
      {weakNames.length > 0 ? <Notice kind="info">Unsur lemah yang belum memiliki rencana: {weakNames.join(', ')}.</Notice> : null}
      {detail.plans.length > 0 ? <PlanList agencyId={agencyId} plans={detail.plans} manage={manage} caption="Rencana tindak lanjut survei ini" /> : <EmptyState>Belum ada rencana tindak lanjut.</EmptyState>}
      {manage ? <PlanForm agencyId={agencyId} detail={detail} /> : null}
    </section>
  );
}

function Suggestions({ agencyId, surveyId }: { agencyId: string; surveyId: string }) {
  const [page, setPage] = useState(1);
  const list = useQuery({ queryKey: ['ikm', agencyId, 'suggestions', surveyId, page], queryFn: () => ikmApi.suggestions(agencyId, surveyId, { page, pageSize: 10 }), placeholderData: (p) => p });
  return (
    <section aria-labelledby="judul-saran">
      <h2 id="judul-saran">Saran responden</h2>
      {list.isPending ? (
        <Loading label="Memuat saran…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>Belum ada saran tertulis.</EmptyState>
      ) : (
        <>
          <ul className="card-list">
            {list.data.items.map((item) => (
              <li key={item.id} className="card">
                <p className="message-text">{item.text}</p>
                <p className="small muted">
                  <DateTime value={item.createdAt} />
                </p>
              </li>
            ))}
          </ul>
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPageChange={setPage} label="Halaman saran" />
        </>
      )}
    </section>
  );
}

function SurveyView({ agencyId, surveyId }: { agencyId: string; surveyId: string }) {
  const location = useLocation();
  const me = useMe();
  const manage = canManageIkm(me.data, agencyId);
  const { name: agencyName, timezone } = useAgencyDetail(agencyId);
  const query = useQuery({ queryKey: ['ikm', agencyId, 'survey', surveyId], queryFn: () => ikmApi.detail(agencyId, surveyId) });
  if (query.isPending) return <Loading label="Memuat hasil survei…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const detail = query.data;
  const { survey } = detail;
  return (
    <>
      <p className="breadcrumb">
        <Link to={ikmPaths.surveys(agencyId)}>‹ Semua survei IKM</Link>
      </p>
      <AgencyHeading title={`IKM ${survey.unit.name} — ${survey.period.label}`} agencyName={agencyName} />
      {(location.state as { created?: boolean } | null)?.created && survey.status === 'draft' ? <Notice kind="success">Draf survei disimpan. Buka survei agar masyarakat dapat mengisinya.</Notice> : null}
      <dl className="facts">
        <dt>Layanan</dt>
        <dd>{survey.serviceName}</dd>
        <dt>Status</dt>
        <dd>
          <span className={`tag ${surveyStatusTag(survey.status)}`}>{surveyStatusLabel(survey.status)}</span>
          {survey.openedAt ? (
            <span className="small">
              {' '}
              dibuka <DateTime value={survey.openedAt} timeZone={timezone} />
            </span>
          ) : null}
        </dd>
        <dt>IKM</dt>
        <dd>
          <Grade ikm={survey.ikm} grade={survey.grade} />
        </dd>
        <dt>Laporan periode</dt>
        <dd>
          <Link to={ikmPaths.period(agencyId, survey.period.key)}>Laporan IKM {survey.period.label}</Link>
        </dd>
      </dl>
      {manage ? <StatusActions agencyId={agencyId} detail={detail} /> : null}

      <section aria-labelledby="judul-tautan">
        <h2 id="judul-tautan">Tautan dan kode QR untuk masyarakat</h2>
        {survey.status === 'draft' ? <p className="muted">Tautan mulai menerima jawaban setelah survei dibuka.</p> : null}
        <p>
          Tautan survei:{' '}
          <a href={survey.publicPath} data-testid="tautan-survei">
            {survey.publicUrl}
          </a>
        </p>
        <div className="qr">
          <img src={ikmApi.qrUrl(agencyId, survey.id)} alt={`Kode QR survei kepuasan ${survey.unit.name}, menuju ${survey.publicUrl}`} width={200} height={200} />
        </div>
        <p>
          <a href={ikmApi.qrUrl(agencyId, survey.id)} download={`qr-ikm-${survey.period.key}.png`}>
            Unduh kode QR (PNG) untuk dicetak di loket
          </a>
        </p>
      </section>

      <ResultSection detail={detail} />
      {manage ? <PopulationForm key={survey.population} agencyId={agencyId} detail={detail} /> : null}
      <TrendSection detail={detail} />
      <PlansSection agencyId={agencyId} detail={detail} manage={manage} />
      <ProfileSection detail={detail} />
      <Suggestions agencyId={agencyId} surveyId={survey.id} />
    </>
  );
}

export function SurveyPage() {
  const { agencyId = '', surveyId = '' } = useParams();
  return <RequireAuth allow={(me) => canReadIkm(me, agencyId)}>{() => <SurveyView key={`${agencyId}-${surveyId}`} agencyId={agencyId} surveyId={surveyId} />}</RequireAuth>;
}
