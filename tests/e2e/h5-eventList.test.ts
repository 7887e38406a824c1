/**
 * Issue 10, "Noisy list": events first (strikes, bases, pipelines), then places, the mentions
 * of one place grouped under one row ("Iraq · 4 mentions") that opens to each mention with its
 * sentence, by mouse and by keyboard.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDashboard, sessionPerFile } from './support/harness.ts';
import { buildFixture } from './support/fixture.ts';
import type { NewsmapFeature } from '../../src/core/geoparser/geojson/schema.ts';

const session = sessionPerFile();

/** Sentences written for this test: four mentions of Iraq in one article. */
const IRAQ_SENTENCES = [
  'Officials in Iraq said the convoy had left before dawn.',
  'Iraq summoned the ambassador on Saturday.',
  'The government of Iraq asked for calm.',
  'Parliament in Iraq voted on a resolution.',
];

function withRepeatedPlace() {
  const data = buildFixture();
  const karachi = data.corpus.features.find((f) => f.properties.place_name === 'Karachi')!;
  const mentions = IRAQ_SENTENCES.map((quote, k): NewsmapFeature => ({
    ...karachi,
    id: `a-xss:iraq-${k}`,
    geometry: { type: 'Point', coordinates: [43.7, 33.0] },
    properties: { ...karachi.properties, title: 'Iraq', place_name: 'Iraq', place_id: 'iraq', country: 'IQ', geo_precision: 'country', mention: 'Iraq', quote, article_id: 'a-xss', article_title: 'Drone strike in Baghdad' },
  }));
  data.corpus.features.push(...mentions);
  return data;
}

const options = (page: Page) => page.getByRole('listbox', { name: 'Events' }).getByRole('option');

describe('event list: events first, a place\'s mentions grouped (issue 10)', () => {
  it('lists events before places, folds four mentions of Iraq into one row, and opens it by mouse and keyboard', async () => {
    const data = withRepeatedPlace();
    const events = data.corpus.features.filter((f) => f.properties.kind !== 'place');
    const { page, errors } = await openDashboard(session, '', data);
    const list = page.getByRole('listbox', { name: 'Events' });

    // Events, then Karachi and Iraq: one row each (6 rows fewer than features with the 4 folded in 1).
    await expect.poll(() => options(page).count()).toBe(events.length + 2);
    const texts = await options(page).allTextContents();
    const firstPlace = texts.findIndex((t) => /^place/.test(t));
    expect(firstPlace).toBe(events.length);
    expect(texts.slice(0, events.length).every((t) => !/^place/.test(t))).toBe(true);
    const iraq = list.getByRole('option', { name: /Iraq · 4 mentions/ });
    expect(await iraq.count()).toBe(1);
    // Most mentioned place first.
    expect(texts[events.length]).toContain('Iraq · 4 mentions');
    expect(await iraq.getAttribute('aria-expanded')).toBe('false');
    expect(texts.filter((t) => t.includes('Officials in Iraq'))).toEqual([]);

    // A click opens it: each mention with its sentence, under it.
    await iraq.click();
    await expect.poll(() => iraq.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => options(page).count()).toBe(events.length + 2 + 4);
    const opened = await options(page).allTextContents();
    const at = opened.findIndex((t) => t.includes('Iraq · 4 mentions'));
    for (const [k, sentence] of IRAQ_SENTENCES.entries()) expect(opened.slice(at + 1, at + 5).some((t) => t.includes(sentence)), `mention ${k}`).toBe(true);

    // A mention selects its feature: the popup shows its sentence.
    await list.getByRole('option', { name: /Iraq summoned the ambassador/ }).click();
    await expect.poll(() => page.locator('.leaflet-popup .quote').textContent()).toContain('Iraq summoned the ambassador');

    // Keyboard: ← on the group closes it, → opens it again.
    await iraq.click(); // closes
    await expect.poll(() => options(page).count()).toBe(events.length + 2);
    await list.focus();
    await page.keyboard.press('Home');
    for (let k = 0; k < events.length; k++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => list.getAttribute('aria-activedescendant')).toBe(await iraq.getAttribute('id'));
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => iraq.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => iraq.getAttribute('aria-expanded')).toBe('false');
    expect(await list.getAttribute('aria-activedescendant')).toBe(await iraq.getAttribute('id'));
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
