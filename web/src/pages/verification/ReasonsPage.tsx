import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/client';
import { useAgencyDetail, useMe } from '../../api/queries';
import { verificationApi, verificationKeys, type VerificationReason } from '../../api/verification';
import { ErrorState, Loading, Notice } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { RequireAuth } from '../../components/RequireAuth';
import { AgencyHeading } from '../admin/AgencyHeading';
import { verificationAccess } from './access';
import { AreaLinks } from './shared';
import './verification.css';

const labels = { code: 'Kode', label: 'Uraian alasan' };

function ReasonRow({ agencyId, reason, canManage }: { agencyId: string; reason: VerificationReason; canManage: boolean }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [label, setLabel] = useState(reason.label);
  const update = useMutation({
    mutationFn: (body: { label?: string; active?: boolean }) => verificationApi.updateReason(agencyId, reason.id, body),
    onSuccess: () => {
      setEditing(false);
      void queryClient.invalidateQueries({ queryKey: verificationKeys.reasons(agencyId) });
    },
  });
  return (
    <tr>
      <td>
        <code>{reason.code}</code>
      </td>
      <th scope="row">
        {editing ? (
          <form
            className="search-row"
            onSubmit={(event) => {
              event.preventDefault();
              update.mutate({ label: label.trim() });
            }}
          >
            <TextField label={`Uraian baru untuk ${reason.code}`} value={label} onValueChange={setLabel} maxLength={200} error={fieldError(update.error, 'label')} />
            <button type="submit" className="button button-small" disabled={update.isPending}>
              Simpan
            </button>
            <button type="button" className="button button-small button-secondary" onClick={() => setEditing(false)}>
              Batal
            </button>
          </form>
        ) : (
          reason.label
        )}
        {update.isError && !fieldError(update.error, 'label') ? <p className="field-error">{errorMessage(update.error)}</p> : null}
      </th>
      <td>
        <span className={`tag ${reason.active ? 'tag-active' : 'tag-failed'}`}>{reason.active ? 'Aktif' : 'Nonaktif'}</span>
      </td>
      {canManage ? (
        <td>
          <div className="row-actions">
            {!editing ? (
              <button type="button" className="button button-small button-secondary" onClick={() => setEditing(true)}>
                Ubah<span className="visually-hidden"> {reason.label}</span>
              </button>
            ) : null}
            <button type="button" className="button button-small button-secondary" disabled={update.isPending} onClick={() => update.mutate({ active: !reason.active })}>
              {reason.active ? 'Nonaktifkan' : 'Aktifkan'}
              <span className="visually-hidden"> {reason.label}</span>
            </button>
          </div>
        </td>
      ) : null}
    </tr>
  );
}

function Reasons({ agencyId }: { agencyId: string }) {
  const queryClient = useQueryClient();
  const me = useMe();
  const canManage = verificationAccess.manage(me.data, agencyId);
  const { name: agencyName } = useAgencyDetail(agencyId);
  const reasons = useQuery({ queryKey: verificationKeys.reasons(agencyId), queryFn: () => verificationApi.reasons(agencyId) });
  const [code, setCode] = useState('');
  const [label, setLabel] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => verificationApi.createReason(agencyId, { code: code.trim(), label: label.trim() }),
    onSuccess: ({ reason }) => {
      setCode('');
      setLabel('');
      setDone(`Alasan “${reason.label}” ditambahkan.`);
      void queryClient.invalidateQueries({ queryKey: verificationKeys.reasons(agencyId) });
    },
  });
  return (
    <div className="verifikasi">
      <AgencyHeading title="Katalog alasan TMS" agencyName={agencyName} />
      <AreaLinks agencyId={agencyId} show={['queue', 'progress']} />
      <p>
        Setiap TMS wajib menyebut salah satu alasan ini; pelamar membacanya pada halaman hasil dan dapat menyanggahnya. Alasan tidak dihapus (pemeriksaan lama menyebutnya), hanya dinonaktifkan.
      </p>
      {done ? <Notice kind="success">{done}</Notice> : null}
      {reasons.isPending ? (
        <Loading label="Memuat katalog…" />
      ) : reasons.isError ? (
        <ErrorState error={reasons.error} onRetry={() => void reasons.refetch()} />
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="judul-alasan" tabIndex={0}>
          <table>
            <caption id="judul-alasan">Alasan TMS instansi</caption>
            <thead>
              <tr>
                <th scope="col">Kode</th>
                <th scope="col">Uraian</th>
                <th scope="col">Status</th>
                {canManage ? <th scope="col">Aksi</th> : null}
              </tr>
            </thead>
            <tbody>
              {reasons.data.items.map((reason) => (
                <ReasonRow key={reason.id} agencyId={agencyId} reason={reason} canManage={canManage} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canManage ? (
        <section className="card panel" aria-labelledby="judul-tambah-alasan">
          <h2 id="judul-tambah-alasan">Tambah alasan</h2>
          <FormErrors error={create.error} labels={labels} />
          <form
            className="form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              setDone(null);
              create.mutate();
            }}
          >
            <TextField label={labels.code} name="code" required hint="Huruf kecil, angka atau garis bawah, mis. str_kedaluwarsa" value={code} onValueChange={setCode} maxLength={40} error={fieldError(create.error, 'code')} />
            <TextField label={labels.label} name="label" required value={label} onValueChange={setLabel} maxLength={200} error={fieldError(create.error, 'label')} />
            <button type="submit" className="button" disabled={create.isPending}>
              {create.isPending ? 'Menyimpan…' : 'Tambah alasan'}
            </button>
          </form>
        </section>
      ) : null}
    </div>
  );
}

export function ReasonsPage() {
  const { agencyId = '' } = useParams();
  return <RequireAuth allow={(me) => verificationAccess.read(me, agencyId)}>{() => <Reasons key={agencyId} agencyId={agencyId} />}</RequireAuth>;
}
