import L from 'leaflet';

/**
 * Leaflet's canvas internals that custom-drawn markers use (_renderer, _ctx, _point,
 * _fillStroke). They are not in its typings, hence these narrow types; they have been stable
 * since Leaflet 1.0.
 */
export interface CanvasInternals {
  _drawing: boolean;
  _ctx: CanvasRenderingContext2D;
  _fillStroke(ctx: CanvasRenderingContext2D, layer: L.Path): void;
}

export interface MarkerInternals {
  _renderer: unknown;
  _point: L.Point;
  _radius: number;
  _empty(): boolean;
  _updatePath(): void;
}

/**
 * The context to draw `marker` into, or null when Leaflet is not drawing it now (off screen,
 * or a redraw pass for other layers). On a non-canvas renderer, draws the stock circle and
 * returns null.
 */
export function drawingContext(marker: L.CircleMarker): { ctx: CanvasRenderingContext2D; canvas: CanvasInternals; self: MarkerInternals } | null {
  const self = marker as unknown as MarkerInternals;
  const renderer = self._renderer;
  if (!(renderer instanceof L.Canvas)) {
    (L.CircleMarker.prototype as unknown as MarkerInternals)._updatePath.call(marker);
    return null;
  }
  const canvas = renderer as unknown as CanvasInternals;
  if (!canvas._drawing || self._empty()) return null;
  return { ctx: canvas._ctx, canvas, self };
}
