/// <reference lib="webworker" />
import { loadCountryRings } from '../core/engine/basemap/countryOutlines.ts';
import { tilePixels, type TileContext } from '../core/engine/basemap/paintTile.ts';
import { BasemapEngine } from './basemapEngine.ts';
import type { BasemapRequest, BasemapResponse } from './basemapProtocol.ts';

/**
 * Draws the basemap's canvas tiles off the main thread: tracing and filling 1:50m country
 * outlines takes a few milliseconds per tile, and a zoom reveals a dozen tiles at once, which
 * on the main thread dropped frames of the pan or zoom that revealed them. Tiles go back as
 * ImageBitmaps (transferred, not copied).
 */
declare const self: DedicatedWorkerGlobalScope;

/** One canvas per tile size, reused: transferToImageBitmap leaves it blank for the next tile. */
const canvases = new Map<number, OffscreenCanvas>();

const engine = new BasemapEngine(
  loadCountryRings,
  (tile, paint) => {
    const size = tilePixels(tile);
    let canvas = canvases.get(size);
    if (!canvas) canvases.set(size, (canvas = new OffscreenCanvas(size, size)));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D context on OffscreenCanvas');
    paint(ctx as unknown as TileContext);
    return canvas.transferToImageBitmap();
  },
  (res: BasemapResponse) => self.postMessage(res, res.type === 'tile' ? [res.bitmap] : []),
);

self.onmessage = (event: MessageEvent<BasemapRequest>) => engine.handle(event.data);
