import type { AgencyTimezone } from '../api/types';
import { formatDateTime } from '../lib/time';

export function DateTime({ value, timeZone }: { value: string | null | undefined; timeZone?: AgencyTimezone }) {
  if (!value) return <span>—</span>;
  return <time dateTime={value}>{formatDateTime(value, timeZone)}</time>;
}
