/**
 * Shared e2e plumbing: build dist/ once if missing, serve it on a free port, open pages that
 * cannot reach the internet, serve the fixture corpus, and collect console errors, CSP
 * violations and dialogs so every test can assert there were none.
 */
import { execSync } from 'node:child_process';
import { afterAll, beforeAll } from 'vitest';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../scripts/lib/browser.ts';
import { startStaticServer, type StaticServer } from '../../../scripts/lib/staticServer.ts';
import { buildFixture, type FixtureArticle } from './fixture.ts';
import { waitForBasemap } from './basemap.ts';
import type { NewsmapCollection } from '../../../src/core/geoparser/geojson/schema.ts';

export const ROOT = resolve(import.meta.dirname, '../../..');
/** The built app under test: dist/ unless NEWSMAP_DIST names another build (parallel work). */
export const DIST = resolve(ROOT, process.env.NEWSMAP_DIST ?? 'dist');

export function ensureBuilt(): void {
  if (existsSync(resolve(DIST, 'index.html'))) return;
  // `npm test` builds first; a lone e2e run builds the app only (not the data pipeline).
  execSync(`npx vite build --outDir ${JSON.stringify(DIST)}`, { cwd: ROOT, stdio: 'inherit' });
}

export interface Session {
  browser: Browser;
  server: StaticServer;
  close(): Promise<void>;
}

export async function startSession(): Promise<Session> {
  ensureBuilt();
  const server = await startStaticServer(DIST);
  const browser = await launchChromium();
  return { browser, server, close: async () => { await browser.close(); await server.close(); } };
}

/**
 * The browser session of one test file: started before its tests and closed after them. The
 * object is filled in by beforeAll, so the tests use it as they would use startSession()'s.
 */
export function sessionPerFile(): Session {
  const session = {} as Session;
  beforeAll(async () => {
    Object.assign(session, await startSession());
  });
  afterAll(async () => {
    await session.close?.();
  });
  return session;
}

export interface Watched {
  page: Page;
  errors: string[];
  dialogs: string[];
  blocked: string[];
}

export async function openDashboard(
  session: Session,
  query = '',
  data: { corpus: NewsmapCollection; articles: FixtureArticle[] } = buildFixture(),
  /** Holds the corpus back this long, as a slow network or a big corpus would. */
  corpusDelayMs = 0,
): Promise<Watched> {
  const context = await session.browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  return openTab(session, await context.newPage(), query, data, corpusDelayMs);
}

/** As openDashboard, in a window of another size (e.g. 1024×700, a laptop). */
export async function openDashboardAt(
  session: Session,
  viewport: { width: number; height: number },
  query = '',
  data: { corpus: NewsmapCollection; articles: FixtureArticle[] } = buildFixture(),
): Promise<Watched> {
  const context = await session.browser.newContext({ viewport, acceptDownloads: true });
  return openTab(session, await context.newPage(), query, data);
}

/** Another tab of the same browser profile (same IndexedDB, same BroadcastChannel). */
export async function openSecondTab(session: Session, first: Page, data: { corpus: NewsmapCollection; articles: FixtureArticle[] } = buildFixture()): Promise<Watched> {
  return openTab(session, await first.context().newPage(), '', data);
}

async function openTab(session: Session, page: Page, query: string, data: { corpus: NewsmapCollection; articles: FixtureArticle[] }, corpusDelayMs = 0): Promise<Watched> {
  const errors: string[] = [];
  const dialogs: string[] = [];
  const blocked: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // CSP violations are also logged to the console, but count them at the source too.
  await page.addInitScript(`window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`);
  // Offline: anything not served by our local server is refused.
  await page.route((url) => !url.href.startsWith(session.server.url), (route) => {
    blocked.push(route.request().url());
    return route.abort();
  });
  await page.route(`${session.server.url}/data/corpus.geojson`, async (route) => {
    if (corpusDelayMs > 0) await new Promise((r) => setTimeout(r, corpusDelayMs));
    await route.fulfill({ contentType: 'application/geo+json', body: JSON.stringify(data.corpus) });
  });
  await page.route(`${session.server.url}/data/articles.json`, (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(data.articles) }),
  );
  await page.goto(`${session.server.url}/${query ? `?${query.replace(/^\?/, '')}` : ''}`);
  await waitForBasemap(page);
  // The dashboard shows while the corpus loads; tests start once it is in.
  await page.locator('.app[aria-busy="false"]').waitFor();
  return { page, errors, dialogs, blocked };
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate('window.__csp') as Promise<string[]>;
}

/** Number of point features the map currently draws, all layers (clusters count their members). */
export async function pointsShown(page: Page): Promise<number> {
  const map = page.locator('.map');
  let total = 0;
  for (const layer of ['strike', 'base', 'place']) total += Number((await map.getAttribute(`data-${layer}-shown`)) ?? 0);
  return total;
}

export async function eventCount(page: Page): Promise<number> {
  return page.getByRole('listbox', { name: 'Events' }).getByRole('option').count();
}
