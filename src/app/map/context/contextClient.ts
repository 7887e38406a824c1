import { ContextEngine, type ContextRequest, type ContextResponse, type Surface, type TileRequest } from './contextEngine.ts';
import type { LabelFrame, PlacedLabel } from './labelPainter.ts';

/** Paints on a canvas element on this thread, where workers cannot draw (no OffscreenCanvas). */
function pageSurface(): Surface {
  const canvas = document.createElement('canvas');
  return {
    context(width, height) {
      canvas.width = width;
      canvas.height = height;
      return canvas.getContext('2d') as unknown as ReturnType<Surface['context']>;
    },
    bitmap: () => createImageBitmap(canvas),
  };
}

/**
 * The main thread's handle on the context worker (contextEngine.ts): asks for a view's labels
 * and for division tiles, and hears when new data arrived. Without a worker the same engine runs
 * here.
 */
export class ContextClient {
  /** New towns or divisions arrived: what was drawn before may be incomplete. */
  onData: ((what: 'cities' | 'divisions') => void) | null = null;
  private worker: Worker | null = null;
  private local: ContextEngine | null = null;
  private nextId = 1;
  private readonly labelWaiters = new Map<number, (bitmap: ImageBitmap | null, placed: PlacedLabel[]) => void>();
  private readonly tileWaiters = new Map<number, (bitmap: ImageBitmap, vertices: number) => void>();

  constructor(labelsUrl: string, divisionsUrl: string) {
    if (typeof Worker !== 'undefined' && typeof OffscreenCanvas !== 'undefined') {
      try {
        this.worker = new Worker(new URL('./context.worker.ts', import.meta.url), { type: 'module' });
        this.worker.onmessage = (e: MessageEvent<ContextResponse>) => this.receive(e.data);
      } catch {
        this.worker = null;
      }
    }
    if (!this.worker) this.local = new ContextEngine(pageSurface(), (res) => this.receive(res));
    this.post({ type: 'init', labelsUrl, divisionsUrl });
  }

  labels(frame: LabelFrame, sources: { cities: boolean; divisions: boolean; countries: boolean }, done: (bitmap: ImageBitmap | null, placed: PlacedLabel[]) => void): void {
    const id = this.nextId++;
    this.labelWaiters.set(id, done);
    this.post({ type: 'labels', id, frame, ...sources });
  }

  /** Returns a function that cancels the request. */
  tile(tile: TileRequest, done: (bitmap: ImageBitmap, vertices: number) => void): () => void {
    const id = this.nextId++;
    this.tileWaiters.set(id, done);
    this.post({ type: 'tile', id, tile });
    return () => {
      if (this.tileWaiters.delete(id)) this.post({ type: 'cancel', id });
    };
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    this.labelWaiters.clear();
    this.tileWaiters.clear();
    this.onData = null;
  }

  private post(req: ContextRequest): void {
    if (this.local) this.local.handle(req);
    else this.worker?.postMessage(req);
  }

  private receive(res: ContextResponse): void {
    if (res.type === 'data') {
      this.onData?.(res.what);
      return;
    }
    if (res.type === 'labels') {
      const done = this.labelWaiters.get(res.id);
      this.labelWaiters.delete(res.id);
      if (done) done(res.bitmap, res.placed);
      else res.bitmap?.close();
      return;
    }
    const done = this.tileWaiters.get(res.id);
    this.tileWaiters.delete(res.id);
    if (done) done(res.bitmap, res.vertices);
    else res.bitmap.close();
  }
}
