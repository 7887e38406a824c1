/**
 * First-level division borders as canvas tiles under the data, drawn by the context worker
 * (contextEngine.ts) from data/world/divisions.json: a tile's canvas only takes the bitmap.
 */
import L from 'leaflet';
import type { ContextClient } from './contextClient.ts';

/** Borders from this zoom (names: divisionData.ts). */
export const DIVISION_MIN_ZOOM = 5;

export interface DivisionTileOptions extends L.GridLayerOptions {
  colour: string;
  weight: number;
}

export class DivisionTiles extends L.GridLayer {
  declare options: DivisionTileOptions;
  private readonly cancels = new Map<HTMLElement, () => void>();

  constructor(private readonly client: ContextClient, options: DivisionTileOptions) {
    // Tiles are asked for when a move ends, not during pans or at each level of a zoom: each
    // costs the worker tens of ms of CPU that the move's own frames need.
    super({ tileSize: 512, minZoom: DIVISION_MIN_ZOOM, updateWhenIdle: true, updateWhenZooming: false, ...options });
    this.on('tileunload', (e) => {
      const tile = (e as L.TileEvent).tile;
      this.cancels.get(tile)?.();
      this.cancels.delete(tile);
    });
  }

  protected override createTile(coords: L.Coords, done: L.DoneCallback): HTMLElement {
    const canvas = document.createElement('canvas');
    canvas.className = 'division-tile';
    const size = this.getTileSize().x;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = canvas.height = Math.round(size * dpr);
    // Leaflet's zoom z is a 256 px world: with 512 px tiles the grid has half as many per side.
    const tile = { x: coords.x, y: coords.y, z: coords.z + Math.log2(256 / size), size: canvas.width, colour: this.options.colour, weight: this.options.weight, dpr };
    const cancel = this.client.tile(tile, (bitmap, vertices) => {
      this.cancels.delete(canvas);
      const ctx = canvas.getContext('bitmaprenderer');
      if (ctx) ctx.transferFromImageBitmap(bitmap);
      else bitmap.close();
      canvas.dataset.vertices = String(vertices);
      done(undefined, canvas);
    });
    this.cancels.set(canvas, cancel);
    return canvas;
  }
}
