import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CHECK_NOTE_MAX } from '../../../../core/schemas/verification';
import { useAgencyDetail } from '../../api/queries';
import type { Me } from '../../api/types';
import { verificationApi, verificationKeys, type CheckInput, type Workspace } from '../../api/verification';
import { ConfirmPanel, useFocusAfterRender } from '../../components/ConfirmButton';
import { DateTime } from '../../components/DateTime';
import { ErrorState, Loading, Notice } from '../../components/Feedback';
import { FormErrors } from '../../components/FormErrors';
import { PageTitle } from '../../components/PageTitle';
import { RequireAuth } from '../../components/RequireAuth';
import { TextAreaField } from '../../components/TextAreaField';
import { FLAG_LABELS, paths, STATUS_LABELS, verificationAccess } from './access';
import { StatusTag } from './shared';
import './verification.css';

type Draft = { result: 'MS' | 'TMS' | ''; reasonCode: string; reasonText: string };
type ChecklistItem = Workspace['checklist'][number];

const fromCheck = (item: ChecklistItem): Draft => ({ result: item.check?.result ?? '', reasonCode: item.check?.reasonCode ?? '', reasonText: item.check?.reasonText ?? '' });
const same = (a: Draft, b: Draft) => a.result === b.result && a.reasonCode === b.reasonCode && a.reasonText.trim() === b.reasonText.trim();
const documentKey = (requirementKey: string) => (requirementKey.startsWith('doc:') ? requirementKey.slice(4) : null);

function DocumentViewer({ workspace, active, onSelect }: { workspace: Workspace; active: string | null; onSelect: (key: string) => void }) {
  const documents = workspace.documents;
  const current = documents.find((d) => d.key === active) ?? documents.find((d) => d.file) ?? null;
  return (
    <section className="doc-viewer card" aria-labelledby="judul-dokumen">
      <h2 id="judul-dokumen">Dokumen</h2>
      <ul className="doc-tabs" aria-label="Pilih dokumen">
        {documents.map((d) => (
          <li key={d.key}>
            <button type="button" className="button button-small button-secondary" aria-pressed={current?.key === d.key} onClick={() => onSelect(d.key)}>
              {d.name}
              {d.file ? '' : ' (tidak diunggah)'}
            </button>
          </li>
        ))}
      </ul>
      {!current ? (
        <p className="empty">Tidak ada dokumen.</p>
      ) : !current.file ? (
        <p className="empty">{current.name} tidak diunggah{current.mandatory ? ' padahal wajib' : ' (tidak wajib)'}.</p>
      ) : !current.previewUrl ? (
        <p className="empty">Dokumen hanya dapat dibuka oleh staf instansi ini.</p>
      ) : (
        <>
          {current.file.mime.startsWith('image/') ? (
            <img className="doc-image" src={current.previewUrl} alt={`Pratinjau ${current.name}`} />
          ) : (
            <iframe key={current.previewUrl} className="doc-frame" src={current.previewUrl} title={`Pratinjau ${current.name}`} />
          )}
          <p className="muted">
            {current.file.mime} · {Math.round(current.file.sizeBytes / 1024).toLocaleString('id-ID')} KB · SHA-256 <span className="hash">{current.file.sha256.slice(0, 16)}…</span> ·{' '}
            <a href={current.previewUrl} target="_blank" rel="noopener noreferrer">
              Buka di tab baru<span className="visually-hidden"> ({current.name})</span>
            </a>
          </p>
        </>
      )}
    </section>
  );
}

function Profile({ workspace }: { workspace: Workspace }) {
  const p = workspace.profile;
  return (
    <section className="card" aria-labelledby="judul-profil">
      <h2 id="judul-profil">Data pelamar saat mendaftar</h2>
      {p.masked ? <p className="muted">Data pribadi disamarkan: hanya verifikator dan admin instansi ini yang melihatnya utuh.</p> : null}
      <dl className="facts">
        <dt>Nama</dt>
        <dd>{p.name}</dd>
        <dt>NIK</dt>
        <dd>{p.nik}</dd>
        <dt>Tempat, tanggal lahir</dt>
        <dd>
          {p.birthPlace}, {p.birthDate}
        </dd>
        <dt>Jenis kelamin</dt>
        <dd>{p.sex === 'P' ? 'Perempuan' : p.sex === 'L' ? 'Laki-laki' : p.sex}</dd>
        <dt>Alamat</dt>
        <dd>{p.address}</dd>
        <dt>Nomor HP</dt>
        <dd>{p.phone}</dd>
        <dt>Email</dt>
        <dd>{p.email}</dd>
        {p.disability ? (
          <>
            <dt>Disabilitas</dt>
            <dd>{p.disability}</dd>
          </>
        ) : null}
        {p.claims.length ? (
          <>
            <dt>Pernyataan</dt>
            <dd>{p.claims.join('; ')}</dd>
          </>
        ) : null}
        {p.education.map((e, index) => (
          <div key={index} style={{ display: 'contents' }}>
            <dt>Pendidikan {index + 1}</dt>
            <dd>
              {e.level} {e.programme}, {e.institution}
              {e.year ? ` (${e.year})` : ''}
              {e.gpa !== null ? `, IPK ${e.gpa.toLocaleString('id-ID', { minimumFractionDigits: 2 })}` : ''}, ijazah {e.diplomaNumber}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** What the applicant entered that a rule is checked against, shown beside the rule. */
function ruleContext(key: string, profile: Workspace['profile']): string | null {
  if (key === 'rule:age') return `Tanggal lahir: ${profile.birthDate}`;
  if (key === 'rule:education') return `Pendidikan: ${profile.education.map((e) => `${e.level} ${e.programme} (${e.institution})`).join('; ') || '—'}`;
  if (key === 'rule:formasiKind') return `Pernyataan: ${profile.claims.join('; ') || 'tidak ada'}`;
  return null;
}

function CheckItem({
  item,
  context,
  draft,
  editable,
  active,
  reasons,
  onChange,
  onFocusItem,
}: {
  item: ChecklistItem;
  context: string | null;
  draft: Draft;
  editable: boolean;
  active: boolean;
  reasons: Array<{ code: string; label: string; active: boolean }>;
  onChange: (draft: Draft) => void;
  onFocusItem: () => void;
}) {
  const id = useId();
  const reasonRef = useRef<HTMLSelectElement>(null);
  const check = item.check;
  const onKeyDown = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    const target = event.target as HTMLElement;
    if (!editable || event.ctrlKey || event.metaKey || event.altKey || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return;
    const key = event.key.toLowerCase();
    if (key === 'm') {
      event.preventDefault();
      onChange({ ...draft, result: 'MS', reasonCode: '' });
    } else if (key === 't') {
      event.preventDefault();
      onChange({ ...draft, result: 'TMS' });
      setTimeout(() => reasonRef.current?.focus(), 0);
    }
  };
  const options = reasons.filter((r) => r.active || r.code === draft.reasonCode);
  return (
    <li className={`check-item${draft.result === 'MS' ? ' is-ms' : draft.result === 'TMS' ? ' is-tms' : ''}${active ? ' is-active' : ''}`}>
      <fieldset onKeyDown={onKeyDown} onFocus={onFocusItem} disabled={!editable}>
        <legend>
          {item.label}
          <span className="muted"> · {item.kind === 'dokumen' ? 'dokumen' : 'syarat'}</span>
        </legend>
        {context ? <p className="check-meta">{context}</p> : null}
        <div className="choice-row">
          <label className="choice">
            <input type="radio" name={`${id}-hasil`} value="MS" checked={draft.result === 'MS'} onChange={() => onChange({ ...draft, result: 'MS', reasonCode: '' })} />
            MS
          </label>
          <label className="choice">
            <input type="radio" name={`${id}-hasil`} value="TMS" checked={draft.result === 'TMS'} onChange={() => onChange({ ...draft, result: 'TMS' })} />
            TMS
          </label>
        </div>
        {draft.result === 'TMS' ? (
          <div className="field">
            <label htmlFor={`${id}-alasan`}>
              Alasan TMS <span className="required">(wajib)</span>
            </label>
            <select id={`${id}-alasan`} ref={reasonRef} value={draft.reasonCode} onChange={(event) => onChange({ ...draft, reasonCode: event.target.value })}>
              <option value="">Pilih alasan dari katalog</option>
              {options.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {draft.result ? (
          <TextAreaField
            label={draft.result === 'TMS' ? 'Keterangan untuk pelamar' : 'Catatan (opsional)'}
            rows={2}
            maxLength={CHECK_NOTE_MAX}
            value={draft.reasonText}
            onValueChange={(reasonText) => onChange({ ...draft, reasonText })}
          />
        ) : null}
      </fieldset>
      {check ? (
        <p className="check-meta">
          Tercatat {check.result} oleh {check.verifier.name}, <DateTime value={check.decidedAt} />
          {check.reasonLabel ? ` — ${check.reasonLabel}` : ''}
          {check.confirmedBy ? ` · dikonfirmasi ${check.confirmedBy.name}` : check.result === 'TMS' ? ' · belum dikonfirmasi verifikator kedua' : ''}
        </p>
      ) : (
        <p className="check-meta">Belum diperiksa.</p>
      )}
    </li>
  );
}

function WorkspaceView({ agencyId, applicationId, me }: { agencyId: string; applicationId: string; me: Me }) {
  const queryClient = useQueryClient();
  const { name: agencyName, timezone } = useAgencyDetail(agencyId);
  const key = verificationKeys.workspace(agencyId, applicationId);
  const workspace = useQuery({ queryKey: key, queryFn: async () => (await verificationApi.workspace(agencyId, applicationId)).workspace });
  const reasons = useQuery({ queryKey: verificationKeys.reasons(agencyId), queryFn: () => verificationApi.reasons(agencyId), staleTime: 5 * 60_000 });
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [activeDoc, setActiveDoc] = useState<string | null>(null);
  const [activeItem, setActiveItem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<'ms' | 'tms' | null>(null);
  const decisionIds = useId();
  const focusAfterRender = useFocusAfterRender();
  const [toConfirm, setToConfirm] = useState<string[]>([]);
  const [reopenReason, setReopenReason] = useState('');

  const data = workspace.data;
  const saved = useMemo(() => Object.fromEntries((data?.checklist ?? []).map((item) => [item.key, fromCheck(item)])), [data]);
  useEffect(() => setDrafts(saved), [saved]);

  const onDone = (message: string) => (result: { workspace: Workspace }) => {
    queryClient.setQueryData(key, result.workspace);
    void queryClient.invalidateQueries({ queryKey: verificationKeys.all(agencyId), predicate: (q) => q.queryKey[2] !== 'workspace' });
    setNotice(message);
    setConfirming(null);
    setToConfirm([]);
  };
  const claim = useMutation({ mutationFn: () => verificationApi.claim(agencyId, applicationId), onSuccess: onDone('Pendaftaran ini sekarang Anda pegang.') });
  const release = useMutation({ mutationFn: () => verificationApi.release(agencyId, applicationId), onSuccess: onDone('Pendaftaran dikembalikan ke antrean.') });
  const dirty = (data?.checklist ?? []).filter((item) => drafts[item.key] && drafts[item.key]!.result && !same(drafts[item.key]!, saved[item.key]!));
  const save = useMutation({
    mutationFn: () =>
      verificationApi.saveChecks(
        agencyId,
        applicationId,
        dirty.map((item): CheckInput => {
          const d = drafts[item.key]!;
          return { requirementKey: item.key, result: d.result as 'MS' | 'TMS', reasonCode: d.result === 'TMS' ? d.reasonCode || null : null, reasonText: d.reasonText.trim() };
        }),
      ),
    onSuccess: onDone('Pemeriksaan tersimpan dan tercatat di jejak audit.'),
  });
  const decide = useMutation({
    mutationFn: (decision: 'ms' | 'tms') => verificationApi.decide(agencyId, applicationId, decision),
    onSuccess: (result) => onDone(`Keputusan ${result.workspace.application.status.toUpperCase()} tercatat.`)(result),
  });
  const confirm = useMutation({ mutationFn: () => verificationApi.confirm(agencyId, applicationId, toConfirm), onSuccess: onDone('Konfirmasi TMS tercatat.') });
  const reopen = useMutation({
    mutationFn: () => verificationApi.reopen(agencyId, applicationId, reopenReason.trim()),
    onSuccess: (result) => {
      setReopenReason('');
      onDone('Keputusan dibuka ulang; pendaftaran kembali ke verifikator.')(result);
    },
  });

  if (workspace.isPending) return <Loading label="Memuat pendaftaran…" />;
  if (workspace.isError) return <ErrorState error={workspace.error} onRetry={() => void workspace.refetch()} />;
  const ws = workspace.data;
  const app = ws.application;
  const editable = ws.can.check;
  const decisionError = decide.error ?? save.error ?? confirm.error ?? claim.error ?? release.error ?? reopen.error;
  const confirmable = ws.checklist.filter((item) => item.check?.result === 'TMS' && !item.check.confirmedBy && item.check.verifier.id !== me.id);
  const unchecked = ws.checklist.filter((item) => !drafts[item.key]?.result);

  return (
    <div className="verifikasi">
      <p className="breadcrumb">
        <Link to={paths.queue(agencyId)}>‹ Antrean verifikasi</Link>
      </p>
      <PageTitle title={`Verifikasi ${app.registrationNumber ?? ''} — ${agencyName ?? ''}`}>
        Verifikasi {app.registrationNumber}
        <span className="subtitle">
          {ws.profile.name} · {app.formasi.positionName} — {app.formasi.unitName}
        </span>
      </PageTitle>
      <dl className="facts">
        <dt>Seleksi</dt>
        <dd>
          {app.selection.name}
          {app.selection.fourEyes ? ' · aturan empat mata berlaku' : ''}
        </dd>
        <dt>Dikirim</dt>
        <dd>
          <DateTime value={app.submittedAt} timeZone={timezone} />
        </dd>
        <dt>Status</dt>
        <dd>
          <StatusTag status={app.status} />
          {app.decidedBy ? (
            <>
              {' '}
              oleh {app.decidedBy.name}, <DateTime value={app.decidedAt} timeZone={timezone} />
            </>
          ) : null}
        </dd>
        <dt>Dipegang</dt>
        <dd>{app.assignedVerifier ? (app.assignedVerifier.id === me.id ? 'Saya' : app.assignedVerifier.name) : 'Belum dipegang siapa pun'}</dd>
      </dl>
      <div className="actions">
        {ws.can.claim ? (
          <button type="button" className="button" onClick={() => claim.mutate()} disabled={claim.isPending}>
            Ambil pendaftaran ini
          </button>
        ) : null}
        {(ws.can.check || (ws.can.assign && app.assignedVerifier)) && app.status === 'submitted' ? (
          <button type="button" className="button button-secondary" onClick={() => release.mutate()} disabled={release.isPending}>
            Kembalikan ke antrean
          </button>
        ) : null}
      </div>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <FormErrors error={decisionError} />

      {ws.flags.length ? (
        <div className="alert alert-info" role="note">
          <p>
            <strong>Kemungkinan duplikat</strong> (bahan pertimbangan, bukan keputusan):
          </p>
          <ul>
            {ws.flags.map((flag, index) => (
              <li key={index}>
                {flag.detail || FLAG_LABELS[flag.kind]} — <Link to={paths.workspace(agencyId, flag.otherApplicationId)}>{flag.otherRegistrationNumber ?? 'pendaftaran lain'}</Link>
                {flag.otherStatus ? ` (${STATUS_LABELS[flag.otherStatus] ?? flag.otherStatus})` : ''}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="ws-grid">
        <DocumentViewer workspace={ws} active={activeDoc} onSelect={setActiveDoc} />
        <div className="stack-lg">
          <section aria-labelledby="judul-periksa">
            <h2 id="judul-periksa">Daftar periksa persyaratan</h2>
            {editable ? (
              <p className="kbd-hint hint">
                Pada persyaratan yang sedang dipilih: <kbd>M</kbd> = MS, <kbd>T</kbd> = TMS (lalu pilih alasan); <kbd>Ctrl</kbd>+<kbd>Enter</kbd> menyimpan. Memilih persyaratan dokumen
                menampilkan dokumennya.
              </p>
            ) : null}
            <form
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                if (dirty.length) save.mutate();
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && dirty.length && editable) {
                  event.preventDefault();
                  save.mutate();
                }
              }}
            >
              <ol className="checklist">
                {ws.checklist.map((item) => (
                  <CheckItem
                    key={item.key}
                    item={item}
                    context={ruleContext(item.key, ws.profile)}
                    draft={drafts[item.key] ?? fromCheck(item)}
                    editable={editable}
                    active={activeItem === item.key}
                    reasons={reasons.data?.items ?? []}
                    onChange={(draft) => setDrafts((current) => ({ ...current, [item.key]: draft }))}
                    onFocusItem={() => {
                      setActiveItem(item.key);
                      const doc = documentKey(item.key);
                      if (doc) setActiveDoc(doc);
                    }}
                  />
                ))}
              </ol>
              {editable ? (
                <div className="actions sticky-actions">
                  <button type="submit" className="button" disabled={!dirty.length || save.isPending}>
                    {save.isPending ? 'Menyimpan…' : dirty.length ? `Simpan pemeriksaan (${dirty.length})` : 'Tidak ada perubahan'}
                  </button>
                  {unchecked.length ? (
                    <button
                      type="button"
                      className="button button-secondary"
                      onClick={() => setDrafts((current) => ({ ...current, ...Object.fromEntries(unchecked.map((item) => [item.key, { result: 'MS' as const, reasonCode: '', reasonText: '' }])) }))}
                    >
                      Tandai {unchecked.length} yang belum diperiksa sebagai MS
                    </button>
                  ) : null}
                </div>
              ) : null}
            </form>
          </section>

          <section className="card" aria-labelledby="judul-keputusan">
            <h2 id="judul-keputusan">Keputusan</h2>
            {app.status !== 'submitted' ? (
              <p>
                Pendaftaran ini sudah diputuskan <StatusTag status={app.status} />.
              </p>
            ) : (
              <>
                <p>
                  Hasil pemeriksaan mengarah ke:{' '}
                  {ws.decision.suggested ? <span className={`result-badge ${ws.decision.suggested}`}>{ws.decision.suggested.toUpperCase()}</span> : <strong>belum lengkap</strong>}
                </p>
                {ws.decision.pendingConfirmations.length ? (
                  <p>Menunggu konfirmasi verifikator kedua untuk {ws.decision.pendingConfirmations.length} TMS (aturan empat mata).</p>
                ) : null}
                {dirty.length ? <p className="field-error">Simpan pemeriksaan terlebih dahulu sebelum memutuskan.</p> : null}
                {ws.can.decide ? (
                  confirming ? (
                    <ConfirmPanel
                      groupLabel={`Konfirmasi keputusan ${confirming.toUpperCase()}`}
                      explanation={
                        <>
                          Catat keputusan <strong>{confirming.toUpperCase()}</strong>? Keputusan dicatat di jejak audit dan hanya dapat dibuka ulang oleh panitia sebelum hasil diumumkan.
                        </>
                      }
                      confirmLabel={`Ya, putuskan ${confirming.toUpperCase()}`}
                      pendingLabel="Menyimpan…"
                      pending={decide.isPending}
                      onConfirm={() => decide.mutate(confirming)}
                      onCancel={() => {
                        setConfirming(null);
                        focusAfterRender(`${decisionIds}-${confirming}`);
                      }}
                    />
                  ) : (
                    <div className="actions">
                      <button id={`${decisionIds}-ms`} type="button" className="button" disabled={Boolean(dirty.length) || ws.decision.msIssues.length > 0} onClick={() => setConfirming('ms')}>
                        Putuskan MS
                      </button>
                      <button id={`${decisionIds}-tms`} type="button" className="button button-danger" disabled={Boolean(dirty.length) || ws.decision.tmsIssues.length > 0} onClick={() => setConfirming('tms')}>
                        Putuskan TMS
                      </button>
                    </div>
                  )
                ) : null}
                {ws.can.decide && ws.decision.suggested ? (
                  <ul className="muted">
                    {(ws.decision.suggested === 'ms' ? ws.decision.msIssues : ws.decision.tmsIssues).map((issue) => (
                      <li key={issue}>{issue}</li>
                    ))}
                  </ul>
                ) : null}
              </>
            )}
          </section>

          {ws.can.confirm && confirmable.length ? (
            <section className="card" aria-labelledby="judul-empat-mata">
              <h2 id="judul-empat-mata">Konfirmasi empat mata</h2>
              <p>Periksa dokumennya sendiri, lalu konfirmasi TMS yang dicatat verifikator lain. Bila tidak setuju, bicarakan dengan verifikatornya; TMS yang diubah perlu dikonfirmasi ulang.</p>
              <fieldset className="field checkbox-group">
                <legend>TMS yang menunggu konfirmasi</legend>
                {confirmable.map((item) => (
                  <label key={item.key} className="checkbox">
                    <input
                      type="checkbox"
                      checked={toConfirm.includes(item.key)}
                      onChange={(event) => setToConfirm((current) => (event.target.checked ? [...current, item.key] : current.filter((k) => k !== item.key)))}
                    />
                    <span>
                      {item.label}: {item.check?.reasonLabel}
                      {item.check?.reasonText ? ` — ${item.check.reasonText}` : ''} (oleh {item.check?.verifier.name})
                    </span>
                  </label>
                ))}
              </fieldset>
              <button type="button" className="button" disabled={!toConfirm.length || confirm.isPending} onClick={() => confirm.mutate()}>
                Konfirmasi TMS terpilih
              </button>
            </section>
          ) : null}

          <Profile workspace={ws} />

          {ws.can.reopen ? (
            <section className="card" aria-labelledby="judul-buka-ulang">
              <h2 id="judul-buka-ulang">Buka ulang keputusan</h2>
              <p>Sebelum hasil diumumkan, panitia dapat mengembalikan keputusan ke verifikator. Alasannya dicatat di jejak audit.</p>
              <TextAreaField label="Alasan membuka ulang" required rows={3} maxLength={1000} value={reopenReason} onValueChange={setReopenReason} />
              <button type="button" className="button button-secondary" disabled={reopenReason.trim().length < 10 || reopen.isPending} onClick={() => reopen.mutate()}>
                Buka ulang keputusan
              </button>
            </section>
          ) : null}
        </div>
      </div>
    </div>
  );
}

export function WorkspacePage() {
  const { agencyId = '', applicationId = '' } = useParams();
  return (
    <RequireAuth allow={(me) => verificationAccess.read(me, agencyId)}>
      {(me) => <WorkspaceView key={`${agencyId}/${applicationId}`} agencyId={agencyId} applicationId={applicationId} me={me} />}
    </RequireAuth>
  );
}
