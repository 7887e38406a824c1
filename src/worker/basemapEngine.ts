import { COARSE_MAX_ZOOM, type OutlineDetail } from '../core/engine/basemap/countryOutlines.ts';
import type { RingSet } from '../core/engine/basemap/countryRings.ts';
import { paintTile, type TileContext, type TileSpec } from '../core/engine/basemap/paintTile.ts';
import { createTileQueue, type TileQueue } from './tileQueue.ts';
import type { BasemapRequest, BasemapResponse } from './basemapProtocol.ts';

/** Paints a tile into a blank canvas of its size and hands back the pixels as a bitmap. */
export type TileRenderer = (tile: TileSpec, paint: (ctx: TileContext) => void) => ImageBitmap | Promise<ImageBitmap>;

/**
 * Draws basemap tiles on request, first come first served, skipping cancelled ones. It runs in
 * the basemap worker (OffscreenCanvas), or on the main thread where there is no worker. It
 * loads the outlines itself: 1:110m first, 1:50m after (announced with a 'fine' message).
 */
export class BasemapEngine {
  private coarse: RingSet | null = null;
  private fine: RingSet | null = null;
  /** Requests that arrived before 1:110m loaded. */
  private waiting: Extract<BasemapRequest, { type: 'draw' }>[] = [];
  private readonly jobs = new Map<number, () => void>();

  constructor(
    load: (detail: OutlineDetail) => Promise<RingSet>,
    private readonly render: TileRenderer,
    private readonly send: (res: BasemapResponse) => void,
    private readonly queue: TileQueue = createTileQueue(),
  ) {
    void (async () => {
      this.coarse = await load('coarse');
      const waiting = this.waiting;
      this.waiting = [];
      for (const req of waiting) if (this.jobs.has(req.id)) this.enqueue(req);
      this.fine = await load('fine');
      this.send({ type: 'fine' });
    })();
  }

  handle(req: BasemapRequest): void {
    if (req.type === 'cancel') {
      this.jobs.get(req.id)?.();
      this.jobs.delete(req.id);
      return;
    }
    this.jobs.set(req.id, () => {});
    if (this.coarse) this.enqueue(req);
    else this.waiting.push(req);
  }

  private enqueue(req: Extract<BasemapRequest, { type: 'draw' }>): void {
    const cancel = this.queue.push(() => {
      this.jobs.delete(req.id);
      const coarseZoom = req.tile.z <= COARSE_MAX_ZOOM;
      const rings = coarseZoom ? this.coarse! : (this.fine ?? this.coarse!);
      const detail = coarseZoom || this.fine ? 'final' : 'coarse';
      try {
        const drawn = this.render(req.tile, (ctx) => paintTile(ctx, rings, req.tile, req.style));
        void Promise.resolve(drawn).then(
          (bitmap) => this.send({ type: 'tile', id: req.id, bitmap, detail }),
          (e: unknown) => this.send({ type: 'error', id: req.id, message: String(e) }),
        );
      } catch (e) {
        this.send({ type: 'error', id: req.id, message: e instanceof Error ? e.message : String(e) });
      }
    });
    this.jobs.set(req.id, cancel);
  }
}
