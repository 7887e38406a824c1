import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDashboard, pointsShown, sessionPerFile } from './support/harness.ts';
import { buildFixture } from './support/fixture.ts';
import type { NewsmapFeature } from '../../src/core/geoparser/geojson/schema.ts';

const session = sessionPerFile();

/**
 * The fixture plus 40 strikes spread over a few km near Deir ez-Zor (they cluster at regional
 * zoom and split when zoomed in) and 6 strikes reported at one spot in the desert (they can
 * never split). Both places are far from the fixture's own features.
 */
function clusteredCorpus() {
  const data = buildFixture();
  const template = data.corpus.features.find((f) => f.properties.kind === 'strike' && f.geometry.type === 'Point')!;
  const strike = (id: string, lon: number, lat: number, actor: string): NewsmapFeature => ({
    ...template,
    id,
    geometry: { type: 'Point', coordinates: [lon, lat] },
    properties: { ...template.properties, actor, actors: [actor], origin: null, geo_precision: 'city', title: `Strike ${id}` },
  });
  const spread = Array.from({ length: 40 }, (_, i) => strike(`spread-${i}`, 40.1 + (i % 8) * 0.01, 35.3 + Math.floor(i / 8) * 0.01, i % 2 ? 'Turkey' : 'United States'));
  const stacked = Array.from({ length: 6 }, (_, i) => strike(`stacked-${i}`, 38.0, 30.0, 'Israel'));
  data.corpus.features.push(...spread, ...stacked);
  return data;
}

interface DrawnCluster {
  lat: number;
  lng: number;
  count: number;
}
type MapHandle = { __newsmapMap: { getZoom(): number; panBy(p: [number, number], o: object): void; setView(c: [number, number], z: number, o: object): void; latLngToContainerPoint(l: [number, number]): { x: number; y: number } } };

/** Clusters are canvas shapes: the map reports what it drew in its `newsmap:rendered` events. */
async function watchClusters(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __clusters: Record<string, DrawnCluster[]> };
    w.__clusters = {};
    addEventListener('newsmap:rendered', (e) => {
      const { layer, clusters } = (e as CustomEvent<{ layer: string; clusters: DrawnCluster[] }>).detail;
      w.__clusters[layer] = clusters;
    });
  });
}
const strikeClusters = (page: Page) => page.evaluate(() => (window as unknown as { __clusters: Record<string, DrawnCluster[]> }).__clusters.strike ?? []);
const withCount = async (page: Page, count: number) => (await strikeClusters(page)).filter((c) => c.count === count);
const zoom = (page: Page) => page.evaluate(() => (window as unknown as MapHandle).__newsmapMap.getZoom());

/** Clicks the canvas where a cluster is drawn. */
async function clickCluster(page: Page, c: DrawnCluster): Promise<void> {
  const p = await page.evaluate(([lat, lng]) => (window as unknown as MapHandle).__newsmapMap.latLngToContainerPoint([lat, lng]), [c.lat, c.lng] as const);
  const box = (await page.locator('.map').boundingBox())!;
  await page.mouse.click(box.x + p.x, box.y + p.y);
}

describe('clusters (built app, offline Chromium)', () => {
  it('counts a cluster under the filter, zooms into it on click, and lists a stack that cannot split', async () => {
    const data = clusteredCorpus();
    const points = data.corpus.features.filter((f) => f.geometry.type === 'Point').length;
    const { page, errors } = await openDashboard(session, 'view=33,40,5', data);
    await expect.poll(() => pointsShown(page)).toBe(points);
    await watchClusters(page);
    await page.evaluate(() => (window as unknown as MapHandle).__newsmapMap.panBy([1, 0], { animate: false }));

    // One cluster of 40 strikes; keeping one actor halves it, in place.
    await expect.poll(async () => (await withCount(page, 40)).length).toBe(1);
    await page.getByRole('button', { name: 'Only United States' }).click();
    await expect.poll(async () => (await withCount(page, 20)).length).toBe(1);
    await page.getByRole('group', { name: 'Actors' }).getByRole('button', { name: 'all' }).click();
    await expect.poll(async () => (await withCount(page, 40)).length).toBe(1);

    // Clicking it zooms in until the strikes come apart.
    const before = await zoom(page);
    await clickCluster(page, (await withCount(page, 40))[0]!);
    await expect.poll(() => zoom(page)).toBeGreaterThan(before);
    await expect.poll(async () => (await withCount(page, 40)).length).toBe(0);

    // Six strikes on one spot form a stack; a click lists them instead of zooming.
    await page.evaluate(() => (window as unknown as MapHandle).__newsmapMap.setView([30, 38], 9, { animate: false }));
    await expect.poll(async () => (await withCount(page, 6)).length).toBe(1);
    const zoomBefore = await zoom(page);
    await clickCluster(page, (await withCount(page, 6))[0]!);
    const popup = page.locator('.stack-popup');
    await expect.poll(() => popup.count()).toBe(1);
    await expect.poll(() => popup.getByRole('listitem').count()).toBe(6);
    expect(await popup.locator('h3').textContent()).toBe('6 events at this spot');
    expect(await zoom(page)).toBe(zoomBefore);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
