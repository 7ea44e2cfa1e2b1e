// Read-only views of a round shared by the public portal and the agency's pages: its stages and
// weights, its required documents and its timeline, in the same words everywhere.
import { Fragment, useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { formatCalendarDateId, parseCalendarDate } from '../../../../core/calendar-date';
import { SCHEDULE_LABELS, SCHEDULE_FIELDS, type LocalSchedule } from '../../../../core/selection-schedule';
import { DOCUMENT_FORMAT_LABELS, STAGE_KIND_LABELS, describeStageRule } from '../../../../core/selection-text';
import type { PipelineStage } from '../../../../core/pipeline';
import { serverTimeApi } from '../../api/endpoints';
import type { PipelineStageInput, RequiredDocument } from '../../api/selections';
import type { AgencyTimezone } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { formatNumber } from '../../lib/time';

/** '2026-12-01' → '1 Desember 2026' (a local date: no zone conversion). */
export function longDate(date: string): string {
  const parsed = parseCalendarDate(date);
  return parsed ? formatCalendarDateId(parsed) : date;
}

const percent = (value: number) => `${value.toLocaleString('id-ID', { maximumFractionDigits: 2 })}%`;

/**
 * Stages in order with kind, weight and rule, components under their stage: a list of cards (a
 * table of long rules is unreadable on a phone).
 */
export function StagesTable({ stages, caption = 'Tahapan seleksi dan bobot nilai akhir' }: { stages: readonly PipelineStageInput[]; caption?: string }) {
  const scored = stages.filter((stage) => stage.kind === 'cat' || stage.kind === 'panel');
  const total = scored.reduce((sum, stage) => sum + stage.weight, 0);
  return (
    <>
      <ol className="stage-view" aria-label={caption}>
        {stages.map((stage, index) => (
          <li key={stage.key} className="stage-view-item">
            <h3>
              <span className="stage-view-number" aria-hidden="true">
                {index + 1}
              </span>{' '}
              {stage.name}
            </h3>
            <dl className="facts">
              <dt>Jenis</dt>
              <dd>{STAGE_KIND_LABELS[stage.kind]}</dd>
              <dt>Bobot</dt>
              <dd>{stage.kind === 'cat' || stage.kind === 'panel' ? percent(stage.weight) : 'tidak berbobot'}</dd>
              <dt>Aturan</dt>
              <dd>{describeStageRule(stage as PipelineStage)}</dd>
              {stage.components?.length ? (
                <>
                  <dt>Komponen</dt>
                  <dd>
                    <ul className="summary-list">
                      {stage.components.map((component) => (
                        <li key={component.key}>
                          {component.name}: {percent(component.weight)} dari nilai tahap ({STAGE_KIND_LABELS[component.kind].toLowerCase()})
                        </li>
                      ))}
                    </ul>
                  </dd>
                </>
              ) : null}
            </dl>
          </li>
        ))}
      </ol>
      {scored.length > 0 ? (
        <p className="muted">
          Nilai akhir = {scored.map((stage) => `${percent(stage.weight)} ${stage.name}`).join(' + ')} (jumlah {percent(total)}).
        </p>
      ) : null}
    </>
  );
}

export function DocumentsTable({ documents }: { documents: readonly RequiredDocument[] }) {
  if (documents.length === 0) return <p className="empty">Tidak ada dokumen yang diminta.</p>;
  return (
    <div className="table-wrap" role="region" aria-label="Dokumen persyaratan" tabIndex={0}>
      <table>
        <caption>Dokumen yang diunggah pelamar</caption>
        <thead>
          <tr>
            <th scope="col">Dokumen</th>
            <th scope="col">Format</th>
            <th scope="col">Ukuran maksimal</th>
            <th scope="col">Wajib</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => (
            <tr key={document.key}>
              <th scope="row">{document.name}</th>
              <td>{document.formats.map((format) => DOCUMENT_FORMAT_LABELS[format]).join(', ')}</td>
              <td className="num">{formatNumber(document.maxKb)} KB</td>
              <td>{document.mandatory ? 'Wajib' : 'Tidak wajib'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The schedule's dates as entered (local to the agency). */
export function ScheduleList({ schedule }: { schedule: LocalSchedule }) {
  const fields = SCHEDULE_FIELDS.filter((field) => schedule[field]);
  if (fields.length === 0) return <p className="empty">Jadwal belum ditetapkan.</p>;
  return (
    <dl className="facts">
      {fields.map((field) => (
        <Fragment key={field}>
          <dt>{SCHEDULE_LABELS[field]}</dt>
          <dd>{longDate(schedule[field]!)}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/**
 * This device's clock minus the server's, from GET /api/public/time (half the round trip counted
 * as travel): deadlines are counted on the server's clock, not on a phone that may be minutes off.
 * Shares its cache key with the applicant pages' countdown.
 */
export function useServerOffset(): number {
  const offset = useQuery({
    queryKey: ['public', 'time'],
    queryFn: async () => {
      const sent = Date.now();
      const { now } = await serverTimeApi.now();
      return new Date(now).getTime() - (sent + Date.now()) / 2;
    },
    staleTime: 10 * 60_000,
    retry: false,
  });
  return offset.data ?? 0;
}

/** The server's "now", ticking every `everyMs`. */
export function useServerNow(everyMs = 1000): number {
  const offset = useServerOffset();
  const [deviceNow, setDeviceNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setDeviceNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return deviceNow + offset;
}

export type TimelineItem = { key: string; label: string; startDate: string; endDate: string; startsAt: string; endsAt: string };

/** The round's periods with where the round stands now (server time). */
export function Timeline({ items, timeZone }: { items: readonly TimelineItem[]; timeZone: AgencyTimezone }) {
  const now = useServerNow(60_000);
  if (items.length === 0) return <p className="empty">Jadwal belum ditetapkan.</p>;
  return (
    <ol className="timeline">
      {items.map((item) => {
        const state = now < new Date(item.startsAt).getTime() ? 'future' : now <= new Date(item.endsAt).getTime() ? 'current' : 'past';
        const stateText = state === 'current' ? 'Sedang berlangsung' : state === 'past' ? 'Selesai' : 'Akan datang';
        return (
          <li key={item.key} className={`timeline-item timeline-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <p className="timeline-label">{item.label}</p>
            <p>
              {item.startDate === item.endDate ? (
                <DateTime value={item.startsAt} timeZone={timeZone} />
              ) : (
                <>
                  <DateTime value={item.startsAt} timeZone={timeZone} /> – <DateTime value={item.endsAt} timeZone={timeZone} />
                </>
              )}
            </p>
            <p className="timeline-state">{stateText}</p>
          </li>
        );
      })}
    </ol>
  );
}
