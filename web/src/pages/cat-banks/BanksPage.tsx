import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { catBankApi, catBankKeys, type BankScope } from '../../api/cat-banks';
import { useAgencyDetail } from '../../api/queries';
import { SelectField, TextField } from '../../components/Field';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { PageTitle } from '../../components/PageTitle';
import { Pagination } from '../../components/Pagination';
import { RequireAuth } from '../../components/RequireAuth';
import { SearchForm } from '../../components/SearchForm';
import { formatNumber } from '../../lib/time';
import { useListParams } from '../../lib/useListParams';
import { AgencyHeading } from '../admin/AgencyHeading';
import { bankPaths, canListBanks, canManageBanks } from './access';
import './cat-banks.css';

const PAGE_SIZE = 20;
const scopeFilters = [
  { value: '', label: 'Semua bank soal' },
  { value: 'own', label: 'Bank soal instansi' },
  { value: 'national', label: 'Bank soal nasional' },
];

function CreateBank({ scope, onCancel }: { scope: BankScope; onCancel: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const create = useMutation({
    mutationFn: () => catBankApi.create(scope, { name: name.trim(), description: description.trim() }),
    onSuccess: ({ bank }) => {
      void queryClient.invalidateQueries({ queryKey: catBankKeys.banks(scope) });
      navigate(bankPaths.bank(scope, bank.id), { state: { created: true } });
    },
  });
  return (
    <section className="card panel" aria-labelledby="judul-bank-baru">
      <h2 id="judul-bank-baru" tabIndex={-1}>Bank soal baru</h2>
      <FormErrors error={create.error} labels={{ name: 'Nama bank soal', description: 'Keterangan' }} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <TextField label="Nama bank soal" name="name" required value={name} onValueChange={setName} error={fieldError(create.error, 'name')} hint="Misalnya: Bank Soal SKD 2026 atau CAT SKB Tenaga Kesehatan." />
        <TextField label="Keterangan" name="description" value={description} onValueChange={setDescription} error={fieldError(create.error, 'description')} />
        <div className="actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? 'Menyimpan…' : 'Simpan bank soal'}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Batal
          </button>
        </div>
      </form>
    </section>
  );
}

function BankList({ scope, canManage }: { scope: BankScope; canManage: boolean }) {
  const { q, page, extras, setQuery, setPage, update } = useListParams(['jenis']);
  const filter = (extras.jenis || undefined) as 'own' | 'national' | undefined;
  const [creating, setCreating] = useState(false);
  const { name: agencyName } = useAgencyDetail(scope.agencyId ?? '');
  const query = { q: q || undefined, page, pageSize: PAGE_SIZE, scope: filter };
  const list = useQuery({ queryKey: catBankKeys.bankList(scope, query), queryFn: () => catBankApi.list(scope, query), placeholderData: (previous) => previous });
  const title = scope.agencyId ? 'Bank soal CAT' : 'Bank soal nasional';
  return (
    <>
      {scope.agencyId ? <AgencyHeading title={title} agencyName={agencyName} /> : <PageTitle>{title}</PageTitle>}
      <p>
        {scope.agencyId
          ? 'Soal dan kunci jawaban bersifat rahasia: hanya admin instansi dan panitia seleksi yang dapat membacanya. Bank soal nasional dapat dipakai dalam cetak biru, tetapi isinya dikelola Super Admin.'
          : 'Bank soal nasional dapat dipakai semua instansi dalam cetak biru ujian; isinya hanya dapat dibaca dan diubah oleh Super Admin.'}
      </p>
      <div className="actions">
        {canManage && !creating ? (
          <button type="button" className="button" onClick={() => setCreating(true)}>
            Buat bank soal
          </button>
        ) : null}
        <a className="button button-secondary" href={catBankApi.templateUrl(scope)} download>
          Unduh templat impor (XLSX)
        </a>
        {scope.agencyId ? <Link to={bankPaths.plans(scope.agencyId)}>Cetak biru dan laporan CAT</Link> : null}
      </div>
      {creating ? <CreateBank scope={scope} onCancel={() => setCreating(false)} /> : null}
      <div className="filters">
        <SearchForm label="Cari bank soal (nama)" value={q} onSearch={setQuery} />
        {scope.agencyId ? <SelectField label="Tampilkan" value={extras.jenis ?? ''} options={scopeFilters} onValueChange={(value) => update({ jenis: value, halaman: null })} /> : null}
      </div>
      {list.isPending ? (
        <Loading label="Memuat bank soal…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{q ? `Tidak ada bank soal yang cocok dengan “${q}”.` : 'Belum ada bank soal.'}</EmptyState>
      ) : (
        <>
          <div className="table-wrap" role="region" aria-labelledby="judul-tabel-bank" tabIndex={0}>
            <table>
              <caption id="judul-tabel-bank">Daftar bank soal</caption>
              <thead>
                <tr>
                  <th scope="col">Nama</th>
                  <th scope="col">Pemilik</th>
                  <th scope="col" className="cb-num">
                    Draf
                  </th>
                  <th scope="col" className="cb-num">
                    Ditelaah
                  </th>
                  <th scope="col" className="cb-num">
                    Aktif
                  </th>
                  <th scope="col" className="cb-num">
                    Pensiun
                  </th>
                  <th scope="col" className="cb-num">
                    Jumlah
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((bank) => (
                  <tr key={bank.id}>
                    <th scope="row">
                      <Link to={bankPaths.bank(scope, bank.id)}>{bank.name}</Link>
                      {bank.description ? <div className="muted small">{bank.description}</div> : null}
                    </th>
                    <td>{bank.national ? <span className="tag tag-invited">Nasional{scope.agencyId ? ' (baca jumlah saja)' : ''}</span> : 'Instansi'}</td>
                    <td className="cb-num">{formatNumber(bank.questions.draft)}</td>
                    <td className="cb-num">{formatNumber(bank.questions.reviewed)}</td>
                    <td className="cb-num">{formatNumber(bank.questions.active)}</td>
                    <td className="cb-num">{formatNumber(bank.questions.retired)}</td>
                    <td className="cb-num">{formatNumber(bank.questions.total)}</td>
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

export function BanksPage({ national = false }: { national?: boolean }) {
  const { agencyId = '' } = useParams();
  const scope: BankScope = { agencyId: national ? null : agencyId };
  return (
    <RequireAuth allow={(me) => canListBanks(me, scope)}>
      {(me) => <BankList key={scope.agencyId ?? 'nasional'} scope={scope} canManage={canManageBanks(me, scope)} />}
    </RequireAuth>
  );
}
