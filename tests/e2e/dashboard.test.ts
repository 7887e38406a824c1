import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { check } from '@placemarkio/check-geojson';
import { cspViolations, eventCount, openDashboard, pointsShown, sessionPerFile } from './support/harness.ts';
import { ARTICLES, buildFixture, XSS } from './support/fixture.ts';
import { CHECK_VIEW, LAND_POINT, LAND_RGB, near, screenColour, SEA_POINT, SEA_RGB, showRegion, waitForBasemap } from './support/basemap.ts';
import type { NewsmapCollection } from '../../src/core/geoparser/geojson/schema.ts';

const session = sessionPerFile();

const fixture = buildFixture();
const TOTAL = fixture.corpus.features.length;
const POINTS = fixture.corpus.features.filter((f) => f.geometry.type === 'Point').length;
const ARCS = fixture.corpus.features.filter((f) => f.properties.kind === 'strike' && f.properties.origin !== null).length;
/** Origin → target arcs are canvas paths; the map reports how many it draws. */
const arcsShown = async (page: import('playwright-core').Page) => Number(await page.locator('.map').getAttribute('data-arcs-shown'));

describe('dashboard (built app, offline Chromium)', () => {
  it('renders the offline basemap, labels and every feature without network or console errors', async () => {
    const { page, errors, dialogs } = await openDashboard(session);
    await expect.poll(() => page.locator('.country-label').count()).toBeGreaterThan(5);
    await expect.poll(() => pointsShown(page)).toBe(POINTS);
    expect(await eventCount(page)).toBe(TOTAL);
    expect(await arcsShown(page)).toBe(ARCS);
    // Canvas renderer for the data layers.
    expect(await page.locator('.leaflet-overlay-pane canvas').count()).toBeGreaterThan(0);
    // The basemap is canvas tiles: the screen shows land where land is and sea elsewhere.
    await showRegion(page, CHECK_VIEW.lat, CHECK_VIEW.lon, CHECK_VIEW.zoom);
    expect(near(await screenColour(page, LAND_POINT), LAND_RGB)).toBe(true);
    expect(near(await screenColour(page, SEA_POINT), SEA_RGB)).toBe(true);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    // The CSP forbids inline script, and the app runs under it without a single violation.
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(await cspViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('shows the quote with the mention highlighted in a popup, from the list and from the canvas', async () => {
    const { page, errors } = await openDashboard(session);
    await page.getByRole('option', { name: /Israeli strike near Isfahan/ }).click();
    const popup = page.locator('.leaflet-popup');
    await expect.poll(() => popup.count()).toBe(1);
    await expect.poll(() => popup.locator('.quote').textContent()).toContain('Israel struck an air defence radar near Isfahan');
    expect(await popup.locator('.quote mark').textContent()).toBe('Isfahan');
    expect(await popup.textContent()).toContain('Israel → Iran');
    expect(await popup.textContent()).toContain('city precision');
    await popup.locator('.leaflet-popup-close-button').click();
    await expect.poll(() => popup.count()).toBe(0);

    // Clicking the canvas marker itself (the 2013 Damascus strike stands alone).
    const damascus = fixture.corpus.features.find((f) => f.properties.place_name === 'Damascus')!;
    const [lon, lat] = damascus.geometry.coordinates as [number, number];
    // Braces: returning the Leaflet map would make Playwright serialise its whole object graph.
    await page.evaluate(([la, lo]) => {
      (window as any).__newsmapMap.setView([la, lo], 9, { animate: false });
    }, [lat, lon]);
    await page.waitForTimeout(300);
    const pt = await page.evaluate(([la, lo]) => (window as any).__newsmapMap.latLngToContainerPoint([la, lo]), [lat, lon]);
    const box = (await page.locator('.map').boundingBox())!;
    await page.mouse.click(box.x + pt.x, box.y + pt.y);
    await expect.poll(() => popup.locator('.quote').textContent()).toContain('Israeli jets struck a weapons depot near Damascus');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('actor and date filters narrow the map, the list and the export; a reload keeps them', async () => {
    const { page, errors } = await openDashboard(session);
    const actors = page.getByRole('group', { name: 'Actors' });
    await actors.getByRole('button', { name: 'Only Israel' }).click();
    await expect.poll(() => actors.getByRole('checkbox', { name: 'Iran' }).isChecked()).toBe(false);
    expect(await actors.getByRole('checkbox', { name: 'Israel' }).isChecked()).toBe(true);
    await page.getByLabel('From', { exact: true }).fill('2024-01-01');
    await page.getByLabel('To', { exact: true }).fill('2024-04-30');

    const expected = fixture.corpus.features.filter(
      (f) => f.properties.actors.includes('Israel') && (f.properties.date === null || (f.properties.date >= '2024-01-01' && f.properties.date <= '2024-04-30')),
    );
    expect(expected.length).toBe(3);
    await expect.poll(() => eventCount(page)).toBe(expected.length);
    await expect.poll(() => pointsShown(page)).toBe(expected.filter((f) => f.geometry.type === 'Point').length);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export GeoJSON' }).click()]);
    expect(download.suggestedFilename()).toBe('newsmap_2024-01-01_2024-04-30_Israel.geojson');
    const text = await readFile((await download.path())!, 'utf8');
    const exported = check(text) as unknown as NewsmapCollection;
    expect(exported.features.map((f) => f.id).sort()).toEqual(expected.map((f) => f.id).sort());

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const rows = (await readFile((await csv.path())!, 'utf8')).trim().split('\r\n');
    // ACLED's column names first (actor2 is our target), then ours.
    expect(rows[0]).toBe('event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,actor2,country,location,latitude,longitude,geo_precision,source,notes,fatalities,id,kind,actors,date_precision,place_precision,country_code,place_id,mention,confidence,article_id,published,corrected');
    expect(rows).toHaveLength(expected.length + 1);

    await expect.poll(() => page.url()).toContain('actors=Israel');
    await page.reload();
    await waitForBasemap(page);
    await expect.poll(() => eventCount(page)).toBe(expected.length);
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('2024-01-01');
    expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe('2024-04-30');
    expect(await page.getByRole('group', { name: 'Actors' }).getByRole('checkbox', { name: 'Iran' }).isChecked()).toBe(false);
    await expect.poll(() => pointsShown(page)).toBe(expected.filter((f) => f.geometry.type === 'Point').length);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('kind checkboxes narrow too, and undated facilities survive a date filter with a note', async () => {
    const { page } = await openDashboard(session, '?from=2024-04-01&to=2024-04-30');
    const kinds = page.getByRole('group', { name: 'Kinds' });
    for (const k of ['strike', 'base', 'pipeline', 'place']) expect(await kinds.getByRole('checkbox', { name: k, exact: true }).isChecked()).toBe(true);
    await expect.poll(() => page.getByText(/undated facilities \(bases, built pipelines\) shown whatever the dates/).count()).toBe(2);
    // The fixture's one strike with an origin (2024-04-13) is in range: its arc is drawn.
    expect(ARCS).toBe(1);
    await expect.poll(() => arcsShown(page)).toBe(ARCS);
    await kinds.getByRole('checkbox', { name: 'strike', exact: true }).uncheck();
    // Under a date range, only timeless facilities among undated features: the base and the built pipeline.
    const expected = fixture.corpus.features.filter((f) => f.properties.kind === 'base' || (f.properties.kind === 'pipeline' && f.properties.status === 'built'));
    await expect.poll(() => eventCount(page)).toBe(expected.length);
    // Arcs belong to strikes: none without them.
    await expect.poll(() => arcsShown(page)).toBe(0);
    await expect.poll(() => page.url()).toContain('kinds=base%2Cpipeline%2Cplace');
    await page.context().close();
  });

  it('ignores garbage in the URL with a visible note, however late the corpus arrives', async () => {
    // 0 ms, and long after the dashboard has shown and written the cleaned filter to the URL.
    for (const delay of [0, 1500]) {
      const { page, errors } = await openDashboard(session, '?actors=Narnia&from=2024-05-01&to=2024-01-01&kinds=ufo', buildFixture(), delay);
      const notes = page.getByRole('status', { name: 'Notes' });
      await expect.poll(() => notes.textContent()).toContain('Narnia');
      expect(await notes.textContent()).toContain('ends before it starts');
      expect(await notes.textContent()).toContain('ufo');
      expect(await eventCount(page)).toBe(TOTAL);
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });

  it('the reader shows the whole article with every mention highlighted; a mention flies to its popup', async () => {
    const { page, errors } = await openDashboard(session);
    await page.getByRole('option', { name: /Israeli strike near Isfahan/ }).click();
    await page.locator('.leaflet-popup').getByRole('button', { name: 'Open article' }).click();
    const reader = page.getByRole('complementary', { name: 'Article reader' });
    const article = ARTICLES.find((a) => a.id === 'a-isfahan')!;
    await expect.poll(() => reader.locator('.reader__text').textContent()).toBe(article.text);
    const mentions = reader.locator('.mention');
    expect(await mentions.allTextContents()).toEqual(['Isfahan', 'Nevatim Air Base', 'northern Israel', 'Al Udeid', 'Karachi']);
    await expect.poll(() => page.url()).toContain('article=a-isfahan');
    await mentions.filter({ hasText: 'Karachi' }).click();
    await expect.poll(() => page.locator('.leaflet-popup .feature-popup h3').textContent()).toBe('Karachi');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('renders HTML in article texts and titles literally and fires no dialog', async () => {
    const { page, errors, dialogs } = await openDashboard(session, '?article=a-xss');
    const reader = page.getByRole('complementary', { name: 'Article reader' });
    await expect.poll(() => reader.locator('.reader__text').textContent()).toContain(XSS);
    expect(await reader.locator('img').count()).toBe(0);
    await page.getByRole('option', { name: /Baghdad airport/ }).click();
    const popup = page.locator('.leaflet-popup');
    await expect.poll(() => popup.textContent()).toContain(XSS);
    expect(await popup.locator('img').count()).toBe(0);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('renders HTML in actor and place names literally in the filters, legend, list and popup', async () => {
    const data = buildFixture();
    const victim = data.corpus.features.find((f) => f.properties.kind === 'strike')!;
    victim.properties.actor = XSS;
    victim.properties.actors = [XSS, ...victim.properties.actors];
    victim.properties.place_name = `Town ${XSS}`;
    victim.properties.target = XSS;
    const { page, errors, dialogs } = await openDashboard(session, '', data);
    // Filter panel, legend and list show the markup as text.
    await expect.poll(() => page.getByRole('group', { name: 'Actors' }).getByRole('checkbox', { name: XSS }).count()).toBe(1);
    await expect.poll(() => page.locator('.legend').textContent()).toContain(XSS);
    const option = page.getByRole('option', { name: new RegExp(victim.properties.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first();
    await option.hover();
    await option.click();
    const popup = page.locator('.leaflet-popup');
    await expect.poll(() => popup.textContent()).toContain(`Town ${XSS}`);
    await page.mouse.move(700, 450);
    await page.waitForTimeout(300);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the event list is keyboard navigable', async () => {
    const { page } = await openDashboard(session);
    const list = page.getByRole('listbox', { name: 'Events' });
    await list.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    // Sorted by date: the 2013 Damascus strike first, then the 2020 Baghdad strike.
    await expect.poll(() => page.locator('.leaflet-popup .feature-popup h3').textContent()).toContain('Baghdad airport');
    expect(await list.getByRole('option', { selected: true }).textContent()).toContain('Baghdad');
    await page.context().close();
  });

  it('keeps the offline basemap and says so when OpenStreetMap tiles fail', async () => {
    const { page, blocked } = await openDashboard(session);
    await page.locator('.leaflet-control-layers').hover();
    await page.getByLabel(/OpenStreetMap tiles/).check();
    await expect.poll(() => page.getByText(/OpenStreetMap tiles could not be loaded/).count()).toBe(1);
    expect(blocked.some((u) => u.includes('tile.openstreetmap.org'))).toBe(true);
    // Failed OSM tiles leave the basemap below them visible.
    await showRegion(page, CHECK_VIEW.lat, CHECK_VIEW.lon, CHECK_VIEW.zoom);
    await expect.poll(async () => near(await screenColour(page, LAND_POINT), LAND_RGB)).toBe(true);
    expect(near(await screenColour(page, SEA_POINT), SEA_RGB)).toBe(true);
    await page.context().close();
  });

  it('draws the timeline and a brush drag sets From and To', async () => {
    const { page } = await openDashboard(session);
    const svg = page.locator('.timeline__svg');
    expect(await svg.locator('rect.bin').count()).toBeGreaterThan(10);
    const box = (await svg.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => page.getByLabel('From', { exact: true }).inputValue()).toMatch(/^20(2[34])-\d\d-\d\d$/);
    expect(await page.getByLabel('To', { exact: true }).inputValue()).toMatch(/^2024-\d\d-\d\d$/);
    await expect.poll(() => page.url()).toMatch(/from=2\d{3}-/);

    // Play steps a one-bin window through time from the start.
    await page.getByRole('button', { name: 'all dates' }).click();
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => page.getByLabel('From', { exact: true }).inputValue()).toBe('2013-04-01');
    await expect.poll(() => page.getByLabel('From', { exact: true }).inputValue(), { timeout: 3000 }).toBe('2013-07-01');
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.context().close();
  });
});
