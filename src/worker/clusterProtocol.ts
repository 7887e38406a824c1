import type { ClusterQuery, LayerClusters } from '../core/engine/cluster/gridClusters.ts';

/**
 * Messages to the cluster worker. A worker answers in the order it receives, so a `query`
 * sent after `load` and `mask` always sees them: no versions are needed for consistency.
 */
export type ClusterRequest =
  | { type: 'load'; lon: Float64Array; lat: Float64Array; layer: Uint8Array; layers: number }
  | { type: 'mask'; mask: Uint8Array | null }
  | { type: 'query'; requestId: number; view: Omit<ClusterQuery, 'mask'> }
  | { type: 'members'; requestId: number; layer: number; zoom: number; cell: number; limit: number };

export type ClusterResponse =
  | { type: 'clusters'; requestId: number; layers: LayerClusters[]; ms: number }
  | { type: 'members'; requestId: number; indices: Uint32Array }
  | { type: 'error'; requestId: number; message: string };
