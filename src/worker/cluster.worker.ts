/// <reference lib="webworker" />
import { ClusterEngine } from './clusterEngine.ts';
import type { ClusterRequest, ClusterResponse } from './clusterProtocol.ts';

/**
 * Clusters the map's points off the main thread: with 1,000,000 events a pass over the points
 * takes tens of milliseconds, which here never blocks a pan or a click.
 */
declare const self: DedicatedWorkerGlobalScope;
const engine = new ClusterEngine();

self.onmessage = (event: MessageEvent<ClusterRequest>) => {
  const req = event.data;
  let res: ClusterResponse | null;
  try {
    res = engine.handle(req);
  } catch (e) {
    res = 'requestId' in req ? { type: 'error', requestId: req.requestId, message: e instanceof Error ? e.message : String(e) } : null;
  }
  if (!res) return;
  const transfer: Transferable[] =
    res.type === 'clusters' ? res.layers.flatMap((l) => [l.lat.buffer, l.lon.buffer, l.count.buffer, l.cell.buffer, l.bounds.buffer, l.singles.buffer]) : res.type === 'members' ? [res.indices.buffer] : [];
  self.postMessage(res, transfer);
};
