/**
 * The offline basemap in e2e tests. It is canvas tiles (src/app/map/countryTiles.ts), so there
 * is nothing in the DOM per country: tests wait for a drawn tile, and check what the screen
 * shows at a place on land and at sea, read back from a screenshot (what the user sees, with
 * every pane composited, not just what one canvas holds).
 */
import type { Page } from 'playwright-core';

/** A tile the basemap has drawn (data-drawn is 'coarse' until 1:50m arrives, then 'final'). */
export const BASEMAP_TILE = '.leaflet-basemap-pane canvas.basemap-tile[data-drawn]';

/** app.css and Basemap.tsx: land #f4f1ea, sea (the map's background) #cfe1ec. */
export const LAND_RGB = [0xf4, 0xf1, 0xea] as const;
export const SEA_RGB = [0xcf, 0xe1, 0xec] as const;

/**
 * Eastern Kazakhstan and the Black Sea, both in view at CHECK_VIEW: far (> 500 km) from every
 * border, country label and fixture symbol or arc, so the screen shows bare basemap there.
 */
export const LAND_POINT = { lat: 50, lon: 75 } as const;
export const SEA_POINT = { lat: 43.2, lon: 34 } as const;
export const CHECK_VIEW = { lat: 46, lon: 54, zoom: 4 } as const;

export async function waitForBasemap(page: Page): Promise<void> {
  await page.locator(BASEMAP_TILE).first().waitFor({ state: 'attached' });
}

/** The map's view set without animation, then its basemap tiles all drawn. */
export async function showRegion(page: Page, lat: number, lon: number, zoom: number): Promise<void> {
  await page.evaluate(`window.__newsmapMap.setView([${lat}, ${lon}], ${zoom}, { animate: false })`);
  await page.waitForFunction(
    (selector) => {
      const tiles = [...document.querySelectorAll<HTMLCanvasElement>(selector)];
      // Drawn, and done fading in (Leaflet fades new tiles in over 200 ms; a screenshot during
      // the fade shows land blended with the sea behind it).
      return tiles.length > 0 && tiles.every((t) => t.dataset.drawn === 'final' && (t.style.opacity === '' || t.style.opacity === '1'));
    },
    '.leaflet-basemap-pane canvas.basemap-tile',
  );
}

/** The on-screen colour at a geographic point, [r, g, b]. */
export async function screenColour(page: Page, at: { lat: number; lon: number }): Promise<number[]> {
  const { x, y } = (await page.evaluate(`(() => {
    const map = window.__newsmapMap;
    const p = map.latLngToContainerPoint([${at.lat}, ${at.lon}]);
    const r = map.getContainer().getBoundingClientRect();
    return { x: Math.round(r.left + p.x), y: Math.round(r.top + p.y) };
  })()`)) as { x: number; y: number };
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 }, scale: 'css' });
  // Decoded in a blank page of the same browser: the app's page keeps its CSP and state.
  const blank = await page.context().newPage();
  try {
    return (await blank.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(1, 1);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    }, png.toString('base64'))) as number[];
  } finally {
    await blank.close();
  }
}

/** True when two colours differ by at most `tolerance` per channel. */
export function near(colour: readonly number[], expected: readonly number[], tolerance = 3): boolean {
  return colour.length === expected.length && colour.every((c, i) => Math.abs(c - expected[i]!) <= tolerance);
}
