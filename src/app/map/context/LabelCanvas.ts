/**
 * Context labels (towns and cities, first-level divisions) on one canvas over the view, placed
 * so that none overlaps another or a country label (placeLabels.ts): candidates come from
 * sources (cityLabels.ts, divisionData.ts), only those the view and zoom admit, and are placed
 * in order of importance against a spatial hash of the boxes already placed.
 *
 * It moves like Leaflet's own canvas renderer: nothing is drawn while the map pans (the canvas
 * moves with the map pane, a padded view wide) or zooms (it is scaled with the animation);
 * labels are placed and drawn once per moveend, a few milliseconds. Drawn off screen and shown
 * as a bitmap where the browser can (as dataCanvas.ts does, for the same reason: no copy of a
 * view-sized canvas to the compositor at the next frame).
 */
import L from 'leaflet';
import type { WorldBox } from '../../../core/engine/geo/webMercator.ts';
import { BoxGrid } from '../../../core/engine/basemap/placeLabels.ts';
import { DOT_RADIUS, LABEL_GAP, LABEL_PAD } from '../../../core/engine/basemap/labelStyle.ts';
import { canPresentBitmaps } from '../dataCanvas.ts';

export type LabelKind = 'capital' | 'city' | 'town' | 'division' | 'country';

export interface LabelCandidate {
  /** World units; x may be shifted by whole worlds. */
  x: number;
  y: number;
  text: string;
  kind: LabelKind;
  /** Placement order: tier first, then rank (both ascending). */
  tier: number;
  rank: number;
  /** Placed (kept clear of) but not drawn: country labels are DOM markers of their own. */
  obstacle?: boolean;
}

/** Where a label's text sits: centred on its point (no dot), or beside its dot. */
type Anchor = 'center' | 'right' | 'left' | 'above' | 'below';

export interface LabelSource {
  /** Candidates inside `box` (world units) at this zoom. Called once per placement. */
  candidates(zoom: number, box: WorldBox): LabelCandidate[];
}

export interface PlacedLabel {
  text: string;
  kind: LabelKind;
  /** Layer pixels: x0, y0, x1, y1. */
  box: [number, number, number, number];
}

interface Font {
  font: string;
  colour: string;
  /** Height of the text box, CSS px. */
  height: number;
  dot: number;
  upper?: boolean;
}

const FONTS: Record<LabelKind, Font> = {
  capital: { font: '600 12px system-ui, sans-serif', colour: '#1f2428', height: 14, dot: DOT_RADIUS + 1 },
  city: { font: '11px system-ui, sans-serif', colour: '#2c3338', height: 13, dot: DOT_RADIUS },
  town: { font: '10px system-ui, sans-serif', colour: '#3d464d', height: 12, dot: DOT_RADIUS - 0.5 },
  division: { font: '500 10px system-ui, sans-serif', colour: '#7a6a86', height: 12, dot: 0, upper: true },
  // As .country-label in app.css (11px, letter-spacing 0.03em), a little wider to be safe.
  country: { font: '11px system-ui, sans-serif', colour: '', height: 14, dot: 0 },
};

/** The land colour (Basemap.tsx), as a halo that keeps text legible over borders. */
const HALO = 'rgba(244, 241, 234, 0.92)';
const PADDING = 0.15;

export class LabelCanvas extends L.Layer {
  readonly sources = new Map<string, LabelSource>();
  private canvas: HTMLCanvasElement | null = null;
  private drawing: OffscreenCanvas | null = null;
  private shown: ImageBitmapRenderingContext | null = null;
  private ctx: CanvasRenderingContext2D | null = null;
  private readonly widths = new Map<string, number>();
  private center: L.LatLng | null = null;
  private zoom = 0;
  /** What the last placement drew (tests read it from the canvas element). */
  placed: PlacedLabel[] = [];

  constructor(private readonly paneName: string) {
    super({ pane: paneName });
  }

  setSource(name: string, source: LabelSource | null): void {
    if (source) this.sources.set(name, source);
    else this.sources.delete(name);
    this.redraw();
  }

  override onAdd(map: L.Map): this {
    const canvas = (this.canvas = L.DomUtil.create('canvas', 'context-labels leaflet-zoom-animated') as HTMLCanvasElement);
    canvas.style.pointerEvents = 'none';
    if (canPresentBitmaps()) {
      this.drawing = new OffscreenCanvas(1, 1);
      this.shown = canvas.getContext('bitmaprenderer');
      this.ctx = this.drawing.getContext('2d') as unknown as CanvasRenderingContext2D;
    } else {
      this.ctx = canvas.getContext('2d');
    }
    map.getPane(this.paneName)!.appendChild(canvas);
    this.redraw();
    return this;
  }

  override onRemove(): this {
    this.canvas?.remove();
    this.canvas = null;
    this.drawing = null;
    this.shown = null;
    this.ctx = null;
    this.placed = [];
    return this;
  }

  override getEvents(): { [name: string]: L.LeafletEventHandlerFn } {
    return { moveend: this.redraw, viewreset: this.redraw, zoom: this.onZoom, zoomanim: this.onAnimZoom as L.LeafletEventHandlerFn };
  }

  /** Places and draws the labels for the current view. */
  redraw(): void {
    const map = this._map as (L.Map & { _animatingZoom?: boolean }) | undefined;
    const canvas = this.canvas;
    const ctx = this.ctx;
    if (!map || !canvas || !ctx || map._animatingZoom) return;
    const size = map.getSize();
    const min = map.containerPointToLayerPoint(size.multiplyBy(-PADDING)).round();
    const dims = size.multiplyBy(1 + 2 * PADDING).round();
    this.center = map.getCenter();
    this.zoom = map.getZoom();
    L.DomUtil.setTransform(canvas, min, 1);

    const zoom = this.zoom;
    const scale = 256 * 2 ** zoom;
    const origin = map.getPixelOrigin();
    // The padded view in world units, and the world copy nearest its centre.
    const box: WorldBox = [(min.x + origin.x) / scale, (min.y + origin.y) / scale, (min.x + origin.x + dims.x) / scale, (min.y + origin.y + dims.y) / scale];
    const midX = (box[0] + box[2]) / 2;
    const all: LabelCandidate[] = [];
    for (const source of this.sources.values()) for (const c of source.candidates(zoom, box)) all.push(c);
    all.sort((a, b) => a.tier - b.tier || a.rank - b.rank);

    const m = L.Browser.retina ? 2 : 1;
    const target = this.drawing ?? canvas;
    target.width = dims.x * m;
    target.height = dims.y * m;
    canvas.style.width = `${dims.x}px`;
    canvas.style.height = `${dims.y}px`;
    canvas.hidden = all.length === 0;
    ctx.setTransform(m, 0, 0, m, 0, 0);

    const grid = new BoxGrid(96);
    const placed: PlacedLabel[] = [];
    const toDraw: { c: LabelCandidate; px: number; py: number; anchor: Anchor; text: string; rise: number }[] = [];
    for (const c of all) {
      const f = FONTS[c.kind];
      const text = f.upper ? c.text.toUpperCase() : c.text;
      const width = this.measure(ctx, f.font, text) * (c.kind === 'country' ? 1.08 : 1);
      const px = (c.x - Math.round(c.x - midX)) * scale - origin.x;
      const py = c.y * scale - origin.y;
      const half = f.height / 2 + LABEL_PAD;
      if (c.obstacle || f.dot === 0) {
        const x0 = px - width / 2 - LABEL_PAD;
        const x1 = px + width / 2 + LABEL_PAD;
        if (!grid.tryAdd(x0, py - half, x1, py + half)) continue;
        if (!c.obstacle) {
          placed.push({ text: c.text, kind: c.kind, box: [x0, py - half, x1, py + half] });
          toDraw.push({ c, px, py, anchor: 'center', text, rise: 0 });
        }
        continue;
      }
      // A dot at the place and the name to its right; else to its left, above or below.
      const reach = f.dot + LABEL_GAP + width + LABEL_PAD;
      const near = f.dot + LABEL_PAD;
      const w2 = width / 2 + LABEL_PAD;
      const rise = f.dot + LABEL_GAP / 2 + half;
      const spots: [Anchor, [number, number, number, number]][] = [
        ['right', [px - near, py - half, px + reach, py + half]],
        ['left', [px - reach, py - half, px + near, py + half]],
        ['above', [Math.min(px - w2, px - near), py - rise - half, Math.max(px + w2, px + near), py + near]],
        ['below', [Math.min(px - w2, px - near), py - near, Math.max(px + w2, px + near), py + rise + half]],
      ];
      const spot = spots.find(([, b]) => grid.tryAdd(...b));
      if (!spot) continue;
      placed.push({ text: c.text, kind: c.kind, box: spot[1] });
      toDraw.push({ c, px, py, anchor: spot[0], text, rise });
    }

    ctx.translate(-min.x, -min.y);
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    for (const { c, px, py, anchor, text, rise } of toDraw) {
      const f = FONTS[c.kind];
      ctx.font = f.font;
      if (f.dot > 0) {
        // A ring with a white middle: a symbol drawn over the place still shows its own colour.
        ctx.beginPath();
        ctx.arc(px, py, f.dot, 0, 2 * Math.PI);
        ctx.fillStyle = '#ffffff';
        ctx.fill();
        ctx.lineWidth = c.kind === 'capital' ? 1.4 : 1;
        ctx.strokeStyle = '#4a5258';
        ctx.stroke();
      }
      ctx.textAlign = anchor === 'right' ? 'left' : anchor === 'left' ? 'right' : 'center';
      const tx = anchor === 'right' ? px + f.dot + LABEL_GAP : anchor === 'left' ? px - f.dot - LABEL_GAP : px;
      const ty = anchor === 'above' ? py - rise : anchor === 'below' ? py + rise : py;
      ctx.strokeStyle = HALO;
      ctx.lineWidth = 3;
      ctx.strokeText(text, tx, ty);
      ctx.fillStyle = f.colour;
      ctx.fillText(text, tx, ty);
    }
    if (this.drawing && this.shown) this.shown.transferFromImageBitmap(this.drawing.transferToImageBitmap());
    this.placed = placed;
    canvas.dataset.labels = String(placed.length);
    canvas.dataset.zoom = String(zoom);
    (canvas as HTMLCanvasElement & { newsmapLabels?: PlacedLabel[] }).newsmapLabels = placed;
    this.fire('drawn');
  }

  private measure(ctx: CanvasRenderingContext2D, font: string, text: string): number {
    const key = `${font}|${text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      ctx.font = font;
      w = ctx.measureText(text).width;
      this.widths.set(key, w);
    }
    return w;
  }

  private onZoom(): void {
    const map = this._map;
    if (map) this.updateTransform(map.getCenter(), map.getZoom());
  }

  private onAnimZoom(e: L.ZoomAnimEvent): void {
    this.updateTransform(e.center, e.zoom);
  }

  /** Leaflet's Renderer._updateTransform: scales the canvas with a zoom in progress. */
  private updateTransform(center: L.LatLng, zoom: number): void {
    const map = this._map as L.Map & { _getNewPixelOrigin(c: L.LatLng, z: number): L.Point };
    if (!map || !this.canvas || !this.center) return;
    const scale = map.getZoomScale(zoom, this.zoom);
    const viewHalf = map.getSize().multiplyBy(0.5 + PADDING);
    const centerPoint = map.project(this.center, zoom);
    const topLeft = viewHalf.multiplyBy(-scale).add(centerPoint).subtract(map._getNewPixelOrigin(center, zoom));
    L.DomUtil.setTransform(this.canvas, topLeft, scale);
  }
}
