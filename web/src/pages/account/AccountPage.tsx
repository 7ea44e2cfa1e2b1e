import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { accountApi } from '../../api/endpoints';
import { errorMessage } from '../../api/client';
import { queryKeys, useAgencyTimezone } from '../../api/queries';
import type { Me, Session } from '../../api/types';
import { TextField } from '../../components/Field';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { DateTime } from '../../components/DateTime';
import { PageTitle } from '../../components/PageTitle';
import { RequireAuth } from '../../components/RequireAuth';
import { PasswordField } from '../auth/PasswordField';
import { roleLabel } from '../../lib/roles';
import type { AgencyTimezone } from '../../api/types';

function ProfileForm({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(me.name);
  const update = useMutation({
    mutationFn: accountApi.update,
    onSuccess: ({ account }) => queryClient.setQueryData(queryKeys.me, account),
  });
  return (
    <section aria-labelledby="judul-profil" className="card">
      <h2 id="judul-profil">Profil</h2>
      <dl className="facts">
        <dt>Email</dt>
        <dd>{me.email}</dd>
        <dt>Peran</dt>
        <dd>
          {me.roles.length === 0
            ? 'Belum ada peran'
            : me.roles.map((grant) => `${roleLabel(grant.role)}${grant.agencyName ? ` (${grant.agencyName})` : ''}`).join(', ')}
        </dd>
      </dl>
      {update.isSuccess ? <Notice kind="success">Nama telah disimpan.</Notice> : null}
      <FormErrors error={update.error} labels={{ name: 'Nama lengkap' }} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate({ name: name.trim() });
        }}
      >
        <TextField
          label="Nama lengkap"
          name="name"
          required
          autoComplete="name"
          value={name}
          onValueChange={setName}
          error={fieldError(update.error, 'name')}
        />
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? 'Menyimpan…' : 'Simpan nama'}
        </button>
      </form>
    </section>
  );
}

function PasswordForm() {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: accountApi.changePassword,
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
      setConfirm('');
      void queryClient.invalidateQueries({ queryKey: queryKeys.sessions });
    },
  });
  return (
    <section aria-labelledby="judul-sandi" className="card">
      <h2 id="judul-sandi">Ubah kata sandi</h2>
      {change.isSuccess ? <Notice kind="success">Kata sandi telah diubah.</Notice> : null}
      <FormErrors
        error={change.error}
        labels={{ currentPassword: 'Kata sandi saat ini', newPassword: 'Kata sandi baru' }}
      />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (newPassword !== confirm) {
            setMismatch(true);
            return;
          }
          setMismatch(false);
          change.mutate({ currentPassword, newPassword });
        }}
      >
        <PasswordField
          label="Kata sandi saat ini"
          name="currentPassword"
          value={currentPassword}
          onValueChange={setCurrentPassword}
          autoComplete="current-password"
          error={fieldError(change.error, 'currentPassword')}
        />
        <PasswordField
          label="Kata sandi baru"
          name="newPassword"
          value={newPassword}
          onValueChange={setNewPassword}
          autoComplete="new-password"
          showStrength
          error={fieldError(change.error, 'newPassword')}
        />
        <PasswordField
          label="Ulangi kata sandi baru"
          name="confirmPassword"
          value={confirm}
          onValueChange={setConfirm}
          autoComplete="new-password"
          error={mismatch ? 'Kedua kata sandi tidak sama.' : undefined}
        />
        <button type="submit" className="button" disabled={change.isPending}>
          {change.isPending ? 'Menyimpan…' : 'Ubah kata sandi'}
        </button>
      </form>
    </section>
  );
}

function describeDevice(session: Session): string {
  const agent = session.userAgent ?? '';
  const browser = /Edg\//.test(agent)
    ? 'Edge'
    : /Firefox\//.test(agent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(agent)
        ? 'Chrome'
        : /Safari\//.test(agent)
          ? 'Safari'
          : null;
  const system = /Android/.test(agent)
    ? 'Android'
    : /iPhone|iPad/.test(agent)
      ? 'iOS'
      : /Windows/.test(agent)
        ? 'Windows'
        : /Mac OS X/.test(agent)
          ? 'macOS'
          : /Linux/.test(agent)
            ? 'Linux'
            : null;
  if (browser && system) return `${browser} di ${system}`;
  return browser ?? system ?? (agent ? agent.slice(0, 60) : 'Perangkat tidak dikenal');
}

function SessionsList({ timeZone }: { timeZone: AgencyTimezone }) {
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: queryKeys.sessions, queryFn: accountApi.sessions });
  const revoke = useMutation({
    mutationFn: accountApi.revokeSession,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.sessions }),
  });
  return (
    <section aria-labelledby="judul-sesi" className="card">
      <h2 id="judul-sesi">Sesi aktif</h2>
      <p>Cabut sesi yang tidak Anda kenali. Perangkat itu harus masuk kembali.</p>
      {revoke.isError ? <Notice kind="error">{errorMessage(revoke.error)}</Notice> : null}
      {revoke.isSuccess ? <Notice kind="success">Sesi telah dicabut.</Notice> : null}
      {sessions.isPending ? (
        <Loading label="Memuat sesi…" />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : sessions.data.items.length === 0 ? (
        <EmptyState>Tidak ada sesi aktif.</EmptyState>
      ) : (
        <ul className="session-list">
          {sessions.data.items.map((session) => {
            const device = describeDevice(session);
            return (
              <li key={session.id} className="session">
                <div>
                  <p className="session-device">
                    <strong>{device}</strong>
                    {session.current ? <span className="tag">Sesi ini</span> : null}
                  </p>
                  <p className="muted">
                    Masuk <DateTime value={session.createdAt} timeZone={timeZone} /> · terakhir aktif{' '}
                    <DateTime value={session.lastSeenAt} timeZone={timeZone} />
                    {session.ip ? ` · IP ${session.ip}` : ''}
                  </p>
                </div>
                {session.current ? null : (
                  <button
                    type="button"
                    className="button button-danger"
                    onClick={() => revoke.mutate(session.id)}
                    disabled={revoke.isPending}
                  >
                    Cabut<span className="visually-hidden"> sesi {device}</span>
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function Account({ me }: { me: Me }) {
  const agencyId = me.roles.find((grant) => grant.agencyId)?.agencyId ?? null;
  const timeZone = useAgencyTimezone(agencyId);
  return (
    <>
      <PageTitle>Akun saya</PageTitle>
      <div className="stack-lg">
        <ProfileForm me={me} />
        <PasswordForm />
        <SessionsList timeZone={timeZone} />
      </div>
    </>
  );
}

export function AccountPage() {
  return <RequireAuth>{(me) => <Account me={me} />}</RequireAuth>;
}
