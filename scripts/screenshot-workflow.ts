/**
 * The analyst-workflow screenshot for the README: an article pasted in the browser, geoparsed
 * in the worker, open in the reader with the correction controls for its strike.
 *
 *   npm run build && node --import tsx scripts/screenshot-workflow.ts
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from './lib/browser.ts';
import { startStaticServer } from './lib/staticServer.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, 'docs');

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await startStaticServer(resolve(ROOT, 'dist'));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.route((u) => !u.href.startsWith(server.url), (r) => r.abort());
    await page.goto(`${server.url}/`);
    await page.locator('.leaflet-basemap-pane canvas.basemap-tile[data-drawn]').first().waitFor({ state: 'attached', timeout: 30_000 });
    await page.getByRole('button', { name: 'Add article' }).click();
    const form = page.getByRole('form', { name: 'Add article' });
    await form.getByLabel('Title').fill('Israeli strike on T-4');
    await form.getByLabel('Published').fill('2024-03-29');
    await form.getByLabel('Source URL').fill('https://example.org/t4');
    await form.getByLabel('Article text').fill(
      'Israeli jets struck the T-4 air base in Homs province on Thursday, a war monitor said. ' +
        'Syrian state media said air defences intercepted missiles over Palmyra. Iran condemned the attack.',
    );
    await form.getByRole('button', { name: 'Parse and add' }).click();
    await form.waitFor({ state: 'detached', timeout: 60_000 });
    const reader = page.getByRole('complementary', { name: 'Article reader' });
    await reader.locator('.reader__text button.mention', { hasText: 'T-4 air base' }).click();
    await reader.getByRole('region', { name: 'Correct mention' }).getByLabel('Place name').fill('Tadmur');
    await reader.getByRole('button', { name: 'Change place' }).click();
    await reader.getByRole('list', { name: 'Candidates' }).waitFor();
    await page.waitForTimeout(1200);
    await page.screenshot({ path: resolve(OUT, 'workflow.png') });
    console.error('docs/workflow.png');
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
