// The small harness every journey runs in: fresh browser contexts, page visits that wait for the
// page to settle and then run axe-core, and a check that no visited page escaped that scan.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const DEMO_PASSWORD = 'Demo-Rekrutmen-2026!';
export const SUPER_ADMIN_EMAIL = 'superadmin@rekrutmen.local';
export const KOTA_MANNA_ADMIN_EMAIL = 'admin@kota-manna.rekrutmen.local';

export type NewPageOptions = {
  /** A phone-sized viewport (390×844, touch), to keep the mobile layout honest. */
  phone?: boolean;
};

export interface JourneyContext {
  baseUrl: string;
  /** A page in a new, empty browser context (its own cookies): one per person in the journey. */
  newPage(options?: NewPageOptions): Promise<Page>;
  /** Opens a path (or a full URL on this server) and waits for the page's h1, then runs axe. */
  visit(page: Page, pathOrUrl: string, heading: string | RegExp): Promise<void>;
  /** Waits for the current page's h1 and for loading to finish, then runs axe. */
  settle(page: Page, heading: string | RegExp): Promise<void>;
  /** Runs axe on the page as it is now (e.g. after a panel opened). */
  checkA11y(page: Page, label?: string): Promise<void>;
  log(message: string): void;
}

export interface Journey {
  name: string;
  run(ctx: JourneyContext): Promise<void>;
}

const BLOCKING_IMPACTS = new Set(['serious', 'critical']);
const SETTLE_TIMEOUT = 15_000;

let screenshotCounter = 0;

type Violations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'];
/**
 * What axe found on each state already scanned in this run, by the page's markup and viewport (the
 * app's styles are the same build throughout): the sign-in page and many dashboards are reached
 * dozens of times with the same markup, and a scan takes a second or two.
 */
const scannedStates = new Map<string, Violations>();

type Tracked = { page: Page; visited: Set<string>; checked: Set<string> };

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** Everything one journey owns; closed by the runner when the journey ends. */
export class JourneyScope implements JourneyContext {
  private readonly contexts: BrowserContext[] = [];
  private readonly tracked: Tracked[] = [];
  readonly logs: string[] = [];

  constructor(
    private readonly browser: Browser,
    readonly baseUrl: string,
  ) {}

  async newPage(options: NewPageOptions = {}): Promise<Page> {
    const context = await this.browser.newContext({
      baseURL: this.baseUrl,
      locale: 'id-ID',
      timezoneId: 'Asia/Jakarta',
      ...(options.phone
        ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }
        : { viewport: { width: 1280, height: 800 } }),
    });
    context.setDefaultTimeout(SETTLE_TIMEOUT);
    this.contexts.push(context);
    const page = await context.newPage();
    const tracked: Tracked = { page, visited: new Set(), checked: new Set() };
    this.tracked.push(tracked);
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && frame.url().startsWith(this.baseUrl)) tracked.visited.add(pathOf(frame.url()));
    });
    page.on('pageerror', (error) => this.log(`kesalahan JavaScript di halaman: ${error.message}`));
    return page;
  }

  async visit(page: Page, pathOrUrl: string, heading: string | RegExp): Promise<void> {
    const url = new URL(pathOrUrl, this.baseUrl);
    assert.equal(url.origin, new URL(this.baseUrl).origin, `tautan menuju server lain: ${url.href}`);
    await page.goto(url.href);
    await this.settle(page, heading);
  }

  async settle(page: Page, heading: string | RegExp): Promise<void> {
    await page.getByRole('heading', { level: 1, name: heading }).waitFor({ state: 'visible' });
    // Loading indicators are the spinner inside role=status; wait until every one is gone.
    // (A locator, not waitForFunction with a string: the app's CSP forbids eval.)
    const spinners = page.locator('.spinner');
    const deadline = Date.now() + SETTLE_TIMEOUT;
    while ((await spinners.count()) > 0) {
      if (Date.now() > deadline) throw new Error(`halaman ${pathOf(page.url())} masih memuat setelah ${SETTLE_TIMEOUT / 1000} detik`);
      await spinners.first().waitFor({ state: 'detached', timeout: Math.max(1, deadline - Date.now()) });
    }
    await this.checkA11y(page);
  }

  async checkA11y(page: Page, label?: string): Promise<void> {
    // E2E_SCREENSHOTS=<folder> keeps a picture of every checked state, for reviewing the layout.
    const shots = process.env.E2E_SCREENSHOTS;
    if (shots) {
      screenshotCounter += 1;
      const name = `${String(screenshotCounter).padStart(3, '0')}${(label ?? pathOf(page.url())).replace(/[^a-z0-9]+/gi, '-')}.png`;
      await page.screenshot({ path: `${shots}/${name}`, fullPage: true }).catch(() => undefined);
    }
    const state = createHash('sha256').update(JSON.stringify(page.viewportSize())).update(await page.content()).digest('hex');
    const known = scannedStates.get(state);
    const violations = known ?? (await new AxeBuilder({ page }).analyze()).violations;
    if (!known) scannedStates.set(state, violations);
    const blocking = violations.filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''));
    const where = label ?? pathOf(page.url());
    const tracked = this.tracked.find((entry) => entry.page === page);
    tracked?.checked.add(pathOf(page.url()));
    if (blocking.length > 0) {
      const details = blocking
        .map(
          (violation) =>
            `  - [${violation.impact}] ${violation.id}: ${violation.help}\n` +
            violation.nodes
              .slice(0, 5)
              .map((node) => `      ${node.target.join(' ')} — ${node.failureSummary?.split('\n').slice(1).join(' ').trim() ?? ''}`)
              .join('\n'),
        )
        .join('\n');
      throw new Error(`axe-core menemukan pelanggaran aksesibilitas serius di ${where}:\n${details}`);
    }
    const minor = violations.length;
    this.log(`axe ${where}: ${minor === 0 ? 'bersih' : `${minor} temuan ringan (tidak memblokir)`}${known ? ' (markup sama dengan pemindaian sebelumnya)' : ''}`);
  }

  log(message: string): void {
    this.logs.push(message);
  }

  /** Pages a journey reached but never scanned: the journey must settle on each page it visits. */
  uncheckedPages(): string[] {
    const missing: string[] = [];
    for (const entry of this.tracked) {
      for (const path of entry.visited) if (!entry.checked.has(path)) missing.push(path);
    }
    return [...new Set(missing)];
  }

  /** One screenshot per page of the journey: `<base>-1.png`, `<base>-2.png`, … */
  async screenshots(base: string): Promise<string[]> {
    const written: string[] = [];
    for (const [index, entry] of this.tracked.entries()) {
      if (entry.page.isClosed()) continue;
      const file = `${base}-${index + 1}.png`;
      const ok = await entry.page.screenshot({ path: file, fullPage: true }).then(() => true, () => false);
      if (ok) written.push(file);
    }
    return written;
  }

  async close(): Promise<void> {
    await Promise.all(this.contexts.map((context) => context.close().catch(() => undefined)));
  }
}

// ---- Steps shared by journeys -------------------------------------------------------------------

/** The local date (YYYY-MM-DD) in WIB `days` from today: the demo agencies' zone. */
export function wibDate(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export async function logIn(ctx: JourneyContext, page: Page, email: string, password: string): Promise<void> {
  await ctx.visit(page, '/masuk', 'Masuk');
  await page.getByLabel('Alamat email').fill(email);
  await page.getByLabel('Kata sandi', { exact: false }).first().fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await ctx.settle(page, 'Dasbor');
}

/**
 * Signs in as the demo super admin (in the page given) and returns the first link in the newest
 * email to `to` whose address contains `linkPath`. Mail is written to the outbox in the same request
 * that causes it, but a short retry keeps the step honest if delivery is ever deferred.
 */
export async function readLinkFromOutbox(
  ctx: JourneyContext,
  page: Page,
  options: { to: string; linkPath: string },
): Promise<string> {
  await ctx.visit(page, '/admin/outbox', 'Kotak keluar surel');
  const search = page.getByRole('search').getByLabel('Cari pesan (penerima atau subjek)');
  for (let attempt = 0; attempt < 10; attempt += 1) {
    await search.fill(options.to);
    await page.getByRole('search').getByRole('button', { name: 'Cari', exact: true }).click();
    await ctx.settle(page, 'Kotak keluar surel');
    const row = page.getByRole('row').filter({ hasText: options.to }).first();
    if ((await row.count()) > 0) {
      await row.getByRole('link').first().click();
      const message = page.locator('article.outbox-message');
      await message.waitFor();
      await ctx.checkA11y(page, '/admin/outbox (pesan terbuka)');
      const link = message.locator(`a[href*="${options.linkPath}"]`).first();
      const href = await link.getAttribute('href');
      assert.ok(href, `pesan untuk ${options.to} tidak memuat tautan ${options.linkPath}`);
      return href;
    }
    await page.waitForTimeout(500);
  }
  throw new Error(`tidak ada email untuk ${options.to} di kotak keluar`);
}

/** The link as it should be opened in the test: same path and query, on the test server. */
export function onServer(ctx: JourneyContext, link: string): string {
  const url = new URL(link, ctx.baseUrl);
  return `${url.pathname}${url.search}`;
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}@contoh.go.id`;
}

/** Polls a condition (for UI that refetches after an action) until it holds or time runs out. */
export async function eventually(condition: () => Promise<boolean>, message: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(message);
}
