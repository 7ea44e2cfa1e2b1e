import type { Role } from '../../core/roles.js';
import { ROLES } from '../../core/roles.js';
import { createAccount, type TestContext } from './app.js';

/**
 * One row of the route × role matrix (server/authorization.test.ts). Each module keeps its rows in
 * `<module>.matrix.ts`; the test gathers every such file, so a module adds its routes beside its code.
 */
export type MatrixRow = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Route pattern exactly as registered (":param"), to check the matrix covers every route. */
  route: string;
  /** Builds the concrete request against one agency, creating what the request needs. */
  build: (env: MatrixEnv, agencyId: string) => Promise<{ url: string; payload?: unknown; headers?: Record<string, string> }>;
  /** 'public': anyone, even without a session. */
  allowed: readonly Role[] | 'public';
  /** The status an allowed caller gets. */
  status: number;
  /** true: the route acts on one agency's data, and the tenant-isolation test calls it on another agency. */
  agencyScoped: boolean;
};

/** Routes outside the matrix on purpose (forms used before logging in, or routes on one's own data), tested in their modules. */
export type MatrixExempt = { method: MatrixRow['method']; route: string; why: string };

/** `cookieOf(role)`: the session of the matrix's account holding that role (in agency A; national roles nationally). */
export type MatrixEnv = { ctx: TestContext; cookieOf: (role: Role) => string };

export const AGENCY_STAFF: Role[] = ['admin_instansi', 'panitia', 'verifikator', 'penguji', 'pengawas', 'pegawai', 'atasan', 'pelatih'];
export const EVERYONE: Role[] = [...ROLES];

/** A staff member of the agency (a verifier), for routes that act on a staff account. */
export async function staffMember(env: MatrixEnv, agencyId: string) {
  return (await createAccount(env.ctx, { roles: [{ role: 'verifikator', agencyId }] })).id;
}
