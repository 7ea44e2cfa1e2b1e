import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithSession, createTestApp, request, type TestContext } from '../../test-support/app.js';
import { nikFor, profileFor } from '../../test-support/factories.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const applicant = () => accountWithSession(ctx, { roles: [{ role: 'pelamar', agencyId: null }] });
const put = (cookie: string, body: unknown) => request(ctx, cookie, { method: 'PUT', url: '/api/applicant/profile', payload: body as object });

describe('applicant profile', () => {
  it('saves a profile whose NIK agrees with the birth date and sex, and shows the NIK masked beside it', async () => {
    const { cookie } = await applicant();
    const body = profileFor({ birthDate: '1998-02-03', sex: 'P' });
    const saved = await put(cookie, body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().profile).toMatchObject({ nik: body.nik, nikMasked: `${body.nik.slice(0, 4)}********${body.nik.slice(-4)}`, sex: 'P' });
    const read = await request(ctx, cookie, { method: 'GET', url: '/api/applicant/profile' });
    expect(read.json().profile.name).toBe('Andi Pratama');
  });

  it.each([
    ['a NIK of 15 digits', { nik: '327301150500001' }, 'nik'],
    ['a NIK with letters', { nik: '32730115050A0001' }, 'nik'],
    ['an impossible date in the NIK (31 February)', { nik: '3273013102000001', birthDate: '2000-02-31' }, 'nik'],
    ['a birth date that disagrees with the NIK', { nik: nikFor('2000-05-15', 'L'), birthDate: '2000-05-16' }, 'birthDate'],
    ['a sex that disagrees with the NIK (woman: day + 40)', { nik: nikFor('2000-05-15', 'P'), birthDate: '2000-05-15', sex: 'L' }, 'sex'],
    ['an unknown province code', { nik: '9973011505000001' }, 'nik'],
  ])('refuses %s — 400 naming the field, nothing saved', async (_name, over, field) => {
    const { cookie } = await applicant();
    const response = await put(cookie, profileFor(over));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toHaveProperty(field);
    expect((await request(ctx, cookie, { method: 'GET', url: '/api/applicant/profile' })).statusCode).toBe(404);
  });

  it('accepts a woman born on 29 February of a leap year (day 69 in the NIK)', async () => {
    const { cookie } = await applicant();
    const body = profileFor({ birthDate: '2004-02-29', sex: 'P' });
    expect(body.nik.slice(6, 12)).toBe('690204');
    expect((await put(cookie, body)).statusCode).toBe(200);
  });

  it('refuses a NIK already used by another account — 409', async () => {
    const first = await applicant();
    const body = profileFor();
    await put(first.cookie, body);
    const second = await applicant();
    const response = await put(second.cookie, { ...body });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.fields).toHaveProperty('nik');
  });

  it('refuses a phone that is not an Indonesian mobile number, and more than 5 diplomas — 400', async () => {
    const { cookie } = await applicant();
    expect((await put(cookie, profileFor({ phone: '12345' }))).json().error.fields).toHaveProperty('phone');
    const many = Array.from({ length: 6 }, () => profileFor().education[0]);
    expect((await put(cookie, profileFor({ education: many }))).json().error.fields).toHaveProperty('education');
  });

  it('is for applicants only: a verifier gets 403', async () => {
    const staff = await accountWithSession(ctx, { roles: [{ role: 'verifikator', agencyId: null }] });
    expect((await put(staff.cookie, profileFor())).statusCode).toBe(403);
  });
});
