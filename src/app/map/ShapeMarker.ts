import L from 'leaflet';
import type { Shape } from './symbols.ts';
import { drawingContext, type MarkerInternals } from './canvasInternals.ts';
import { changeOffset, drawLeader, projectWithOffset, type Offsettable } from './ClusterMarker.ts';

/**
 * A CircleMarker that draws a star or a square on the canvas renderer. Kind needs its own
 * symbol, and DOM markers (divIcons) would not scale to 100k events; CircleMarker keeps
 * Leaflet's fast canvas hit-testing (a point-in-radius test, which is fine for these shapes).
 */
export interface ShapeMarkerOptions extends L.CircleMarkerOptions {
  shape: Shape;
}

export class ShapeMarker extends L.CircleMarker implements Offsettable {
  readonly shape: Shape;
  /** Drawn this far from its true point (see ClusterMarker's Offsettable), or null. */
  offset: L.Point | null = null;

  setOffset(offset: readonly [number, number] | null): void {
    changeOffset(this, offset);
  }

  _project(): void {
    projectWithOffset(this, this.offset);
  }

  constructor(latlng: L.LatLngExpression, options: ShapeMarkerOptions) {
    super(latlng, options);
    this.shape = options.shape;
  }

  /** Overrides Leaflet's private hook; circles and SVG fall back to the stock drawing. */
  _updatePath(): void {
    if (this.offset !== null) {
      const drawing = drawingContext(this);
      if (drawing) drawLeader(drawing.ctx, drawing.self._point, this.offset, drawing.self._radius, this.options.color === '#ffffff' ? (this.options.fillColor ?? '#4a4a4a') : (this.options.color ?? '#4a4a4a'));
    }
    if (this.shape === 'circle') {
      (L.CircleMarker.prototype as unknown as MarkerInternals)._updatePath.call(this);
      return;
    }
    const drawing = drawingContext(this);
    if (!drawing) return;
    const { ctx, canvas, self } = drawing;
    const { x, y } = self._point;
    const r = Math.max(self._radius, 1);
    ctx.beginPath();
    if (this.shape === 'square') {
      const s = r * 0.9;
      ctx.rect(x - s, y - s, 2 * s, 2 * s);
    } else {
      // Five-pointed star: the "explosion" reading of a strike.
      for (let i = 0; i < 10; i++) {
        const radius = i % 2 === 0 ? r * 1.15 : r * 0.5;
        const a = (Math.PI / 5) * i - Math.PI / 2;
        const px = x + radius * Math.cos(a);
        const py = y + radius * Math.sin(a);
        if (i === 0) ctx.moveTo(px, py);
        else ctx.lineTo(px, py);
      }
      ctx.closePath();
    }
    canvas._fillStroke(ctx, this);
  }
}
