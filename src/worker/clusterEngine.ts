import { buildClusterIndex, clusterMembers, queryClusters, type ClusterIndex, type ClusterQuery } from '../core/engine/cluster/gridClusters.ts';
import type { ClusterRequest, ClusterResponse } from './clusterProtocol.ts';

/**
 * The cluster worker's state machine, without the worker: the worker feeds it messages, and
 * the main thread uses it directly where no Worker exists (tests, or after a worker crash).
 */
export class ClusterEngine {
  private index: ClusterIndex | null = null;
  private mask: Uint8Array | null = null;

  /**
   * One throwaway query under a mask that drops every other point, leaving the state as it
   * was. See ClusterClient.prime.
   */
  prime(view: Omit<ClusterQuery, 'mask'>): void {
    if (!this.index) return;
    const mask = new Uint8Array(this.index.x.length);
    for (let i = 0; i < mask.length; i += 2) mask[i] = 1;
    queryClusters(this.index, { ...view, mask });
  }

  handle(req: ClusterRequest): ClusterResponse | null {
    switch (req.type) {
      case 'load':
        this.index = buildClusterIndex({ lon: req.lon, lat: req.lat, layer: req.layer }, req.layers);
        this.mask = null;
        return null;
      case 'mask':
        this.mask = req.mask;
        return null;
      case 'query': {
        const t0 = performance.now();
        const layers = this.index ? queryClusters(this.index, { ...req.view, mask: this.mask }) : [];
        return { type: 'clusters', requestId: req.requestId, layers, ms: performance.now() - t0 };
      }
      case 'members':
        return {
          type: 'members',
          requestId: req.requestId,
          indices: this.index ? clusterMembers(this.index, req.layer, req.zoom, req.cell, this.mask, req.limit) : new Uint32Array(0),
        };
    }
  }
}
