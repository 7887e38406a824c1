/**
 * Screenshots of the built app for the docs: the dashboard, the reader and a filtered timeline
 * view from the real corpus (dist/data), a site at town scale with the offline context layers, and
 * the clustered map on a 20k synthetic corpus; each at 1400×900 and at 1024×700 (file names
 * ending in -1024), the two sizes analysts use.
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
const SIZES = [
  { width: 1400, height: 900, suffix: '' },
  { width: 1024, height: 700, suffix: '-1024' },
];

async function ready(page: Page): Promise<void> {
  await page.locator('.leaflet-basemap-pane canvas.basemap-tile[data-drawn]').first().waitFor({ state: 'attached', timeout: 30_000 });
  await page.waitForTimeout(1200);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await startStaticServer(resolve(ROOT, 'dist'), { '/synthetic.geojson': JSON.stringify(syntheticCorpus(20_000, 7)) });
  const browser = await launchChromium();
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
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
      await page.screenshot({ path: resolve(OUT, `dashboard${size.suffix}.png`) });
      console.error(`docs/dashboard${size.suffix}.png`);

      await page.locator('.leaflet-popup').getByRole('button', { name: 'Open article' }).click();
      await page.locator('.reader .mention').first().waitFor();
      await page.locator('.reader .mention').nth(2).click();
      await page.waitForTimeout(1200);
      await page.screenshot({ path: resolve(OUT, `reader${size.suffix}.png`) });
      console.error(`docs/reader${size.suffix}.png`);

      await page.goto(`${server.url}/?from=2024-01-01&to=2024-04-30&kinds=strike,base,pipeline`);
      await ready(page);
      await page.screenshot({ path: resolve(OUT, `timeline${size.suffix}.png`) });
      console.error(`docs/timeline${size.suffix}.png`);

      // A site-precision star at town scale: labels and division lines give it context offline.
      await page.goto(`${server.url}/?view=31.2,35.0,10`);
      await ready(page);
      await page.waitForTimeout(1500);
      await page.screenshot({ path: resolve(OUT, `context${size.suffix}.png`) });
      console.error(`docs/context${size.suffix}.png`);

      await page.goto(`${server.url}/?data=synthetic.geojson`);
      await ready(page);
      await page.screenshot({ path: resolve(OUT, `clusters${size.suffix}.png`) });
      console.error(`docs/clusters${size.suffix}.png`);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
