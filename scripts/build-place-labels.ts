/**
 * Writes the basemap's town and city labels (src/core/engine/basemap/contextLabels.ts describes
 * the files) to public/data/labels/, from the world gazetteer layer build-broad-index.ts has
 * just written (public/data/broad-gazetteer.tsv: GeoNames cities500 and its admin seats and
 * capitals). Each place gets the lowest zoom it is labelled at (placeLabels.ts), so the browser
 * only reads, measures and places.
 *
 *   node --import tsx scripts/build-place-labels.ts
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { assignMinZoom, type MinZoomCandidate } from '../src/core/engine/basemap/placeLabels.ts';
import { leafFile, packContextPlaces, type ContextPlace, type LabelBand, type LabelIndex, type LeafTile } from '../src/core/engine/basemap/contextLabels.ts';
import { worldX, worldY } from '../src/core/engine/geo/webMercator.ts';
import { CITY_FLOOR, CITY_MAX_ZOOM, CITY_MIN_ZOOM, estimateLabelBox } from '../src/core/engine/basemap/labelStyle.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SRC = resolve(ROOT, 'public/data/broad-gazetteer.tsv');
const OUT = resolve(ROOT, 'public/data/labels');

/** Sections of a town, historical, abandoned or destroyed places, religious sites: not towns to label. */
const SKIP_FCODES = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH', 'STLMT']);
/** Base file: places labelled from these zooms, fetched first, for the whole world. */
const BASE_MAX_ZOOM = 7;
/** Bands above it, each a quadtree of files with at most LEAF_ROWS places. */
const BANDS: readonly [number, number][] = [[8, 9], [10, CITY_MAX_ZOOM]];
const LEAF_ROWS = 2500;
const MAX_LEAF_ZOOM = 9;

interface Row {
  name: string;
  lat: number;
  lon: number;
  fcode: string;
  population: number;
}

function readCities(): Row[] {
  const rows: Row[] = [];
  for (const line of readFileSync(SRC, 'utf8').split('\n')) {
    // id, name, altNames, country, admin1, kind, fcode, lat, lon, population (broad.ts)
    const f = line.split('\t');
    if (f[5] !== 'c' || SKIP_FCODES.has(f[6]!)) continue;
    const lat = Number(f[7]);
    const lon = Number(f[8]);
    if (!f[1] || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    rows.push({ name: f[1], lat, lon, fcode: f[6]!, population: Number(f[9]) || 0 });
  }
  return rows;
}

/** Importance: population, with national capitals first among their peers and admin seats next. */
function weightOf(r: Row): number {
  if (r.fcode === 'PPLC') return Math.max(r.population * 4, CITY_FLOOR(CITY_MIN_ZOOM));
  return r.population * (r.fcode === 'PPLA' ? 1.5 : 1) + 1;
}

function quadtree(places: readonly ContextPlace[]): { leaf: LeafTile; places: ContextPlace[] }[] {
  const out: { leaf: LeafTile; places: ContextPlace[] }[] = [];
  const split = (z: number, x: number, y: number, inside: ContextPlace[]) => {
    if (inside.length === 0) return;
    if (inside.length <= LEAF_ROWS || z >= MAX_LEAF_ZOOM) {
      out.push({ leaf: [z, x, y, inside.length], places: inside });
      return;
    }
    const kids: ContextPlace[][] = [[], [], [], []];
    const n = 2 ** (z + 1);
    for (const p of inside) {
      const cx = Math.min(n - 1, Math.floor(p.x * n)) - 2 * x;
      const cy = Math.min(n - 1, Math.floor(p.y * n)) - 2 * y;
      kids[cy * 2 + cx]!.push(p);
    }
    kids.forEach((k, i) => split(z + 1, 2 * x + (i % 2), 2 * y + (i >> 1), k));
  };
  split(0, 0, 0, [...places]);
  return out;
}

const t0 = performance.now();
const rows = readCities();
const cands: MinZoomCandidate[] = rows.map((r) => ({ x: worldX(r.lon), y: worldY(r.lat), weight: weightOf(r), box: estimateLabelBox(r.name) }));
const minZoom = assignMinZoom(cands, CITY_MIN_ZOOM, CITY_MAX_ZOOM, CITY_FLOOR);
const order = rows.map((_, i) => i).filter((i) => Number.isFinite(minZoom[i])).sort((a, b) => minZoom[a]! - minZoom[b]! || cands[b]!.weight - cands[a]!.weight);
const places: ContextPlace[] = order.map((i, rank) => {
  const r = rows[i]!;
  return { rank, name: r.name, lat: r.lat, lon: r.lon, x: cands[i]!.x, y: cands[i]!.y, minZoom: minZoom[i]!, flag: r.fcode === 'PPLC' ? 'C' : r.fcode === 'PPLA' ? 'A' : '' };
});

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
let bytes = 0;
let gz = 0;
const write = (file: string, list: readonly ContextPlace[]) => {
  const text = packContextPlaces(list);
  writeFileSync(resolve(OUT, file), text);
  bytes += Buffer.byteLength(text);
  gz += gzipSync(text).length;
};
const base = places.filter((p) => p.minZoom <= BASE_MAX_ZOOM);
write('cities-base.tsv', base);
const baseBytes = bytes;
const bands: LabelBand[] = BANDS.map(([lo, hi]) => {
  const inBand = places.filter((p) => p.minZoom >= lo && p.minZoom <= hi);
  const band: LabelBand = { minZoom: lo, maxZoom: hi, leaves: [] };
  const leaves = quadtree(inBand);
  for (const { leaf, places: list } of leaves) write(leafFile(band, leaf), list);
  return { ...band, leaves: leaves.map((l) => l.leaf) };
});
const index: LabelIndex = {
  base: { file: 'cities-base.tsv', maxZoom: BASE_MAX_ZOOM, rows: base.length },
  bands,
  source: 'GeoNames cities500 via public/data/broad-gazetteer.tsv (CC BY 4.0); min zooms by scripts/build-place-labels.ts',
};
writeFileSync(resolve(OUT, 'index.json'), JSON.stringify(index));
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const perZoom = new Map<number, number>();
for (const p of places) perZoom.set(p.minZoom, (perZoom.get(p.minZoom) ?? 0) + 1);
console.log(
  `public/data/labels: ${places.length} places (${[...perZoom].map(([z, n]) => `z${z} ${n}`).join(', ')}); base ${kb(baseBytes)}, ` +
    `${bands.reduce((n, b) => n + b.leaves.length, 0)} band files, all ${kb(bytes)} (${kb(gz)} gzip), ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
