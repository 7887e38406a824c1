/**
 * Country rings projected once to Web-Mercator world units (see webMercator.ts), in flat typed
 * arrays with a bounding box per ring: drawing a tile then only reads the rings whose box meets
 * it, and nothing is re-projected when the map pans or zooms.
 */
import type { GeoJsonProperties } from 'geojson';
import type { GeometryObject, Topology } from 'topojson-specification';
import { worldX, worldY, type WorldBox } from '../geo/webMercator.ts';

export interface RingSet {
  /** x,y pairs in world units. x may leave [0, 1] where a ring crosses the antimeridian. */
  xy: Float64Array;
  /** Ring i is vertices start[i] … start[i + 1] − 1 (so length = rings + 1). */
  start: Uint32Array;
  /** minX, minY, maxX, maxY per ring; every ring has minX in [0, 1). */
  bbox: Float64Array;
  /** 1 where the edge from vertex v to v + 1 is not a real border (the clamped pole edge). */
  hidden: Uint8Array;
}

/** Edges along the clamped top or bottom of the square are where Mercator cut the ring. */
const NORTH_EDGE = worldY(90);
const SOUTH_EDGE = worldY(-90);

/** The polygons' rings, as lists of arc indexes (TopoJSON: ~i is arc i reversed). */
function collectRings(geometry: GeometryObject<GeoJsonProperties>, out: number[][]): void {
  if (geometry.type === 'Polygon') out.push(...geometry.arcs);
  else if (geometry.type === 'MultiPolygon') for (const p of geometry.arcs) out.push(...p);
  else if (geometry.type === 'GeometryCollection') for (const g of geometry.geometries) collectRings(g, out);
}

/** Every arc decoded (delta + transform) and projected once: neighbours share their border arc. */
function projectArcs(topology: Topology): Float64Array[] {
  const [sx, sy] = topology.transform?.scale ?? [1, 1];
  const [tx, ty] = topology.transform?.translate ?? [0, 0];
  const quantized = topology.transform !== undefined;
  return topology.arcs.map((arc) => {
    const out = new Float64Array(arc.length * 2);
    let qx = 0;
    let qy = 0;
    arc.forEach((p, i) => {
      if (quantized) {
        qx += p[0]!;
        qy += p[1]!;
      } else {
        qx = p[0]!;
        qy = p[1]!;
      }
      out[2 * i] = worldX(qx * sx + tx);
      out[2 * i + 1] = worldY(qy * sy + ty);
    });
    return out;
  });
}

/**
 * Makes a ring's x continuous (world-atlas rings cross the antimeridian, e.g. Chukotka and Fiji,
 * with jumps of a whole world) and moves the ring by whole worlds so its minX is in [0, 1).
 * Returns [minX, maxX].
 */
function unwrap(xy: Float64Array, from: number, to: number): [number, number] {
  let shift = 0;
  let prev = xy[2 * from]!;
  let minX = prev;
  let maxX = prev;
  for (let v = from + 1; v < to; v++) {
    const raw = xy[2 * v]!;
    if (raw - prev > 0.5) shift -= 1;
    else if (raw - prev < -0.5) shift += 1;
    prev = raw;
    const x = raw + shift;
    xy[2 * v] = x;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
  }
  const k = Math.floor(minX);
  if (k !== 0) for (let v = from; v < to; v++) xy[2 * v] = xy[2 * v]! - k;
  return [minX - k, maxX - k];
}

/** Projects every ring of `topology.objects[object]` into a RingSet. */
export function ringsFromTopology(topology: Topology, object: string): RingSet {
  const root = topology.objects[object];
  if (!root) throw new Error(`topology has no object "${object}"`);
  const arcs = projectArcs(topology);
  const rings: number[][] = [];
  collectRings(root, rings);

  // Arcs are joined end to start, so each arc after the first adds its length − 1 vertices.
  const start = new Uint32Array(rings.length + 1);
  let total = 0;
  rings.forEach((ring, i) => {
    start[i] = total;
    ring.forEach((a, j) => (total += arcs[a < 0 ? ~a : a]!.length / 2 - (j > 0 ? 1 : 0)));
  });
  start[rings.length] = total;

  const xy = new Float64Array(total * 2);
  const bbox = new Float64Array(rings.length * 4);
  const hidden = new Uint8Array(total);
  rings.forEach((ring, i) => {
    let v = start[i]!;
    ring.forEach((a, j) => {
      const arc = arcs[a < 0 ? ~a : a]!;
      const n = arc.length / 2;
      for (let p = j > 0 ? 1 : 0; p < n; p++, v++) {
        const q = a < 0 ? n - 1 - p : p;
        xy[2 * v] = arc[2 * q]!;
        xy[2 * v + 1] = arc[2 * q + 1]!;
      }
    });
    const from = start[i]!;
    const to = start[i + 1]!;
    const [minX, maxX] = unwrap(xy, from, to);
    let minY = Infinity;
    let maxY = -Infinity;
    for (let u = from; u < to; u++) {
      const y = xy[2 * u + 1]!;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      const next = xy[2 * u + 3];
      if (u + 1 < to && next === y && (y === SOUTH_EDGE || y === NORTH_EDGE)) hidden[u] = 1;
    }
    bbox.set([minX, minY, maxX, maxY], 4 * i);
  });
  return { xy, start, bbox, hidden };
}

/**
 * Calls `visit(ring, shift)` for every ring whose box meets `box`, once per whole-world shift
 * that brings it there: a ring crossing the antimeridian is drawn on both sides of it.
 */
export function forEachRingIn(set: RingSet, box: WorldBox, visit: (ring: number, shift: number) => void): void {
  const [x0, y0, x1, y1] = box;
  const { bbox } = set;
  const n = set.start.length - 1;
  for (let i = 0; i < n; i++) {
    const minY = bbox[4 * i + 1]!;
    const maxY = bbox[4 * i + 3]!;
    if (maxY < y0 || minY > y1) continue;
    const minX = bbox[4 * i]!;
    const maxX = bbox[4 * i + 2]!;
    // Shifted by k worlds the ring spans [minX + k, maxX + k]; it meets [x0, x1] for these k.
    for (let k = Math.ceil(x0 - maxX); k <= Math.floor(x1 - minX); k++) visit(i, k);
  }
}
