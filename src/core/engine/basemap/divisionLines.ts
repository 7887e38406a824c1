/**
 * First-level division borders (states, provinces, governorates) for the offline basemap:
 * the lines of data/world/divisions.json (scripts/build-divisions.ts), projected once to
 * Web-Mercator world units with a box per line, so a tile draws only the lines that meet it.
 */
import { tileBox, worldX, worldY, type WorldBox } from '../geo/webMercator.ts';
import type { PathSink } from './traceTile.ts';

export interface DivisionData {
  source: string;
  /** Degrees per stored integer. */
  quantum: number;
  /** Per line: lon0, lat0, then deltas, all in quanta. */
  lines: number[][];
  /** name, lat, lon, label zoom (Natural Earth's min_label), country (ISO alpha-2). */
  labels: [string, number, number, number, string][];
}

export interface LineSet {
  xy: Float64Array;
  /** Line i is vertices start[i] … start[i + 1] − 1. */
  start: Uint32Array;
  /** minX, minY, maxX, maxY per line. */
  bbox: Float64Array;
}

export function linesFromData(data: Pick<DivisionData, 'quantum' | 'lines'>): LineSet {
  const total = data.lines.reduce((n, l) => n + l.length / 2, 0);
  const xy = new Float64Array(total * 2);
  const start = new Uint32Array(data.lines.length + 1);
  const bbox = new Float64Array(data.lines.length * 4);
  let v = 0;
  data.lines.forEach((line, i) => {
    start[i] = v;
    let lon = 0;
    let lat = 0;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let k = 0; k + 1 < line.length; k += 2, v++) {
      lon += line[k]!;
      lat += line[k + 1]!;
      const x = worldX(lon * data.quantum);
      const y = worldY(lat * data.quantum);
      xy[2 * v] = x;
      xy[2 * v + 1] = y;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    bbox.set([minX, minY, maxX, maxY], 4 * i);
  });
  start[data.lines.length] = v;
  return { xy, start, bbox };
}

/**
 * Traces the lines meeting a tile (grid zoom z, `size` device px a side) into `sink`, in the
 * tile's pixels, dropping steps shorter than `tolerance` px. Returns the vertices emitted.
 */
export function traceLines(set: LineSet, tile: { x: number; y: number; z: number; size: number }, sink: PathSink, tolerance = 0.75, margin = 2): number {
  const scale = 2 ** tile.z * tile.size;
  const box: WorldBox = tileBox(tile.x, tile.y, tile.z, margin / scale);
  const { xy, start, bbox } = set;
  let emitted = 0;
  const n = start.length - 1;
  for (let i = 0; i < n; i++) {
    if (bbox[4 * i + 3]! < box[1] || bbox[4 * i + 1]! > box[3]) continue;
    const minX = bbox[4 * i]!;
    const maxX = bbox[4 * i + 2]!;
    // Whole-world shifts that bring the line into the tile (a wrapped map repeats it).
    for (let k = Math.ceil(box[0] - maxX); k <= Math.floor(box[2] - minX); k++) {
      const ox = (tile.x / 2 ** tile.z - k) * scale;
      const oy = (tile.y / 2 ** tile.z) * scale;
      const a = start[i]!;
      const b = start[i + 1]!;
      let lx = xy[2 * a]! * scale - ox;
      let ly = xy[2 * a + 1]! * scale - oy;
      sink.moveTo(lx, ly);
      emitted++;
      for (let v = a + 1; v < b; v++) {
        const cx = xy[2 * v]! * scale - ox;
        const cy = xy[2 * v + 1]! * scale - oy;
        if (v < b - 1 && Math.abs(cx - lx) + Math.abs(cy - ly) < tolerance) continue;
        sink.lineTo(cx, cy);
        emitted++;
        lx = cx;
        ly = cy;
      }
    }
  }
  return emitted;
}
