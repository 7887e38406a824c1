/**
 * Context below country level (issue 10): town and city labels from the bundled gazetteer,
 * thinned by population and zoom and never overlapping, fetched lazily; first-level division
 * borders and names under the data; and the layers control, named and keyboard operable.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDashboard, sessionPerFile } from './support/harness.ts';
import { showRegion } from './support/basemap.ts';

/** Polls wait this long: two busy cores, a browser and a build can be slow. */
const POLL = { timeout: 15_000 };

const session = sessionPerFile();

/** The fixture's site-precision strike (tests/e2e/support/fixture.ts). */
const NEVATIM = { lat: 31.2083, lon: 35.0117 };

interface Shown {
  text: string;
  kind: string;
  /** Map-container pixels. */
  box: [number, number, number, number];
}

/** The context labels drawn for the current view, once placed for `zoom`. */
async function labelsAt(page: Page, zoom: number, atLeast = 1): Promise<Shown[]> {
  await page.waitForFunction(
    ([z, n]) => {
      const c = document.querySelector<HTMLCanvasElement>('canvas.context-labels');
      return c !== null && c.dataset.zoom === String(z) && Number(c.dataset.labels) >= n;
    },
    [zoom, atLeast] as const,
    { timeout: 20_000 },
  );
  return page.evaluate(`(() => {
    const map = window.__newsmapMap;
    const placed = document.querySelector('canvas.context-labels').newsmapLabels;
    return placed.map((l) => {
      const a = map.layerPointToContainerPoint([l.box[0], l.box[1]]);
      const b = map.layerPointToContainerPoint([l.box[2], l.box[3]]);
      return { text: l.text, kind: l.kind, box: [a.x, a.y, b.x, b.y] };
    });
  })()`) as Promise<Shown[]>;
}

function overlaps(a: Shown['box'], b: Shown['box']): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

function inView(page: Page, labels: Shown[]): Promise<Shown[]> {
  return page.evaluate(`(() => { const s = window.__newsmapMap.getSize(); return [s.x, s.y]; })()`).then((size) => {
    const [w, h] = size as [number, number];
    return labels.filter((l) => l.box[2] > 0 && l.box[0] < w && l.box[3] > 0 && l.box[1] < h);
  });
}

/** Pixels darker than the basemap's land in a box of the screen (map-container pixels): drawn text. */
async function darkPixels(page: Page, box: Shown['box']): Promise<number> {
  const origin = (await page.locator('.map').boundingBox())!;
  const clip = { x: origin.x + box[0], y: origin.y + box[1], width: Math.max(1, box[2] - box[0]), height: Math.max(1, box[3] - box[1]) };
  const png = await page.screenshot({ clip, scale: 'css' });
  const blank = await page.context().newPage();
  try {
    return (await blank.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 3 * 140) dark++;
      return dark;
    }, png.toString('base64'))) as number;
  } finally {
    await blank.close();
  }
}

async function screenPoint(page: Page, at: { lat: number; lon: number }): Promise<[number, number]> {
  return page.evaluate(`(() => { const p = window.__newsmapMap.latLngToContainerPoint([${at.lat}, ${at.lon}]); return [p.x, p.y]; })()`) as Promise<[number, number]>;
}

describe('context below country level (built app, offline Chromium)', () => {
  it('labels towns around a site-precision star at zoom 10 from lazily fetched files, a few large cities at zoom 5, none overlapping', async () => {
    const { page, errors, blocked } = await openDashboard(session);
    const fetched: string[] = [];
    page.on('request', (r) => {
      const m = r.url().match(/\/data\/labels\/(.+)$/);
      if (m) fetched.push(m[1]!);
    });
    // Zoom 5 over the Middle East: a few large cities, no towns.
    await showRegion(page, 32, 48, 5);
    const wide = await inView(page, await labelsAt(page, 5, 5));
    const cities5 = wide.filter((l) => l.kind === 'city' || l.kind === 'capital' || l.kind === 'town');
    expect(cities5.map((l) => l.text)).toEqual(expect.arrayContaining(['Tehran', 'Riyadh']));
    expect(cities5.length).toBeGreaterThan(5);
    expect(cities5.length).toBeLessThanOrEqual(35);
    expect(cities5.map((l) => l.text)).not.toContain('Dimona');
    expect(fetched.some((f) => /^cities-(8|10)-/.test(f))).toBe(false);

    // Zoom 10 at the Nevatim strike: the towns around it are named.
    await showRegion(page, NEVATIM.lat, NEVATIM.lon, 10);
    await expect.poll(() => fetched.filter((f) => f.startsWith('cities-10-')).length, POLL).toBeGreaterThan(0);
    const close = await inView(page, await labelsAt(page, 10, 15));
    expect(close.map((l) => l.text)).toEqual(expect.arrayContaining(['Dimona', 'Beersheba']));
    const [sx, sy] = await screenPoint(page, NEVATIM);
    const near = close.filter((l) => Math.hypot((l.box[0] + l.box[2]) / 2 - sx, (l.box[1] + l.box[3]) / 2 - sy) < 200);
    expect(near.length, `labels within 200 px of the star: ${near.map((l) => l.text)}`).toBeGreaterThanOrEqual(3);
    // Only the files under the view were fetched, not the world's towns.
    const bandFiles = fetched.filter((f) => /^cities-(8|10)-/.test(f));
    expect(bandFiles.length).toBeLessThanOrEqual(6);

    // Drawn (text pixels on screen inside the boxes), and no two labels overlap.
    const beersheba = close.find((l) => l.text === 'Beersheba')!;
    expect(await darkPixels(page, beersheba.box)).toBeGreaterThan(10);
    for (const labels of [wide, close]) {
      for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) {
          expect(overlaps(labels[i]!.box, labels[j]!.box), `${labels[i]!.text} overlaps ${labels[j]!.text}`).toBe(false);
        }
      }
    }
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    await page.context().close();
  });

  it('draws first-level division borders under the data and names them, and the named layers control toggles them from the keyboard', async () => {
    const { page, errors, blocked } = await openDashboard(session);
    await showRegion(page, 31, 53, 7);
    await expect.poll(() => page.evaluate(() => [...document.querySelectorAll<HTMLCanvasElement>('.division-tile')].reduce((n, t) => n + Number(t.dataset.vertices ?? 0), 0)), POLL).toBeGreaterThan(50);
    const labels = await inView(page, await labelsAt(page, 7, 5));
    const divisions = labels.filter((l) => l.kind === 'division').map((l) => l.text);
    expect(divisions.length, divisions.join(', ')).toBeGreaterThanOrEqual(3);
    // Iran's provinces in view (Natural Earth's English names).
    expect(divisions.filter((d) => ['Fars', 'Isfahan', 'Yazd', 'Kerman', 'Khuzestan', 'Bushehr'].includes(d)).length, divisions.join(', ')).toBeGreaterThanOrEqual(2);
    // Under the data: the divisions' and labels' panes sit below the overlay (data) pane.
    const z = await page.evaluate(() => {
      const of = (name: string) => Number(getComputedStyle(document.querySelector(`.leaflet-${name}-pane`)!).zIndex);
      return { divisions: of('divisions'), labels: of('contextLabels'), data: of('overlay') };
    });
    expect(z.divisions).toBeLessThan(z.data);
    expect(z.labels).toBeLessThan(z.data);

    // The layers control by its name, from the keyboard.
    const toggle = page.getByRole('button', { name: 'Map layers' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    // Open, and the focus is in the list (not dropped to the page with the hidden button).
    const group = page.getByRole('group', { name: 'Map layers' });
    await expect.poll(() => group.evaluate((el) => el.contains(document.activeElement)), POLL).toBe(true);
    expect(await page.locator('.leaflet-control-layers').getAttribute('class')).toContain('leaflet-control-layers-expanded');
    const focusOn = async (name: string) => {
      for (let i = 0; i < 15; i++) {
        const label = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.closest('label')?.textContent?.trim() ?? '');
        if (label === name) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached "${name}"`);
    };
    await focusOn('Towns and cities');
    const kinds = () => page.locator('canvas.context-labels').evaluate((c: HTMLCanvasElement & { newsmapLabels?: { kind: string }[] }) => c.newsmapLabels!.map((l) => l.kind));
    await page.keyboard.press('Space');
    await expect.poll(async () => (await kinds()).filter((k) => k !== 'division').length, POLL).toBe(0);
    expect((await kinds()).length).toBeGreaterThan(0);
    await page.keyboard.press('Space');
    await expect.poll(async () => (await kinds()).filter((k) => k === 'city' || k === 'capital').length, POLL).toBeGreaterThan(0);
    await focusOn('States and provinces');
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('.division-tile').count(), POLL).toBe(0);
    await expect.poll(async () => (await kinds()).filter((k) => k === 'division').length, POLL).toBe(0);
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('.division-tile').count(), POLL).toBeGreaterThan(0);
    await expect.poll(async () => (await kinds()).filter((k) => k === 'division').length, POLL).toBeGreaterThan(0);
    // Esc closes the list and returns to its button.
    await page.keyboard.press('Escape');
    await expect.poll(() => toggle.getAttribute('aria-expanded'), POLL).toBe('false');
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    // Space opens it too.
    await page.keyboard.press('Space');
    await expect.poll(() => group.evaluate((el) => el.contains(document.activeElement)), POLL).toBe(true);
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    await page.context().close();
  });
});
