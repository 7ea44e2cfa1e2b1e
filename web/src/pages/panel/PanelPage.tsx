import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ASSESSOR_KIND_LABELS, panelApi, panelKeys, type Assessor, type AssessorKind, type PanelRound } from '../../api/panel-scores';
import { useAgencyDetail, useMe } from '../../api/queries';
import { DateTime } from '../../components/DateTime';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { SelectField, TextField } from '../../components/Field';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { RequireAuth } from '../../components/RequireAuth';
import type { AgencyTimezone } from '../../api/types';
import { formatNumber } from '../../lib/time';
import { AgencyHeading } from '../admin/AgencyHeading';
import { panelAccess, panelPaths } from './access';
import { PanelAreaLinks, assessorKindLabel } from './shared';
import './panel.css';

const STATUS_LABEL = { unconfigured: 'Rubrik belum ditetapkan', open: 'Berjalan', locked: 'Dikunci' } as const;

function RoundCard({ agencyId, round, canManage, timezone }: { agencyId: string; round: PanelRound; canManage: boolean; timezone: AgencyTimezone }) {
  const headingId = `seleksi-${round.selection.id}`;
  return (
    <li className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {round.selection.name} <span className="muted">({round.selection.year})</span>
      </h2>
      <div className="table-wrap" role="region" aria-labelledby={`${headingId}-cap`} tabIndex={0}>
        <table>
          <caption id={`${headingId}-cap`}>Komponen yang dinilai panel</caption>
          <thead>
            <tr>
              <th scope="col">Komponen</th>
              <th scope="col">Bobot</th>
              <th scope="col">Status</th>
              <th scope="col">Nilai terkirim</th>
              <th scope="col">Tidak hadir</th>
              <th scope="col">Tindakan</th>
            </tr>
          </thead>
          <tbody>
            {round.components.map((component) => (
              <tr key={`${component.stageKey}-${component.componentKey ?? ''}`}>
                <th scope="row">
                  {component.name}
                  {component.componentKey ? <span className="muted"> (bagian dari {component.stageName})</span> : null}
                </th>
                <td>{component.weight.toLocaleString('id-ID')}%</td>
                <td>
                  {STATUS_LABEL[component.status]}
                  {component.lockedAt ? (
                    <>
                      {' '}
                      <DateTime value={component.lockedAt} timeZone={timezone} />
                    </>
                  ) : null}
                </td>
                <td>
                  {formatNumber(component.progress.submitted)} dari {formatNumber(component.progress.active)} penugasan
                </td>
                <td>{formatNumber(component.progress.absent)}</td>
                <td>
                  {component.id ? (
                    <Link to={panelPaths.component(agencyId, component.id)}>Buka {component.name}</Link>
                  ) : canManage ? (
                    <Link to={panelPaths.newRubric(agencyId, round.selection.id, component.stageKey, component.componentKey)}>Tetapkan rubrik {component.name}</Link>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </li>
  );
}

const KIND_OPTIONS = (Object.keys(ASSESSOR_KIND_LABELS) as AssessorKind[]).map((kind) => ({ value: kind, label: ASSESSOR_KIND_LABELS[kind] }));

function InviteAssessor({ agencyId }: { agencyId: string }) {
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ email: '', name: '', kind: 'akademisi' as AssessorKind, institution: '' });
  const [done, setDone] = useState<string | null>(null);
  const invite = useMutation({
    mutationFn: () => panelApi.inviteAssessor(agencyId, form),
    onSuccess: ({ assessor }) => {
      setDone(`Undangan terkirim ke ${assessor.email}. Akun ini hanya melihat peserta yang nanti ditugaskan kepadanya.`);
      setForm({ email: '', name: '', kind: form.kind, institution: '' });
      void queryClient.invalidateQueries({ queryKey: panelKeys.assessors(agencyId) });
    },
  });
  const set = (key: keyof typeof form) => (value: string) => setForm((current) => ({ ...current, [key]: value }));
  return (
    <form
      className="form card"
      aria-labelledby="judul-undang-penguji"
      onSubmit={(event) => {
        event.preventDefault();
        setDone(null);
        invite.mutate();
      }}
    >
      <h3 id="judul-undang-penguji">Undang penguji dari luar instansi</h3>
      <p className="hint">Akademisi dan praktisi menerima tautan untuk mengatur kata sandi. Perannya hanya Penguji: mereka tidak melihat data lain instansi.</p>
      {done ? <Notice kind="success">{done}</Notice> : null}
      <FormErrors error={invite.error} />
      <TextField label="Nama lengkap" required value={form.name} onValueChange={set('name')} error={fieldError(invite.error, 'name')} autoComplete="off" />
      <TextField label="Email" type="email" required value={form.email} onValueChange={set('email')} error={fieldError(invite.error, 'email')} autoComplete="off" />
      <SelectField label="Asal penguji" value={form.kind} options={KIND_OPTIONS} onValueChange={set('kind')} />
      <TextField label="Lembaga (universitas, asosiasi profesi, perusahaan…)" value={form.institution} onValueChange={set('institution')} error={fieldError(invite.error, 'institution')} required={form.kind !== 'internal'} />
      <button type="submit" className="button" disabled={invite.isPending}>
        {invite.isPending ? 'Mengundang…' : 'Undang penguji'}
      </button>
    </form>
  );
}

function AssessorTable({ items }: { items: Assessor[] }) {
  if (items.length === 0) return <EmptyState>Belum ada staf berperan Penguji. Tambahkan lewat halaman Staf atau undang penguji dari luar instansi.</EmptyState>;
  return (
    <div className="table-wrap" role="region" aria-labelledby="cap-penguji" tabIndex={0}>
      <table>
        <caption id="cap-penguji">Penguji instansi dan beban tugas yang masih berjalan</caption>
        <thead>
          <tr>
            <th scope="col">Nama</th>
            <th scope="col">Asal</th>
            <th scope="col">Lembaga</th>
            <th scope="col">Akun</th>
            <th scope="col">Penugasan berjalan</th>
          </tr>
        </thead>
        <tbody>
          {items.map((assessor) => (
            <tr key={assessor.accountId}>
              <th scope="row">
                {assessor.name}
                <br />
                <span className="muted">{assessor.email}</span>
              </th>
              <td>{assessorKindLabel(assessor.kind)}</td>
              <td>{assessor.institution || '—'}</td>
              <td>{assessor.active ? <span className="tag tag-active">aktif</span> : <span className="tag tag-invited">diundang</span>}</td>
              <td>{formatNumber(assessor.workload)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Panel({ agencyId }: { agencyId: string }) {
  const me = useMe();
  const { name: agencyName, timezone } = useAgencyDetail(agencyId);
  const canManage = panelAccess.manage(me.data, agencyId);
  const rounds = useQuery({ queryKey: panelKeys.rounds(agencyId), queryFn: () => panelApi.rounds(agencyId) });
  const assessors = useQuery({ queryKey: panelKeys.assessors(agencyId), queryFn: () => panelApi.assessors(agencyId) });
  return (
    <div className="panel-scores">
      <AgencyHeading title="Penilaian panel" agencyName={agencyName} />
      <PanelAreaLinks agencyId={agencyId} canRead={false} canAssess={panelAccess.assess(me.data, agencyId)} />
      <p>
        Wawancara, praktik kerja, asesmen, makalah dan penelusuran rekam jejak dinilai panel penguji dengan rubrik berbobot. Setiap penguji menilai sendiri-sendiri; selisih nilai antarpenguji di atas
        batas ditandai untuk moderasi; panitia mengunci nilai, dan sesudahnya nilai tidak dapat diubah. {canManage ? '' : 'Halaman ini hanya untuk dibaca.'}
      </p>
      {rounds.isPending ? (
        <Loading label="Memuat seleksi…" />
      ) : rounds.isError ? (
        <ErrorState error={rounds.error} onRetry={() => void rounds.refetch()} />
      ) : rounds.data.items.length === 0 ? (
        <EmptyState>Belum ada seleksi yang diumumkan dengan tahap yang dinilai panel.</EmptyState>
      ) : (
        <ul className="assignment-list">
          {rounds.data.items.map((round) => (
            <RoundCard key={round.selection.id} agencyId={agencyId} round={round} canManage={canManage} timezone={timezone} />
          ))}
        </ul>
      )}
      <section aria-labelledby="judul-penguji">
        <h2 id="judul-penguji">Penguji</h2>
        {assessors.isPending ? (
          <Loading label="Memuat penguji…" />
        ) : assessors.isError ? (
          <ErrorState error={assessors.error} onRetry={() => void assessors.refetch()} />
        ) : (
          <AssessorTable items={assessors.data.items} />
        )}
        {panelAccess.inviteAssessor(me.data, agencyId) ? <InviteAssessor agencyId={agencyId} /> : null}
      </section>
    </div>
  );
}

export function PanelPage() {
  const { agencyId = '' } = useParams();
  return <RequireAuth allow={(me) => panelAccess.read(me, agencyId)}>{() => <Panel key={agencyId} agencyId={agencyId} />}</RequireAuth>;
}
