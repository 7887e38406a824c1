/**
 * Issue 10, "Undated events under a date filter": a date range keeps only timeless facilities
 * (bases, built pipelines) among undated features; undated events and mentions come back only
 * through the visible "Include undated events and mentions" toggle, which lives in the URL;
 * the date panel and the timeline say the same, true, thing.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { eventCount, openDashboard, sessionPerFile } from './support/harness.ts';
import { buildFixture } from './support/fixture.ts';
import { waitForBasemap } from './support/basemap.ts';
import type { NewsmapCollection, NewsmapFeature } from '../../src/core/geoparser/geojson/schema.ts';

const session = sessionPerFile();

/** The fixture plus an undated strike (an article that gives no date for it). */
function withUndatedStrike() {
  const data = buildFixture();
  const damascus = data.corpus.features.find((f) => f.properties.place_name === 'Damascus')!;
  const undatedStrike: NewsmapFeature = {
    ...damascus,
    id: `${damascus.id}:undated`,
    properties: { ...damascus.properties, title: 'Undated Israeli strike near Damascus', date: null, date_precision: null },
  };
  data.corpus.features.push(undatedStrike);
  return data;
}

const FROM = '2024-01-01';
const TO = '2024-04-30';
const inRange = (f: NewsmapFeature) => f.properties.date !== null && f.properties.date >= FROM && f.properties.date <= TO;
const timeless = (f: NewsmapFeature) => f.properties.kind === 'base' || (f.properties.kind === 'pipeline' && f.properties.status === 'built');

async function exportIds(page: import('playwright-core').Page): Promise<{ name: string; ids: string[] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export GeoJSON' }).click()]);
  const collection = JSON.parse(await readFile((await download.path())!, 'utf8')) as NewsmapCollection;
  return { name: download.suggestedFilename(), ids: collection.features.map((f) => f.id).sort() };
}

describe('undated features under a date filter (issue 10)', () => {
  it('keeps only bases and built pipelines by default; the toggle adds undated events and mentions, and the URL keeps it', async () => {
    const data = withUndatedStrike();
    const all = data.corpus.features;
    const facilities = all.filter((f) => f.properties.date === null && timeless(f));
    const others = all.filter((f) => f.properties.date === null && !timeless(f));
    // The base, the built pipeline; the undated strike, Karachi (a place mention), the planned pipeline.
    expect([facilities.length, others.length]).toEqual([2, 3]);
    const byDefault = all.filter((f) => inRange(f) || timeless(f));
    const withUndated = all.filter((f) => inRange(f) || f.properties.date === null);

    const { page, errors } = await openDashboard(session, `?from=${FROM}&to=${TO}`, data);
    await expect.poll(() => eventCount(page)).toBe(byDefault.length);
    expect(await page.getByRole('option', { name: /Undated Israeli strike/ }).count()).toBe(0);
    expect(await page.getByRole('option', { name: /Karachi/ }).count()).toBe(0);
    let exported = await exportIds(page);
    expect(exported.ids).toEqual(byDefault.map((f) => f.id).sort());
    expect(exported.name).toBe(`newsmap_${FROM}_${TO}.geojson`);

    // The panel and the timeline say the same, and what they say is what the map shows.
    const panelNote = page.getByTestId('undated-note');
    const timelineNote = page.getByTestId('timeline-undated');
    const sentenceOff = '2 undated facilities (bases, built pipelines) shown whatever the dates; 3 undated events and mentions hidden';
    await expect.poll(() => panelNote.textContent()).toBe(`${sentenceOff}.`);
    expect(await timelineNote.textContent()).toBe(sentenceOff);
    expect(await page.getByText(/stay visible|undated not shown|bases, pipeline, places/).count()).toBe(0);

    const toggle = page.getByRole('checkbox', { name: 'Include undated events and mentions' });
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    await expect.poll(() => eventCount(page)).toBe(withUndated.length);
    await expect.poll(() => page.url()).toContain('undated=1');
    const sentenceOn = '2 undated facilities (bases, built pipelines) shown whatever the dates; 3 undated events and mentions shown';
    await expect.poll(() => panelNote.textContent()).toBe(`${sentenceOn}.`);
    expect(await timelineNote.textContent()).toBe(sentenceOn);
    exported = await exportIds(page);
    expect(exported.ids).toEqual(withUndated.map((f) => f.id).sort());
    expect(exported.name).toBe(`newsmap_${FROM}_${TO}_with-undated.geojson`);

    // A reload (or a shared link) restores the toggle and the same set.
    await page.reload();
    await waitForBasemap(page);
    await expect.poll(() => eventCount(page)).toBe(withUndated.length);
    expect(await page.getByRole('checkbox', { name: 'Include undated events and mentions' }).isChecked()).toBe(true);

    // Without a date range nothing is hidden, and no toggle pretends otherwise.
    await page.getByRole('button', { name: 'all dates' }).click();
    await expect.poll(() => eventCount(page)).toBe(all.length);
    expect(await page.getByRole('checkbox', { name: 'Include undated events and mentions' }).count()).toBe(0);
    expect(await page.getByTestId('timeline-undated').textContent()).toBe('5 undated features shown, not in the histogram');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
