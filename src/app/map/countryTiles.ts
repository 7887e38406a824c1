/**
 * The offline basemap as canvas tiles: country polygons are projected once (countryRings.ts)
 * and each tile draws only the rings that meet it (traceTile.ts). The drawing happens in the
 * basemap worker (src/worker/basemap.worker.ts); a tile's canvas only takes the finished
 * bitmap, so a pan or zoom that reveals a dozen tiles costs the main thread almost nothing.
 * Panning only moves finished tiles; nothing is re-projected, clipped or re-simplified at
 * moveend, which is what made the SVG basemap cost 200 ms a frame.
 *
 * World wrap: tiles repeat east and west (GridLayer's default, like the OpenStreetMap layer),
 * so at zoom 2 a wide screen shows the world twice instead of a sea band, and Chukotka and Fiji
 * are whole across the antimeridian (the rings are unwrapped and drawn on both sides of it).
 */
import L from 'leaflet';
import type { BasemapClient } from '../../worker/basemapClient.ts';
import { COARSE_MAX_ZOOM } from '../../core/engine/basemap/countryOutlines.ts';
import type { TileStyle } from '../../core/engine/basemap/paintTile.ts';

export interface CountryTileOptions extends L.GridLayerOptions, TileStyle {}

interface LiveTile {
  canvas: HTMLCanvasElement;
  coords: L.Coords;
  cancel: () => void;
}

export class CountryTiles extends L.GridLayer {
  declare options: CountryTileOptions;
  /** Tiles on the map, so new detail can be drawn into them in place. */
  private readonly live = new Map<HTMLElement, LiveTile>();

  constructor(
    private readonly painter: BasemapClient,
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
    // 1:50m has loaded: tiles above COARSE_MAX_ZOOM drawn from 1:110m meanwhile are drawn
    // again in place (not via redraw(), which would blank them to sea until re-drawn).
    painter.onFine = () => {
      for (const tile of this.live.values()) {
        if (tile.canvas.dataset.drawn !== 'coarse') continue;
        tile.cancel();
        tile.cancel = this.request(tile, () => {});
      }
    };
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
    tile.cancel = this.request(tile, () => done(undefined, canvas));
    this.live.set(canvas, tile);
    return canvas;
  }

  private request(tile: LiveTile, drawn: () => void): () => void {
    const { canvas, coords } = tile;
    const { fill, stroke, weight } = this.options;
    const spec = { x: coords.x, y: coords.y, z: coords.z, tileSize: this.getTileSize().x, dpr: canvas.width / this.getTileSize().x };
    return this.painter.draw(spec, { fill, stroke, weight }, (bitmap, detail) => {
      // The bitmap becomes the canvas' pixels without a copy on this thread.
      const ctx = canvas.getContext('bitmaprenderer');
      if (ctx) ctx.transferFromImageBitmap(bitmap);
      else bitmap.close();
      // Tests and screenshots wait for this; 'coarse' means 1:110m standing in until 1:50m loads.
      canvas.dataset.drawn = coords.z <= COARSE_MAX_ZOOM ? 'final' : detail;
      drawn();
    });
  }
}
