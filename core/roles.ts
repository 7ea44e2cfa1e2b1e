/** Roles an account can hold; every role but super_admin and pelamar is held per agency. */
export const ROLES = [
  'super_admin',
  'admin_instansi',
  'panitia',
  'verifikator',
  'penguji',
  'pengawas',
  'pelamar',
  'pegawai',
  'atasan',
  'pelatih',
] as const;
export type Role = (typeof ROLES)[number];

export const NATIONAL_ROLES: readonly Role[] = ['super_admin', 'pelamar'];
/** Roles an agency administrator may grant to its staff. */
export const STAFF_ROLES: readonly Role[] = ['admin_instansi', 'panitia', 'verifikator', 'penguji', 'pengawas', 'pegawai', 'atasan', 'pelatih'];

export const ROLE_LABELS: Record<Role, string> = {
  super_admin: 'Super Admin Nasional',
  admin_instansi: 'Admin Instansi',
  panitia: 'Panitia Seleksi',
  verifikator: 'Verifikator',
  penguji: 'Penguji',
  pengawas: 'Pengawas',
  pelamar: 'Pelamar',
  pegawai: 'Pegawai',
  atasan: 'Atasan',
  pelatih: 'Pelatih',
};

export type RoleGrant = { role: Role; agencyId: string | null };

export function holdsRole(grants: readonly RoleGrant[], role: Role, agencyId?: string | null): boolean {
  return grants.some((grant) => grant.role === role && (agencyId === undefined || grant.agencyId === agencyId));
}
