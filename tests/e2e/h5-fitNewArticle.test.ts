/**
 * Issue 10, "New articles": after "Parse and add", the map fits the new article's features,
 * wherever the analyst was looking, and with the reader open beside it.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDashboard, sessionPerFile } from './support/harness.ts';
import { addArticle, exportGeoJson } from './support/articles.ts';

const session = sessionPerFile();

/** Written for this test. */
const TEXT = 'Drones struck an oil field near Kirkuk on Monday, officials in Kirkuk said.';

type MapHandle = { __newsmapMap: { getBounds(): { contains(l: [number, number]): boolean }; getZoom(): number; getContainer(): HTMLElement; latLngToContainerPoint(l: [number, number]): { x: number; y: number } } };

/** Each point drawn inside the visible map (not under its edges). */
const onScreen = (page: Page, points: [number, number][]) =>
  page.evaluate((pts) => {
    const map = (window as unknown as MapHandle).__newsmapMap;
    const el = map.getContainer();
    return pts.map(([lat, lon]) => {
      const p = map.latLngToContainerPoint([lat, lon]);
      return p.x > 10 && p.y > 10 && p.x < el.clientWidth - 10 && p.y < el.clientHeight - 10;
    });
  }, points);

describe('a new article is shown on the map (issue 10)', () => {
  it('fits the map to the new article\'s features after "Parse and add"', async () => {
    // Looking at West Africa, far from Kirkuk.
    const { page, errors } = await openDashboard(session, 'view=10,0,6');
    await addArticle(page, 'Kirkuk drones', TEXT, '2024-03-04');
    const mine = (await exportGeoJson(page)).features.filter((f) => f.properties.article_id.startsWith('user-'));
    expect(mine.length).toBeGreaterThan(0);
    const points = mine.filter((f) => f.geometry.type === 'Point').map((f) => [(f.geometry.coordinates as number[])[1]!, (f.geometry.coordinates as number[])[0]!] as [number, number]);
    await expect.poll(() => onScreen(page, points), { timeout: 10_000 }).toEqual(points.map(() => true));
    // Close in, not a world view that happens to contain them.
    await expect.poll(() => page.evaluate(() => (window as unknown as MapHandle).__newsmapMap.getZoom())).toBeGreaterThanOrEqual(6);
    // The view written to the URL is the fitted one.
    await expect.poll(() => decodeURIComponent(new URL(page.url()).searchParams.get('view') ?? '')).toMatch(/^3[45]\.\d+,4[34]\.\d+,\d+$/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
