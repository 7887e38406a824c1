/**
 * Paints one basemap tile: the rings traceTile emits for it, filled (land) and outlined
 * (borders) into a 2D context. Shared by the tile worker (an OffscreenCanvas) and the
 * main-thread fallback (a canvas element), so both draw the same pixels.
 */
import type { RingSet } from './countryRings.ts';
import { traceTile, type PathSink } from './traceTile.ts';

export interface TileStyle {
  /** Land. */
  fill: string;
  /** Borders. */
  stroke: string;
  /** Border width, CSS px. */
  weight: number;
}

/** Where a tile sits: Leaflet's coords (zoom of a 256 px world) and its size. */
export interface TileSpec {
  x: number;
  y: number;
  z: number;
  /** CSS px per side. */
  tileSize: number;
  /** Device pixels per CSS px. */
  dpr: number;
}

/** The 2D context calls painting needs: CanvasRenderingContext2D and its OffscreenCanvas twin. */
export interface TileContext {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  lineJoin: CanvasLineJoin;
  fill(path: Path2D, rule: CanvasFillRule): void;
  stroke(path: Path2D): void;
}

/** Device pixels per side of the tile. */
export function tilePixels(spec: TileSpec): number {
  return Math.round(spec.tileSize * spec.dpr);
}

/**
 * Traces and paints `rings` for the tile into `ctx`, which must be blank (a fresh canvas).
 * `makePath` makes the Path2D objects (injectable where there is none, in tests).
 */
export function paintTile(ctx: TileContext, rings: RingSet, spec: TileSpec, style: TileStyle, makePath: () => Path2D & PathSink = () => new Path2D()): number {
  const size = tilePixels(spec);
  const fill = makePath();
  const stroke = makePath();
  // Leaflet's zoom z is a 256 px world: with bigger tiles the grid has fewer tiles per side.
  const gridZoom = spec.z + Math.log2(256 / spec.tileSize);
  const emitted = traceTile(rings, { x: spec.x, y: spec.y, z: gridZoom, size }, fill, stroke, { margin: Math.ceil(style.weight * spec.dpr) + 2 });
  ctx.fillStyle = style.fill;
  // Even-odd: a country's hole is filled again by the enclave inside it (Lesotho), or stays sea.
  ctx.fill(fill, 'evenodd');
  ctx.strokeStyle = style.stroke;
  ctx.lineWidth = style.weight * spec.dpr;
  ctx.lineJoin = 'round';
  ctx.stroke(stroke);
  return emitted;
}
