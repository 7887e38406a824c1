import L from 'leaflet';
import { drawingContext } from './canvasInternals.ts';

export interface ClusterMarkerOptions extends L.CircleMarkerOptions {
  label: string;
  square: boolean;
  /** Label size, CSS px. */
  fontPx: number;
}

/**
 * A cluster drawn on the canvas: a disc (a rounded square for bases) with its count in white.
 * DOM markers (divIcons) each become a compositing layer; a few hundred of them made every
 * frame of a pan or zoom cost 80 ms, while on the canvas they cost nothing until redrawn.
 */
export class ClusterMarker extends L.CircleMarker {
  declare options: ClusterMarkerOptions;

  constructor(latlng: L.LatLngExpression, options: ClusterMarkerOptions) {
    super(latlng, options);
  }

  setLabel(label: string, radius: number): void {
    this.options.label = label;
    this.setRadius(radius);
    this.redraw();
  }

  /** Overrides Leaflet's private hook; on SVG (never used here) the stock circle is drawn. */
  _updatePath(): void {
    const drawing = drawingContext(this);
    if (!drawing) return;
    const { ctx, self } = drawing;
    const { x, y } = self._point;
    const r = self._radius;
    const o = this.options;
    ctx.beginPath();
    if (o.square) ctx.roundRect(x - r, y - r, 2 * r, 2 * r, 4);
    else ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.fillStyle = o.fillColor ?? '#333';
    ctx.fill();
    ctx.lineWidth = o.weight ?? 2;
    ctx.strokeStyle = o.color ?? '#fff';
    ctx.stroke();
    ctx.fillStyle = '#fff';
    ctx.font = `600 ${o.fontPx}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(o.label, x, y + 0.5);
  }
}
