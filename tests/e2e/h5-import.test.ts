/**
 * Issue 10, "Import": importing a file whose features are all present says so ("9 features,
 * all already in the workspace") instead of claiming an import; a mixed file says what is new,
 * what it updates and what was there already.
 */
import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventCount, openDashboard, sessionPerFile } from './support/harness.ts';
import { buildFixture } from './support/fixture.ts';
import { exportGeoJson } from './support/articles.ts';

const session = sessionPerFile();

const TOTAL = buildFixture().corpus.features.length;

describe('importing what the workspace already has (issue 10)', () => {
  it('says "all already in the workspace" for a re-imported export, and counts new and updated features otherwise', async () => {
    const { page, errors } = await openDashboard(session);
    const exported = await exportGeoJson(page);
    expect(exported.features).toHaveLength(TOTAL);
    const dir = await mkdtemp(join(tmpdir(), 'newsmap-h5-'));
    const same = join(dir, 'same.geojson');
    await writeFile(same, JSON.stringify(exported));
    const notices = page.getByRole('status', { name: 'Notification' });

    await page.locator('input[type=file][aria-label="Import GeoJSON"]').setInputFiles(same);
    await expect.poll(() => notices.allTextContents()).toContainEqual(expect.stringContaining(`same.geojson: ${TOTAL} features, all already in the workspace.`));
    expect((await notices.allTextContents()).some((t) => t.includes('Imported'))).toBe(false);
    expect(await eventCount(page)).toBe(TOTAL);

    // One feature retitled, one new: said as such, and both shown.
    const mixed = structuredClone(exported);
    mixed.features[0]!.properties.title = 'A retitled strike';
    mixed.features.push({ ...structuredClone(mixed.features[1]!), id: 'h5-new-feature', properties: { ...structuredClone(mixed.features[1]!.properties), title: 'A brand new strike' } });
    const file = join(dir, 'mixed.geojson');
    await writeFile(file, JSON.stringify(mixed));
    await page.locator('input[type=file][aria-label="Import GeoJSON"]').setInputFiles(file);
    await expect.poll(() => notices.allTextContents()).toContainEqual(expect.stringContaining(`Imported ${TOTAL + 1} features from mixed.geojson: 1 new, 1 updated, ${TOTAL - 1} already in the workspace.`));
    await expect.poll(() => page.getByRole('option', { name: /A brand new strike|A retitled strike/ }).count()).toBe(2);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
