import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDashboard, sessionPerFile } from './support/harness.ts';
import { addArticle, changePlaceAndAddAlias, exportGeoJson } from './support/articles.ts';
import type { NewsmapCollection } from '../../src/core/geoparser/geojson/schema.ts';

/**
 * The analyst's gazetteer takes part in geoparsing: an alias accepted in one article holds for
 * every article parsed after it (issue 10, "Aliases and corrections spread"; issue 12, "the
 * analyst's corrections take part in candidates and ranking").
 */
const session = sessionPerFile();

async function featuresOf(page: Page, title: string): Promise<NewsmapCollection['features']> {
  return (await exportGeoJson(page)).features.filter((f) => f.properties.article_title === title);
}

describe('user gazetteer (built app, offline Chromium)', () => {
  it('an alias accepted in one article resolves the same name in the next article parsed', async () => {
    const { page, errors } = await openDashboard(session);
    await addArticle(page, 'First report', 'Israeli jets struck the T-4 air base in Homs province on Thursday.');
    // Before the alias, the name is the curated air base.
    await expect.poll(async () => (await featuresOf(page, 'First report')).find((f) => f.properties.mention === 'T-4 air base')?.properties.place_id).toBe('t4-air-base');

    await changePlaceAndAddAlias(page, 'T-4 air base', 'Tadmur', /^Palmyra, SY \(city\)/);

    // A later article: the analyst's alias wins over the curated entry of the same name.
    await addArticle(page, 'Second report', 'Drones hit the T-4 air base again on Friday.');
    await expect.poll(async () => (await featuresOf(page, 'Second report')).find((f) => f.properties.mention === 'T-4 air base')?.properties.place_id).toBe('palmyra');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
