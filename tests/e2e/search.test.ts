/**
 * Issue 10, "Search": the search uses the gazetteer's name normalisation, so "Esfahan" finds
 * what "Isfahan" finds and "Ein Al-Assad" what "Ain al-Asad" finds, in the built app.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventCount, openDashboard, sessionPerFile } from './support/harness.ts';
import { buildFixture } from './support/fixture.ts';
import type { NewsmapFeature } from '../../src/core/geoparser/geojson/schema.ts';

const session = sessionPerFile();

/** The fixture plus a strike on Ain al-Asad Air Base. */
function withAinAlAsad() {
  const data = buildFixture();
  const baghdad = data.corpus.features.find((f) => f.properties.place_name === 'Baghdad International Airport')!;
  const asad: NewsmapFeature = {
    ...baghdad,
    id: `${baghdad.id}:asad`,
    geometry: { type: 'Point', coordinates: [42.4412, 33.7856] },
    properties: { ...baghdad.properties, title: 'Iranian strike on Ain al-Asad Air Base', place_name: 'Ain al-Asad Air Base', place_id: 'ain-al-asad-air-base', quote: 'Missiles hit Ain al-Asad Air Base.', date: '2020-01-08', article_title: 'Missiles on Iraqi bases' },
  };
  data.corpus.features.push(asad);
  return data;
}

const listed = (page: Page) => page.getByRole('listbox', { name: 'Events' }).getByRole('option').allTextContents();

async function search(page: Page, q: string): Promise<string[]> {
  await page.getByRole('searchbox').first().fill(q);
  await expect.poll(() => page.url()).toContain(`q=${encodeURIComponent(q).replace(/%20/g, '+')}`);
  return listed(page);
}

describe('search with the gazetteer\'s name normalisation (issue 10)', () => {
  it('"Esfahan" finds what "Isfahan" finds, and "Ein Al-Assad" what "Ain al-Asad" finds', async () => {
    const { page, errors } = await openDashboard(session, '', withAinAlAsad());
    await expect.poll(() => eventCount(page)).toBe(withAinAlAsad().corpus.features.length);

    const isfahan = await search(page, 'Isfahan');
    expect(isfahan.length).toBeGreaterThan(0);
    expect(isfahan.some((t) => t.includes('Israeli strike near Isfahan'))).toBe(true);
    // The URL follows the filter, so once it says Esfahan the list is Esfahan's.
    await search(page, 'Esfahan');
    await expect.poll(() => listed(page)).toEqual(isfahan);

    const asad = await search(page, 'Ain al-Asad');
    expect(asad.length).toBe(1);
    expect(asad[0]).toContain('Ain al-Asad Air Base');
    await search(page, 'Ein Al-Assad');
    await expect.poll(() => listed(page)).toEqual(asad);
    // The shared link finds the same.
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('Ein Al-Assad');
    await page.reload();
    await expect.poll(() => listed(page)).toEqual(asad);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
