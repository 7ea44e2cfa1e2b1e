// Response shapes of the API contract. Roles come from core/ (shared with the server); the rest
// mirror the contract until core/ exports a schema for each response.

import type { z } from 'zod';
import type { Role } from '../../../core/roles';
import type { CLAIM_KEYS, profileBody, profileSchema } from '../../../core/schemas/applicants';
import type { OwnApplication } from '../../../core/schemas/applications';

export { ROLES, type Role } from '../../../core/roles';

export const TIMEZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type AgencyTimezone = (typeof TIMEZONES)[number];

export interface RoleGrant {
  role: Role;
  agencyId: string | null;
  agencyName: string | null;
}

export interface Me {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
  roles: RoleGrant[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Ok {
  ok: true;
}

export interface Health {
  status: 'ok';
  database: 'embedded' | 'postgres';
}

export interface Session {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  ip: string | null;
  current: boolean;
}

export interface PublicAgency {
  id: string;
  code: string;
  name: string;
  region: string;
  timezone: AgencyTimezone;
}

export interface Agency extends PublicAgency {
  createdAt: string;
}

export interface Invitation {
  invitedByName: string | null;
  email: string;
  name: string;
  agencyName: string;
  roles: string[];
}

export type StaffStatus = 'invited' | 'active';

export interface Staff {
  accountId: string;
  email: string;
  name: string;
  roles: string[];
  status: StaffStatus;
  lastLoginAt: string | null;
}

export interface Notification {
  id: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationPage extends Page<Notification> {
  unread: number;
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'kept' | 'failed';

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  status: OutboxStatus;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
}

export interface AuditEntry {
  seq: number;
  id: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  summary: Record<string, unknown>;
  createdAt: string;
  hash: string;
  prevHash: string;
}

export interface AuditVerification {
  chain: string;
  ok: boolean;
  entries: number;
  firstBroken: null | { seq: number; id: string | null; reason: string };
}

// ---- Applicant side (pelamar): shapes inferred from core's zod schemas, the contract's truth ----

export type ApplicantProfile = z.infer<typeof profileSchema>;
/** The body of PUT /api/applicant/profile. */
export type ApplicantProfileInput = z.input<typeof profileBody>;
export type EducationEntry = ApplicantProfile['education'][number];
export type ClaimKey = (typeof CLAIM_KEYS)[number];

export type { OwnApplication };
export type ApplicationStatus = OwnApplication['status'];
export type RequiredDocument = OwnApplication['requiredDocuments'][number];
export type UploadedDocument = OwnApplication['documents'][number];

/** GET /api/public/registrations/:number?t= — the public confirmation behind the card's QR code. */
export interface PublicRegistration {
  registrationNumber: string;
  nameMasked: string;
  agencyName: string;
  selectionName: string;
  formasi: string;
  submittedAt: string;
  submittedAtText: string;
  documents: Array<{ name: string; sha256: string }>;
  fingerprint: string;
}

/**
 * GET /api/public/formasi/:id — the fields of core/schemas/selections' publicFormasiDetailResponse
 * that the applicant pages read.
 */
export interface PublicFormasiDetail {
  formasi: {
    id: string;
    positionName: string;
    unitName: string;
    count: number;
    kind: string;
    qualifications: Array<{ level: string; programmes: string[] }>;
    minAge: number;
    maxAge: number;
    extraRequirements: string;
  };
  selection: {
    id: string;
    name: string;
    type: string;
    year: number;
    agency: { id: string; name: string; timezone: string };
    registrationOpensAt: string | null;
    registrationClosesAt: string | null;
    requiredDocuments: RequiredDocument[];
  };
  now: string;
}
