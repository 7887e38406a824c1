import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDashboard, sessionPerFile } from './support/harness.ts';
import { exportGeoJson } from './support/articles.ts';
import { waitForBasemap } from './support/basemap.ts';
import { buildFixture, type FixtureArticle } from './support/fixture.ts';
import type { NewsmapCollection, NewsmapFeature } from '../../src/core/geoparser/geojson/schema.ts';

/**
 * Corrections survive a new geoparser (issue 10): a workspace corrected under one parser's
 * output is loaded under another's, whose feature ids are all new and whose spans moved, split
 * or vanished. Every correction re-attaches to its words or is shown as not re-attached, with a
 * way to re-apply or discard it; a version-1 project (corrections keyed by feature id) still loads.
 */
const session = sessionPerFile();

type Data = { corpus: NewsmapCollection; articles: FixtureArticle[] };

/**
 * "Parser B" over the same texts: ids in another scheme, "Nevatim Air Base" cut to "Nevatim",
 * the base found at the words "US base" instead of "Al Udeid", the Isfahan strike not found.
 */
function parserB(): Data {
  const data = buildFixture();
  const text = (id: string) => data.articles.find((a) => a.id === id)!.text;
  const features: NewsmapFeature[] = [];
  for (const f of data.corpus.features) {
    const p = { ...f.properties };
    if (p.mention === 'Isfahan') continue;
    if (p.mention === 'Nevatim Air Base') Object.assign(p, { mention: 'Nevatim', span: [p.span[0], p.span[0] + 7] });
    if (p.mention === 'Al Udeid') {
      const s = text(p.article_id).indexOf('US base');
      Object.assign(p, { mention: 'US base', span: [s, s + 7] });
    }
    features.push({ ...f, id: `v2/${p.article_id}/${p.span[0]}/${p.kind}`, properties: p });
  }
  return { corpus: { type: 'FeatureCollection', features }, articles: data.articles };
}

/** Serves another corpus from now on (routes registered later win), then reloads. */
async function reloadWith(page: Page, data: Data, query = ''): Promise<void> {
  const base = new URL(page.url()).origin;
  await page.route(`${base}/data/corpus.geojson`, (route) => route.fulfill({ contentType: 'application/geo+json', body: JSON.stringify(data.corpus) }));
  await page.route(`${base}/data/articles.json`, (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(data.articles) }));
  await page.goto(`${base}/${query}`);
  await waitForBasemap(page);
  await page.locator('.app[aria-busy="false"]').waitFor();
}

const reader = (page: Page) => page.getByRole('complementary', { name: 'Article reader' });
const editor = (page: Page) => reader(page).getByRole('region', { name: 'Correct mention' });
const mention = (page: Page, words: string) => reader(page).locator('.reader__text button.mention', { hasText: words }).first();

async function changePlace(page: Page, words: string): Promise<void> {
  await mention(page, words).click();
  await editor(page).getByLabel('Place name').fill('Palmyra');
  await editor(page).getByRole('button', { name: 'Change place' }).click();
  await editor(page).getByRole('button', { name: /^Palmyra, SY \(city\)/ }).click();
}

async function editEvent(page: Page, words: string, field: 'Actor' | 'Target', value: string): Promise<void> {
  await mention(page, words).click();
  const form = editor(page).getByRole('form', { name: 'Edit event' });
  await form.getByLabel(field).fill(value);
  await form.getByRole('button', { name: 'Save edit' }).click();
}

const byMention = async (page: Page) => new Map((await exportGeoJson(page)).features.filter((f) => f.properties.article_id === 'a-isfahan').map((f) => [f.properties.mention, f.properties]));

describe('corrections survive a new geoparser (built app, offline Chromium)', () => {
  it('re-attaches moved, split and re-identified mentions; shows the two that cannot attach, to re-apply or discard', async () => {
    const { page, errors } = await openDashboard(session, '?article=a-isfahan');
    await changePlace(page, 'Karachi');
    await editEvent(page, 'Nevatim Air Base', 'Actor', 'Hezbollah');
    await mention(page, 'northern Israel').click();
    await editor(page).getByRole('button', { name: 'Not a place' }).click();
    await changePlace(page, 'Al Udeid');
    await editEvent(page, 'Isfahan', 'Target', 'Syria');
    await expect.poll(async () => (await byMention(page)).get('Isfahan')?.target).toBe('Syria');
    expect((await byMention(page)).get('Al Udeid')?.place_id).toBe('palmyra');

    // The same workspace under parser B: not one feature id is the same.
    await reloadWith(page, parserB(), '?article=a-isfahan');
    await expect.poll(async () => (await byMention(page)).get('Karachi')?.place_id).toBe('palmyra');
    const now = await byMention(page);
    expect(now.get('Nevatim')).toMatchObject({ actor: 'Hezbollah', corrected: true });
    expect(now.has('northern Israel')).toBe(false);
    expect(now.get('US base')?.place_id).toBe('al-udeid-air-base');
    await expect.poll(() => reader(page).locator('.reader__text button.mention--struck', { hasText: 'northern Israel' }).count()).toBe(1);

    // Two could not attach: said in the notes and the header, listed with why.
    await expect.poll(() => page.getByRole('status', { name: 'Notes' }).textContent()).toContain('2 corrections could not be re-attached');
    await page.getByRole('button', { name: /^Corrections \(5\) · 2 not re-attached/ }).click();
    const panel = page.getByRole('region', { name: 'Corrections' });
    expect(await panel.getByRole('alert').textContent()).toBe('2 corrections could not be re-attached');
    const orphans = panel.getByRole('list', { name: 'Corrections that could not be re-attached' }).getByRole('listitem');
    await expect.poll(() => orphans.count()).toBe(2);
    const udeid = orphans.filter({ hasText: '“Al Udeid” → Palmyra' });
    expect(await udeid.textContent()).toMatch(/no mention of “Al Udeid” is found/);
    const isfahan = orphans.filter({ hasText: '“Isfahan” edited' });
    expect(await isfahan.textContent()).toMatch(/no event is found at “Isfahan”/);

    // Re-apply the first to the words the new parser found the base at; discard the second.
    await udeid.getByLabel('Re-apply to').selectOption({ label: '“US base” (base, at ' + (await udeidOffset(page)) + ')' });
    await udeid.getByRole('button', { name: 'Re-apply' }).click();
    await expect.poll(async () => (await byMention(page)).get('US base')?.place_id).toBe('palmyra');
    await isfahan.getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => orphans.count()).toBe(0);
    await expect.poll(() => page.getByRole('status', { name: 'Notes' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Corrections \(4\)$/ }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('loads a version-1 project keyed by feature ids, and keeps it attached under a parser whose ids differ', async () => {
    const a = buildFixture();
    const karachi = a.corpus.features.find((f) => f.properties.mention === 'Karachi')!;
    const damascus = a.corpus.features.find((f) => f.properties.mention === 'Damascus')!;
    const at = '2025-06-01T10:00:00.000Z';
    const project = {
      format: 'newsmap-project', version: 1, exported: at, articles: [],
      userGazetteer: { version: 1, places: [], routes: [] },
      corrections: [
        { id: 'old-1', article_id: 'a-isfahan', by: 'analyst', at, change: { type: 'not-a-place', feature_id: karachi.id }, original: { kind: 'place', place_id: 'karachi', mention: 'Karachi', span: karachi.properties.span } },
        { id: 'old-2', article_id: 'a-damascus-2013', by: 'analyst', at, change: { type: 'place', feature_id: damascus.id, place: { id: 'palmyra', name: 'Palmyra', country: 'SY', lat: 34.5601, lon: 38.2673, precision: 'city' } }, original: {} },
      ],
    };
    const { page, errors } = await openDashboard(session);
    await page.locator('input[type=file][aria-label="Import project"]').setInputFiles({ name: 'old-project.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(project)) });
    const state = async () => {
      const fs = (await exportGeoJson(page)).features;
      return { karachi: fs.some((f) => f.properties.mention === 'Karachi'), damascus: fs.find((f) => f.properties.mention === 'Damascus')?.properties.place_id };
    };
    await expect.poll(state).toEqual({ karachi: false, damascus: 'palmyra' });
    // Migrated while the old ids still name their features: each is saved with its anchor.
    await expect.poll(() => storedAnchors(page)).toEqual({ 'old-1': 'Karachi', 'old-2': 'Damascus' });
    // Parser B, and a new decoder that prefixes the Damascus article: the old id's offsets now
    // name other words; the saved anchor still finds "Damascus".
    const b = parserB();
    const damascusArticle = b.articles.find((x) => x.id === 'a-damascus-2013')!;
    damascusArticle.text = `UPDATE: ${damascusArticle.text}`;
    for (const f of b.corpus.features) if (f.properties.article_id === 'a-damascus-2013') f.properties.span = [f.properties.span[0] + 8, f.properties.span[1] + 8];
    await reloadWith(page, b);
    await expect.poll(state).toEqual({ karachi: false, damascus: 'palmyra' });
    expect(await page.getByText('could not be re-attached').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

/** The saved corrections' anchored words, read from IndexedDB. */
async function storedAnchors(page: Page): Promise<Record<string, string | null>> {
  return page.evaluate(() => new Promise<Record<string, string | null>>((resolve, reject) => {
    const open = indexedDB.open('newsmap');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction('corrections').objectStore('corrections').getAll();
      req.onsuccess = () => {
        open.result.close();
        resolve(Object.fromEntries((req.result as { id: string; anchor?: { text: string } }[]).map((c) => [c.id, c.anchor?.text ?? null])));
      };
      req.onerror = () => reject(req.error);
    };
  }));
}

async function udeidOffset(page: Page): Promise<number> {
  return (await byMention(page)).get('US base')!.span[0];
}
