import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DESK_SCORE_LABELS, outlookMessage, suggestCompetency, developmentFocus, COMPETENCY_FOR_VALUE, RESULTS_COMPETENCY } from '../../../../core/evaluation';
import {
  BERAKHLAK,
  determinePredikat,
  distributionOutlook,
  medianRating,
  PREDIKAT_MATRIX,
  RATING_LABELS,
  RATINGS,
  suggestBehaviourRating,
  type BerakhlakValue,
  type DistributionBounds,
  type OrganisationRating,
  type Predikat,
  type Rating,
} from '../../../../core/predikat';
import { evaluationApi, evaluationKeys, type PlanDetail, type PlanItemsInput } from '../../api/evaluation';
import { DateTime } from '../../components/DateTime';
import { SelectField, TextField } from '../../components/Field';
import { ErrorState, Loading, Notice, EmptyState } from '../../components/Feedback';
import { FileField } from '../../components/FileField';
import { FormActions } from '../../components/FormActions';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { PageTitle } from '../../components/PageTitle';
import { RequireAuth } from '../../components/RequireAuth';
import { TextAreaField } from '../../components/TextAreaField';
import { evaluationPaths, planStatusLabel, planStatusTag, predikatLabel, predikatTag, ratingLabel } from './access';
import { RecommendationList } from './RecommendationList';

type Detail = PlanDetail;
const ratingOptions = RATINGS.map((value) => ({ value, label: RATING_LABELS[value] }));

function useRefresh(agencyId: string, planId: string) {
  const queryClient = useQueryClient();
  return (detail: Detail) => {
    queryClient.setQueryData(evaluationKeys.plan(agencyId, planId), detail);
    void queryClient.invalidateQueries({ queryKey: ['evaluation', agencyId], refetchType: 'none' });
  };
}

/** One of the plan's forms in its own card, named by its heading, the server's refusal above its fields. */
function PanelForm({ headingId, title, error, onSubmit, children }: { headingId: string; title: string; error: unknown; onSubmit: () => void; children: ReactNode }) {
  return (
    <form
      className="form card panel"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <h2 id={headingId}>{title}</h2>
      <FormErrors error={error} />
      {children}
    </form>
  );
}

// ---- the plan's results (employee) ----------------------------------------------------------------

type DraftItem = { title: string; indicators: Array<{ name: string; target: string; unit: string }> };
const emptyItem = (): DraftItem => ({ title: '', indicators: [{ name: '', target: '', unit: '' }] });

function ItemsEditor({ detail, onSaved }: { detail: Detail; onSaved: (detail: Detail) => void }) {
  const [items, setItems] = useState<DraftItem[]>(() =>
    detail.items.length ? detail.items.map((item) => ({ title: item.title, indicators: item.indicators.map((i) => ({ name: i.name, target: String(i.target), unit: i.unit })) })) : [emptyItem()],
  );
  const save = useMutation({
    mutationFn: () => {
      const body: PlanItemsInput = { items: items.map((item) => ({ title: item.title, indicators: item.indicators.map((i) => ({ name: i.name, target: Number(i.target.replace(',', '.')), unit: i.unit })) })) };
      return evaluationApi.saveItems(detail.plan.agencyId, detail.plan.id, body);
    },
    onSuccess: onSaved,
  });
  const update = (index: number, change: (item: DraftItem) => DraftItem) => setItems((current) => current.map((item, i) => (i === index ? change(item) : item)));
  return (
    <PanelForm headingId="judul-susun-rencana" title="Susun rencana hasil kerja" error={save.error} onSubmit={() => save.mutate()}>
      {items.map((item, index) => (
        <fieldset key={index} className="stack">
          <legend>Rencana {index + 1}</legend>
          <TextField label="Rencana hasil kerja" required value={item.title} onValueChange={(title) => update(index, (it) => ({ ...it, title }))} error={fieldError(save.error, `items.${index}.title`)} />
          {item.indicators.map((indicator, j) => (
            <div key={j} className="two-columns">
              <TextField
                label={`Indikator ${j + 1}`}
                required
                value={indicator.name}
                onValueChange={(name) => update(index, (it) => ({ ...it, indicators: it.indicators.map((x, k) => (k === j ? { ...x, name } : x)) }))}
                error={fieldError(save.error, `items.${index}.indicators.${j}.name`)}
              />
              <TextField
                label={`Target indikator ${j + 1}`}
                required
                inputMode="decimal"
                value={indicator.target}
                onValueChange={(target) => update(index, (it) => ({ ...it, indicators: it.indicators.map((x, k) => (k === j ? { ...x, target } : x)) }))}
                error={fieldError(save.error, `items.${index}.indicators.${j}.target`)}
              />
              <TextField
                label={`Satuan target ${j + 1}`}
                required
                value={indicator.unit}
                hint="Misalnya: dokumen, laporan, persen"
                onValueChange={(unit) => update(index, (it) => ({ ...it, indicators: it.indicators.map((x, k) => (k === j ? { ...x, unit } : x)) }))}
                error={fieldError(save.error, `items.${index}.indicators.${j}.unit`)}
              />
            </div>
          ))}
          <div className="actions">
            <button type="button" className="button button-secondary" onClick={() => update(index, (it) => ({ ...it, indicators: [...it.indicators, { name: '', target: '', unit: '' }] }))}>
              Tambah indikator
            </button>
            {items.length > 1 ? (
              <button type="button" className="button button-secondary" onClick={() => setItems((current) => current.filter((_, i) => i !== index))}>
                Hapus rencana {index + 1}
              </button>
            ) : null}
          </div>
        </fieldset>
      ))}
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={() => setItems((current) => [...current, emptyItem()])}>
          Tambah rencana hasil kerja
        </button>
      </div>
      <FormActions pending={save.isPending} label="Simpan rencana" />
    </PanelForm>
  );
}

function RealisationForm({ detail, onSaved }: { detail: Detail; onSaved: (detail: Detail) => void }) {
  const indicators = detail.items.flatMap((item) => item.indicators);
  const [values, setValues] = useState<Record<string, { realised: string; note: string }>>(() =>
    Object.fromEntries(indicators.map((i) => [i.id, { realised: i.realised === null ? '' : String(i.realised), note: i.realisationNote }])),
  );
  const save = useMutation({
    mutationFn: () =>
      evaluationApi.realise(
        detail.plan.agencyId,
        detail.plan.id,
        indicators.map((i) => ({ indicatorId: i.id, realised: values[i.id]!.realised.trim() === '' ? null : Number(values[i.id]!.realised.replace(',', '.')), note: values[i.id]!.note })),
      ),
    onSuccess: onSaved,
  });
  return (
    <PanelForm headingId="judul-realisasi" title="Isi realisasi" error={save.error} onSubmit={() => save.mutate()}>
      {save.isSuccess ? <Notice kind="success">Realisasi tersimpan.</Notice> : null}
      {detail.items.map((item) => (
        <fieldset key={item.id}>
          <legend>{item.title}</legend>
          {item.indicators.map((indicator) => (
            <div key={indicator.id} className="two-columns">
              <TextField
                label={`Realisasi: ${indicator.name} (target ${indicator.target.toLocaleString('id-ID')} ${indicator.unit})`}
                inputMode="decimal"
                value={values[indicator.id]!.realised}
                onValueChange={(realised) => setValues((current) => ({ ...current, [indicator.id]: { ...current[indicator.id]!, realised } }))}
              />
              <TextField label={`Keterangan: ${indicator.name}`} value={values[indicator.id]!.note} onValueChange={(note) => setValues((current) => ({ ...current, [indicator.id]: { ...current[indicator.id]!, note } }))} />
            </div>
          ))}
        </fieldset>
      ))}
      <FormActions pending={save.isPending} label="Simpan realisasi" />
    </PanelForm>
  );
}

function EvidenceUpload({ detail, itemId, onSaved }: { detail: Detail; itemId: string; onSaved: (detail: Detail) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const upload = useMutation({ mutationFn: () => evaluationApi.uploadEvidence(detail.plan.agencyId, detail.plan.id, itemId, file!, title.trim()), onSuccess: onSaved });
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (file) upload.mutate();
      }}
    >
      <FormErrors error={upload.error} />
      <TextField label="Judul bukti (opsional)" value={title} onValueChange={setTitle} maxLength={200} />
      <FileField label="Berkas bukti" accept="application/pdf,image/jpeg,image/png" hint="PDF, JPEG atau PNG, maks. 10 MB" onFileChange={setFile} error={fieldError(upload.error, 'file')} />
      <FormActions pending={upload.isPending} label="Unggah bukti" pendingLabel="Mengunggah…" disabled={!file} />
    </form>
  );
}

function ItemsView({ detail, onSaved }: { detail: Detail; onSaved: (detail: Detail) => void }) {
  if (detail.items.length === 0) return <EmptyState>Rencana hasil kerja belum diisi.</EmptyState>;
  return (
    <section aria-labelledby="judul-hasil-kerja">
      <h2 id="judul-hasil-kerja">Rencana hasil kerja</h2>
      {detail.items.map((item, index) => (
        <article key={item.id} className="card panel" aria-labelledby={`rhk-${item.id}`}>
          <h3 id={`rhk-${item.id}`}>
            {index + 1}. {item.title}
            {item.rating ? <span className="subtitle">Penilaian atasan: {ratingLabel(item.rating)}</span> : null}
          </h3>
          <div className="table-wrap" role="region" aria-label={`Indikator ${item.title}`} tabIndex={0}>
            <table>
              <caption className="visually-hidden">Indikator {item.title}</caption>
              <thead>
                <tr>
                  <th scope="col">Indikator</th>
                  <th scope="col">Target</th>
                  <th scope="col">Realisasi</th>
                  <th scope="col">Capaian</th>
                </tr>
              </thead>
              <tbody>
                {item.indicators.map((indicator) => (
                  <tr key={indicator.id}>
                    <th scope="row">
                      {indicator.name}
                      {indicator.realisationNote ? <span className="subtitle">{indicator.realisationNote}</span> : null}
                    </th>
                    <td>
                      {indicator.target.toLocaleString('id-ID')} {indicator.unit}
                    </td>
                    <td>{indicator.realised === null ? '—' : `${indicator.realised.toLocaleString('id-ID')} ${indicator.unit}`}</td>
                    <td>{indicator.achievementPercent === null ? '—' : `${indicator.achievementPercent.toLocaleString('id-ID')}%`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {item.evidence.length ? (
            <>
              <h4>Bukti</h4>
              <ul>
                {item.evidence.map((e) => (
                  <li key={e.id}>
                    <a href={e.downloadUrl}>{e.title}</a> <span className="muted">({e.fileName})</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {detail.viewer.canRealise ? (
            <details>
              <summary>Unggah bukti untuk rencana ini</summary>
              <EvidenceUpload detail={detail} itemId={item.id} onSaved={onSaved} />
            </details>
          ) : null}
        </article>
      ))}
    </section>
  );
}

// ---- supervisor: agreement and rating -------------------------------------------------------------

function Agreement({ detail, onSaved }: { detail: Detail; onSaved: (detail: Detail) => void }) {
  const [note, setNote] = useState('');
  const agree = useMutation({ mutationFn: () => evaluationApi.agree(detail.plan.agencyId, detail.plan.id), onSuccess: onSaved });
  const giveBack = useMutation({ mutationFn: () => evaluationApi.returnPlan(detail.plan.agencyId, detail.plan.id, note.trim()), onSuccess: onSaved });
  return (
    <section className="card panel" aria-labelledby="judul-persetujuan">
      <h2 id="judul-persetujuan">Persetujuan rencana</h2>
      <FormErrors error={agree.error ?? giveBack.error} />
      <div className="actions">
        <button type="button" className="button" disabled={agree.isPending} onClick={() => agree.mutate()}>
          {agree.isPending ? 'Menyimpan…' : 'Sepakati rencana'}
        </button>
      </div>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          giveBack.mutate();
        }}
      >
        <TextAreaField label="Alasan pengembalian" rows={3} value={note} onValueChange={setNote} error={fieldError(giveBack.error, 'note')} />
        <FormActions pending={giveBack.isPending} label="Kembalikan untuk diperbaiki" />
      </form>
    </section>
  );
}

function InputPanel({ input }: { input: NonNullable<Detail['input']> }) {
  const desk = (label: string, summary: NonNullable<Detail['input']>['publicEmployee'] | null) =>
    summary ? (
      <div>
        <h4>{label}</h4>
        {summary.responses === 0 ? (
          <p className="muted">Belum ada penilaian publik pada periode ini.</p>
        ) : (
          <>
            <p>
              Indeks {summary.index?.toLocaleString('id-ID')} dari {summary.responses} tanggapan
              {summary.belowThreshold ? <strong> — di bawah ambang instansi</strong> : summary.enoughResponses ? '' : ' (tanggapan belum cukup)'}
            </p>
            <ul className="muted">
              {summary.scores.map((n, i) => (
                <li key={i}>
                  {DESK_SCORE_LABELS[(i + 1) as 1 | 2 | 3 | 4]}: {n}
                </li>
              ))}
            </ul>
            {summary.recentComments.length ? (
              <ul>
                {summary.recentComments.map((c, i) => (
                  <li key={i}>“{c.comment}”</li>
                ))}
              </ul>
            ) : null}
          </>
        )}
      </div>
    ) : null;
  return (
    <aside className="card panel" aria-labelledby="judul-masukan">
      <h3 id="judul-masukan">Masukan (bukan penilaian)</h3>
      <p className="muted">Masukan rekan kerja dan publik membantu Anda menilai; keputusan penilaian tetap pada Anda sebagai atasan.</p>
      <h4>Rekan kerja ({input.peers.length})</h4>
      {input.peers.length === 0 ? (
        <p className="muted">Belum ada masukan rekan.</p>
      ) : (
        <ul>
          {input.peers.map((peer) => (
            <li key={peer.id}>
              <strong>{peer.authorName}</strong>: {peer.body}
              {Object.keys(peer.behaviours).length ? (
                <span className="subtitle">
                  {Object.entries(peer.behaviours)
                    .map(([value, rating]) => `${value}: ${ratingLabel(rating)}`)
                    .join('; ')}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {desk('Penilaian publik untuk pegawai ini', input.publicEmployee)}
      {desk('Penilaian publik untuk unitnya', input.publicUnit)}
    </aside>
  );
}

function RatingForm({ detail, onSaved }: { detail: Detail; onSaved: (detail: Detail, warning: string | null) => void }) {
  const existing = detail.rating;
  const [items, setItems] = useState<Record<string, Rating>>(() => Object.fromEntries(detail.items.map((item) => [item.id, (item.rating ?? 'sesuai') as Rating])));
  const [behaviours, setBehaviours] = useState<Record<BerakhlakValue, Rating>>(() => Object.fromEntries(BERAKHLAK.map((v) => [v, (existing?.behaviours[v] ?? 'sesuai') as Rating])) as Record<BerakhlakValue, Rating>);
  const [resultsRating, setResultsRating] = useState<Rating | ''>(existing?.resultsRating ?? '');
  const [behaviourRating, setBehaviourRating] = useState<Rating | ''>(existing?.behaviourRating ?? '');
  const [note, setNote] = useState(existing?.note ?? '');
  const [competency, setCompetency] = useState('');
  const resultsSuggested = detail.items.length ? medianRating({ ratings: detail.items.map((item) => items[item.id]!) }) : 'sesuai';
  const behaviourSuggested = suggestBehaviourRating({ ratings: behaviours });
  const results = resultsRating || resultsSuggested;
  const behaviour = behaviourRating || behaviourSuggested;
  const predikat: Predikat = determinePredikat({ results, behaviour, matrix: PREDIKAT_MATRIX });
  const focus = developmentFocus({ predikat, results, behaviours });
  const suggestedCompetency = suggestCompetency(focus);
  const competencyOptions = [...new Set([...Object.values(COMPETENCY_FOR_VALUE), RESULTS_COMPETENCY])];
  const distribution = detail.distribution;
  const warning =
    distribution?.organisationRating != null
      ? outlookMessage(
          distributionOutlook({
            organisationRating: distribution.organisationRating as OrganisationRating,
            bounds: distribution.bounds as unknown as DistributionBounds,
            others: Object.entries(distribution.others).flatMap(([p, n]) => Array.from({ length: n }, () => p as Predikat)),
            expectedTotal: distribution.expectedTotal,
            next: predikat,
          }),
          distribution.organisationRating as OrganisationRating,
        )
      : null;
  const save = useMutation({
    mutationFn: () =>
      evaluationApi.rate(detail.plan.agencyId, detail.plan.id, {
        items: detail.items.map((item) => ({ itemId: item.id, rating: items[item.id]! })),
        resultsRating: results,
        behaviours,
        behaviourRating: behaviour,
        note: note.trim(),
        competency: focus.needed ? competency || suggestedCompetency : null,
      }),
    onSuccess: (result) => onSaved(result.detail, result.warning),
  });
  return (
    <PanelForm headingId="judul-penilaian" title="Penilaian atasan" error={save.error} onSubmit={() => save.mutate()}>
      <fieldset>
        <legend>Hasil kerja</legend>
        {detail.items.map((item) => (
          <SelectField key={item.id} label={`Penilaian: ${item.title}`} value={items[item.id]!} options={ratingOptions} onValueChange={(value) => setItems((current) => ({ ...current, [item.id]: value as Rating }))} />
        ))}
        <SelectField
          label={`Penilaian hasil kerja keseluruhan (saran: ${RATING_LABELS[resultsSuggested]})`}
          value={resultsRating}
          options={[{ value: '', label: `Ikuti saran (${RATING_LABELS[resultsSuggested]})` }, ...ratingOptions]}
          onValueChange={(value) => setResultsRating(value as Rating | '')}
          error={fieldError(save.error, 'resultsRating')}
        />
      </fieldset>
      <fieldset>
        <legend>Perilaku kerja (BerAKHLAK)</legend>
        {BERAKHLAK.map((value) => (
          <SelectField key={value} label={value} value={behaviours[value]} options={ratingOptions} onValueChange={(rating) => setBehaviours((current) => ({ ...current, [value]: rating as Rating }))} />
        ))}
        <SelectField
          label={`Penilaian perilaku keseluruhan (saran: ${RATING_LABELS[behaviourSuggested]})`}
          value={behaviourRating}
          options={[{ value: '', label: `Ikuti saran (${RATING_LABELS[behaviourSuggested]})` }, ...ratingOptions]}
          onValueChange={(value) => setBehaviourRating(value as Rating | '')}
          error={fieldError(save.error, 'behaviourRating')}
        />
      </fieldset>
      <p aria-live="polite">
        Predikat: <strong className={`tag ${predikatTag(predikat)}`}>{predikatLabel(predikat)}</strong>
      </p>
      {warning ? (
        <div className="alert alert-error" role="status">
          <p>{warning}</p>
        </div>
      ) : null}
      {focus.needed ? (
        <SelectField
          label="Kompetensi yang dikembangkan (pelatihan akan diusulkan)"
          value={competency || suggestedCompetency || ''}
          options={competencyOptions.map((c) => ({ value: c, label: c }))}
          onValueChange={setCompetency}
        />
      ) : null}
      <TextAreaField
        label="Catatan penilaian"
        rows={3}
        hint="Wajib bila penilaian keseluruhan berbeda dari saran."
        value={note}
        onValueChange={setNote}
        error={fieldError(save.error, 'note')}
      />
      <FormActions pending={save.isPending} label={existing ? 'Perbarui penilaian' : 'Simpan penilaian'} />
    </PanelForm>
  );
}

function RatingView({ rating }: { rating: NonNullable<Detail['rating']> }) {
  return (
    <section className="card panel" aria-labelledby="judul-hasil-penilaian">
      <h2 id="judul-hasil-penilaian">Hasil penilaian</h2>
      <dl className="facts">
        <dt>Predikat</dt>
        <dd>
          <span className={`tag ${predikatTag(rating.predikat)}`}>{predikatLabel(rating.predikat)}</span> {rating.final ? '(final)' : '(dapat berubah sampai periode difinalisasi)'}
        </dd>
        <dt>Hasil kerja</dt>
        <dd>{ratingLabel(rating.resultsRating)}</dd>
        <dt>Perilaku</dt>
        <dd>{ratingLabel(rating.behaviourRating)}</dd>
        {BERAKHLAK.map((value) => (
          <div key={value} style={{ display: 'contents' }}>
            <dt>{value}</dt>
            <dd>{ratingLabel(rating.behaviours[value])}</dd>
          </div>
        ))}
        {rating.note ? (
          <>
            <dt>Catatan</dt>
            <dd>{rating.note}</dd>
          </>
        ) : null}
        <dt>Dinilai oleh</dt>
        <dd>
          {rating.raterName ?? '—'}, <DateTime value={rating.updatedAt} />
        </dd>
      </dl>
    </section>
  );
}

function Notes({ detail, onSaved }: { detail: Detail; onSaved: (detail: Detail) => void }) {
  const [body, setBody] = useState('');
  const add = useMutation({
    mutationFn: () => evaluationApi.note(detail.plan.agencyId, detail.plan.id, body.trim()),
    onSuccess: (result) => {
      setBody('');
      onSaved(result);
    },
  });
  return (
    <section className="card panel" aria-labelledby="judul-catatan">
      <h2 id="judul-catatan">Catatan umpan balik</h2>
      {detail.notes.length === 0 ? (
        <p className="muted">Belum ada catatan.</p>
      ) : (
        <ol className="stack">
          {detail.notes.map((note) => (
            <li key={note.id}>
              <strong>
                {note.authorName} ({note.authorRole === 'atasan' ? 'atasan' : 'pegawai'})
              </strong>{' '}
              <span className="muted">
                <DateTime value={note.createdAt} />
              </span>
              <p>{note.body}</p>
            </li>
          ))}
        </ol>
      )}
      {detail.viewer.canNote ? (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate();
          }}
        >
          <FormErrors error={add.error} />
          <TextAreaField label="Catatan baru" rows={3} value={body} onValueChange={setBody} error={fieldError(add.error, 'body')} />
          <FormActions pending={add.isPending} label="Kirim catatan" />
        </form>
      ) : null}
    </section>
  );
}

function Plan({ agencyId, planId }: { agencyId: string; planId: string }) {
  const query = useQuery({ queryKey: evaluationKeys.plan(agencyId, planId), queryFn: () => evaluationApi.plan(agencyId, planId) });
  const refresh = useRefresh(agencyId, planId);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const submit = useMutation({ mutationFn: () => evaluationApi.submit(agencyId, planId), onSuccess: (d) => (refresh(d), setNotice({ kind: 'success', text: 'Rencana diajukan kepada atasan.' })) });
  if (query.isPending) return <Loading label="Memuat rencana…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const detail = query.data;
  const saved = (text: string) => (d: Detail) => {
    refresh(d);
    setNotice({ kind: 'success', text });
  };
  return (
    <>
      <PageTitle title={`Penilaian kinerja ${detail.employee.name} — ${detail.period.name}`}>
        Penilaian kinerja {detail.employee.name}
        <span className="subtitle">
          {detail.period.name} · {detail.employee.positionName ?? detail.employee.unitName ?? ''}
        </span>
      </PageTitle>
      <p>
        <Link to={detail.viewer.role === 'atasan' ? evaluationPaths.team : detail.viewer.role === 'admin' ? evaluationPaths.period(agencyId, detail.period.id) : evaluationPaths.mine}>Kembali</Link>
      </p>
      <dl className="facts">
        <dt>Status rencana</dt>
        <dd>
          <span className={`tag ${planStatusTag(detail.plan.status)}`}>{planStatusLabel(detail.plan.status)}</span>
        </dd>
        <dt>Atasan langsung</dt>
        <dd>{detail.supervisor?.name ?? 'Belum tercatat'}</dd>
        <dt>Predikat</dt>
        <dd>{predikatLabel(detail.rating?.predikat)}</dd>
      </dl>
      {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
      {detail.plan.status === 'returned' && detail.plan.returnNote ? <Notice kind="info">Dikembalikan atasan: {detail.plan.returnNote}</Notice> : null}
      {detail.viewer.canEdit ? <ItemsEditor key={detail.plan.updatedAt} detail={detail} onSaved={saved('Rencana tersimpan.')} /> : null}
      {detail.viewer.canSubmit && detail.items.length ? (
        <div className="actions">
          <FormErrors error={submit.error} />
          <button type="button" className="button" disabled={submit.isPending} onClick={() => submit.mutate()}>
            {submit.isPending ? 'Mengajukan…' : 'Ajukan kepada atasan'}
          </button>
        </div>
      ) : null}
      <ItemsView detail={detail} onSaved={saved('Bukti tersimpan.')} />
      {detail.viewer.canAgree ? <Agreement detail={detail} onSaved={saved('Keputusan tersimpan.')} /> : null}
      {detail.viewer.canRealise ? <RealisationForm key={detail.plan.updatedAt} detail={detail} onSaved={refresh} /> : null}
      {detail.viewer.canRate ? (
        <div className="chart-pair">
          <RatingForm
            key={detail.rating?.updatedAt ?? 'baru'}
            detail={detail}
            onSaved={(d, warning) => {
              refresh(d);
              setNotice(warning ? { kind: 'error', text: `Penilaian tersimpan. ${warning}` } : { kind: 'success', text: `Penilaian tersimpan: predikat ${predikatLabel(d.rating?.predikat)}.` });
              window.scrollTo({ top: 0 });
            }}
          />
          {detail.input ? <InputPanel input={detail.input} /> : null}
        </div>
      ) : detail.input && detail.viewer.role !== 'pegawai' ? (
        <InputPanel input={detail.input} />
      ) : null}
      {detail.rating ? <RatingView rating={detail.rating} /> : null}
      {detail.recommendations.length ? (
        <section className="card panel" aria-labelledby="judul-rekomendasi">
          <h2 id="judul-rekomendasi">Rekomendasi pengembangan</h2>
          <RecommendationList items={detail.recommendations} showEmployee={false} />
        </section>
      ) : null}
      <Notes detail={detail} onSaved={refresh} />
    </>
  );
}

export function PlanPage() {
  const { agencyId = '', planId = '' } = useParams();
  return <RequireAuth>{() => <Plan agencyId={agencyId} planId={planId} />}</RequireAuth>;
}
