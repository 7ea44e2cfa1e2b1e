import { eq } from 'drizzle-orm';
import { checkNikAgainstProfile, maskNik } from '../../../core/nik.js';
import type { ProfileBody } from '../../../core/schemas/applicants.js';
import { selectPrepared, type Db } from '../../db/client.js';
import { AppError, notFound, validationFailed } from '../../errors.js';
import { applicantProfiles } from './applicants.table.js';

export type ApplicantProfile = typeof applicantProfiles.$inferSelect;

export function presentProfile(row: ApplicantProfile) {
  return {
    nik: row.nik,
    nikMasked: maskNik(row.nik),
    name: row.name,
    birthPlace: row.birthPlace,
    birthDate: row.birthDate,
    sex: row.sex as 'L' | 'P',
    address: row.address,
    phone: row.phone,
    education: row.education,
    disability: row.disability,
    claims: row.claims,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getProfile(db: Db, accountId: string) {
  const [row] = await db.select().from(applicantProfiles).where(eq(applicantProfiles.accountId, accountId));
  return row ?? null;
}

export async function requireProfile(db: Db, accountId: string) {
  const row = await getProfile(db, accountId);
  if (!row) throw new AppError('PROFILE_INCOMPLETE', 'Lengkapi profil pelamar (NIK, data diri, pendidikan) terlebih dahulu.');
  return row;
}

export type SaveProfileInput = { accountId: string; data: ProfileBody; now?: Date };

/**
 * Saves the applicant's profile. The NIK is checked in core (16 digits, region codes, a real date)
 * and must agree with the birth date and sex entered (domain-rules §1); one account per NIK.
 */
export async function saveProfile(db: Db, { accountId, data, now = new Date() }: SaveProfileInput) {
  const check = checkNikAgainstProfile({ nik: data.nik, birthDate: data.birthDate, sex: data.sex, referenceDate: now.toISOString().slice(0, 10) });
  if (!check.consistent) {
    const fields = Object.fromEntries(check.issues.map((issue) => [issue.field, issue.message]));
    throw validationFailed(fields, check.issues[0]?.message);
  }
  // One statement: the unique index on NIK decides between two accounts (also two at once).
  const rows = await selectPrepared<ProfileRow>(db, 'applicant_profile_save', SAVE_SQL, [
    accountId,
    data.nik,
    data.name,
    data.birthPlace,
    data.birthDate,
    data.sex,
    data.address,
    data.phone,
    JSON.stringify(data.education),
    data.disability,
    JSON.stringify(data.claims),
    now,
  ]).catch((error: unknown) => {
    if (String((error as { cause?: { code?: string }; code?: string }).cause?.code ?? (error as { code?: string }).code) === '23505') {
      throw new AppError('CONFLICT', 'NIK ini sudah dipakai akun lain. Satu NIK hanya untuk satu akun; gunakan fitur lupa kata sandi bila itu akun Anda.', { nik: 'NIK sudah dipakai akun lain' });
    }
    throw error;
  });
  const row = rows[0];
  if (!row) throw notFound('Profil');
  return {
    accountId: row.account_id,
    nik: row.nik,
    name: row.name,
    birthPlace: row.birth_place,
    birthDate: row.birth_date,
    sex: row.sex,
    address: row.address,
    phone: row.phone,
    education: row.education,
    disability: row.disability,
    claims: row.claims,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  } satisfies ApplicantProfile;
}

const SAVE_SQL = `INSERT INTO applicant_profiles (account_id, nik, name, birth_place, birth_date, sex, address, phone, education, disability, claims, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11::jsonb, $12)
  ON CONFLICT (account_id) DO UPDATE SET nik = excluded.nik, name = excluded.name, birth_place = excluded.birth_place, birth_date = excluded.birth_date,
    sex = excluded.sex, address = excluded.address, phone = excluded.phone, education = excluded.education, disability = excluded.disability,
    claims = excluded.claims, updated_at = excluded.updated_at
  RETURNING account_id, nik, name, birth_place, birth_date::text AS birth_date, sex, address, phone, education, disability, claims, created_at, updated_at`;
type ProfileRow = {
  account_id: string;
  nik: string;
  name: string;
  birth_place: string;
  birth_date: string;
  sex: string;
  address: string;
  phone: string;
  education: ApplicantProfile['education'];
  disability: string;
  claims: ApplicantProfile['claims'];
  created_at: Date;
  updated_at: Date;
};
