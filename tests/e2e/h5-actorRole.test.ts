/**
 * Issue 10, "Actor role filter": beside "involving" (the feature names the actor), "by" keeps
 * what the ticked actors initiated (`actor`) and "against" what targeted them (`target`). One
 * filter state, in the URL and the panel, read by the map, the list, the timeline and exports.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { eventCount, openDashboard, pointsShown, sessionPerFile } from './support/harness.ts';
import { buildFixture } from './support/fixture.ts';
import { waitForBasemap } from './support/basemap.ts';
import type { NewsmapCollection, NewsmapFeature } from '../../src/core/geoparser/geojson/schema.ts';

const session = sessionPerFile();

const all = buildFixture().corpus.features;
const ids = (fs: NewsmapFeature[]) => fs.map((f) => f.id).sort();
const by = (actor: string) => all.filter((f) => f.properties.actor === actor);
const against = (actor: string) => all.filter((f) => f.properties.target === actor);
const involving = (actor: string) => all.filter((f) => f.properties.actors.includes(actor));
const points = (fs: NewsmapFeature[]) => fs.filter((f) => f.geometry.type === 'Point').length;
const dated = (fs: NewsmapFeature[]) => fs.filter((f) => f.properties.date !== null).length;

async function exported(page: Page): Promise<{ name: string; ids: string[] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export GeoJSON' }).click()]);
  const c = JSON.parse(await readFile((await download.path())!, 'utf8')) as NewsmapCollection;
  return { name: download.suggestedFilename(), ids: ids(c.features) };
}
const histogramTotal = async (page: Page) => Number((await page.getByRole('img', { name: /^Histogram of/ }).getAttribute('aria-label'))!.match(/of (\d+) dated/)![1]);

describe('actor role filter (issue 10)', () => {
  it('"by" keeps what the actor initiated, "against" what targeted it: map, list, timeline, export, URL and reload agree', async () => {
    // The fixture's premise: Iran initiates one strike and is the target of two, and is named in more.
    expect(by('Iran').length).toBeGreaterThan(0);
    expect(ids(against('Iran'))).not.toEqual(ids(by('Iran')));
    expect(involving('Iran').length).toBeGreaterThan(by('Iran').length);

    const { page, errors } = await openDashboard(session);
    const actors = page.getByRole('group', { name: 'Actors' });
    const role = actors.getByRole('group', { name: 'Actor role' });
    expect(await role.getByRole('radio', { name: 'involving' }).isChecked()).toBe(true);
    await actors.getByRole('button', { name: 'Only Iran' }).click();
    await expect.poll(() => eventCount(page)).toBe(involving('Iran').length);

    for (const [name, expected] of [['by', by('Iran')], ['against', against('Iran')]] as const) {
      await role.getByRole('radio', { name }).check();
      await expect.poll(() => page.url()).toContain(`role=${name}`);
      await expect.poll(() => eventCount(page)).toBe(expected.length);
      await expect.poll(() => pointsShown(page)).toBe(points(expected));
      expect(await histogramTotal(page)).toBe(dated(expected));
      const file = await exported(page);
      expect(file.ids).toEqual(ids(expected));
      expect(file.name).toContain(`${name}-Iran`);
      // The hint says what the role means.
      expect(await page.locator('#actors-hint').textContent()).toMatch(name === 'by' ? /initiated by/ : /targeting/);
    }

    // A reload (or a shared link) reopens the same role.
    await page.reload();
    await waitForBasemap(page);
    await page.locator('.app[aria-busy="false"]').waitFor();
    expect(await role.getByRole('radio', { name: 'against' }).isChecked()).toBe(true);
    await expect.poll(() => eventCount(page)).toBe(against('Iran').length);
    expect((await exported(page)).ids).toEqual(ids(against('Iran')));

    // Back to "involving": the URL drops the role.
    await role.getByRole('radio', { name: 'involving' }).check();
    await expect.poll(() => eventCount(page)).toBe(involving('Iran').length);
    await expect.poll(() => page.url()).not.toContain('role=');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
