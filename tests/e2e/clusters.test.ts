import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDashboard, pointsShown, startSession, type Session } from './support/harness.ts';
import { buildFixture } from './support/fixture.ts';
import type { NewsmapFeature } from '../../src/core/geojson/schema.ts';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

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

const clusterCount = (title: string | null) => Number(/^(\d+)/.exec(title ?? '')?.[1] ?? NaN);

describe('clusters (built app, offline Chromium)', () => {
  it('counts a cluster under the filter, zooms into it on click, and lists a stack that cannot split', async () => {
    const data = clusteredCorpus();
    const points = data.corpus.features.filter((f) => f.geometry.type === 'Point').length;
    const { page, errors } = await openDashboard(session, 'view=33,40,5', data);
    await expect.poll(() => pointsShown(page)).toBe(points);

    // One cluster of 40 strikes; keeping one actor halves it, in place.
    const forty = page.locator('.cluster--strike').filter({ hasText: /^40$/ });
    await expect.poll(() => forty.count()).toBe(1);
    await page.getByRole('button', { name: 'Only United States' }).click();
    await expect.poll(() => page.locator('.cluster--strike').filter({ hasText: /^20$/ }).count()).toBe(1);
    expect(clusterCount(await page.locator('.cluster--strike').filter({ hasText: /^20$/ }).getAttribute('title'))).toBe(20);
    await page.getByRole('group', { name: 'Actors' }).getByRole('button', { name: 'all' }).click();
    await expect.poll(() => forty.count()).toBe(1);

    // Clicking it zooms in until the strikes come apart.
    const zoom = () => page.evaluate(() => (window as unknown as { __newsmapMap: { getZoom(): number } }).__newsmapMap.getZoom());
    const before = await zoom();
    await page.locator('.cluster--strike').filter({ hasText: /^40$/ }).click();
    await expect.poll(zoom).toBeGreaterThan(before);
    await expect.poll(() => page.locator('.cluster--strike').filter({ hasText: /^40$/ }).count()).toBe(0);

    // Six strikes on one spot form a stack; a click lists them instead of zooming.
    await page.evaluate(() => (window as unknown as { __newsmapMap: { setView(c: [number, number], z: number, o: object): void } }).__newsmapMap.setView([30, 38], 9, { animate: false }));
    const stack = page.locator('.cluster--strike').filter({ hasText: /^6$/ });
    await expect.poll(() => stack.count()).toBe(1);
    const zoomBefore = await zoom();
    await stack.click();
    const popup = page.locator('.stack-popup');
    await expect.poll(() => popup.count()).toBe(1);
    await expect.poll(() => popup.getByRole('listitem').count()).toBe(6);
    expect(await popup.locator('h3').textContent()).toBe('6 events at this spot');
    expect(await zoom()).toBe(zoomBefore);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
