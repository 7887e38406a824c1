import { describe, expect, it } from 'vitest';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cspViolations, eventCount, openDashboard, openSecondTab, pointsShown, sessionPerFile } from './support/harness.ts';
import { buildFixture, XSS } from './support/fixture.ts';
import { waitForBasemap } from './support/basemap.ts';
import { addArticle, changePlaceAndAddAlias, exportGeoJson } from './support/articles.ts';
import type { NewsmapCollection, NewsmapFeature } from '../../src/core/geoparser/geojson/schema.ts';
import { filesMenuItem } from './support/menu.ts';

const session = sessionPerFile();

const TOTAL = buildFixture().corpus.features.length;
const TEXT = 'Israeli jets struck the T-4 air base in Homs province on Thursday.';

const mine = (c: NewsmapCollection) => c.features.filter((f) => f.properties.article_id.startsWith('user-'));
const byId = (fs: NewsmapFeature[]) => [...fs].sort((a, b) => a.id.localeCompare(b.id));

describe('analyst workflow (built app, offline Chromium)', () => {
  it('adds a pasted article, corrects a place, keeps it over a reload, deletes with undo, and round-trips GeoJSON', async () => {
    const { page, errors, dialogs } = await openDashboard(session);
    await addArticle(page, 'T-4 strike', TEXT);

    // The strike is in the list and on the map; the reader shows the new article.
    await expect.poll(() => eventCount(page)).toBe(TOTAL + 3);
    expect(await page.getByRole('option', { name: /Israeli strike on Tiyas Military Airbase/ }).count()).toBe(1);
    // On the map: it fits the new article's features (issue 10), so they are all in view.
    await expect.poll(() => pointsShown(page)).toBeGreaterThanOrEqual(3);
    const reader = page.getByRole('complementary', { name: 'Article reader' });
    await expect.poll(() => reader.locator('h2').textContent()).toBe('T-4 strike');
    expect(await reader.getByRole('link', { name: 'source' }).getAttribute('rel')).toBe('noopener noreferrer');

    // Correct the strike's place to Palmyra.
    await reader.locator('.reader__text button.mention', { hasText: 'T-4 air base' }).click();
    const editor = reader.getByRole('region', { name: 'Correct mention' });
    await editor.getByLabel('Place name').fill('Palmyra');
    await editor.getByRole('button', { name: 'Change place' }).click();
    await editor.getByRole('button', { name: /^Palmyra, SY/ }).click();
    await expect.poll(async () => mine(await exportGeoJson(page)).find((f) => f.properties.kind === 'strike')?.geometry.coordinates).toEqual([38.2673, 34.5601]);
    const exported = await exportGeoJson(page);
    const strike = mine(exported).find((f) => f.properties.kind === 'strike')!;
    expect(strike.properties.corrected).toBe(true);
    expect(strike.properties.place_name).toBe('Palmyra');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const rows = (await readFile((await csv.path())!, 'utf8')).trim().split('\r\n');
    expect(rows[0]!.endsWith(',corrected')).toBe(true);
    expect(rows.filter((r) => r.includes('Palmyra') && r.endsWith(',true'))).toHaveLength(1);

    // Reload: the article and the correction are still there (IndexedDB).
    await page.reload();
    await waitForBasemap(page);
    await expect.poll(() => eventCount(page)).toBe(TOTAL + 3);
    expect(byId(mine(await exportGeoJson(page)))).toEqual(byId(mine(exported)));
    await expect.poll(() => reader.locator('h2').textContent()).toBe('T-4 strike');

    // Delete asks first, then Undo brings it back.
    await reader.getByRole('button', { name: 'Delete article' }).click();
    await reader.getByRole('button', { name: 'Confirm delete' }).click();
    await expect.poll(() => eventCount(page)).toBe(TOTAL);
    await page.getByRole('status', { name: 'Notification' }).filter({ hasText: 'Deleted' }).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => eventCount(page)).toBe(TOTAL + 3);
    expect(byId(mine(await exportGeoJson(page)))).toEqual(byId(mine(exported)));

    // Export → delete → import the export: the same features come back.
    const file = join(await mkdtemp(join(tmpdir(), 'newsmap-')), 'export.geojson');
    await writeFile(file, JSON.stringify(exported));
    await page.goto(`${session.server.url}/?article=${strike.properties.article_id}`);
    await waitForBasemap(page);
    await reader.getByRole('button', { name: 'Delete article' }).click();
    await reader.getByRole('button', { name: 'Confirm delete' }).click();
    await expect.poll(() => eventCount(page)).toBe(TOTAL);
    await page.locator('input[type=file][aria-label="Import GeoJSON"]').setInputFiles(file);
    await expect.poll(() => eventCount(page)).toBe(TOTAL + 3);
    expect(byId((await exportGeoJson(page)).features)).toEqual(byId(exported.features));

    // Invalid input: one line naming the problem, nothing kept.
    const bad = join(tmpdir(), `bad-${Date.now()}.geojson`);
    await writeFile(bad, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [200, 95] }, properties: {} }] }));
    await page.locator('input[type=file][aria-label="Import GeoJSON"]').setInputFiles(bad);
    await expect.poll(() => page.getByRole('status', { name: 'Notes' }).textContent()).toContain('bad-');
    expect(await eventCount(page)).toBe(TOTAL + 3);

    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('edits an event, picks a point on the map, drops a false place, offers an alias, and moves the workspace as a project', async () => {
    const { page, errors } = await openDashboard(session);
    await addArticle(page, 'T-4 strike', TEXT);
    await expect.poll(() => eventCount(page)).toBe(TOTAL + 3);
    const reader = page.getByRole('complementary', { name: 'Article reader' });
    const editor = reader.getByRole('region', { name: 'Correct mention' });

    // Change place, then accept the offered alias and export the user gazetteer.
    await changePlaceAndAddAlias(page, 'T-4 air base', 'Tadmur', /^Palmyra, SY \(city\)/);
    // The alias holds for the stored article too: geoparsed again with it, "T-4 air base" is
    // Palmyra, a city, so the air base it named is no longer found (strike and province remain).
    await expect.poll(() => eventCount(page), { timeout: 30_000 }).toBe(TOTAL + 2);
    const [gz] = await Promise.all([page.waitForEvent('download'), (await filesMenuItem(page, 'Export user gazetteer')).click()]);
    const layer = JSON.parse(await readFile((await gz.path())!, 'utf8'));
    expect(layer.version).toBe(1);
    expect(layer.places).toHaveLength(1);
    expect(layer.places[0]).toMatchObject({ id: 'palmyra', name: 'Palmyra', aliases: ['T-4 air base'], country: 'SY' });

    // Edit the event's actor, target and date.
    const edit = editor.getByRole('form', { name: 'Edit event' });
    await edit.getByLabel('Actor').fill('United States');
    await edit.getByLabel('Target').fill('Syria');
    await edit.getByLabel('Date', { exact: true }).fill('2024-03-28');
    await edit.getByRole('button', { name: 'Save edit' }).click();
    await expect.poll(async () => mine(await exportGeoJson(page)).find((f) => f.properties.kind === 'strike')?.properties.actor).toBe('United States');
    const edited = mine(await exportGeoJson(page)).find((f) => f.properties.kind === 'strike')!;
    expect(edited.properties).toMatchObject({ target: 'Syria', date: '2024-03-28', date_precision: 'day', corrected: true });
    expect(edited.properties.actors[0]).toBe('United States');

    // Pick on map: the next click on the map sets the point.
    await editor.getByRole('button', { name: 'Pick on map' }).click();
    // "Save edit" flies the map to the feature; a fly that ends after our setView would move
    // the map under the click. Set the view until it has held for three polls in a row.
    let held = 0;
    await expect.poll(async () => {
      const at = await page.evaluate(() => {
        const map = (window as any).__newsmapMap;
        const c = map.getCenter();
        if (Math.abs(c.lat - 30) < 1e-4 && Math.abs(c.lng - 50) < 1e-4 && map.getZoom() === 6) return true;
        map.setView([30, 50], 6, { animate: false });
        return false;
      });
      held = at ? held + 1 : 0;
      return held >= 3;
    }, { interval: 150 }).toBe(true);
    const pt = await page.evaluate(() => (window as any).__newsmapMap.latLngToContainerPoint([30, 50]));
    const box = (await page.locator('.map').boundingBox())!;
    await page.mouse.click(box.x + pt.x, box.y + pt.y);
    await expect.poll(async () => {
      const c = mine(await exportGeoJson(page)).find((f) => f.properties.kind === 'strike')!.geometry.coordinates as [number, number];
      return Math.abs(c[0] - 50) < 0.05 && Math.abs(c[1] - 30) < 0.05; // one pixel at zoom 6
    }).toBe(true);

    // Not a place: the Homs province mention loses its feature.
    await reader.locator('.reader__text button.mention', { hasText: 'Homs province' }).click();
    await editor.getByRole('button', { name: 'Not a place' }).click();
    await expect.poll(() => eventCount(page)).toBe(TOTAL + 1);

    // Add a place the resolver missed, by selecting words in the reader.
    await page.evaluate(() => {
      const box = document.querySelector('.reader__text')!;
      const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
      let node: Node | null;
      while ((node = walker.nextNode())) {
        const at = node.textContent!.indexOf('Thursday');
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 'Thursday'.length);
          window.getSelection()!.removeAllRanges();
          window.getSelection()!.addRange(range);
          box.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
          return;
        }
      }
    });
    const addPlace = reader.getByRole('region', { name: 'Add missed place' });
    expect(await addPlace.textContent()).toContain('Selected: “Thursday”');
    await addPlace.getByLabel('Place name').fill('Palmyra');
    await addPlace.getByRole('button', { name: 'Add place' }).click();
    await addPlace.getByRole('button', { name: /^Palmyra, SY \(city\)/ }).click();
    await expect.poll(() => eventCount(page)).toBe(TOTAL + 2);
    const addedPlace = mine(await exportGeoJson(page)).find((f) => f.properties.mention === 'Thursday')!;
    expect(addedPlace.properties).toMatchObject({ kind: 'place', place_id: 'palmyra', corrected: true, span: [TEXT.indexOf('Thursday'), TEXT.indexOf('Thursday') + 8] });
    expect(addedPlace.geometry.coordinates).toEqual([38.2673, 34.5601]);

    // KML export.
    const [kml] = await Promise.all([page.waitForEvent('download'), (await filesMenuItem(page, 'Export KML')).click()]);
    expect(kml.suggestedFilename()).toMatch(/\.kml$/);
    expect(await readFile((await kml.path())!, 'utf8')).toContain('<Placemark');

    // Project export → a fresh browser profile → project import: the same workspace.
    const before = byId(mine(await exportGeoJson(page)));
    const [proj] = await Promise.all([page.waitForEvent('download'), (await filesMenuItem(page, 'Export project')).click()]);
    const projectPath = (await proj.path())!;
    const fresh = await openDashboard(session);
    expect(await eventCount(fresh.page)).toBe(TOTAL);
    await fresh.page.locator('input[type=file][aria-label="Import project"]').setInputFiles({ name: 'project.json', mimeType: 'application/json', buffer: await readFile(projectPath) });
    await expect.poll(() => eventCount(fresh.page)).toBe(TOTAL + 2);
    expect(byId(mine(await exportGeoJson(fresh.page)))).toEqual(before);
    expect(errors).toEqual([]);
    expect(fresh.errors).toEqual([]);
    await fresh.page.context().close();
    await page.context().close();
  });

  it('renders pasted markup literally, with no dialog', async () => {
    const { page, errors, dialogs } = await openDashboard(session);
    await addArticle(page, `Markup ${XSS}`, `The note said ${XSS} and then Israeli jets struck Damascus on Friday.`);
    const reader = page.getByRole('complementary', { name: 'Article reader' });
    await expect.poll(() => reader.locator('.reader__text').textContent()).toContain(XSS);
    expect(await reader.locator('h2').textContent()).toBe(`Markup ${XSS}`);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('refuses a javascript: source URL and a malformed date with one line', async () => {
    const { page } = await openDashboard(session);
    await page.getByRole('button', { name: 'Add article' }).click();
    const form = page.getByRole('form', { name: 'Add article' });
    await form.getByLabel('Published').fill('2024-02-30');
    await form.getByLabel('Article text').fill(TEXT);
    await form.getByRole('button', { name: 'Parse and add' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/does not exist/);
    await form.getByLabel('Published').fill('2024');
    await form.getByLabel('Source URL').fill('javascript:alert(1)');
    await form.getByRole('button', { name: 'Parse and add' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/only http and https/);
    expect(await eventCount(page)).toBe(TOTAL);
    await page.context().close();
  });

  it('two tabs adding articles at once lose nothing, and each tab is told', async () => {
    const first = await openDashboard(session);
    const second = await openSecondTab(session, first.page);
    await Promise.all([
      addArticle(first.page, 'First tab', TEXT),
      addArticle(second.page, 'Second tab', 'Rockets fired from Lebanon hit Kiryat Shmona on Wednesday.', '2024-03-29'),
    ]);
    for (const tab of [first, second]) {
      await expect.poll(async () => new Set(mine(await exportGeoJson(tab.page)).map((f) => f.properties.article_title))).toEqual(new Set(['First tab', 'Second tab']));
      expect(tab.errors).toEqual([]);
    }
    await expect.poll(() => second.page.getByText('Another tab changed the workspace').count()).toBeGreaterThan(0);
    await first.page.reload();
    await expect.poll(async () => new Set(mine(await exportGeoJson(first.page)).map((f) => f.properties.article_title))).toEqual(new Set(['First tab', 'Second tab']));
    await first.page.context().close();
  });

  it('a worker crash during a parse shows an error and stores nothing', async () => {
    const { page } = await openDashboard(session);
    // The geoparser's script is replaced by one that dies on its first message.
    await page.route(/geoparse\.worker[^/]*\.js/, (route) => route.fulfill({ contentType: 'text/javascript', body: 'self.onmessage = () => { throw new Error("simulated crash"); };' }));
    await page.getByRole('button', { name: 'Add article' }).click();
    const form = page.getByRole('form', { name: 'Add article' });
    await form.getByLabel('Title').fill('Doomed');
    await form.getByLabel('Published').fill('2024-03-29');
    await form.getByLabel('Article text').fill(TEXT);
    await form.getByRole('button', { name: 'Parse and add' }).click();
    await expect.poll(() => form.getByRole('alert').textContent(), { timeout: 30_000 }).toMatch(/crashed/);
    expect(await eventCount(page)).toBe(TOTAL);
    await page.unroute(/geoparse\.worker[^/]*\.js/);
    await page.reload();
    await waitForBasemap(page);
    expect(await eventCount(page)).toBe(TOTAL);
    await page.context().close();
  });

  it('imports 200,000 foreign points with progress while the page stays responsive', async () => {
    const { page, errors } = await openDashboard(session);
    const features = Array.from({ length: 200_000 }, (_, i) => ({
      type: 'Feature', geometry: { type: 'Point', coordinates: [35 + (i % 300) / 10, 15 + (Math.floor(i / 300) % 250) / 10] }, properties: { name: `Point ${i}`, date: '2024-01-05' },
    }));
    const file = join(await mkdtemp(join(tmpdir(), 'newsmap-big-')), 'big.geojson');
    await writeFile(file, JSON.stringify({ type: 'FeatureCollection', features }));
    await page.locator('input[type=file][aria-label="Import GeoJSON"]').setInputFiles(file);
    // While the worker validates, the page answers: the progress toast updates and typing works.
    await expect.poll(() => page.getByText(/Importing big\.geojson: \d+%/).count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const search = page.getByRole('searchbox').first();
    await search.fill('Point 1999');
    expect(await search.inputValue()).toBe('Point 1999');
    await search.fill('');
    await expect.poll(() => page.getByText(/Imported 200,?000 features from big\.geojson/).count(), { timeout: 150_000 }).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 240_000);
});
