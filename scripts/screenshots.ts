/**
 * Screenshots of the built app for the docs: the dashboard, the reader and a filtered timeline
 * view from the real corpus (dist/data), and the clustered map on a 20k synthetic corpus.
 *
 *   npm run build && node --import tsx scripts/screenshots.ts
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from './lib/browser.ts';
import { startStaticServer } from './lib/staticServer.ts';
import { syntheticCorpus } from '../bench/syntheticCorpus.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, 'docs');

async function ready(page: Page): Promise<void> {
  await page.locator('.leaflet-basemap-pane canvas.basemap-tile[data-drawn]').first().waitFor({ state: 'attached', timeout: 30_000 });
  await page.waitForTimeout(1200);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await startStaticServer(resolve(ROOT, 'dist'), { '/synthetic.geojson': JSON.stringify(syntheticCorpus(20_000, 7)) });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.route((u) => !u.href.startsWith(server.url), (r) => r.abort());

    await page.goto(`${server.url}/`);
    await ready(page);
    const strike = page.getByRole('option').filter({ hasText: /strike/i }).first();
    await strike.click();
    await page.locator('.leaflet-popup').waitFor();
    await page.waitForTimeout(900);
    // Back out to regional scale with the popup still open: the overview is the point.
    await page.evaluate('void window.__newsmapMap.setZoom(5, { animate: false })');
    await page.waitForTimeout(600);
    await page.screenshot({ path: resolve(OUT, 'dashboard.png') });
    console.error('docs/dashboard.png');

    await page.locator('.leaflet-popup').getByRole('button', { name: 'Open article' }).click();
    await page.locator('.reader .mention').first().waitFor();
    await page.locator('.reader .mention').nth(2).click();
    await page.waitForTimeout(1200);
    await page.screenshot({ path: resolve(OUT, 'reader.png') });
    console.error('docs/reader.png');

    await page.goto(`${server.url}/?from=2024-01-01&to=2024-04-30&kinds=strike,base,pipeline`);
    await ready(page);
    await page.screenshot({ path: resolve(OUT, 'timeline.png') });
    console.error('docs/timeline.png');

    await page.goto(`${server.url}/?data=synthetic.geojson`);
    await ready(page);
    await page.screenshot({ path: resolve(OUT, 'clusters.png') });
    console.error('docs/clusters.png');
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
