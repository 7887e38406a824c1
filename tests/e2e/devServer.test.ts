import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/browser.ts';

/**
 * `npm start` serves the app with Vite's dev server, where React's StrictMode mounts every
 * component twice: a worker terminated by the first clean-up must not break the second mount.
 * The production build (the other e2e tests) never shows this.
 */
let server: ViteDevServer;
let browser: Browser;
beforeAll(async () => {
  server = await createServer({ root: resolve(import.meta.dirname, '../..'), server: { port: 0, strictPort: false }, logLevel: 'error' });
  await server.listen();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('npm start (Vite dev server, StrictMode)', () => {
  it('shows the seed corpus on the map and in the list, with no page error', async () => {
    const url = server.resolvedUrls!.local[0]!;
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.route((u) => !u.href.startsWith(url), (r) => r.abort());
    await page.goto(url);
    await page.locator('.app[aria-busy="false"]').waitFor({ timeout: 90_000 });
    await expect.poll(() => page.getByRole('listbox', { name: 'Events' }).getByRole('option').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    // Strikes, bases and places drawn by the cluster worker's client.
    await expect.poll(async () => Number(await page.locator('.map').getAttribute('data-strike-shown')), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
