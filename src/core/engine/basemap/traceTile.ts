/**
 * Turns the rings that meet one tile into canvas paths in the tile's device pixels, emitting
 * only the vertices the tile can show: a vertex closer than `tolerance` px to the last one kept
 * is dropped (1:50m has far more detail than a low-zoom tile has pixels), and so is a vertex
 * that lies, with the last kept vertex and the next one, beyond the same side of the tile (the
 * path then moves only outside the tile, so neither the fill inside it nor the outline changes).
 */
import { forEachRingIn, type RingSet } from './countryRings.ts';
import { tileBox } from '../geo/webMercator.ts';

/** What a Path2D (or a test's recorder) offers. */
export interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
}

export interface TileFrame {
  x: number;
  y: number;
  /** Grid zoom: the world is 2^z tiles a side (Leaflet's zoom, less one for 512 px tiles). */
  z: number;
  /** Tile edge in device pixels (CSS tile size × devicePixelRatio). */
  size: number;
}

export interface TraceOptions {
  /** Device px: shorter steps are dropped. */
  tolerance?: number;
  /** Device px around the tile still traced exactly, so outlines crossing its edge match the neighbour's. */
  margin?: number;
}

const LEFT = 1;
const RIGHT = 2;
const TOP = 4;
const BOTTOM = 8;

/**
 * Traces every ring meeting the tile into `fill` (closed rings, for an even-odd fill: holes and
 * the enclaves in them come out right) and `stroke` (the same, minus hidden edges). Returns the
 * number of vertices emitted.
 */
export function traceTile(set: RingSet, tile: TileFrame, fill: PathSink, stroke: PathSink, options: TraceOptions = {}): number {
  const tolerance = options.tolerance ?? 0.5;
  const margin = options.margin ?? 2;
  const scale = 2 ** tile.z * tile.size;
  const lo = -margin;
  const hi = tile.size + margin;
  const { xy, start, hidden } = set;
  let emitted = 0;

  forEachRingIn(set, tileBox(tile.x, tile.y, tile.z, margin / scale), (ring, shift) => {
    const ox = (tile.x / 2 ** tile.z - shift) * scale;
    const oy = (tile.y / 2 ** tile.z) * scale;
    const outcode = (px: number, py: number) =>
      (px < lo ? LEFT : px > hi ? RIGHT : 0) | (py < lo ? TOP : py > hi ? BOTTOM : 0);
    const a = start[ring]!;
    const b = start[ring + 1]!;
    let lx = xy[2 * a]! * scale - ox;
    let ly = xy[2 * a + 1]! * scale - oy;
    let lcode = outcode(lx, ly);
    fill.moveTo(lx, ly);
    stroke.moveTo(lx, ly);
    emitted++;
    let closed = true;
    let cx = xy[2 * a + 2]! * scale - ox;
    let cy = xy[2 * a + 3]! * scale - oy;
    let ccode = outcode(cx, cy);
    for (let v = a + 1; v < b; v++) {
      const last = v === b - 1;
      const nx = last ? cx : xy[2 * v + 2]! * scale - ox;
      const ny = last ? cy : xy[2 * v + 3]! * scale - oy;
      const ncode = last ? ccode : outcode(nx, ny);
      const into = hidden[v - 1] === 1;
      const forced = last || into || hidden[v] === 1;
      const near = Math.abs(cx - lx) + Math.abs(cy - ly) < tolerance;
      if (forced || (!near && (lcode & ccode & ncode) === 0)) {
        fill.lineTo(cx, cy);
        if (into) {
          stroke.moveTo(cx, cy);
          closed = false;
        } else stroke.lineTo(cx, cy);
        emitted++;
        lx = cx;
        ly = cy;
        lcode = ccode;
      }
      cx = nx;
      cy = ny;
      ccode = ncode;
    }
    fill.closePath();
    if (closed) stroke.closePath();
  });
  return emitted;
}
