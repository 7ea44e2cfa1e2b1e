import { sql } from 'drizzle-orm';
import { index, jsonb, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.table.js';
import { agencies } from '../agencies/agencies.table.js';
import { files } from '../files/files.table.js';
import { formasi } from '../formasi/formasi.table.js';
import { selections } from '../selections/selections.table.js';

/**
 * An application (pendaftaran): draft → submitted (frozen) → ms | tms (administrative decision).
 * One per account per round; and, once submitted, one per NIK per selection type and year — a
 * partial unique index, so two simultaneous submissions leave exactly one (PermenPANRB 6/2024 art. 25(4)).
 */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    selectionId: uuid('selection_id').notNull().references(() => selections.id, { onDelete: 'cascade' }),
    formasiId: uuid('formasi_id').notNull().references(() => formasi.id),
    accountId: uuid('account_id').notNull().references(() => accounts.id),
    /** Copied at submission from the profile: the constraint and the verifier read it here. */
    nik: text('nik'),
    selectionType: text('selection_type').notNull(),
    selectionYear: integer('selection_year').notNull(),
    /** draft | submitted | ms | tms */
    status: text('status').notNull().default('draft'),
    registrationNumber: text('registration_number'),
    /** The profile as it was at submission (frozen with the application). */
    profileSnapshot: jsonb('profile_snapshot').$type<Record<string, unknown> | null>(),
    /**
     * What the final ranking reads of the profile's diplomas (results.repo), kept by PostgreSQL
     * beside the profile: [how many there are, their levels, their GPAs] in one list ([] when the
     * education is not a list). In strict mode a diploma that is not an object with both keys
     * empties its list, so a list shorter than 1 + 2 × the count says to read them whole.
     */
    rankingDiplomas: jsonb('ranking_diplomas').generatedAlwaysAs(
      sql`jsonb_path_query_array(profile_snapshot, 'strict $.education.size()', '{}', true) || jsonb_path_query_array(profile_snapshot, 'strict $.education[*].level', '{}', true) || jsonb_path_query_array(profile_snapshot, 'strict $.education[*].gpa', '{}', true)`,
    ),
    /** Name and birth date at submission, for duplicate flags and lists. */
    applicantName: text('applicant_name'),
    birthDate: text('birth_date'),
    phone: text('phone'),
    email: text('email'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** Verification: who holds it, and the administrative decision. */
    assignedVerifierId: uuid('assigned_verifier_id'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    /** Flags for the verifier: likely duplicates ({ kind, otherApplicationId, detail }[]). */
    flags: jsonb('flags').$type<Array<{ kind: string; otherApplicationId: string; detail: string }>>().notNull().default(sql`'[]'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('applications_account_selection_key').on(t.accountId, t.selectionId),
    uniqueIndex('applications_nik_type_year_key').on(t.nik, t.selectionType, t.selectionYear).where(sql`status <> 'draft'`),
    uniqueIndex('applications_registration_number_key').on(t.registrationNumber),
    index('applications_queue_idx').on(t.agencyId, t.status, t.submittedAt),
    index('applications_selection_idx').on(t.selectionId, t.formasiId, t.status),
    index('applications_verifier_idx').on(t.assignedVerifierId, t.status),
    // Duplicate flags look candidates up by these within a round.
    index('applications_dup_birth_idx').on(t.selectionId, t.birthDate),
    index('applications_dup_phone_idx').on(t.selectionId, t.phone),
    index('applications_dup_email_idx').on(t.selectionId, t.email),
    // The final ranking's read of a round's candidates (results.repo.ts, loadCandidatesWithCat), by id
    // within the round. Migration 0028 also makes it cover what that read takes (INCLUDE, which
    // this schema cannot say), so the read comes from the index alone, without each row's profile.
    index('applications_ranking_idx').on(t.selectionId, t.id).where(sql`status = 'ms' AND registration_number IS NOT NULL`),
    // The verifier's search by name or registration number (word prefixes; verification.repo.ts).
    index('applications_search_idx').using('gin', sql`to_tsvector('simple', coalesce(${t.applicantName}, '') || ' ' || coalesce(${t.registrationNumber}, ''))`),
  ],
);

/** The documents of an application, one per required document key; replaceable until submission. */
export const applicationDocuments = pgTable(
  'application_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id').notNull(),
    requirementKey: text('requirement_key').notNull(),
    fileId: uuid('file_id').notNull().references(() => files.id),
    sha256: text('sha256').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('application_documents_key').on(t.applicationId, t.requirementKey), index('application_documents_sha_idx').on(t.agencyId, t.sha256)],
);
