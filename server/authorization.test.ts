import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../core/roles.js';
import { accountWithSession, createAgencyRow, createTestApp, request, type TestContext } from './test-support/app.js';
import { AGENCY_STAFF, staffMember, type MatrixExempt, type MatrixRow } from './test-support/matrix.js';

/**
 * The whole matrix of route × role. Each role is held in agency A (super_admin and pelamar are
 * national); a route is called on agency A's data and must answer its success status for the
 * allowed roles, 403 for the others and 401 without a session. The same routes are then called on
 * agency B by A's staff: every agency-scoped route must refuse.
 */
let ctx: TestContext;
let agencyA: string;
let agencyB: string;
const cookies = new Map<Role | 'anon', string | null>();

beforeAll(async () => {
  ctx = await createTestApp();
  agencyA = (await createAgencyRow(ctx, 'Instansi A')).id;
  agencyB = (await createAgencyRow(ctx, 'Instansi B')).id;
  cookies.set('anon', null);
  for (const role of ROLES) {
    const national = role === 'super_admin' || role === 'pelamar';
    const { cookie } = await accountWithSession(ctx, { roles: [{ role, agencyId: national ? null : agencyA }] });
    cookies.set(role, cookie);
  }
});
afterAll(() => ctx.close());

type MatrixModule = { rows?: MatrixRow[]; exempt?: MatrixExempt[] };
const modules = Object.values(import.meta.glob<MatrixModule>('./modules/**/*.matrix.ts', { eager: true }));
const MATRIX: MatrixRow[] = modules.flatMap((m) => m.rows ?? []);
const EXEMPT: MatrixExempt[] = modules.flatMap((m) => m.exempt ?? []);
const env = () => ({ ctx, cookieOf: (role: Role) => cookies.get(role)! });

describe('authorization matrix', () => {
  it('covers every API route the application registers', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const registered = Object.entries(doc.paths).flatMap(([route, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${route.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const covered = new Set([...MATRIX, ...EXEMPT].map((row) => `${row.method} ${row.route}`));
    expect(registered.filter((route) => !covered.has(route))).toEqual([]);
  });

  for (const row of MATRIX) {
    it(`${row.method} ${row.route}: ${row.allowed === 'public' ? 'everyone' : row.allowed.join(', ')} allowed; others 403; no session 401`, async () => {
      for (const [who, cookie] of cookies) {
        const { url, payload, headers } = await row.build(env(), agencyA);
        const response = await request(ctx, cookie, { method: row.method, url, ...(payload ? { payload: payload as object } : {}), ...(headers ? { headers } : {}) });
        const allowed = row.allowed === 'public' || (who !== 'anon' && row.allowed.includes(who));
        const expected = allowed ? row.status : who === 'anon' ? 401 : 403;
        expect({ who, status: response.statusCode }).toEqual({ who, status: expected });
      }
    });
  }
});

describe('tenant isolation', () => {
  for (const row of MATRIX.filter((r) => r.agencyScoped)) {
    it(`${row.method} ${row.route} on another agency is refused for every role of agency A — 403`, async () => {
      for (const role of AGENCY_STAFF) {
        const { url, payload, headers } = await row.build(env(), agencyB);
        const response = await request(ctx, cookies.get(role)!, { method: row.method, url, ...(payload ? { payload: payload as object } : {}), ...(headers ? { headers } : {}) });
        expect({ role, status: response.statusCode }).toEqual({ role, status: 403 });
      }
    });
  }

  it("refuses to touch agency B's staff member through agency A's path — 404 and nothing changes", async () => {
    const foreignStaff = await staffMember(env(), agencyB);
    const admin = cookies.get('admin_instansi')!;
    const put = await request(ctx, admin, { method: 'PUT', url: `/api/agencies/${agencyA}/staff/${foreignStaff}/roles`, payload: { roles: ['admin_instansi'] } });
    expect(put.statusCode).toBe(404);
    const del = await request(ctx, admin, { method: 'DELETE', url: `/api/agencies/${agencyA}/staff/${foreignStaff}` });
    expect(del.statusCode).toBe(404);
    const roles = await ctx.database.query<{ role: string; agency_id: string }>('SELECT role, agency_id FROM account_roles WHERE account_id = $1', [foreignStaff]);
    expect(roles).toEqual([{ role: 'verifikator', agency_id: agencyB }]);
  });

  it("does not show agency B's audit trail or staff in agency A's lists", async () => {
    const superAdmin = cookies.get('super_admin')!;
    await request(ctx, superAdmin, { method: 'PATCH', url: `/api/agencies/${agencyB}`, payload: { region: 'Rahasia B' } });
    const trail = await request(ctx, cookies.get('admin_instansi')!, { method: 'GET', url: `/api/agencies/${agencyA}/audit?pageSize=100` });
    expect(JSON.stringify(trail.json())).not.toContain('Rahasia B');
  });
});
