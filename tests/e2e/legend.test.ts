/**
 * Views that must not state what the data does not say (issue 10): an unknown initiator stays
 * unknown, an actor's colour is the lexicon's and never changes as the corpus grows, and the
 * legend never covers a popup, at 1400×900 and 1024×700.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDashboard, openDashboardAt, sessionPerFile } from './support/harness.ts';
import { buildFixture } from './support/fixture.ts';
import { LAND_RGB, near, screenColour, showRegion } from './support/basemap.ts';
import { actorColour } from '../../src/core/geoparser/events/lexicon.ts';
import type { NewsmapFeature } from '../../src/core/geoparser/geojson/schema.ts';

const session = sessionPerFile();

/** A star's fill as seen on land: PointLayer draws it at fillOpacity 0.95 over the basemap. */
const onLand = (c: number[]) => c.map((v, i) => Math.round(0.95 * v + 0.05 * LAND_RGB[i]!));
const rgb = (hex: string) => onLand([1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
/** symbols.ts: the unknown-initiator and the shared "other actor" colours. */
const UNKNOWN_RGB = rgb('#6b6b6b');
const OTHER_RGB = rgb('#b8b8b8');

const DAMASCUS = { lat: 33.5102, lon: 36.2913 };

/** The colour on screen at the centre of a point's symbol, with nothing selected or hovered. */
async function symbolColour(page: Page, at: { lat: number; lon: number }): Promise<number[]> {
  await page.mouse.move(2, 2);
  await showRegion(page, at.lat, at.lon, 7);
  await page.waitForTimeout(150);
  return screenColour(page, at);
}

/** The legend's actor swatches: actor → colour, as listed. */
async function legendSwatches(page: Page): Promise<Record<string, string>> {
  await page.locator('.legend__actors li').first().waitFor({ state: 'attached' });
  return page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll<HTMLElement>('.legend__actors li[data-actor]')].map((li) => [li.dataset.actor!, li.dataset.colour!])),
  );
}

/** A strike cloned from the Damascus one, by `actor`, at its own spot. */
function strikeBy(base: NewsmapFeature, actor: string, i: number, at: [number, number]): NewsmapFeature {
  return {
    ...base,
    id: `extra-${i}`,
    geometry: { type: 'Point', coordinates: at },
    properties: { ...base.properties, actor, actors: [actor, 'Syria'], target: 'Syria', title: `${actor} strike ${i}`, place_name: `Spot ${i}` },
  };
}

describe('views that say only what the data says', () => {
  it('a strike with no known initiator says "initiator unknown" and takes the unknown colour, not its first actor\'s', async () => {
    const data = buildFixture();
    const damascus = data.corpus.features.find((f) => f.properties.place_name === 'Damascus')!;
    // As in the report: the initiator is unknown, and the first actor named is the victim.
    damascus.properties.actor = null;
    damascus.properties.actors = ['Syria', 'Israel'];
    damascus.properties.target = null;
    const { page, errors } = await openDashboard(session, '', data);
    await page.getByRole('option', { name: /strike near Damascus/ }).click();
    const popup = page.locator('.leaflet-popup');
    await expect.poll(() => popup.textContent()).toContain('initiator unknown');
    const text = (await popup.textContent())!;
    expect(text).toContain('involved: Syria, Israel');
    expect(text).not.toMatch(/Syria\s*→|Israel\s*→/);
    await popup.locator('.leaflet-popup-close-button').click();
    await expect.poll(() => popup.count()).toBe(0);
    // The star is grey (unknown), not the colour of Syria, its first actor.
    const colour = await symbolColour(page, DAMASCUS);
    expect(colour, `star colour ${colour}`).toSatisfy((c: number[]) => near(c, UNKNOWN_RGB, 5));
    expect(near(colour, rgb(actorColour('Syria')!), 20)).toBe(false);
    // The legend explains that colour.
    expect(await page.locator('.legend__actors').textContent()).toContain('initiator unknown');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("gives each actor the lexicon's fixed colour, unchanged as the corpus grows past ten actors, and one honest \"Other actors\"", async () => {
    const small = buildFixture();
    const first = await openDashboard(session, '', small);
    const before = await legendSwatches(first.page);
    expect(Object.keys(before).sort()).toEqual(['Hezbollah', 'Iran', 'Israel', 'Pakistan', 'Syria', 'United States']);
    for (const [actor, colour] of Object.entries(before)) expect(colour, actor).toBe(actorColour(actor));
    // Damascus, by Israel: drawn in Israel's colour.
    expect(near(await symbolColour(first.page, DAMASCUS), rgb(actorColour('Israel')!), 6)).toBe(true);
    await first.page.context().close();

    // The workspace grows: twelve more actors, each more frequent than Israel, and one actor the
    // lexicon does not know (an analyst's edit).
    const grown = buildFixture();
    const base = grown.corpus.features.find((f) => f.properties.place_name === 'Damascus')!;
    const more = ['Turkey', 'Russia', 'Houthis', 'Hamas', 'Egypt', 'Jordan', 'Qatar', 'Lebanon', 'Iraq', 'Yemen', 'Saudi Arabia', 'United Kingdom'];
    let n = 0;
    more.forEach((actor, k) => {
      for (let j = 0; j < 3; j++) grown.corpus.features.push(strikeBy(base, actor, n++, [20 + k * 3, 10 + j * 3]));
    });
    const unknownActor = 'Atlantis Liberation Front';
    const atlantis: [number, number] = [60, 45];
    grown.corpus.features.push(strikeBy(base, unknownActor, n++, atlantis));
    const second = await openDashboard(session, '', grown);
    const after = await legendSwatches(second.page);
    // Every known actor listed with its own swatch, none dropped past ten, none sharing a colour.
    const known = [...Object.keys(before), ...more];
    expect(Object.keys(after).sort()).toEqual([...known].sort());
    expect(new Set(Object.values(after)).size).toBe(known.length);
    for (const [actor, colour] of Object.entries(before)) expect(after[actor], `${actor} re-coloured`).toBe(colour);
    for (const actor of more) expect(after[actor], actor).toBe(actorColour(actor));
    // The unknown actor: one shared "Other actors" entry, named in the legend's text.
    const legend = second.page.locator('.legend');
    expect(await legend.locator('li', { hasText: 'Other actors' }).count()).toBe(1);
    expect(await legend.textContent()).toContain(unknownActor);
    expect(after[unknownActor]).toBeUndefined();
    expect(near(await symbolColour(second.page, DAMASCUS), rgb(actorColour('Israel')!), 6)).toBe(true);
    expect(near(await symbolColour(second.page, { lat: atlantis[1], lon: atlantis[0] }), OTHER_RGB, 6)).toBe(true);
    expect(second.errors).toEqual([]);
    await second.page.context().close();
  });
});

/** Whether the popup's "Open article" button is what a click at its centre hits, and popup and legend are apart. */
async function popupClear(page: Page): Promise<{ buttonOnTop: boolean; overlap: boolean }> {
  return page.evaluate(() => {
    const button = [...document.querySelectorAll<HTMLButtonElement>('.leaflet-popup button')].find((b) => b.textContent?.trim() === 'Open article')!;
    const r = button.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const p = document.querySelector('.leaflet-popup')!.getBoundingClientRect();
    const l = document.querySelector('.legend')!.getBoundingClientRect();
    const overlap = p.left < l.right && l.left < p.right && p.top < l.bottom && l.top < p.bottom;
    return { buttonOnTop: hit !== null && (hit === button || button.contains(hit)), overlap };
  });
}

/** Waits until the popup has stopped moving (Leaflet's auto-pan). */
async function popupSettled(page: Page): Promise<void> {
  let last = '';
  await expect
    .poll(async () => {
      const box = JSON.stringify(await page.locator('.leaflet-popup').boundingBox());
      const same = box === last;
      last = box;
      return same;
    }, { interval: 150 })
    .toBe(true);
}

describe.each([
  { width: 1400, height: 900, startsOpen: true },
  { width: 1024, height: 700, startsOpen: false },
])('the legend at $width×$height', ({ width, height, startsOpen }) => {
  it('is a collapsible "Legend", collapsed on a small map, and never covers an open popup', async () => {
    const { page, errors } = await openDashboardAt(session, { width, height });
    const legend = page.getByRole('complementary', { name: 'Legend' });
    const toggle = legend.getByRole('button', { name: 'Legend', exact: true });
    expect(await toggle.getAttribute('aria-expanded')).toBe(String(startsOpen));
    expect(await legend.locator('.legend__body').isVisible()).toBe(startsOpen);
    if (!startsOpen) {
      await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await legend.locator('.legend__body').isVisible()).toBe(true);
    }
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await legend.locator('.legend__body').isVisible()).toBe(false);
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');

    // A strike just left of the open legend: its popup, drawn above it, reaches over the legend.
    await showRegion(page, DAMASCUS.lat, DAMASCUS.lon, 6);
    const box = (await page.locator('.map').boundingBox())!;
    const pt = await page.evaluate(([la, lo]) => (window as unknown as { __newsmapMap: import('leaflet').Map }).__newsmapMap.latLngToContainerPoint([la!, lo!]), [DAMASCUS.lat, DAMASCUS.lon]);
    await page.evaluate(([dx, dy]) => (window as unknown as { __newsmapMap: import('leaflet').Map }).__newsmapMap.panBy([dx!, dy!], { animate: false }), [pt.x - (box.width - 290), pt.y - (box.height - 150)]);
    const at = await page.evaluate(([la, lo]) => (window as unknown as { __newsmapMap: import('leaflet').Map }).__newsmapMap.latLngToContainerPoint([la!, lo!]), [DAMASCUS.lat, DAMASCUS.lon]);
    await page.mouse.click(box.x + at.x, box.y + at.y);
    const popup = page.locator('.leaflet-popup');
    await expect.poll(() => popup.locator('h3').textContent()).toContain('Damascus');
    await popupSettled(page);
    expect(await popupClear(page)).toEqual({ buttonOnTop: true, overlap: false });

    // Opened again by the analyst while the popup is open: the map moves the popup clear of it.
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await popupSettled(page);
    expect(await popupClear(page)).toEqual({ buttonOnTop: true, overlap: false });
    // And the button works from there.
    await popup.getByRole('button', { name: 'Open article' }).click();
    await expect.poll(() => page.getByRole('heading', { name: /Israeli jets hit targets near Damascus/ }).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
