/**
 * Map benchmark: 100,000 synthetic events in headless Chromium, the dashboard against a naive
 * baseline (one default L.marker per event) on the same machine in the same run.
 *
 *   npm run bench:map            (builds, then runs this)
 *   BENCH_N=20000 node --import tsx bench/map.bench.ts
 *   BENCH_N=1000000 BENCH_SKIP_NAIVE=1 node --max-old-space-size=8192 --import tsx bench/map.bench.ts
 *
 * Reported: first render (navigation → markers drawn), filter-change latency p50/p95 (click →
 * list, counts, timeline and every map layer updated) and the same to the next painted frame,
 * pan/zoom frame time p95 (rAF intervals during animated pans and zooms), and export time
 * (click → download), warm (after the session above) and cold (right after a fresh load).
 * Ratios are baseline / app.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../scripts/lib/browser.ts';
import { startStaticServer } from '../scripts/lib/staticServer.ts';
import { syntheticCorpus } from './syntheticCorpus.ts';

const ROOT = resolve(import.meta.dirname, '..');
const N = Number(process.env.BENCH_N ?? 100_000);
const FILTER_ROUNDS = Number(process.env.BENCH_ROUNDS ?? 12);
/** The naive baseline can take many minutes at 100k; past this its figures are lower bounds. */
const NAIVE_LIMIT_MS = Number(process.env.BENCH_NAIVE_LIMIT_S ?? 300) * 1000;
/** Idle time before the warm export (the cold export gets none). */
const EXPORT_IDLE_MS = Number(process.env.BENCH_EXPORT_IDLE_MS ?? 5000);

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}
const ms = (x: number) => `${x.toFixed(1)} ms`;

const NAIVE_HTML = `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/leaflet/leaflet.css"><style>html,body,#map{margin:0;height:100%}</style></head>
<body><div id="map"></div><script src="/leaflet/leaflet.js"></script><script src="/naive.js"></script></body></html>`;

// The floor: an empty Leaflet map of the same size. Its pan/zoom frames measure what the
// browser itself costs here (headless, software compositing), with no data at all.
const EMPTY_HTML = `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/leaflet/leaflet.css"><style>html,body,#map{margin:0;height:100%}</style></head>
<body><div id="map"></div><script src="/leaflet/leaflet.js"></script>
<script>window.__newsmapMap = L.map('map').setView([30, 48], 5);</script></body></html>`;

// The baseline: what a first version would do. Default icons, every event a DOM marker,
// filter = clear and re-add.
const NAIVE_JS = `
L.Icon.Default.imagePath = '/leaflet/images/';
const map = L.map('map').setView([30, 48], 5);
window.__newsmapMap = map;
let all = [];
let group = null;
// Re-creates every marker on each filter change: the anti-pattern the dashboard avoids.
function draw(features) {
  if (group) map.removeLayer(group);
  group = L.layerGroup(features.map((f) => L.marker([f.geometry.coordinates[1], f.geometry.coordinates[0]]))).addTo(map);
}
window.naiveFilter = (actor) => draw(actor ? all.filter((f) => f.properties.actors.includes(actor)) : all);
window.naiveExport = (actor) => JSON.stringify({ type: 'FeatureCollection', features: actor ? all.filter((f) => f.properties.actors.includes(actor)) : all });
fetch('/bench.geojson').then((r) => r.json()).then((fc) => {
  all = fc.features;
  draw(all);
  requestAnimationFrame(() => requestAnimationFrame(() => { window.__naiveReady = performance.now(); }));
});
`;

// The floor for a first render: the same corpus fetched and parsed by the browser's native
// JSON parser, nothing else. No dashboard can draw 100k events before it has read them.
const PARSE_HTML = `<!doctype html><html><head><meta charset="utf-8"></head><body>
<script>fetch('/bench.geojson').then((r) => r.json()).then((fc) => { window.__parsed = performance.now(); window.__count = fc.features.length; });</script></body></html>`;

/**
 * Animated pans and zooms; returns the rAF intervals observed meanwhile. A string, not a
 * function: tsx's name-keeping helpers (__name) do not exist inside the page.
 */
const panZoomScript = (moveCount: number) => `(async () => {
  const map = window.__newsmapMap;
  const frames = [];
  let last = performance.now();
  let running = true;
  const tick = (t) => { frames.push(t - last); last = t; if (running) requestAnimationFrame(tick); };
  requestAnimationFrame((t) => { last = t; requestAnimationFrame(tick); });
  const wait = (m) => new Promise((r) => setTimeout(r, m));
  const moves = [
    () => map.panBy([300, 0]), () => map.panBy([0, 200]), () => map.zoomIn(1), () => map.panBy([-300, -100]),
    () => map.zoomOut(1), () => map.panBy([200, -100]), () => map.zoomIn(1), () => map.zoomOut(1),
  ];
  for (const move of moves.slice(0, ${moveCount})) { move(); await wait(450); }
  running = false;
  // A page too busy to paint still counts: its one long frame is the measurement.
  frames.push(performance.now() - last);
  return frames.length > 1 ? frames.slice(1) : frames;
})()`;

async function panZoomFrames(page: Page, moveCount = 8): Promise<number[]> {
  return page.evaluate(panZoomScript(moveCount)) as Promise<number[]>;
}

async function benchApp(page: Page, url: string) {
  await page.addInitScript(`addEventListener('newsmap:rendered', (e) => {
    // The dashboard shows before its corpus arrives: the first render is the first with strikes drawn.
    if (e.detail.layer === 'strike' && (e.detail.shown > 0 || e.detail.clusters.length > 0) && window.__firstRender === undefined && !window.__firstPending) {
      window.__firstPending = true;
      requestAnimationFrame(() => requestAnimationFrame(() => { window.__firstRender = performance.now(); }));
    }
  });`);
  await page.goto(`${url}/?data=bench.geojson`);
  await page.waitForFunction(() => (window as unknown as { __firstRender?: number }).__firstRender !== undefined, null, { timeout: 120_000 });
  const firstRender = await page.evaluate(() => (window as unknown as { __firstRender: number }).__firstRender);
  // Where the first render went: the app's own user-timing marks (ms since navigation).
  const phases = (await page.evaluate(`Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('newsmap:')).map((m) => [m.name.slice(8), Math.round(m.startTime)]))`)) as Record<string, number>;
  console.error(`  newsmap first render phases (ms since navigation): ${Object.entries(phases).map(([k, v]) => `${k} ${v}`).join(', ')}, markers drawn ${Math.round(firstRender)}`);

  // Filter change: click → the last map layer redrawn (the strike layer syncs last of the
  // three; the list, counts and timeline update before it). `filterFrame` waits one more
  // animation frame, in which Leaflet paints its canvas: that adds the wait for the next vsync.
  const filter: number[] = [];
  const filterFrame: number[] = [];
  const actors = ['Iran', 'Houthis', 'Russia'];
  for (let i = 0; i < FILTER_ROUNDS; i++) {
    const label = actors[i % actors.length]!;
    const [updated, framed] = (await page.evaluate(`new Promise((done) => {
        const box = [...document.querySelectorAll('fieldset label')].find((l) => l.textContent === ${JSON.stringify(label)})?.querySelector('input');
        const t0 = performance.now();
        const onRendered = (e) => {
          if (e.detail.layer !== 'strike') return;
          removeEventListener('newsmap:rendered', onRendered);
          const t1 = performance.now();
          requestAnimationFrame(() => done([t1 - t0, performance.now() - t0]));
        };
        addEventListener('newsmap:rendered', onRendered);
        box.click();
      })`)) as [number, number];
    filter.push(updated);
    filterFrame.push(framed);
    // An analyst does not click twice within a frame: let the page settle between rounds.
    await page.waitForTimeout(100);
  }
  const frames = await panZoomFrames(page);
  // Warm: an analyst looks at the map before exporting it. The export caches fill in idle
  // time; a few seconds of it are enough at 100k. The cold figure below has none.
  await page.waitForTimeout(EXPORT_IDLE_MS);
  const t0 = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export GeoJSON' }).click()]);
  const exportMs = Date.now() - t0;
  await download.cancel().catch(() => {});
  // Cold: a fresh load exported as soon as the map is drawn, before idle time can warm the export caches.
  await page.reload();
  await page.waitForFunction(() => (window as unknown as { __firstRender?: number }).__firstRender !== undefined, null, { timeout: 120_000 });
  const t1 = Date.now();
  const [cold] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export GeoJSON' }).click()]);
  const exportColdMs = Date.now() - t1;
  await cold.cancel().catch(() => {});
  return { firstRender, filter, filterFrame, frames, exportMs, exportColdMs };
}

async function benchNaive(page: Page, url: string) {
  await page.goto(`${url}/naive.html`);
  try {
    await page.waitForFunction('window.__naiveReady !== undefined', null, { timeout: NAIVE_LIMIT_MS, polling: 1000 });
  } catch {
    // Too slow to finish at all: report the limit as a lower bound, skip the rest.
    console.error(`  naive: first render did not finish within ${NAIVE_LIMIT_MS / 1000} s`);
    return { firstRender: NAIVE_LIMIT_MS, filter: [NaN], filterFrame: [NaN], frames: [NaN], exportMs: NaN, incomplete: true };
  }
  const firstRender = (await page.evaluate('window.__naiveReady')) as number;
  console.error(`  naive: first render ${ms(firstRender)}`);
  const filter: number[] = [];
  const filterFrame: number[] = [];
  // One round: each re-creates tens of thousands of DOM markers.
  for (const actor of ['Iran']) {
    const [updated, framed] = (await page.evaluate(`new Promise((done) => {
        const t0 = performance.now();
        window.naiveFilter(${JSON.stringify(actor)});
        const t1 = performance.now();
        requestAnimationFrame(() => done([t1 - t0, performance.now() - t0]));
      })`)) as [number, number];
    filter.push(updated);
    filterFrame.push(framed);
  }
  console.error(`  naive: filter ${ms(filter[0]!)}`);
  // Three moves only: with 100k DOM markers each one takes seconds to minutes.
  const frames = await panZoomFrames(page, 3);
  const exportMs = (await page.evaluate(`(() => {
    const t0 = performance.now();
    const url = URL.createObjectURL(new Blob([window.naiveExport(null)]));
    URL.revokeObjectURL(url);
    return performance.now() - t0;
  })()`)) as number;
  return { firstRender, filter, filterFrame, frames, exportMs, incomplete: false };
}

/**
 * The corpus as bytes, one feature at a time: a million events are more JSON than one string
 * can hold (V8 caps strings at 2^29 − 24 characters).
 */
function corpusBytes(n: number): Buffer {
  const parts: Buffer[] = [Buffer.from('{"type":"FeatureCollection","features":[\n')];
  const { features } = syntheticCorpus(n, 20240419);
  features.forEach((f, i) => parts.push(Buffer.from(`${i === 0 ? '' : ',\n'}${JSON.stringify(f)}`)));
  parts.push(Buffer.from('\n]}\n'));
  return Buffer.concat(parts);
}

async function main() {
  console.error(`generating ${N.toLocaleString('en')} events…`);
  const corpus = corpusBytes(N);
  console.error(`  ${(corpus.length / 2 ** 20).toFixed(0)} MB of GeoJSON`);
  const leaflet = resolve(ROOT, 'node_modules/leaflet/dist');
  const server = await startStaticServer(resolve(ROOT, process.env.BENCH_DIST ?? 'dist'), {
    '/bench.geojson': corpus,
    '/naive.html': NAIVE_HTML,
    '/empty.html': EMPTY_HTML,
    '/parse.html': PARSE_HTML,
    '/naive.js': NAIVE_JS,
    '/leaflet/leaflet.js': readFileSync(resolve(leaflet, 'leaflet.js')),
    '/leaflet/leaflet.css': readFileSync(resolve(leaflet, 'leaflet.css')),
    '/leaflet/images/marker-icon.png': readFileSync(resolve(leaflet, 'images/marker-icon.png')),
    '/leaflet/images/marker-icon-2x.png': readFileSync(resolve(leaflet, 'images/marker-icon-2x.png')),
    '/leaflet/images/marker-shadow.png': readFileSync(resolve(leaflet, 'images/marker-shadow.png')),
  });
  const browser = await launchChromium();
  try {
    const viewport = { width: 1400, height: 900 };
    const offline = async () => {
      const page = await browser.newPage({ viewport, acceptDownloads: true });
      await page.route((u) => !u.href.startsWith(server.url), (r) => r.abort());
      page.on('pageerror', (e) => console.error('page error:', e.message));
      return page;
    };
    console.error('dashboard…');
    const appPage = await offline();
    const app = await benchApp(appPage, server.url);
    await appPage.close();
    console.error(
      `  newsmap: first render ${ms(app.firstRender)}, filter p50 ${ms(quantile(app.filter, 0.5))} p95 ${ms(quantile(app.filter, 0.95))} (to frame p95 ${ms(quantile(app.filterFrame, 0.95))}), ` +
        `pan/zoom frame p95 ${ms(quantile(app.frames, 0.95))}, export ${ms(app.exportMs)}, export, cold ${ms(app.exportColdMs)}`,
    );
    const parseFloor: number[] = [];
    // Above ~500 MB one string cannot hold the corpus: there is no single-parse floor.
    for (let run = 0; run < (corpus.length < 400 * 2 ** 20 ? 3 : 0); run++) {
      const parsePage = await offline();
      await parsePage.goto(`${server.url}/parse.html`);
      await parsePage.waitForFunction('window.__parsed !== undefined', null, { timeout: 120_000 });
      parseFloor.push((await parsePage.evaluate('window.__parsed')) as number);
      await parsePage.close();
    }
    if (parseFloor.length > 0) console.error(`  fetch + JSON.parse alone (the first-render floor): median ${ms(quantile(parseFloor, 0.5))} of ${parseFloor.map((x) => ms(x)).join(', ')}`);
    const emptyPage = await offline();
    await emptyPage.goto(`${server.url}/empty.html`);
    const emptyFrames = await panZoomFrames(emptyPage);
    await emptyPage.close();
    console.error(`  empty Leaflet map (the browser's own floor): pan/zoom frame p95 ${ms(quantile(emptyFrames, 0.95))}`);
    if (process.env.BENCH_SKIP_NAIVE) return;
    console.error('naive baseline (one default L.marker per event)…');
    const naivePage = await offline();
    const naive = await benchNaive(naivePage, server.url);
    await naivePage.close();

    const rows = [
      ['first render', app.firstRender, naive.firstRender],
      ['  fetch + JSON.parse only', quantile(parseFloor, 0.5), NaN],
      ['filter change p50', quantile(app.filter, 0.5), quantile(naive.filter, 0.5)],
      ['filter change p95', quantile(app.filter, 0.95), quantile(naive.filter, 0.95)],
      ['filter → frame p95', quantile(app.filterFrame, 0.95), quantile(naive.filterFrame, 0.95)],
      ['pan/zoom frame p95', quantile(app.frames, 0.95), quantile(naive.frames, 0.95)],
      ['  empty map, same moves', quantile(emptyFrames, 0.95), NaN],
      [`export, after ${EXPORT_IDLE_MS / 1000} s idle`, app.exportMs, naive.exportMs],
      ['export, cold', app.exportColdMs, naive.exportMs],
    ] as const;
    console.log(`\nMap benchmark, ${N.toLocaleString('en')} events, headless Chromium ${browser.version()}`);
    console.log(`${'metric'.padEnd(26)}${'newsmap'.padStart(14)}${'naive L.marker'.padStart(16)}${'ratio'.padStart(10)}`);
    for (const [name, a, b] of rows) {
      console.log(`${name.padEnd(26)}${ms(a).padStart(14)}${(Number.isNaN(b) ? '—' : ms(b)).padStart(16)}${(Number.isNaN(b) ? '' : `${(b / a).toFixed(1)}×`).padStart(10)}`);
    }
    console.log('(ratio = naive / newsmap; >1 means newsmap is faster. Naive export is JSON.stringify only, no download.)');
    if (naive.incomplete) console.log(`(naive first render hit the ${NAIVE_LIMIT_MS / 1000} s limit: a lower bound; its other figures were not measured)`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
