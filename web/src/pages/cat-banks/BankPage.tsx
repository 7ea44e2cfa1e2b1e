import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { catBankApi, catBankKeys, type BankScope, type CatBank } from '../../api/cat-banks';
import { errorMessage } from '../../api/client';
import { SelectField, TextField } from '../../components/Field';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { PageTitle } from '../../components/PageTitle';
import { Pagination } from '../../components/Pagination';
import { RequireAuth } from '../../components/RequireAuth';
import { SearchForm } from '../../components/SearchForm';
import { formatNumber } from '../../lib/time';
import { useListParams } from '../../lib/useListParams';
import { BankImport } from './BankImport';
import { bankPaths, canListBanks, statusLabel, statusOptions, statusTag, subtestOptions } from './access';
import './cat-banks.css';

const PAGE_SIZE = 20;

function EditBank({ scope, bank, onDone }: { scope: BankScope; bank: CatBank; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(bank.name);
  const [description, setDescription] = useState(bank.description);
  const save = useMutation({
    mutationFn: () => catBankApi.update(scope, bank.id, { name: name.trim(), description: description.trim() }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: catBankKeys.banks(scope) });
      onDone();
    },
  });
  return (
    <section className="card panel" aria-labelledby="judul-ubah-bank">
      <h2 id="judul-ubah-bank" tabIndex={-1}>Ubah bank soal</h2>
      <FormErrors error={save.error} labels={{ name: 'Nama bank soal', description: 'Keterangan' }} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <TextField label="Nama bank soal" required value={name} onValueChange={setName} error={fieldError(save.error, 'name')} />
        <TextField label="Keterangan" value={description} onValueChange={setDescription} error={fieldError(save.error, 'description')} />
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? 'Menyimpan…' : 'Simpan'}
          </button>
          <button type="button" className="button button-secondary" onClick={onDone}>
            Batal
          </button>
        </div>
      </form>
    </section>
  );
}

function DeleteBank({ scope, bank, onCancel }: { scope: BankScope; bank: CatBank; onCancel: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => catBankApi.remove(scope, bank.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: catBankKeys.banks(scope) });
      navigate(bankPaths.list(scope));
    },
  });
  return (
    <section className="card panel" aria-labelledby="judul-hapus-bank">
      <h2 id="judul-hapus-bank" tabIndex={-1}>Hapus bank soal “{bank.name}”?</h2>
      <p>Seluruh {formatNumber(bank.questions.total)} soal di dalamnya ikut terhapus. Bank soal yang dipakai cetak biru atau naskah ujian tidak dapat dihapus.</p>
      {remove.isError ? <Notice kind="error">{errorMessage(remove.error)}</Notice> : null}
      <div className="actions">
        <button type="button" className="button button-danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
          {remove.isPending ? 'Menghapus…' : 'Ya, hapus bank soal'}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Batal
        </button>
      </div>
    </section>
  );
}

function Availability({ availability }: { availability: Array<{ subtest: string; topic: string; draft: number; reviewed: number; active: number; retired: number }> }) {
  if (availability.length === 0) return <EmptyState>Bank soal ini belum berisi soal.</EmptyState>;
  return (
    <div className="table-wrap" role="region" aria-labelledby="judul-ketersediaan" tabIndex={0}>
      <table>
        <caption id="judul-ketersediaan">Jumlah soal per subtes dan topik</caption>
        <thead>
          <tr>
            <th scope="col">Subtes</th>
            <th scope="col">Topik</th>
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
          </tr>
        </thead>
        <tbody>
          {availability.map((row) => (
            <tr key={`${row.subtest}-${row.topic}`}>
              <th scope="row">{row.subtest}</th>
              <td>{row.topic || '—'}</td>
              <td className="cb-num">{formatNumber(row.draft)}</td>
              <td className="cb-num">{formatNumber(row.reviewed)}</td>
              <td className="cb-num">{formatNumber(row.active)}</td>
              <td className="cb-num">{formatNumber(row.retired)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Questions({ scope, bankId }: { scope: BankScope; bankId: string }) {
  const { q, page, extras, setQuery, setPage, update } = useListParams(['subtes', 'status']);
  const query = { q: q || undefined, page, pageSize: PAGE_SIZE, subtest: extras.subtes || undefined, status: extras.status || undefined };
  const list = useQuery({ queryKey: catBankKeys.questions(scope, bankId, query), queryFn: () => catBankApi.questions(scope, bankId, query), placeholderData: (previous) => previous });
  return (
    <section aria-labelledby="judul-daftar-soal">
      <h2 id="judul-daftar-soal">Soal</h2>
      <div className="filters">
        <SearchForm label="Cari teks soal" value={q} onSearch={setQuery} />
        <SelectField label="Subtes" value={extras.subtes ?? ''} options={[{ value: '', label: 'Semua subtes' }, ...subtestOptions]} onValueChange={(value) => update({ subtes: value, halaman: null })} />
        <SelectField label="Status" value={extras.status ?? ''} options={[{ value: '', label: 'Semua status' }, ...statusOptions]} onValueChange={(value) => update({ status: value, halaman: null })} />
      </div>
      {list.isPending ? (
        <Loading label="Memuat soal…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>Tidak ada soal yang cocok.</EmptyState>
      ) : (
        <>
          <div className="table-wrap" role="region" aria-labelledby="judul-tabel-soal" tabIndex={0}>
            <table>
              <caption id="judul-tabel-soal">Daftar soal ({formatNumber(list.data.total)})</caption>
              <thead>
                <tr>
                  <th scope="col">Soal</th>
                  <th scope="col">Subtes</th>
                  <th scope="col">Topik</th>
                  <th scope="col">Status</th>
                  <th scope="col">Penulis / penelaah</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((question) => (
                  <tr key={question.id}>
                    <th scope="row">
                      <Link to={bankPaths.question(scope, bankId, question.id)}>{question.stem.length > 110 ? `${question.stem.slice(0, 110)}…` : question.stem || '(soal bergambar)'}</Link>
                    </th>
                    <td>{question.subtest}</td>
                    <td>{question.topic || '—'}</td>
                    <td>
                      <span className={`tag ${statusTag[question.status]}`}>{statusLabel(question.status)}</span>
                      {question.inUse ? <span className="tag tag-kept">Dipakai ujian</span> : null}
                    </td>
                    <td>
                      {question.editedBy?.name ?? question.createdBy?.name ?? '—'}
                      {question.reviewedBy ? ` / ${question.reviewedBy.name}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPageChange={setPage} />
        </>
      )}
    </section>
  );
}

type Panel = 'import' | 'edit' | 'delete' | null;

function Bank({ scope, bankId }: { scope: BankScope; bankId: string }) {
  const location = useLocation();
  const queryClient = useQueryClient();
  const [panel, setPanel] = useState<Panel>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const detail = useQuery({ queryKey: catBankKeys.bank(scope, bankId), queryFn: () => catBankApi.get(scope, bankId) });
  useEffect(() => {
    if (panel) panelRef.current?.querySelector('h2')?.focus();
  }, [panel]);
  if (detail.isPending) return <Loading label="Memuat bank soal…" />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const { bank, availability } = detail.data;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: catBankKeys.banks(scope) });
  return (
    <>
      <p className="breadcrumb">
        <Link to={bankPaths.list(scope)}>‹ Semua bank soal</Link>
      </p>
      <PageTitle title={`Bank soal: ${bank.name}`}>
        {bank.name}
        <span className="subtitle">{bank.national ? 'Bank soal nasional' : 'Bank soal instansi'}</span>
      </PageTitle>
      {(location.state as { created?: boolean } | null)?.created ? <Notice kind="success">Bank soal telah dibuat. Tambahkan soal atau impor dari berkas.</Notice> : null}
      {bank.description ? <p>{bank.description}</p> : null}
      <dl className="facts">
        <dt>Soal aktif</dt>
        <dd>{formatNumber(bank.questions.active)}</dd>
        <dt>Seluruh soal</dt>
        <dd>{formatNumber(bank.questions.total)}</dd>
      </dl>
      {!bank.canManage ? (
        <Notice kind="info">Isi dan kunci soal bank ini hanya dapat dibaca pengelolanya. Anda dapat memakai jumlah soal aktifnya dalam cetak biru ujian.</Notice>
      ) : (
        <div className="actions">
          <Link className="button" to={bankPaths.newQuestion(scope, bank.id)}>
            Tambah soal
          </Link>
          <button type="button" className="button button-secondary" onClick={() => setPanel('import')}>
            Impor soal
          </button>
          <a className="button button-secondary" href={catBankApi.exportUrl(scope, bank.id, 'xlsx')} download>
            Ekspor XLSX
          </a>
          <a className="button button-secondary" href={catBankApi.exportUrl(scope, bank.id, 'json')} download>
            Ekspor JSON
          </a>
          <button type="button" className="button button-secondary" onClick={() => setPanel('edit')}>
            Ubah bank
          </button>
          <button type="button" className="button button-danger" onClick={() => setPanel('delete')}>
            Hapus bank
          </button>
        </div>
      )}
      {bank.canManage ? <p className="muted small">Setiap ekspor berisi kunci jawaban dan tercatat di jejak audit atas nama Anda.</p> : null}
      <div ref={panelRef}>
        {panel === 'import' ? <BankImport scope={scope} bankId={bank.id} onImported={refresh} onClose={() => setPanel(null)} /> : null}
        {panel === 'edit' ? <EditBank scope={scope} bank={bank} onDone={() => setPanel(null)} /> : null}
        {panel === 'delete' ? <DeleteBank scope={scope} bank={bank} onCancel={() => setPanel(null)} /> : null}
      </div>
      <Availability availability={availability} />
      {bank.canManage ? <Questions scope={scope} bankId={bank.id} /> : null}
    </>
  );
}

export function BankPage({ national = false }: { national?: boolean }) {
  const { agencyId = '', bankId = '' } = useParams();
  const scope: BankScope = { agencyId: national ? null : agencyId };
  return <RequireAuth allow={(me) => canListBanks(me, scope)}>{() => <Bank key={bankId} scope={scope} bankId={bankId} />}</RequireAuth>;
}
