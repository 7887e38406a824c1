/**
 * Context labels (towns and cities, first-level divisions) on one canvas over the view, so that
 * none overlaps another or a country label. The context worker places and paints them
 * (labelPainter.ts, contextEngine.ts) and hands back a bitmap; this layer only shows it.
 *
 * It moves like Leaflet's own canvas renderer: nothing happens while the map pans (the canvas
 * moves with the map pane, a padded view wide) or zooms (it is scaled with the animation); at
 * moveend the view's labels are asked for, and shown when they arrive, where they were asked for.
 */
import L from 'leaflet';
import type { ContextClient } from './contextClient.ts';
import type { PlacedLabel } from './labelPainter.ts';

export type { PlacedLabel } from './labelPainter.ts';

const PADDING = 0.15;
/**
 * A moveend asks for labels only after the map has been still this long: pans and zooms come in
 * runs, and the worker placing and painting a view the map has already left (tens of ms of
 * CPU) competes with the next move's frames on a machine with few cores.
 */
const SETTLE_MS = 200;

export interface LabelSources {
  cities: boolean;
  divisions: boolean;
  countries: boolean;
}

/** As the tests read them: layer pixels. */
type ShownLabel = PlacedLabel;

export class LabelCanvas extends L.Layer {
  private canvas: HTMLCanvasElement | null = null;
  private shown: ImageBitmapRenderingContext | null = null;
  /** The view the bitmap on screen was drawn for. */
  private center: L.LatLng | null = null;
  private zoom = 0;
  private latest = 0;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  sources: LabelSources = { cities: false, divisions: false, countries: false };

  constructor(private readonly client: ContextClient, private readonly paneName: string) {
    super({ pane: paneName });
  }

  setSources(sources: Partial<LabelSources>): void {
    this.sources = { ...this.sources, ...sources };
    this.redraw();
  }

  override onAdd(map: L.Map): this {
    const canvas = (this.canvas = L.DomUtil.create('canvas', 'context-labels leaflet-zoom-animated') as HTMLCanvasElement);
    canvas.style.pointerEvents = 'none';
    canvas.hidden = true;
    this.shown = canvas.getContext('bitmaprenderer');
    map.getPane(this.paneName)!.appendChild(canvas);
    this.redraw();
    return this;
  }

  override onRemove(): this {
    this.canvas?.remove();
    this.canvas = null;
    this.shown = null;
    this.latest++;
    clearTimeout(this.settleTimer);
    return this;
  }

  override getEvents(): { [name: string]: L.LeafletEventHandlerFn } {
    return { movestart: this.onMoveStart, moveend: this.onMoveEnd, viewreset: this.redraw, zoom: this.onZoom, zoomanim: this.onAnimZoom as L.LeafletEventHandlerFn };
  }

  /** A new move: the view a pending request would place is already being left. */
  private onMoveStart(): void {
    clearTimeout(this.settleTimer);
  }

  private onMoveEnd(): void {
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => this.redraw(), SETTLE_MS);
  }

  /** Asks for the current view's labels; they replace the shown ones when they arrive. */
  redraw(): void {
    clearTimeout(this.settleTimer);
    const map = this._map as (L.Map & { _animatingZoom?: boolean }) | undefined;
    if (!map || !this.canvas || map._animatingZoom) return;
    const size = map.getSize();
    const min = map.containerPointToLayerPoint(size.multiplyBy(-PADDING)).round();
    const dims = size.multiplyBy(1 + 2 * PADDING).round();
    const origin = map.getPixelOrigin();
    const center = map.getCenter();
    const zoom = map.getZoom();
    const id = ++this.latest;
    const dpr = L.Browser.retina ? 2 : 1;
    const frame = { left: min.x + origin.x, top: min.y + origin.y, width: dims.x, height: dims.y, zoom, dpr };
    this.client.labels(frame, this.sources, (bitmap, placed) => {
      const canvas = this.canvas;
      // A newer view was asked for meanwhile, or the layer left the map.
      if (id !== this.latest || !canvas || !this._map) {
        bitmap?.close();
        return;
      }
      this.center = center;
      this.zoom = zoom;
      L.DomUtil.setTransform(canvas, min, 1);
      const shown: ShownLabel[] = placed.map((l) => ({ ...l, box: [l.box[0] - origin.x, l.box[1] - origin.y, l.box[2] - origin.x, l.box[3] - origin.y] }));
      if (bitmap && this.shown) {
        canvas.width = bitmap.width;
        canvas.height = bitmap.height;
        canvas.style.width = `${dims.x}px`;
        canvas.style.height = `${dims.y}px`;
        this.shown.transferFromImageBitmap(bitmap);
        canvas.hidden = false;
      } else {
        bitmap?.close();
        canvas.hidden = true;
      }
      // Tests read what was drawn (layer pixels) from the canvas.
      canvas.dataset.labels = String(shown.length);
      canvas.dataset.zoom = String(zoom);
      (canvas as HTMLCanvasElement & { newsmapLabels?: ShownLabel[] }).newsmapLabels = shown;
      this.fire('drawn');
    });
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
