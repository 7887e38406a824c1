/**
 * An offline vector basemap from a PMTiles file the analyst provides (issue 10): picked from
 * disk in the layers control, read locally, drawn as a base layer under the data, removable.
 * The archive is built here (tests/e2e/support/pmtilesWriter.ts), with features whose colours
 * in protomaps' "light" flavour are known, in the open sea where the offline basemap has none.
 */
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Polygon } from 'geojson';
import { openDashboard, sessionPerFile } from './support/harness.ts';
import { near, screenColour, SEA_RGB, showRegion } from './support/basemap.ts';
import { buildPmtiles } from './support/pmtilesWriter.ts';

/** Polls wait this long: two busy cores, a browser and a build can be slow. */
const POLL = { timeout: 15_000 };

const session = sessionPerFile();

const square = (w: number, s: number, e: number, n: number): FeatureCollection<Polygon> => ({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { kind: 'test' }, geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] } }],
});

/** protomaps-leaflet's "light" flavour (@protomaps/basemaps): earth, water, background. */
const EARTH_RGB = [0xe2, 0xdf, 0xda];
const WATER_RGB = [0x80, 0xde, 0xea];
const BACKGROUND_RGB = [0xcc, 0xcc, 0xcc];

/** In the Arabian Sea, far from any coast, town, border or fixture symbol. */
const VIEW = { lat: 14, lon: 62, zoom: 7 };
const ON_EARTH = { lat: 16, lon: 60 };
const IN_WATER = { lat: 14, lon: 62 };
const OUTSIDE = { lat: 11, lon: 62 };

describe('PMTiles basemap (built app, offline Chromium)', () => {
  it('draws a local .pmtiles file as a base layer under the data, and removes it', async () => {
    const archive = buildPmtiles({ earth: square(59, 12, 65, 17.5), water: square(61.5, 13.5, 62.5, 14.5) }, { minZoom: 0, maxZoom: 6, bounds: [59, 12, 65, 17.5] });
    expect(archive.length).toBeLessThan(100_000);
    const { page, errors, blocked } = await openDashboard(session);
    await showRegion(page, VIEW.lat, VIEW.lon, VIEW.zoom);
    // Before: open sea on the offline basemap.
    expect(near(await screenColour(page, ON_EARTH), SEA_RGB)).toBe(true);

    // A file that is not an archive is refused with a message.
    const toggle = page.getByRole('button', { name: 'Map layers' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    const input = page.getByLabel('Open PMTiles basemap…');
    await input.setInputFiles({ name: 'notes.pmtiles', mimeType: 'application/octet-stream', buffer: Buffer.from('not an archive, just text '.repeat(20)) });
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'notes.pmtiles' }).textContent(), POLL).toContain('is not a PMTiles archive');

    await input.setInputFiles({ name: 'arabian-sea.pmtiles', mimeType: 'application/octet-stream', buffer: archive });
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'arabian-sea.pmtiles' }).textContent(), POLL).toContain('zooms 0–6');
    // In the layers control as an entry of its own, on.
    const entry = page.getByRole('checkbox', { name: 'PMTiles basemap (arabian-sea.pmtiles)' });
    expect(await entry.isChecked()).toBe(true);
    // The file's features on screen: its land and its lake, in the flavour's colours.
    await expect.poll(async () => near(await screenColour(page, ON_EARTH), EARTH_RGB, 4), POLL).toBe(true);
    expect(near(await screenColour(page, IN_WATER), WATER_RGB, 4)).toBe(true);
    expect(near(await screenColour(page, OUTSIDE), BACKGROUND_RGB, 4)).toBe(true);
    // Under the data: its pane is below the overlay pane.
    const z = await page.evaluate(() => {
      const of = (name: string) => Number(getComputedStyle(document.querySelector(`.leaflet-${name}-pane`)!).zIndex);
      return { pmtiles: of('pmtilesBasemap'), data: of('overlay') };
    });
    expect(z.pmtiles).toBeLessThan(z.data);

    // Unticked, the offline basemap shows again; ticked, the file's layer is back.
    // From the keyboard (a mouse entering the control has its first click swallowed by Leaflet).
    await entry.focus();
    await page.keyboard.press('Space');
    expect(await entry.isChecked()).toBe(false);
    await expect.poll(async () => near(await screenColour(page, ON_EARTH), SEA_RGB), POLL).toBe(true);
    await page.keyboard.press('Space');
    expect(await entry.isChecked()).toBe(true);
    await expect.poll(async () => near(await screenColour(page, ON_EARTH), EARTH_RGB, 4), POLL).toBe(true);
    // Removed: gone from the map and from the control.
    await page.locator('.leaflet-control-layers').hover();
    await page.getByRole('button', { name: 'Remove PMTiles basemap' }).click();
    await expect.poll(() => entry.count(), POLL).toBe(0);
    await expect.poll(async () => near(await screenColour(page, ON_EARTH), SEA_RGB), POLL).toBe(true);
    // Read from the file: nothing was fetched from anywhere.
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
