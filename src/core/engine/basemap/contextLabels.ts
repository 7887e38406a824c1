/**
 * The town and city labels' data as the browser fetches it: a base file with the places
 * labelled from zoom ≤ BASE_MAX_ZOOM, and for the zooms above, bands of files each covering a
 * Web-Mercator tile (a quadtree: dense regions get smaller tiles), so a view at zoom 10 fetches
 * the few files under it and nothing else. scripts/build-place-labels.ts writes them.
 *
 * One place per line, tab-separated, in placement order (rank):
 *
 *   rank \t name \t lat \t lon \t minZoom \t flag
 *
 * - rank: the global placement order (min zoom first, then importance); lower is placed first;
 * - flag: 'C' a national capital, 'A' a first-level division's seat, '' otherwise.
 */
import { tileBox, worldX, worldY, type WorldBox } from '../geo/webMercator.ts';

export interface ContextPlace {
  rank: number;
  name: string;
  lat: number;
  lon: number;
  /** World units (see webMercator.ts). */
  x: number;
  y: number;
  minZoom: number;
  flag: '' | 'C' | 'A';
}

/** A file of one band: the Web-Mercator tile it covers and how many places it holds. */
export type LeafTile = readonly [z: number, x: number, y: number, rows: number];

export interface LabelBand {
  /** The band holds the places whose min zoom is in [minZoom, maxZoom]. */
  minZoom: number;
  maxZoom: number;
  leaves: readonly LeafTile[];
}

export interface LabelIndex {
  /** Places with min zoom ≤ base.maxZoom, the whole world. */
  base: { file: string; maxZoom: number; rows: number };
  bands: readonly LabelBand[];
  /** Provenance line. */
  source: string;
}

export function leafFile(band: LabelBand, leaf: LeafTile): string {
  return `cities-${band.minZoom}-${leaf[0]}-${leaf[1]}-${leaf[2]}.tsv`;
}

/** The leaves of a band whose tile meets `box` (world units; x may leave [0, 1] on a wrapped map). */
export function leavesIn(band: LabelBand, box: WorldBox): LeafTile[] {
  const out: LeafTile[] = [];
  for (const leaf of band.leaves) {
    const [x0, y0, x1, y1] = tileBox(leaf[1], leaf[2], leaf[0]);
    if (y1 < box[1] || y0 > box[3]) continue;
    // The same tile one world east or west.
    for (let k = Math.ceil(box[0] - x1); k <= Math.floor(box[2] - x0); k++) {
      out.push(leaf);
      break;
    }
  }
  return out;
}

const FLAGS = new Set(['', 'C', 'A']);

/** Parses a labels file; malformed lines are skipped. */
export function unpackContextPlaces(text: string): ContextPlace[] {
  const out: ContextPlace[] = [];
  for (const line of text.split('\n')) {
    const f = line.split('\t');
    if (f.length < 6) continue;
    const rank = Number(f[0]);
    const lat = Number(f[2]);
    const lon = Number(f[3]);
    const minZoom = Number(f[4]);
    const flag = f[5]!;
    if (!f[1] || !Number.isFinite(rank) || !Number.isFinite(lat) || !Number.isFinite(lon) || !Number.isFinite(minZoom) || !FLAGS.has(flag)) continue;
    out.push({ rank, name: f[1], lat, lon, x: worldX(lon), y: worldY(lat), minZoom, flag: flag as ContextPlace['flag'] });
  }
  return out;
}

/** Packs places into the format above (the build script's half). */
export function packContextPlaces(places: readonly Omit<ContextPlace, 'x' | 'y'>[]): string {
  const trim = (s: string) => s.replace(/\.?0+$/, '');
  return places.map((p) => [p.rank, p.name.replace(/[\t\n\r]+/g, ' '), trim(p.lat.toFixed(3)), trim(p.lon.toFixed(3)), p.minZoom, p.flag].join('\t')).join('\n') + '\n';
}
