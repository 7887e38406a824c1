/**
 * The offline basemap as canvas tiles: country polygons are projected once (countryRings.ts)
 * and each tile draws only the rings that meet it (traceTile.ts), queued so no frame draws
 * more than a few tiles. Panning only moves finished tiles; nothing is re-projected, clipped
 * or re-simplified at moveend, which is what made the SVG basemap cost 200 ms a frame.
 *
 * World wrap: tiles repeat east and west (GridLayer's default, like the OpenStreetMap layer),
 * so at zoom 2 a wide screen shows the world twice instead of a sea band, and Chukotka and Fiji
 * are whole across the antimeridian (the rings are unwrapped and drawn on both sides of it).
 */
import L from 'leaflet';
import type { RingSet } from './countryRings.ts';
import { createTileQueue, type TileQueue } from './tileQueue.ts';
import { traceTile } from './traceTile.ts';

/** At and below this zoom 1:110m outlines are exact to a pixel; above it 1:50m is needed. */
export const COARSE_MAX_ZOOM = 3;

export interface CountryTileOptions extends L.GridLayerOptions {
  fill: string;
  stroke: string;
  /** Outline width, CSS px. */
  weight: number;
}

interface LiveTile {
  canvas: HTMLCanvasElement;
  coords: L.Coords;
  cancel: () => void;
}

export class CountryTiles extends L.GridLayer {
  declare options: CountryTileOptions;
  private fine: RingSet | null = null;
  private readonly queue: TileQueue = createTileQueue();
  /** Tiles on the map, so new detail can be drawn into them in place. */
  private readonly live = new Map<HTMLElement, LiveTile>();

  constructor(
    private readonly coarse: RingSet,
    options: CountryTileOptions,
  ) {
    // 512 px tiles: a quarter as many canvases to allocate, queue and composite as 256 px
    // ones, for the same pixels; one still draws in a few milliseconds.
    super({ tileSize: 512, ...options });
    this.on('tileunload', (e) => {
      const tile = (e as L.TileEvent).tile;
      this.live.get(tile)?.cancel();
      this.live.delete(tile);
    });
  }

  /**
   * Supplies the 1:50m rings once loaded. Tiles already showing a zoom above COARSE_MAX_ZOOM are
   * redrawn in place (not via redraw(), which would blank them to sea until re-drawn).
   */
  setFine(rings: RingSet): void {
    this.fine = rings;
    for (const tile of this.live.values()) {
      if (tile.coords.z <= COARSE_MAX_ZOOM) continue;
      tile.cancel();
      tile.cancel = this.queue.push(() => this.draw(tile.canvas, tile.coords));
    }
  }

  protected override createTile(coords: L.Coords, done: L.DoneCallback): HTMLElement {
    const canvas = document.createElement('canvas');
    const size = this.getTileSize();
    // Device pixels, so outlines stay crisp on high-DPI screens.
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(size.x * dpr);
    canvas.height = Math.round(size.y * dpr);
    canvas.className = 'basemap-tile';
    const tile: LiveTile = { canvas, coords, cancel: () => {} };
    tile.cancel = this.queue.push(() => {
      this.draw(canvas, coords);
      done(undefined, canvas);
    });
    this.live.set(canvas, tile);
    return canvas;
  }

  private draw(canvas: HTMLCanvasElement, coords: L.Coords): void {
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const rings = coords.z <= COARSE_MAX_ZOOM ? this.coarse : (this.fine ?? this.coarse);
    const size = canvas.width;
    const tileSize = this.getTileSize().x;
    const dpr = size / tileSize;
    const fill = new Path2D();
    const stroke = new Path2D();
    // Leaflet's zoom z is a 256 px world: with bigger tiles the grid has fewer tiles per side.
    const gridZoom = coords.z + Math.log2(256 / tileSize);
    traceTile(rings, { x: coords.x, y: coords.y, z: gridZoom, size }, fill, stroke, { margin: Math.ceil(this.options.weight * dpr) + 2 });
    // A fresh canvas is blank already; only a redraw (1:50m arriving) has something to clear.
    if (canvas.dataset.drawn) ctx.clearRect(0, 0, size, canvas.height);
    ctx.fillStyle = this.options.fill;
    // Even-odd: a country's hole is filled again by the enclave inside it (Lesotho), or stays sea.
    ctx.fill(fill, 'evenodd');
    ctx.strokeStyle = this.options.stroke;
    ctx.lineWidth = this.options.weight * dpr;
    ctx.lineJoin = 'round';
    ctx.stroke(stroke);
    // Tests and screenshots wait for this; 'coarse' means 1:110m standing in until 1:50m loads.
    canvas.dataset.drawn = coords.z <= COARSE_MAX_ZOOM || this.fine ? 'final' : 'coarse';
  }
}
