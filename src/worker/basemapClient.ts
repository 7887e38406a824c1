import { loadCountryRings } from '../core/engine/basemap/countryOutlines.ts';
import { tilePixels, type TileContext, type TileSpec, type TileStyle } from '../core/engine/basemap/paintTile.ts';
import { BasemapEngine, type TileRenderer } from './basemapEngine.ts';
import type { BasemapRequest, BasemapResponse } from './basemapProtocol.ts';

export type TileDrawn = (bitmap: ImageBitmap, detail: 'coarse' | 'final') => void;

/** Paints on a canvas element in this thread, for browsers without OffscreenCanvas in workers. */
const renderOnPage: TileRenderer = (tile, paint) => {
  const size = tilePixels(tile);
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D context');
  paint(ctx as unknown as TileContext);
  return createImageBitmap(canvas);
};

function canDrawInWorker(): boolean {
  return typeof Worker !== 'undefined' && typeof OffscreenCanvas !== 'undefined';
}

/**
 * The main thread's handle on the basemap tile worker: asks for tiles, cancels those that left
 * the map, and hears when 1:50m outlines are ready. Without a worker (or after it crashes)
 * the same engine draws in this thread, a few milliseconds per task.
 */
export class BasemapClient {
  /** Called once 1:50m outlines are loaded: tiles drawn 'coarse' can then be drawn again. */
  onFine: (() => void) | null = null;
  private worker: Worker | null = null;
  private local: BasemapEngine | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { req: Extract<BasemapRequest, { type: 'draw' }>; done: TileDrawn }>();

  constructor(
    makeWorker: (() => Worker) | null = canDrawInWorker() ? () => new Worker(new URL('./basemap.worker.ts', import.meta.url), { type: 'module' }) : null,
    private readonly makeLocal: (send: (res: BasemapResponse) => void) => BasemapEngine = (send) => new BasemapEngine(loadCountryRings, renderOnPage, send),
  ) {
    if (makeWorker === null) {
      this.local = this.makeLocal((res) => this.receive(res));
      return;
    }
    try {
      this.worker = makeWorker();
    } catch {
      this.local = this.makeLocal((res) => this.receive(res));
      return;
    }
    this.worker.onmessage = (event: MessageEvent<BasemapResponse>) => this.receive(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.fallBackToLocal();
    };
  }

  /** Asks for a tile; `done` gets its pixels. Returns a function that cancels the request. */
  draw(tile: TileSpec, style: TileStyle, done: TileDrawn): () => void {
    const req = { type: 'draw' as const, id: this.nextId++, tile, style };
    this.pending.set(req.id, { req, done });
    this.post(req);
    return () => {
      if (!this.pending.delete(req.id)) return;
      this.post({ type: 'cancel', id: req.id });
    };
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    this.pending.clear();
    this.onFine = null;
  }

  private receive(res: BasemapResponse): void {
    if (res.type === 'fine') {
      this.onFine?.();
      return;
    }
    const entry = this.pending.get(res.id);
    this.pending.delete(res.id);
    if (res.type === 'tile') {
      if (entry) entry.done(res.bitmap, res.detail);
      // Cancelled while on its way back: free the pixels now rather than at GC.
      else res.bitmap.close();
    }
  }

  private post(req: BasemapRequest): void {
    if (this.local) this.local.handle(req);
    else this.worker?.postMessage(req);
  }

  private fallBackToLocal(): void {
    this.worker?.terminate();
    this.worker = null;
    this.local = this.makeLocal((res) => this.receive(res));
    // Unanswered tiles are asked again here rather than left blank.
    for (const { req } of this.pending.values()) this.local.handle(req);
  }
}
