import type { TileSpec, TileStyle } from '../core/engine/basemap/paintTile.ts';

/** Main thread → basemap tile worker. */
export type BasemapRequest =
  | { type: 'draw'; id: number; tile: TileSpec; style: TileStyle }
  /** The tile left the map before it was drawn: skip it. */
  | { type: 'cancel'; id: number };

/**
 * Basemap tile worker → main thread. `detail` is 'coarse' when 1:110m stood in for 1:50m
 * (not loaded yet); 'fine' follows once 1:50m is, so such tiles can be drawn again.
 */
export type BasemapResponse =
  | { type: 'tile'; id: number; bitmap: ImageBitmap; detail: 'coarse' | 'final' }
  | { type: 'fine' }
  | { type: 'error'; id: number; message: string };
