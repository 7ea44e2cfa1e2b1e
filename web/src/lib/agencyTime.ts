// Times entered on a form are local to the agency (WIB, WITA or WIT): Indonesia's zones have fixed
// offsets and no daylight saving, so a datetime-local value maps to one instant exactly.
import type { AgencyTimezone } from '../api/types';
import { DEFAULT_TIMEZONE, isAgencyTimezone } from './time';

const OFFSETS: Record<AgencyTimezone, string> = { 'Asia/Jakarta': '+07:00', 'Asia/Makassar': '+08:00', 'Asia/Jayapura': '+09:00' };

export function zoneOf(value: string | null | undefined): AgencyTimezone {
  return value && isAgencyTimezone(value) ? value : DEFAULT_TIMEZONE;
}

/** '2026-12-01T09:00' in the zone → '2026-12-01T09:00:00+07:00'; '' → null. */
export function fromLocalInput(local: string, zone: AgencyTimezone): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  return `${local}:00${OFFSETS[zone]}`;
}

/** An instant as the value of a datetime-local input in the zone. */
export function toLocalInput(iso: string | null | undefined, zone: AgencyTimezone): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024).toLocaleString('id-ID')} KB`;
  return `${bytes} bita`;
}
