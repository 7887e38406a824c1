import type { ClusterQuery, LayerClusters } from '../core/engine/cluster/gridClusters.ts';
import { ClusterEngine } from './clusterEngine.ts';
import type { ClusterRequest, ClusterResponse } from './clusterProtocol.ts';

export interface ClusterPoints {
  lon: Float64Array;
  lat: Float64Array;
  layer: Uint8Array;
  layers: number;
}

/**
 * The main thread's handle on the cluster worker. Queries are latest-wins: when the map moves
 * again before an answer arrives, the older answer resolves to null and is not drawn.
 * Without Worker support, or after the worker crashes, the same engine runs in this thread
 * (slower for huge corpora, never wrong).
 */
/**
 * Up to this many points the client also keeps a copy of the engine in this thread, so that a
 * filter change can be clustered within its own frame (`querySync`, a few ms at 100k) instead
 * of a round trip that lands a frame later. Above it, the worker alone: at 1M points a
 * synchronous pass would hold the page for tens of milliseconds.
 */
export const SYNC_LIMIT = 300_000;

export class ClusterClient {
  private worker: Worker | null = null;
  private local: ClusterEngine | null = null;
  /** The in-thread copy beside the worker, when the points are few enough (see SYNC_LIMIT). */
  private mirror: ClusterEngine | null = null;
  private nextId = 1;
  private latestQuery = 0;
  private readonly pending = new Map<number, { req: ClusterRequest; done: (res: ClusterResponse | null) => void }>();
  /** What the worker was told, replayed into the local engine if the worker dies. */
  private loaded: ClusterRequest | null = null;
  private masked: ClusterRequest | null = null;

  constructor(makeWorker: (() => Worker) | null = typeof Worker === 'undefined' ? null : () => new Worker(new URL('./cluster.worker.ts', import.meta.url), { type: 'module' })) {
    if (makeWorker === null) {
      this.local = new ClusterEngine();
      return;
    }
    try {
      this.worker = makeWorker();
    } catch {
      this.local = new ClusterEngine();
      return;
    }
    this.worker.onmessage = (event: MessageEvent<ClusterResponse>) => {
      const entry = this.pending.get(event.data.requestId);
      this.pending.delete(event.data.requestId);
      entry?.done(event.data);
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.fallBackToLocal();
    };
  }

  /** The corpus' points (copied, so the caller keeps its arrays). */
  load(points: ClusterPoints, syncLimit = SYNC_LIMIT): void {
    this.loaded = { type: 'load', ...points };
    this.masked = null;
    this.post(this.loaded);
    this.mirror = this.worker && points.lon.length <= syncLimit ? new ClusterEngine() : null;
    this.mirror?.handle(this.loaded);
  }

  /** Which points the filter keeps (1) — null keeps all. */
  setMask(mask: Uint8Array | null): void {
    this.masked = { type: 'mask', mask };
    this.post(this.masked);
    this.mirror?.handle(this.masked);
  }

  /**
   * Clusters once, for nothing, in this thread: V8 optimises code only after running it, so
   * the analyst's first filter click took 3–4× longer than the next ones. Call it when idle.
   */
  prime(view: Omit<ClusterQuery, 'mask'>): void {
    (this.local ?? this.mirror)?.prime(view);
  }

  /**
   * Clusters for a view computed in this thread, or null when only the worker holds the points
   * (then use `query`). It supersedes every query still in flight: their answers predate it.
   */
  querySync(view: Omit<ClusterQuery, 'mask'>): { layers: LayerClusters[]; ms: number } | null {
    const engine = this.local ?? this.mirror;
    if (!engine) return null;
    const requestId = this.nextId++;
    this.latestQuery = requestId;
    const res = engine.handle({ type: 'query', requestId, view });
    return res?.type === 'clusters' ? { layers: res.layers, ms: res.ms } : null;
  }

  /** Clusters for a view; null when a newer query superseded this one. */
  async query(view: Omit<ClusterQuery, 'mask'>): Promise<{ layers: LayerClusters[]; ms: number } | null> {
    const requestId = this.nextId++;
    this.latestQuery = requestId;
    const res = await this.request({ type: 'query', requestId, view });
    if (requestId !== this.latestQuery || res?.type !== 'clusters') return null;
    return { layers: res.layers, ms: res.ms };
  }

  async members(layer: number, zoom: number, cell: number, limit: number): Promise<Uint32Array> {
    const res = await this.request({ type: 'members', requestId: this.nextId++, layer, zoom, cell, limit });
    return res?.type === 'members' ? res.indices : new Uint32Array(0);
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const { done } of this.pending.values()) done(null);
    this.pending.clear();
  }

  private post(req: ClusterRequest): void {
    if (this.local) this.local.handle(req);
    else this.worker!.postMessage(req);
  }

  private request(req: ClusterRequest & { requestId: number }): Promise<ClusterResponse | null> {
    if (this.local) return Promise.resolve(this.local.handle(req));
    return new Promise((resolve) => {
      this.pending.set(req.requestId, { req, done: resolve });
      this.worker!.postMessage(req);
    });
  }

  private fallBackToLocal(): void {
    this.worker?.terminate();
    this.worker = null;
    this.local = this.mirror ?? new ClusterEngine();
    this.mirror = null;
    if (this.loaded) this.local.handle(this.loaded);
    if (this.masked) this.local.handle(this.masked);
    // Unanswered requests are answered here rather than lost.
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const { req, done } of waiting) done(this.local.handle(req));
  }
}
