import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDashboard, sessionPerFile } from './support/harness.ts';
import { buildFixture } from './support/fixture.ts';
import type { NewsmapFeature } from '../../src/core/geoparser/geojson/schema.ts';

/**
 * The correction workflow on its natural path (issue 10): popup → "Open article" → the same
 * mention opens its correction controls; the reader opens at the mention; the map keeps the
 * selected feature in sight beside the reader; the controls never push the text.
 */
const session = sessionPerFile();

/** A long article (written for this test) whose one strike is far down and east of every other feature. */
function withLongArticle() {
  const data = buildFixture();
  const filler = Array.from({ length: 45 }, (_, i) => `Paragraph ${i + 1} of the briefing covered prices, weather and a football match in some detail.`).join('\n');
  const text = `${filler}\nDrones struck a depot near Gardez on 2 May 2024, local officials said.\nThe briefing ended there.`;
  data.articles.push({ id: 'a-long', title: 'A long briefing', published: '2024-05-03', source: null, text });
  const start = text.indexOf('Gardez');
  const feature: NewsmapFeature = {
    type: 'Feature', id: `a-long:${start}-${start + 6}`, geometry: { type: 'Point', coordinates: [69.22, 33.6] },
    properties: {
      kind: 'strike', title: 'Drone strike near Gardez', date: '2024-05-02', date_precision: 'day', actor: null, actors: [], target: null, origin: null,
      place_id: 'gardez', place_name: 'Gardez', country: 'AF', geo_precision: 'city', mention: 'Gardez', span: [start, start + 6],
      quote: 'Drones struck a depot near Gardez on 2 May 2024, local officials said.', article_id: 'a-long', article_title: 'A long briefing', published: '2024-05-03', confidence: 0.8,
    },
  };
  data.corpus.features.push(feature);
  return { data, feature };
}

const reader = (page: Page) => page.getByRole('complementary', { name: 'Article reader' });

async function openFromPopup(page: Page, option: RegExp): Promise<void> {
  await page.getByRole('option', { name: option }).first().click();
  await page.locator('.leaflet-popup').getByRole('button', { name: 'Open article' }).click();
  await reader(page).waitFor();
}

describe('the correction workflow on its natural path (built app, offline Chromium)', () => {
  it('popup → Open article → clicking the same mention opens "Correct mention"', async () => {
    const { page, errors } = await openDashboard(session);
    await openFromPopup(page, /Israeli strike near Isfahan/);
    const isfahan = reader(page).locator('.reader__text button.mention', { hasText: 'Isfahan' });
    await expect.poll(() => isfahan.getAttribute('class')).toContain('mention--selected');
    await isfahan.click();
    await expect.poll(() => reader(page).getByRole('region', { name: 'Correct mention' }).count()).toBe(1);
    expect(await reader(page).getByRole('region', { name: 'Correct mention' }).textContent()).toContain('“Isfahan” → Isfahan');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens scrolled to the selected mention, and pans the map so the feature is not under the reader', async () => {
    const { data, feature } = withLongArticle();
    const { page, errors } = await openDashboard(session, '', data);
    await page.getByRole('option', { name: /Drone strike near Gardez/ }).first().click();
    const popup = page.locator('.leaflet-popup');
    await popup.waitFor();
    // The analyst pans until the strike sits near the map's right edge, its popup still open.
    await page.evaluate(([lat, lon]) => {
      const map = (window as any).__newsmapMap;
      const size = map.getSize();
      const p = map.latLngToContainerPoint([lat, lon]);
      map.panBy([-(size.x - 120 - p.x), 0], { animate: false });
    }, [feature.geometry.coordinates[1], feature.geometry.coordinates[0]] as [number, number]);
    await popup.getByRole('button', { name: 'Open article' }).click();
    const text = reader(page).locator('.reader__text');
    const gardez = text.locator('button.mention', { hasText: 'Gardez' });
    await expect.poll(() => gardez.getAttribute('class')).toContain('mention--selected');
    // The map shrank for the reader: the strike is still on the visible map, clear of its edges.
    await expect.poll(() => page.evaluate(([lat, lon]) => {
      const map = (window as any).__newsmapMap;
      const el = map.getContainer();
      const p = map.latLngToContainerPoint([lat, lon]);
      return p.x > 20 && p.x < el.clientWidth - 20 && p.y > 20 && p.y < el.clientHeight - 20;
    }, [feature.geometry.coordinates[1], feature.geometry.coordinates[0]] as [number, number])).toBe(true);
    // Scrolled to the mention: it is inside the text's visible box.
    await expect.poll(async () => {
      const [box, m] = [await text.boundingBox(), await gardez.boundingBox()];
      return Boolean(box && m && m.y >= box.y && m.y + m.height <= box.y + box.height);
    }).toBe(true);
    expect(await text.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the correction controls open below the text: the words under the cursor do not move', async () => {
    const { page, errors } = await openDashboard(session, '?article=a-isfahan');
    const mention = reader(page).locator('.reader__text button.mention', { hasText: 'Nevatim Air Base' });
    const before = (await mention.boundingBox())!;
    await mention.click();
    const editor = reader(page).getByRole('region', { name: 'Correct mention' });
    await editor.waitFor();
    const after = (await mention.boundingBox())!;
    expect(Math.abs(after.y - before.y)).toBeLessThan(1);
    expect(Math.abs(after.x - before.x)).toBeLessThan(1);
    // And the controls are in view, below the text.
    const box = (await editor.boundingBox())!;
    expect(box.y).toBeGreaterThan(after.y);
    expect(box.y + 20).toBeLessThan(900);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
