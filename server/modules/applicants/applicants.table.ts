import { sql } from 'drizzle-orm';
import { date, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.table.js';

export type ApplicantEducationRow = { level: string; institution: string; programme: string; gpa: number | null; diplomaNumber: string; year: number };

/** The applicant's profile: one per account, one account per NIK. Personal data: masked for everyone else. */
export const applicantProfiles = pgTable(
  'applicant_profiles',
  {
    accountId: uuid('account_id').primaryKey().references(() => accounts.id, { onDelete: 'cascade' }),
    nik: text('nik').notNull(),
    /** Name as on the diploma. */
    name: text('name').notNull(),
    birthPlace: text('birth_place').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    /** L | P */
    sex: text('sex').notNull(),
    address: text('address').notNull(),
    phone: text('phone').notNull(),
    education: jsonb('education').$type<ApplicantEducationRow[]>().notNull().default(sql`'[]'::jsonb`),
    /** Declared disability (free text; empty when none). */
    disability: text('disability').notNull().default(''),
    /** Claims to special formation kinds: { cumlaude, disability, papuan, diaspora, disadvantagedRegion }. */
    claims: jsonb('claims').$type<Record<string, boolean>>().notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('applicant_profiles_nik_key').on(t.nik)],
);
