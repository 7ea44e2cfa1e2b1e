import type { AgencyTimezone } from '../api/types';

export const DEFAULT_TIMEZONE: AgencyTimezone = 'Asia/Jakarta';

export const timezoneAbbreviations: Record<AgencyTimezone, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

export const timezoneLabels: Record<AgencyTimezone, string> = {
  'Asia/Jakarta': 'WIB — Waktu Indonesia Barat (UTC+7)',
  'Asia/Makassar': 'WITA — Waktu Indonesia Tengah (UTC+8)',
  'Asia/Jayapura': 'WIT — Waktu Indonesia Timur (UTC+9)',
};

export function isAgencyTimezone(value: string): value is AgencyTimezone {
  return value in timezoneAbbreviations;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: AgencyTimezone, withTime: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withTime}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat('id-ID', {
      timeZone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    formatters.set(key, cached);
  }
  return cached;
}

/** "22 November 2026 14.05 WIB": a UTC instant shown in the agency's own time zone. */
export function formatDateTime(iso: string | null | undefined, timeZone: AgencyTimezone = DEFAULT_TIMEZONE): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return `${formatter(timeZone, true).format(date)} ${timezoneAbbreviations[timeZone]}`;
}

export function formatDate(iso: string | null | undefined, timeZone: AgencyTimezone = DEFAULT_TIMEZONE): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return formatter(timeZone, false).format(date);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat('id-ID').format(value);
}
