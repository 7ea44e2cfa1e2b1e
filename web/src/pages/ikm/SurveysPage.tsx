import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IKM_PERIOD_KIND_LABELS, IKM_PERIOD_KINDS, type IkmPeriodKind } from '../../../../core/ikm-survey';
import { ikmApi, type CreateSurveyInput } from '../../api/ikm';
import { useAgencyDetail, useMe } from '../../api/queries';
import { SelectField, TextField } from '../../components/Field';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { Pagination } from '../../components/Pagination';
import { RequireAuth } from '../../components/RequireAuth';
import { SearchForm } from '../../components/SearchForm';
import { formatNumber } from '../../lib/time';
import { useListParams } from '../../lib/useListParams';
import { AgencyHeading } from '../admin/AgencyHeading';
import { UnitSelect } from '../planning/UnitSelect';
import { canManageIkm, canReadIkm, ikmPaths, surveyStatusLabel, surveyStatusTag } from './access';
import { Grade } from './Grade';

const PAGE_SIZE = 20;
const labels = { unitId: 'Unit layanan', serviceName: 'Nama layanan', periodYear: 'Tahun', periodKind: 'Jenis periode', periodNumber: 'Periode ke-', population: 'Populasi yang dilayani' };
const numberOptions = (kind: IkmPeriodKind) =>
  kind === 'tahunan' ? [{ value: '1', label: 'Setahun penuh' }] : Array.from({ length: kind === 'semester' ? 2 : 4 }, (_, i) => ({ value: String(i + 1), label: `${IKM_PERIOD_KIND_LABELS[kind]} ${['I', 'II', 'III', 'IV'][i]}` }));

function CreatePanel({ agencyId, onCancel }: { agencyId: string; onCancel: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const [form, setForm] = useState({ unitId: '', serviceName: '', periodYear: String(new Date().getFullYear()), periodKind: 'semester' as IkmPeriodKind, periodNumber: '1', population: '' });
  const create = useMutation({
    mutationFn: () => {
      const body: CreateSurveyInput = {
        unitId: form.unitId,
        serviceName: form.serviceName.trim(),
        periodYear: Number(form.periodYear),
        periodKind: form.periodKind,
        periodNumber: Number(form.periodNumber),
        population: form.population.trim() === '' ? Number.NaN : Number(form.population),
      };
      return ikmApi.create(agencyId, body);
    },
    onSuccess: ({ survey }) => {
      void queryClient.invalidateQueries({ queryKey: ['ikm', agencyId] });
      navigate(ikmPaths.survey(agencyId, survey.id), { state: { created: true } });
    },
  });
  return (
    <section className="card panel" aria-labelledby="judul-buat-survei">
      <h2 id="judul-buat-survei" tabIndex={-1} ref={heading}>
        Buat survei
      </h2>
      <p className="muted">Survei tersimpan sebagai draf. Setelah dibuka, masyarakat mengisinya lewat tautan atau kode QR tanpa akun.</p>
      <FormErrors error={create.error} labels={labels} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <UnitSelect agencyId={agencyId} label={labels.unitId} required value={form.unitId} onChange={(unitId) => setForm((f) => ({ ...f, unitId }))} error={fieldError(create.error, 'unitId')} />
        <TextField label={labels.serviceName} name="serviceName" required maxLength={200} value={form.serviceName} onValueChange={(serviceName) => setForm((f) => ({ ...f, serviceName }))} hint="Seperti yang dikenal masyarakat, misalnya “Penerbitan KTP elektronik”." error={fieldError(create.error, 'serviceName')} />
        <TextField label={labels.periodYear} name="periodYear" type="number" inputMode="numeric" required value={form.periodYear} onValueChange={(periodYear) => setForm((f) => ({ ...f, periodYear }))} error={fieldError(create.error, 'periodYear')} />
        <SelectField
          label={labels.periodKind}
          name="periodKind"
          required
          value={form.periodKind}
          options={IKM_PERIOD_KINDS.map((kind) => ({ value: kind, label: IKM_PERIOD_KIND_LABELS[kind] }))}
          onValueChange={(value) => setForm((f) => ({ ...f, periodKind: value as IkmPeriodKind, periodNumber: '1' }))}
          error={fieldError(create.error, 'periodKind')}
        />
        <SelectField label={labels.periodNumber} name="periodNumber" required value={form.periodNumber} options={numberOptions(form.periodKind)} onValueChange={(periodNumber) => setForm((f) => ({ ...f, periodNumber }))} error={fieldError(create.error, 'periodNumber')} />
        <TextField
          label={labels.population}
          name="population"
          type="number"
          inputMode="numeric"
          required
          min={1}
          value={form.population}
          onValueChange={(population) => setForm((f) => ({ ...f, population }))}
          hint="Jumlah orang yang dilayani unit ini pada periode tersebut; dipakai untuk menghitung sampel minimum (Krejcie–Morgan). Dapat diperbarui nanti."
          error={fieldError(create.error, 'population')}
        />
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? 'Menyimpan…' : 'Simpan draf survei'}
        </button>
      </form>
      <button type="button" className="button button-secondary" onClick={onCancel}>
        Batal
      </button>
    </section>
  );
}

function SurveyList({ agencyId }: { agencyId: string }) {
  const me = useMe();
  const manage = canManageIkm(me.data, agencyId);
  const { q, page, extras, setQuery, setPage, update } = useListParams(['periode', 'status']);
  const periodKey = extras.periode ?? '';
  const status = extras.status ?? '';
  const { name: agencyName } = useAgencyDetail(agencyId);
  const [creating, setCreating] = useState(false);
  const periods = useQuery({ queryKey: ['ikm', agencyId, 'periods'], queryFn: () => ikmApi.periods(agencyId) });
  const list = useQuery({
    queryKey: ['ikm', agencyId, 'surveys', q, periodKey, status, page],
    queryFn: () => ikmApi.surveys(agencyId, { q: q || undefined, periodKey: periodKey || undefined, status: status || undefined, page, pageSize: PAGE_SIZE }),
    placeholderData: (previous) => previous,
  });
  return (
    <>
      <AgencyHeading title="Indeks Kepuasan Masyarakat" agencyName={agencyName} />
      <p>
        Survei kepuasan masyarakat per unit layanan dan periode (PermenPANRB 14/2017): sembilan unsur, nilai 1–4, diisi masyarakat lewat tautan atau kode QR tanpa akun.{' '}
        <Link to={ikmPaths.plans(agencyId)}>Rencana tindak lanjut</Link>
      </p>
      {manage ? (
        creating ? (
          <CreatePanel agencyId={agencyId} onCancel={() => setCreating(false)} />
        ) : (
          <p>
            <button type="button" className="button" onClick={() => setCreating(true)}>
              Buat survei
            </button>
          </p>
        )
      ) : null}
      {periods.data && periods.data.items.length > 0 ? (
        <section aria-labelledby="judul-laporan-periode">
          <h2 id="judul-laporan-periode">Laporan per periode</h2>
          <ul className="link-list">
            {periods.data.items.map((period) => (
              <li key={period.key}>
                <Link to={ikmPaths.period(agencyId, period.key)}>Laporan IKM {period.label}</Link> <span className="muted">({formatNumber(period.surveys)} survei)</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>Survei</h2>
      <div className="filters">
        <SearchForm label="Cari survei (unit atau layanan)" value={q} onSearch={setQuery} />
        <SelectField
          label="Periode"
          name="periode"
          value={periodKey}
          options={[{ value: '', label: 'Semua periode' }, ...(periods.data?.items ?? []).map((p) => ({ value: p.key, label: p.label }))]}
          onValueChange={(value) => update({ periode: value, halaman: null })}
        />
        <SelectField
          label="Status"
          name="status"
          value={status}
          options={[
            { value: '', label: 'Semua status' },
            { value: 'draft', label: 'Draf' },
            { value: 'open', label: 'Dibuka' },
            { value: 'closed', label: 'Ditutup' },
          ]}
          onValueChange={(value) => update({ status: value, halaman: null })}
        />
      </div>
      {list.isPending ? (
        <Loading label="Memuat survei…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{q || periodKey || status ? 'Tidak ada survei yang cocok.' : 'Belum ada survei IKM. Buat survei untuk satu unit layanan dan periode.'}</EmptyState>
      ) : (
        <>
          <div className="table-wrap" role="region" aria-labelledby="judul-tabel-survei" tabIndex={0}>
            <table>
              <caption id="judul-tabel-survei">Daftar survei IKM</caption>
              <thead>
                <tr>
                  <th scope="col">Unit / layanan</th>
                  <th scope="col">Periode</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    Responden
                  </th>
                  <th scope="col">IKM dan mutu</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((survey) => (
                  <tr key={survey.id}>
                    <th scope="row">
                      <Link to={ikmPaths.survey(agencyId, survey.id)}>{survey.unit.name}</Link>
                      <span className="subtitle">{survey.serviceName}</span>
                    </th>
                    <td>{survey.period.label}</td>
                    <td>
                      <span className={`tag ${surveyStatusTag(survey.status)}`}>{surveyStatusLabel(survey.status)}</span>
                    </td>
                    <td className="num">{formatNumber(survey.respondents)}</td>
                    <td>
                      <Grade ikm={survey.ikm} grade={survey.grade} />
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

export function SurveysPage() {
  const { agencyId = '' } = useParams();
  return <RequireAuth allow={(me) => canReadIkm(me, agencyId)}>{() => <SurveyList key={agencyId} agencyId={agencyId} />}</RequireAuth>;
}
