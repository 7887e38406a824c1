/**
 * The precision filter (issue 10): region- and country-level points can be hidden, from the one
 * filter state, so the map, the list, the URL (and a reload) agree.
 */
import { describe, expect, it } from 'vitest';
import { eventCount, openDashboard, pointsShown, sessionPerFile } from './support/harness.ts';
import { buildFixture } from './support/fixture.ts';

const session = sessionPerFile();

const fixture = buildFixture();
const TOTAL = fixture.corpus.features.length;
const POINTS = fixture.corpus.features.filter((f) => f.geometry.type === 'Point');
const COARSE_POINTS = POINTS.filter((f) => f.properties.geo_precision === 'region' || f.properties.geo_precision === 'country');

describe('precision filter (built app, offline Chromium)', () => {
  it('hides region- and country-level points from the map and the list, keeps the pipeline, and holds the state in the URL', async () => {
    expect(COARSE_POINTS.length).toBeGreaterThan(0);
    const { page, errors } = await openDashboard(session);
    const group = page.getByRole('group', { name: 'Location precision' });
    await expect.poll(() => pointsShown(page)).toBe(POINTS.length);
    for (const p of ['site', 'city', 'region', 'country']) expect(await group.getByRole('checkbox', { name: p, exact: true }).isChecked()).toBe(true);

    await group.getByRole('checkbox', { name: 'region', exact: true }).uncheck();
    await group.getByRole('checkbox', { name: 'country', exact: true }).uncheck();
    await expect.poll(() => pointsShown(page)).toBe(POINTS.length - COARSE_POINTS.length);
    // The list too; the pipeline (a line, "region" precision) stays.
    expect(await eventCount(page)).toBe(TOTAL - COARSE_POINTS.length);
    expect(await page.getByRole('option', { name: /Hezbollah rockets on northern Israel/ }).count()).toBe(0);
    expect(await page.getByRole('option', { name: /pipeline/ }).count()).toBe(2);
    await expect.poll(() => new URL(page.url()).searchParams.get('precision')).toBe('site,city');

    // A reload (or a shared link) reopens the same filtered set.
    await page.reload();
    await page.locator('.app[aria-busy="false"]').waitFor();
    await expect.poll(() => pointsShown(page)).toBe(POINTS.length - COARSE_POINTS.length);
    expect(await group.getByRole('checkbox', { name: 'region', exact: true }).isChecked()).toBe(false);
    expect(await group.getByRole('checkbox', { name: 'site', exact: true }).isChecked()).toBe(true);

    // One click back to every precision.
    await group.getByRole('button', { name: 'show all precisions' }).click();
    await expect.poll(() => pointsShown(page)).toBe(POINTS.length);
    await expect.poll(() => new URL(page.url()).searchParams.get('precision')).toBeNull();
    // And the shortcut hides both coarse levels at once.
    await group.getByRole('button', { name: 'hide region- and country-level points' }).click();
    await expect.poll(() => pointsShown(page)).toBe(POINTS.length - COARSE_POINTS.length);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
