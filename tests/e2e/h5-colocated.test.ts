/**
 * Issue 10, "Hidden places": a cluster of place mentions at the same spot as a strike was drawn
 * under the star, its count read as the strike's and it could not be reached. Now a place that
 * a strike (or base) would cover is drawn beside it with a leader line, and a button over it
 * ("1 strike + 10 places at this spot") lists the spot, by mouse and by keyboard.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDashboard, pointsShown, sessionPerFile } from './support/harness.ts';
import { buildFixture } from './support/fixture.ts';
import type { NewsmapFeature } from '../../src/core/geoparser/geojson/schema.ts';

const session = sessionPerFile();

/** Ten places within a few hundred metres of the Baghdad airport strike (names made up for the test). */
function placesAtTheStrike() {
  const data = buildFixture();
  const strike = data.corpus.features.find((f) => f.properties.place_name === 'Baghdad International Airport')!;
  const karachi = data.corpus.features.find((f) => f.properties.place_name === 'Karachi')!;
  const [lon, lat] = strike.geometry.coordinates as [number, number];
  const places = Array.from({ length: 10 }, (_, k): NewsmapFeature => ({
    ...karachi,
    id: `a-xss:near-${k}`,
    geometry: { type: 'Point', coordinates: [lon + (k % 5) * 0.002, lat + Math.floor(k / 5) * 0.002] },
    properties: { ...karachi.properties, title: `Quarter ${k}`, place_name: `Quarter ${k}`, place_id: `quarter-${k}`, country: 'IQ', mention: `Quarter ${k}`, quote: `Residents of Quarter ${k} heard the blast.`, article_id: 'a-xss' },
  }));
  data.corpus.features.push(...places);
  return { data, strike: [lat, lon] as [number, number] };
}

interface Drawn { lat: number; lng: number; count: number; dx: number; dy: number }
type MapHandle = { __newsmapMap: { latLngToContainerPoint(l: [number, number]): { x: number; y: number } } };

async function watch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __drawn: Record<string, Drawn[]> };
    w.__drawn = {};
    addEventListener('newsmap:rendered', (e) => {
      const { layer, clusters } = (e as CustomEvent<{ layer: string; clusters: Drawn[] }>).detail;
      w.__drawn[layer] = clusters;
    });
  });
}
const placeClusters = (page: Page) => page.evaluate(() => (window as unknown as { __drawn: Record<string, Drawn[]> }).__drawn.place ?? []);
const toScreen = async (page: Page, lat: number, lng: number) => {
  const p = await page.evaluate(([a, b]) => (window as unknown as MapHandle).__newsmapMap.latLngToContainerPoint([a, b]), [lat, lng] as const);
  const box = (await page.locator('.map').boundingBox())!;
  return { x: box.x + p.x, y: box.y + p.y };
};

describe('places at a strike\'s spot (issue 10)', () => {
  it('draws the place cluster beside the star on the first screen, and lists the spot by mouse and by keyboard', async () => {
    const { data, strike } = placesAtTheStrike();
    const { page, errors } = await openDashboard(session, '', data);
    await watch(page);
    await page.evaluate(() => (window as unknown as { __newsmapMap: { panBy(p: [number, number], o: object): void } }).__newsmapMap.panBy([1, 0], { animate: false }));
    await expect.poll(() => pointsShown(page)).toBe(data.corpus.features.filter((f) => f.geometry.type === 'Point').length);

    // The ten places form one cluster, drawn clear of the star (radius ≈ 10 px) instead of under it.
    await expect.poll(async () => (await placeClusters(page)).filter((c) => c.count === 10).length).toBe(1);
    const cluster = (await placeClusters(page)).find((c) => c.count === 10)!;
    const star = await toScreen(page, strike[0], strike[1]);
    const centre = await toScreen(page, cluster.lat, cluster.lng);
    const drawnAt = { x: centre.x + cluster.dx, y: centre.y + cluster.dy };
    expect(Math.hypot(drawnAt.x - star.x, drawnAt.y - star.y)).toBeGreaterThan(10.4 + 13);

    // A button over it says what the spot holds.
    const handle = page.getByRole('button', { name: '1 strike + 10 places at this spot: list them' });
    expect(await handle.count()).toBe(1);
    const box = (await handle.boundingBox())!;
    expect(Math.hypot(box.x + box.width / 2 - drawnAt.x, box.y + box.height / 2 - drawnAt.y)).toBeLessThan(2);

    // Mouse: a click where the places are drawn lists the strike and the ten places.
    await page.mouse.click(drawnAt.x, drawnAt.y);
    const popup = page.locator('.stack-popup');
    await expect.poll(() => popup.locator('h3').textContent()).toBe('1 strike + 10 places at this spot');
    expect(await popup.getByRole('listitem').count()).toBe(11);
    await page.keyboard.press('Escape');
    await page.locator('.leaflet-popup-close-button').click({ timeout: 2000 }).catch(() => undefined);
    await expect.poll(() => popup.count()).toBe(0);

    // Keyboard: Tab from the map reaches the handle; Enter lists the spot; a place is picked from it.
    await page.locator('.map').focus();
    let reached = false;
    for (let k = 0; k < 30 && !reached; k++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') === '1 strike + 10 places at this spot: list them');
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => popup.getByRole('listitem').count()).toBe(11);
    await popup.getByRole('button', { name: /Quarter 7/ }).click();

    await expect.poll(() => page.locator('.leaflet-popup .quote').textContent()).toContain('Residents of Quarter 7 heard the blast.');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
