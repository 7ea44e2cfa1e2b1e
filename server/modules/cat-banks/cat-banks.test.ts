import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithSession, createAgencyRow, createTestApp, request, type AccountSpec, type TestContext } from '../../test-support/app.js';
import { createFormasiRow, createSelectionRow } from '../../test-support/factories.js';
import { auditLog } from '../audit/audit.table.js';
import { createBlueprintRow } from '../cat-blueprints/cat-blueprints.fixtures.js';
import { addPaper, createAttemptRow } from '../cat-reports/cat-reports.fixtures.js';
import { catBanks, catQuestions } from '../cat/cat.table.js';
import { multipartFile } from '../organisation/organisation.fixtures.js';
import { createBankRow, createQuestionRow, pngImage, tkpBody, twkBody } from './cat-banks.fixtures.js';
import { questionsForExam, questionsForPaper, questionsForScoring } from './cat-banks.service.js';

let ctx: TestContext;
let agencyId: string;
let otherAgencyId: string;
let admin: { cookie: string; id: string };
let panitia: { cookie: string; id: string };
let panitia2: { cookie: string; id: string };
let pengawas: string;
let verifikator: string;
let pelamar: string;
let otherAdmin: string;
let superAdmin: string;

const login = async (roles: NonNullable<AccountSpec['roles']>) => {
  const { account, cookie } = await accountWithSession(ctx, { roles });
  return { cookie, id: account.id };
};

beforeAll(async () => {
  ctx = await createTestApp();
  agencyId = (await createAgencyRow(ctx, 'Kota Bank Soal')).id;
  otherAgencyId = (await createAgencyRow(ctx, 'Kabupaten Lain')).id;
  admin = await login([{ role: 'admin_instansi', agencyId }]);
  panitia = await login([{ role: 'panitia', agencyId }]);
  panitia2 = await login([{ role: 'panitia', agencyId }]);
  pengawas = (await login([{ role: 'pengawas', agencyId }])).cookie;
  verifikator = (await login([{ role: 'verifikator', agencyId }])).cookie;
  pelamar = (await login([{ role: 'pelamar', agencyId: null }])).cookie;
  otherAdmin = (await login([{ role: 'admin_instansi', agencyId: otherAgencyId }])).cookie;
  superAdmin = (await login([{ role: 'super_admin', agencyId: null }])).cookie;
  // Migrations and several argon2 logins: slow on a busy shared machine.
}, 240_000);
afterAll(() => ctx.close());

const db = () => ctx.database.db;
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const call = (cookie: string, method: Method, url: string, payload?: object) => request(ctx, cookie, { method, url, ...(payload ? { payload } : {}) });
const banksOf = (agency: string) => `/api/agencies/${agency}/cat-banks`;
const base = () => banksOf(agencyId);
const auditsOf = (action: string, targetId: string) => db().select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId))).orderBy(auditLog.chain, auditLog.seq);
const questionCount = async (bankId: string) => (await db().select({ n: count() }).from(catQuestions).where(eq(catQuestions.bankId, bankId)))[0]!.n;
const stored = async (questionId: string) => (await db().select().from(catQuestions).where(eq(catQuestions.id, questionId)))[0]!;

async function newBank(cookie = admin.cookie, name = 'Bank SKD 2026') {
  const response = await call(cookie, 'POST', base(), { name, description: 'Soal SKD untuk seleksi CPNS' });
  expect(response.statusCode).toBe(201);
  return response.json().bank as { id: string };
}

async function newQuestion(bankId: string, body: object = twkBody(), cookie = admin.cookie) {
  const response = await call(cookie, 'POST', `${base()}/${bankId}/questions`, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json().question as { id: string; options: Array<{ id: string; label: string; text: string; points: number | null }>; keyOptionId: string | null; status: string };
}

describe('banks', () => {
  it('creates an agency bank, lists it before the national ones with counts, and audits the creation — 201/200', async () => {
    const national = await createBankRow(db(), null, 'Bank Nasional TWK');
    await createQuestionRow(db(), national, { status: 'active' });
    const bank = await newBank(panitia.cookie, 'Bank Kota 2026');
    await newQuestion(bank.id);

    const list = await call(admin.cookie, 'GET', `${base()}?pageSize=100`);
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Array<{ id: string; national: boolean; canManage: boolean; questions: { total: number; draft: number; active: number } }>;
    const own = items.findIndex((item) => item.id === bank.id);
    const shared = items.findIndex((item) => item.id === national.id);
    expect(own).toBeGreaterThanOrEqual(0);
    expect(shared).toBeGreaterThan(own);
    expect(items[own]).toMatchObject({ national: false, canManage: true, questions: { total: 1, draft: 1 } });
    expect(items[shared]).toMatchObject({ national: true, canManage: false, questions: { total: 1, active: 1 } });
    expect((await call(admin.cookie, 'GET', `${base()}?scope=own&pageSize=100`)).json().items.every((item: { national: boolean }) => !item.national)).toBe(true);
    expect(await auditsOf('cat.bank.create', bank.id)).toHaveLength(1);
  });

  it('refuses a bank name that is too short, too long or not text — 400 naming the field, nothing created', async () => {
    const before = (await db().select({ n: count() }).from(catBanks))[0]!.n;
    for (const name of ['ab', 'x'.repeat(121), 42]) {
      const response = await call(admin.cookie, 'POST', base(), { name });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toHaveProperty('name');
    }
    expect((await call(admin.cookie, 'POST', base(), {})).json().error.fields).toHaveProperty('name');
    expect((await db().select({ n: count() }).from(catBanks))[0]!.n).toBe(before);
  });

  it("shows the national bank's counts to an agency but refuses to change it or read its questions — 403, nothing changes", async () => {
    const national = await createBankRow(db(), null, 'Bank Nasional TIU');
    const question = await createQuestionRow(db(), national, { subtest: 'TIU', status: 'active' });
    const detail = await call(panitia.cookie, 'GET', `${base()}/${national.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ bank: { national: true, canManage: false }, availability: [{ subtest: 'TIU', active: 1 }] });
    expect(detail.body).not.toContain(question.stem);

    expect((await call(admin.cookie, 'PUT', `${base()}/${national.id}`, { name: 'Diambil alih' })).statusCode).toBe(403);
    expect((await call(admin.cookie, 'DELETE', `${base()}/${national.id}`)).statusCode).toBe(403);
    expect((await call(admin.cookie, 'GET', `${base()}/${national.id}/questions`)).statusCode).toBe(403);
    expect((await call(admin.cookie, 'POST', `${base()}/${national.id}/questions`, twkBody())).statusCode).toBe(403);
    expect((await call(admin.cookie, 'POST', `${base()}/${national.id}/questions/${question.id}/status`, { status: 'retired' })).statusCode).toBe(403);
    expect((await call(admin.cookie, 'GET', `${base()}/${national.id}/export.json`)).statusCode).toBe(403);
    // The national routes are the super admin's alone.
    expect((await call(admin.cookie, 'PUT', `/api/cat-banks/${national.id}`, { name: 'Diambil alih' })).statusCode).toBe(403);
    const [after] = await db().select().from(catBanks).where(eq(catBanks.id, national.id));
    expect(after!.name).toBe('Bank Nasional TIU');
    expect((await stored(question.id)).status).toBe('active');
  });

  it('lets the super admin manage national banks and their questions, but not read an agency bank’s questions — 201/200/403', async () => {
    const created = await call(superAdmin, 'POST', '/api/cat-banks', { name: 'Bank Nasional SKD' });
    expect(created.statusCode).toBe(201);
    const nationalId = created.json().bank.id;
    expect(created.json().bank).toMatchObject({ national: true, canManage: true, agencyId: null });
    const question = await call(superAdmin, 'POST', `/api/cat-banks/${nationalId}/questions`, twkBody());
    expect(question.statusCode).toBe(201);
    expect(await auditsOf('cat.question.create', question.json().question.id)).toMatchObject([{ chain: 'national' }]);

    const agencyBank = await newBank();
    await newQuestion(agencyBank.id);
    const detail = await call(superAdmin, 'GET', `${base()}/${agencyBank.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().bank.canManage).toBe(false);
    expect((await call(superAdmin, 'GET', `${base()}/${agencyBank.id}/questions`)).statusCode).toBe(403);
    expect((await call(superAdmin, 'POST', base(), { name: 'Bank Instansi oleh Super Admin' })).statusCode).toBe(403);
  });

  it("answers 404 for another agency's bank through this agency's path and changes nothing", async () => {
    const foreign = await createBankRow(db(), otherAgencyId, 'Bank Rahasia Lain');
    const question = await createQuestionRow(db(), foreign);
    for (const [method, url, payload] of [
      ['GET', `${base()}/${foreign.id}`],
      ['PUT', `${base()}/${foreign.id}`, { name: 'Diubah' }],
      ['DELETE', `${base()}/${foreign.id}`],
      ['GET', `${base()}/${foreign.id}/questions`],
      ['GET', `${base()}/${foreign.id}/questions/${question.id}`],
      ['PUT', `${base()}/${foreign.id}/questions/${question.id}`, twkBody()],
      ['POST', `${base()}/${foreign.id}/questions/${question.id}/status`, { status: 'retired' }],
      ['GET', `${base()}/${foreign.id}/export.xlsx`],
    ] as Array<[Method, string, object | undefined]>) {
      const response = await call(admin.cookie, method, url, payload);
      expect({ method, url, status: response.statusCode }).toEqual({ method, url, status: 404 });
      expect(response.body).not.toContain(question.stem);
    }
    // A question id of another bank, through one's own bank.
    const own = await newBank();
    expect((await call(admin.cookie, 'GET', `${base()}/${own.id}/questions/${question.id}`)).statusCode).toBe(404);
    expect(await stored(question.id)).toMatchObject({ stem: question.stem, status: 'draft' });
    expect((await db().select().from(catBanks).where(eq(catBanks.id, foreign.id)))[0]!.name).toBe('Bank Rahasia Lain');
  });

  it('refuses to delete a bank a blueprint draws from, or whose questions are in a paper — 409; deletes an unused one — 204', async () => {
    const selection = await createSelectionRow(ctx, agencyId);
    const used = await newBank();
    await createBlueprintRow(db(), selection, { preset: 'skb', sections: [{ subtest: 'SKB', count: 1, bankIds: [used.id] }] });
    const refused = await call(admin.cookie, 'DELETE', `${base()}/${used.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('Cetak biru');

    const inPaper = await newBank();
    const question = await createQuestionRow(db(), { id: inPaper.id, agencyId }, { status: 'active' });
    const blueprint = await createBlueprintRow(db(), selection, { stageKey: 'skd-lain' });
    const formasi = await createFormasiRow(ctx, selection);
    const { attempt } = await createAttemptRow(db(), selection, blueprint, { formasi });
    await addPaper(db(), attempt.id, [question]);
    expect((await call(admin.cookie, 'DELETE', `${base()}/${inPaper.id}`)).statusCode).toBe(409);

    const unused = await newBank();
    await newQuestion(unused.id);
    expect((await call(admin.cookie, 'DELETE', `${base()}/${unused.id}`)).statusCode).toBe(204);
    expect(await questionCount(unused.id)).toBe(0);
    expect(await auditsOf('cat.bank.delete', unused.id)).toMatchObject([{ summary: { before: { questions: { draft: 1 } } } }]);
  });
});

describe('questions', () => {
  it('stores a single-key question as a draft with opaque option ids and audits a hash of it, never its text — 201', async () => {
    const bank = await newBank();
    const question = await newQuestion(bank.id);
    expect(question.status).toBe('draft');
    expect(question.options.map((option) => option.label)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(question.keyOptionId).toBe(question.options[3]!.id);
    for (const option of question.options) expect(option.id).toMatch(/^[A-Za-z0-9_-]{8}$/);
    const [audit] = await auditsOf('cat.question.create', question.id);
    expect(audit!.summary).toMatchObject({ after: { subtest: 'TWK', status: 'draft', options: 5, contentSha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    const trail = JSON.stringify(audit!.summary);
    expect(trail).not.toContain('Sila keempat');
    expect(trail).not.toContain('Musyawarah');
  });

  it('stores a TKP question with points 1–5 and no key — 201', async () => {
    const bank = await newBank();
    const question = await newQuestion(bank.id, tkpBody());
    expect(question.keyOptionId).toBeNull();
    expect(question.options.map((option) => option.points)).toEqual([2, 4, 5, 3, 1]);
  });

  it('refuses bad questions with the field named — 400, nothing stored', async () => {
    const bank = await newBank();
    const cases: Array<[object, string]> = [
      [twkBody({ keyIndex: undefined }), 'keyIndex'],
      [twkBody({ keyIndex: 7 }), 'keyIndex'],
      [tkpBody({ options: tkpBody().options.map((option, index) => (index === 0 ? { ...option, points: 6 } : option)) }), 'options.0.points'],
      [tkpBody({ options: tkpBody().options.map((option, index) => (index === 1 ? { text: option.text } : option)) }), 'options.1.points'],
      [tkpBody({ keyIndex: 0 }), 'keyIndex'],
      [{ ...tkpBody(), subtest: 'MANAJERIAL' }, 'options.2.points'],
      [twkBody({ subtest: 'PSIKOTES' }), 'subtest'],
      [twkBody({ stem: 12345 }), 'stem'],
      [twkBody({ stem: 'x'.repeat(5_001) }), 'stem'],
      [twkBody({ options: [{ text: 'Satu-satunya' }], keyIndex: 0 }), 'options'],
      [twkBody({ options: [{ text: 'Sama' }, { text: 'sama' }], keyIndex: 0 }), 'options.1.text'],
      [twkBody({ options: twkBody().options.map((option) => ({ ...option, points: 5 })) }), 'options.0.points'],
      [twkBody({ keyIndex: 'D' }), 'keyIndex'],
    ];
    for (const [body, field] of cases) {
      const response = await call(admin.cookie, 'POST', `${base()}/${bank.id}/questions`, body);
      expect({ field, status: response.statusCode }).toEqual({ field, status: 400 });
      expect(response.json().error.fields).toHaveProperty(field);
    }
    expect(await questionCount(bank.id)).toBe(0);
  });

  it('reviews by someone other than the author, then activates; an edit sends it back to draft for a new review — 200/409', async () => {
    const bank = await newBank();
    const question = await newQuestion(bank.id, twkBody(), panitia.cookie);
    const status = (cookie: string, value: string) => call(cookie, 'POST', `${base()}/${bank.id}/questions/${question.id}/status`, { status: value });

    const early = await status(admin.cookie, 'active');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('ditelaah terlebih dahulu');
    const own = await status(panitia.cookie, 'reviewed');
    expect(own.statusCode).toBe(409);
    expect(own.json().error.message).toContain('empat mata');

    const reviewed = await status(admin.cookie, 'reviewed');
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.json().question).toMatchObject({ status: 'reviewed', reviewedBy: { id: admin.id }, createdBy: { id: panitia.id } });
    const active = await status(panitia.cookie, 'active');
    expect(active.json().question.status).toBe('active');

    // Saving the same content keeps the review…
    const same = await call(panitia2.cookie, 'PUT', `${base()}/${bank.id}/questions/${question.id}`, {
      ...twkBody(),
      options: question.options.map((option) => ({ id: option.id, text: option.text })),
    });
    expect(same.json().question).toMatchObject({ status: 'active', reviewedBy: { id: admin.id } });
    // …a real edit returns it to draft; its editor may not review it, the original author may.
    const edited = await call(panitia2.cookie, 'PUT', `${base()}/${bank.id}/questions/${question.id}`, {
      ...twkBody({ stem: 'Sila keempat Pancasila berbunyi …' }),
      options: question.options.map((option) => ({ id: option.id, text: option.text })),
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().question).toMatchObject({ status: 'draft', reviewedBy: null, editedBy: { id: panitia2.id } });
    expect(edited.json().question.options.map((option: { id: string }) => option.id)).toEqual(question.options.map((option) => option.id));
    expect((await status(panitia2.cookie, 'reviewed')).statusCode).toBe(409);
    expect((await status(admin.cookie, 'reviewed')).statusCode).toBe(200);
    expect((await status(admin.cookie, 'active')).statusCode).toBe(200);
    expect((await status(admin.cookie, 'retired')).json().question.status).toBe('retired');
    expect((await status(admin.cookie, 'active')).statusCode).toBe(409);

    const trail = await db().select().from(auditLog).where(eq(auditLog.targetId, question.id)).orderBy(auditLog.chain, auditLog.seq);
    expect(trail.map((entry) => entry.action).sort()).toEqual(
      ['cat.question.create', 'cat.question.status', 'cat.question.status', 'cat.question.update', 'cat.question.status', 'cat.question.status', 'cat.question.status'].sort(),
    );
  });

  it('refuses an option id that is not the question’s own — 400, nothing changes', async () => {
    const bank = await newBank();
    const question = await newQuestion(bank.id);
    const response = await call(admin.cookie, 'PUT', `${base()}/${bank.id}/questions/${question.id}`, {
      ...twkBody({ stem: 'Teks soal yang berubah sedikit' }),
      options: twkBody().options.map((option, index) => (index === 0 ? { ...option, id: 'bukanmilik' } : option)),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toHaveProperty('options.0.id');
    expect((await stored(question.id)).stem).toBe(twkBody().stem);
  });

  it('freezes a question drawn into a paper: no edit, image or deletion — 409; retiring stays possible', async () => {
    const bank = await newBank();
    const question = await newQuestion(bank.id);
    const selection = await createSelectionRow(ctx, agencyId);
    const blueprint = await createBlueprintRow(db(), selection);
    const formasi = await createFormasiRow(ctx, selection);
    const { attempt } = await createAttemptRow(db(), selection, blueprint, { formasi });
    await addPaper(db(), attempt.id, [await stored(question.id)]);

    const url = `${base()}/${bank.id}/questions/${question.id}`;
    const edit = await call(admin.cookie, 'PUT', url, twkBody({ stem: 'Soal yang diubah setelah dibagikan' }));
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toContain('naskah ujian');
    expect((await call(admin.cookie, 'DELETE', url)).statusCode).toBe(409);
    const image = await pngImage();
    const upload = await request(ctx, admin.cookie, { method: 'PUT', url: `${url}/image`, ...(await multipartFile(image, 'gambar.png', 'image/png')) });
    expect(upload.statusCode).toBe(409);
    expect((await call(admin.cookie, 'GET', url)).json().question.inUse).toBe(true);
    expect((await call(admin.cookie, 'POST', `${url}/status`, { status: 'retired' })).statusCode).toBe(200);
    expect((await stored(question.id)).stem).toBe(twkBody().stem);
  });

  it('lists with filters and search, paged, and deletes an unused question with an audit record — 200/204', async () => {
    const bank = await newBank();
    await newQuestion(bank.id);
    await newQuestion(bank.id, tkpBody());
    await newQuestion(bank.id, tkpBody({ stem: 'Atasan meminta Anda lembur mendadak. Sikap Anda …', topic: 'Integritas' }));
    const tkp = await call(admin.cookie, 'GET', `${base()}/${bank.id}/questions?subtest=TKP&pageSize=1&page=2`);
    expect(tkp.json()).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect((await call(admin.cookie, 'GET', `${base()}/${bank.id}/questions?q=lembur`)).json().total).toBe(1);
    expect((await call(admin.cookie, 'GET', `${base()}/${bank.id}/questions?topic=integritas`)).json().total).toBe(1);
    expect((await call(admin.cookie, 'GET', `${base()}/${bank.id}/questions?status=active`)).json().total).toBe(0);
    expect((await call(admin.cookie, 'GET', `${base()}/${bank.id}/questions?status=hilang`)).statusCode).toBe(400);

    const one = (await call(admin.cookie, 'GET', `${base()}/${bank.id}/questions?q=lembur`)).json().items[0];
    expect((await call(admin.cookie, 'DELETE', `${base()}/${bank.id}/questions/${one.id}`)).statusCode).toBe(204);
    expect(await questionCount(bank.id)).toBe(2);
    expect(await auditsOf('cat.question.delete', one.id)).toHaveLength(1);
  });
});

describe('images', () => {
  it('stores a PNG for the stem and a JPEG for an option, serves them to managers, removes them; the question returns to draft — 200', async () => {
    const bank = await newBank();
    const question = await newQuestion(bank.id);
    await call(admin.cookie, 'POST', `${base()}/${bank.id}/questions/${question.id}/status`, { status: 'reviewed' }).then(async (r) => {
      // The admin wrote it: the review must come from someone else.
      expect(r.statusCode).toBe(409);
      expect((await call(panitia.cookie, 'POST', `${base()}/${bank.id}/questions/${question.id}/status`, { status: 'reviewed' })).statusCode).toBe(200);
    });
    const url = `${base()}/${bank.id}/questions/${question.id}`;
    const png = await pngImage('#112233');
    const stem = await request(ctx, admin.cookie, { method: 'PUT', url: `${url}/image`, ...(await multipartFile(png, 'peta.png', 'image/png')) });
    expect(stem.statusCode, stem.body).toBe(200);
    expect(stem.json().question).toMatchObject({ hasImage: true, status: 'draft', reviewedBy: null });

    const jpeg = await (await import('sharp')).default({ create: { width: 4, height: 4, channels: 3, background: '#ffffff' } }).jpeg().toBuffer();
    const optionId = question.options[1]!.id;
    const option = await request(ctx, panitia.cookie, { method: 'PUT', url: `${url}/options/${optionId}/image`, ...(await multipartFile(jpeg, 'grafik.jpg', 'image/jpeg')) });
    expect(option.statusCode).toBe(200);
    expect(option.json().question.options[1]).toMatchObject({ id: optionId, hasImage: true });

    const served = await call(admin.cookie, 'GET', `${url}/image`);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(served.rawPayload, png)).toBe(0);
    expect((await call(pengawas, 'GET', `${url}/image`)).statusCode).toBe(403);

    // The option's image survives an edit of the texts that keeps the option.
    const kept = await call(admin.cookie, 'PUT', url, { ...twkBody({ stem: 'Lihat gambar. Sila keempat …' }), options: question.options.map((o) => ({ id: o.id, text: o.text })) });
    expect(kept.json().question.options[1].hasImage).toBe(true);

    const removed = await call(admin.cookie, 'DELETE', `${url}/image`);
    expect(removed.json().question.hasImage).toBe(false);
    expect((await call(admin.cookie, 'GET', `${url}/image`)).statusCode).toBe(404);
    expect(await auditsOf('cat.question.image', question.id)).toHaveLength(3);
  });

  it('refuses a PDF, a fake PNG and an unknown option — 415/422/404, nothing stored', async () => {
    const bank = await newBank();
    const question = await newQuestion(bank.id);
    const url = `${base()}/${bank.id}/questions/${question.id}`;
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const asPdf = await request(ctx, admin.cookie, { method: 'PUT', url: `${url}/image`, ...(await multipartFile(pdf, 'soal.png', 'image/png')) });
    expect(asPdf.statusCode).toBe(415);
    const whole = await pngImage('#445566', 64);
    const fake = whole.subarray(0, whole.length - 20);
    const broken = await request(ctx, admin.cookie, { method: 'PUT', url: `${url}/image`, ...(await multipartFile(fake, 'rusak.png', 'image/png')) });
    expect(broken.statusCode).toBe(422);
    const unknown = await request(ctx, admin.cookie, { method: 'PUT', url: `${url}/options/tidakada/image`, ...(await multipartFile(await pngImage(), 'a.png', 'image/png')) });
    expect(unknown.statusCode).toBe(404);
    expect((await stored(question.id)).imageFileId).toBeNull();
    expect(await auditsOf('cat.question.image', question.id)).toHaveLength(0);
  });
});

describe('secrecy', () => {
  it('never shows a stem or a key to a pelamar, verifikator, pengawas, another agency’s admin or the super admin', async () => {
    const bank = await newBank();
    const secret = 'RAHASIA-NEGARA-sila-keempat';
    const question = await newQuestion(bank.id, twkBody({ stem: `${secret} Pancasila adalah …` }));
    const keyText = question.options.find((option) => option.id === question.keyOptionId)!.text;
    const urls = [
      base(),
      `${base()}/${bank.id}`,
      `${base()}/${bank.id}/questions`,
      `${base()}/${bank.id}/questions/${question.id}`,
      `${base()}/${bank.id}/export.xlsx`,
      `${base()}/${bank.id}/export.json`,
      `/api/agencies/${agencyId}/audit?pageSize=100`,
    ];
    for (const cookie of [pelamar, verifikator, pengawas, otherAdmin, superAdmin]) {
      for (const url of urls) {
        const response = await call(cookie, 'GET', url);
        expect(response.body).not.toContain(secret);
        expect(response.body).not.toContain(question.keyOptionId!);
        if (url.includes('/questions') || url.includes('/export')) expect(response.statusCode).toBe(403);
      }
    }
    // The managers do see it (the test would pass vacuously otherwise).
    const own = await call(panitia.cookie, 'GET', `${base()}/${bank.id}/questions/${question.id}`);
    expect(own.body).toContain(secret);
    expect(own.body).toContain(keyText);
  });
});

describe('functions for other modules', () => {
  it('questionsForPaper: active questions of the subtest and topic from the agency’s and national banks only', async () => {
    const bank = await createBankRow(db(), agencyId);
    const national = await createBankRow(db(), null);
    const foreign = await createBankRow(db(), otherAgencyId);
    const active = await createQuestionRow(db(), bank, { subtest: 'TWK', topic: 'Pancasila', status: 'active' });
    const nationalActive = await createQuestionRow(db(), national, { subtest: 'TWK', topic: 'pancasila ', status: 'active' });
    await createQuestionRow(db(), bank, { subtest: 'TWK', topic: 'Pancasila', status: 'reviewed' });
    await createQuestionRow(db(), bank, { subtest: 'TWK', topic: 'UUD', status: 'active' });
    await createQuestionRow(db(), bank, { subtest: 'TIU', topic: 'Pancasila', status: 'active' });

    const pool = await questionsForPaper(db(), { bankIds: [bank.id, national.id], subtest: 'TWK', topic: 'Pancasila', agencyId });
    expect(pool.map((q) => q.id).sort()).toEqual([active.id, nationalActive.id].sort());
    expect(pool.find((q) => q.id === active.id)!.optionIds).toEqual(active.options.map((o) => o.id));
    expect(JSON.stringify(pool)).not.toContain(active.stem);
    expect(await questionsForPaper(db(), { bankIds: [bank.id], subtest: 'TWK', agencyId })).toHaveLength(2);
    await expect(questionsForPaper(db(), { bankIds: [bank.id, foreign.id], subtest: 'TWK', agencyId })).rejects.toMatchObject({ statusCode: 404 });
  });

  it('questionsForScoring gives keys and points; questionsForExam gives neither', async () => {
    const bank = await createBankRow(db(), agencyId);
    const twk = await createQuestionRow(db(), bank, { subtest: 'TWK', status: 'retired' });
    const tkp = await createQuestionRow(db(), bank, { subtest: 'TKP', status: 'active' });
    const scoring = await questionsForScoring(db(), [twk.id, tkp.id, twk.id]);
    expect(scoring).toHaveLength(2);
    expect(scoring.find((q) => q.id === twk.id)).toEqual({ id: twk.id, subtest: 'TWK', type: 'single', key: twk.keyOptionId });
    expect(scoring.find((q) => q.id === tkp.id)).toEqual({ id: tkp.id, subtest: 'TKP', type: 'weighted', optionPoints: Object.fromEntries(tkp.options.map((o) => [o.id, o.points])) });

    const exam = await questionsForExam(db(), [twk.id, tkp.id]);
    const shown = JSON.stringify(exam);
    expect(shown).toContain(twk.stem);
    expect(shown).not.toMatch(/"key/i);
    expect(shown).not.toContain('points');
    expect(Object.keys(exam[0]!).sort()).toEqual(['id', 'imageFileId', 'options', 'stem', 'subtest']);
  });
});
