import { useQuery } from '@tanstack/react-query';
import { isApiError } from './client';
import { agencyApi, applicantApi, applicationApi, authApi, notificationApi, publicApi } from './endpoints';
import type { AgencyTimezone, ApplicantProfile, Me } from './types';
import { DEFAULT_TIMEZONE, isAgencyTimezone } from '../lib/time';

export const queryKeys = {
  me: ['me'] as const,
  publicAgencies: ['public', 'agencies'] as const,
  sessions: ['account', 'sessions'] as const,
  notifications: (page: number) => ['notifications', page] as const,
  notificationsAll: ['notifications'] as const,
  agencies: (q: string, page: number) => ['agencies', q, page] as const,
  agenciesAll: ['agencies'] as const,
  agency: (agencyId: string) => ['agency', agencyId] as const,
  staff: (agencyId: string, q: string, page: number) => ['staff', agencyId, q, page] as const,
  staffAll: (agencyId: string) => ['staff', agencyId] as const,
  outbox: (q: string, page: number) => ['outbox', q, page] as const,
  audit: (agencyId: string, action: string, page: number) => ['audit', agencyId, action, page] as const,
  applicantProfile: ['applicant', 'profile'] as const,
  ownApplications: ['applicant', 'applications'] as const,
  ownApplication: (id: string) => ['applicant', 'applications', id] as const,
};

/** The signed-in account, or null when nobody is signed in (401 is an answer, not an error). */
export function useMe() {
  return useQuery<Me | null>({
    queryKey: queryKeys.me,
    queryFn: async () => {
      try {
        const { account } = await authApi.me();
        return account;
      } catch (error) {
        if (isApiError(error) && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
    retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
  });
}

export function usePublicAgencies() {
  return useQuery({
    queryKey: queryKeys.publicAgencies,
    queryFn: () => publicApi.agencies(),
    staleTime: 5 * 60_000,
  });
}

/** Times on agency pages are shown in that agency's zone (WIB/WITA/WIT). */
export function useAgencyTimezone(agencyId: string | null | undefined): AgencyTimezone {
  const agencies = usePublicAgencies();
  const zone = agencyId ? agencies.data?.items.find((agency) => agency.id === agencyId)?.timezone : undefined;
  return zone && isAgencyTimezone(zone) ? zone : DEFAULT_TIMEZONE;
}

/**
 * Name and time zone of an agency the account works in (GET /api/agencies/:id is open to anyone
 * holding a role there); the public list is the fallback while it loads or if it is refused.
 */
export function useAgencyDetail(agencyId: string): { name?: string; timezone: AgencyTimezone } {
  const detail = useQuery({
    queryKey: queryKeys.agency(agencyId),
    queryFn: () => agencyApi.get(agencyId),
    enabled: Boolean(agencyId),
    retry: false,
    staleTime: 5 * 60_000,
  });
  const agencies = usePublicAgencies();
  const fromPublic = agencies.data?.items.find((agency) => agency.id === agencyId);
  const agency = detail.data?.agency ?? fromPublic;
  const timezone = agency && isAgencyTimezone(agency.timezone) ? agency.timezone : DEFAULT_TIMEZONE;
  return { name: agency?.name, timezone };
}

export function useUnreadNotifications(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.notifications(1),
    queryFn: () => notificationApi.list(1),
    enabled,
    refetchInterval: enabled ? 60_000 : false,
    select: (data) => data.unread,
  });
}

/** The applicant's own profile, or null while none has been saved (404 is an answer, not an error). */
export function useApplicantProfile(enabled = true) {
  return useQuery<ApplicantProfile | null>({
    queryKey: queryKeys.applicantProfile,
    queryFn: async () => {
      try {
        return (await applicantApi.profile()).profile;
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
    enabled,
  });
}

export function useOwnApplications(enabled = true) {
  return useQuery({ queryKey: queryKeys.ownApplications, queryFn: () => applicationApi.list(), enabled });
}

export function useOwnApplication(id: string) {
  return useQuery({
    queryKey: queryKeys.ownApplication(id),
    queryFn: async () => (await applicationApi.get(id)).application,
    enabled: Boolean(id),
  });
}
