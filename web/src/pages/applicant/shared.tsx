import { Link } from 'react-router-dom';
import { isAgencyTimezone, DEFAULT_TIMEZONE } from '../../lib/time';
import type { AgencyTimezone } from '../../api/types';
import { PageTitle } from '../../components/PageTitle';
import { portalPaths } from '../selections/access';

/** Shown to a signed-in account without the applicant role (staff): the server would refuse anyway. */
export function NotApplicant({ title }: { title: string }) {
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <p>Halaman ini untuk akun pelamar. Akun Anda adalah akun staf instansi; untuk melamar, daftarkan akun pelamar dengan email pribadi.</p>
      <p>
        <Link to="/dasbor">Kembali ke dasbor</Link>
      </p>
    </>
  );
}

/** Only the applicant's own pages are followed after saving the profile, never another URL. */
export function safeApplicantNext(value: string | null): string | null {
  if (value && /^\/pelamar\/[A-Za-z0-9/?=&_-]*$/.test(value) && !value.startsWith('//')) return value;
  return null;
}

export function zoneOf(timezone: string): AgencyTimezone {
  return isAgencyTimezone(timezone) ? timezone : DEFAULT_TIMEZONE;
}

/** Where the public portal lists formations (web/src/pages/portal/). */
export const PORTAL_FORMASI_SEARCH = portalPaths.search;
