import L from 'leaflet';
import { drawingContext, type MarkerInternals } from './canvasInternals.ts';

/** Leaflet's private projection hooks, which an offset symbol extends. */
interface ProjectInternals extends MarkerInternals {
  _map: L.Map | null;
  _latlng: L.LatLng;
  _pxBounds: L.Bounds;
  _project(): void;
  _updateBounds(): void;
}

/**
 * A symbol drawn `offset` screen pixels away from its true point, with a thin leader line back
 * to it: a place that would be drawn under a strike's star is drawn beside it instead (nothing
 * hides another thing). Clicks and the redraw region follow the drawn symbol and its line.
 */
export interface Offsettable {
  offset: L.Point | null;
  setOffset(offset: readonly [number, number] | null): void;
}

/** `_project` for an offset symbol: the drawn point moves, the bounds keep the true point. */
export function projectWithOffset(marker: L.CircleMarker, offset: L.Point | null): void {
  const self = marker as unknown as ProjectInternals;
  (L.CircleMarker.prototype as unknown as ProjectInternals)._project.call(self);
  if (offset === null) return;
  const truePoint = self._point;
  self._point = truePoint.add(offset);
  self._updateBounds();
  self._pxBounds = self._pxBounds.extend(truePoint);
}

/** Sets an offset (null: none) and redraws when it changed. */
export function changeOffset(marker: L.CircleMarker & Offsettable, next: readonly [number, number] | null): void {
  const same = next === null ? marker.offset === null : marker.offset !== null && marker.offset.x === next[0] && marker.offset.y === next[1];
  if (same) return;
  marker.offset = next === null ? null : L.point(next[0], next[1]);
  if ((marker as unknown as ProjectInternals)._map) marker.redraw();
}

/** The leader line from the true point to an offset symbol's edge. */
export function drawLeader(ctx: CanvasRenderingContext2D, at: L.Point, offset: L.Point | null, radius: number, colour: string): void {
  if (offset === null) return;
  const length = Math.hypot(offset.x, offset.y);
  if (length <= radius) return;
  const k = (length - radius) / length;
  ctx.beginPath();
  ctx.moveTo(at.x - offset.x, at.y - offset.y);
  ctx.lineTo(at.x - offset.x + offset.x * k, at.y - offset.y + offset.y * k);
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = colour;
  ctx.stroke();
}

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
export class ClusterMarker extends L.CircleMarker implements Offsettable {
  declare options: ClusterMarkerOptions;
  offset: L.Point | null = null;

  setOffset(offset: readonly [number, number] | null): void {
    changeOffset(this, offset);
  }

  _project(): void {
    projectWithOffset(this, this.offset);
  }

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
    drawLeader(ctx, self._point, this.offset, r, o.fillColor ?? '#333');
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
