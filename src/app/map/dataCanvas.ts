import L from 'leaflet';

/** The parts of Leaflet's canvas renderer this class takes over (not in its typings). */
interface CanvasRendererInternals {
  _container: HTMLCanvasElement;
  _ctx: CanvasRenderingContext2D;
  _bounds: L.Bounds;
  _map: L.Map & { _animatingZoom?: boolean };
  _onMouseMove(e: Event): void;
  _onClick(e: Event): void;
  _handleMouseOut(e: Event): void;
  _initContainer(): void;
  _update(): void;
  _redraw(): void;
  fire(type: string): void;
}

type RendererPrototype = { _update(this: unknown): void };

/** True where the page itself can draw into an OffscreenCanvas and show it as a bitmap. */
export function canPresentBitmaps(): boolean {
  return typeof OffscreenCanvas !== 'undefined' && typeof HTMLCanvasElement !== 'undefined' && 'transferFromImageBitmap' in (globalThis.ImageBitmapRenderingContext?.prototype ?? {});
}

/** Longest a moveend redraw waits for the data layers' own update (new clusters). */
const UPDATE_DEFER_MS = 250;

/**
 * Leaflet's canvas renderer for the map's data layers, with two changes that each save a
 * dropped frame per pan or zoom.
 *
 * One redraw per move: Leaflet redraws the whole canvas at moveend, and the new clusters for
 * the view arrive a few tasks later and redraw it again. Here the moveend redraw waits for the
 * layers' next change (or UPDATE_DEFER_MS), and both go into one. Meanwhile the canvas keeps
 * what it showed where it was (scaled after a zoom, as during the animation).
 *
 * Drawn off screen, shown as a bitmap: Leaflet
 * draws into a 2D canvas in the page, and Chromium copies a changed 2D canvas to the compositor
 * at the next frame: for the map's data canvas (the view plus padding, ~4 MB) that copy cost
 * ~18 ms with software compositing, twice per pan or zoom (the redraw at moveend, then the new
 * clusters), each one a dropped frame. Here Leaflet draws into an OffscreenCanvas whose pixels
 * are handed to the visible canvas as an ImageBitmap after each redraw, which reaches the
 * compositor without that copy. Handing them over leaves the OffscreenCanvas blank, so every
 * redraw is a whole one (Leaflet's partial redraws would lose what lies outside their box):
 * drawing every data layer takes ~2 ms, copying the pixels back to keep them took ~25 ms.
 * Hit-testing is Leaflet's own (geometry, not pixels).
 *
 * Where OffscreenCanvas or ImageBitmapRenderingContext is missing it is the stock renderer.
 */
export class DataCanvas extends L.Canvas {
  private drawing: OffscreenCanvas | null = null;
  private updatePending = false;
  private updateTimer: ReturnType<typeof setTimeout> | undefined;
  private shown: ImageBitmapRenderingContext | null = null;

  /** Replaces Leaflet's: the visible canvas takes bitmaps, drawing goes to `drawing`. */
  _initContainer(): void {
    const self = this as unknown as CanvasRendererInternals;
    if (!canPresentBitmaps()) {
      (L.Canvas.prototype as unknown as CanvasRendererInternals)._initContainer.call(this);
      return;
    }
    const container = document.createElement('canvas');
    self._container = container;
    L.DomEvent.on(container, 'mousemove', self._onMouseMove, this);
    L.DomEvent.on(container, 'click dblclick mousedown mouseup contextmenu', self._onClick, this);
    L.DomEvent.on(container, 'mouseout', self._handleMouseOut, this);
    (container as unknown as { _leaflet_disable_events: boolean })._leaflet_disable_events = true;
    this.drawing = new OffscreenCanvas(1, 1);
    this.shown = container.getContext('bitmaprenderer');
    self._ctx = this.drawing.getContext('2d') as unknown as CanvasRenderingContext2D;
  }

  /** Leaflet's Canvas._update, sizing the off-screen canvases with the visible one. */
  _update(): void {
    const self = this as unknown as CanvasRendererInternals;
    if (!this.drawing) {
      (L.Canvas.prototype as unknown as CanvasRendererInternals)._update.call(this);
      return;
    }
    if (self._map._animatingZoom && self._bounds) return;
    (L.Renderer.prototype as unknown as RendererPrototype)._update.call(this);
    const b = self._bounds;
    const size = b.getSize();
    const m = L.Browser.retina ? 2 : 1;
    const container = self._container;
    L.DomUtil.setPosition(container, b.min!);
    // Resizing clears the drawing canvas and resets its transform, as it does a canvas element.
    this.drawing.width = m * size.x;
    this.drawing.height = m * size.y;
    container.width = m * size.x;
    container.height = m * size.y;
    container.style.width = `${size.x}px`;
    container.style.height = `${size.y}px`;
    if (L.Browser.retina) self._ctx.scale(2, 2);
    self._ctx.translate(-b.min!.x, -b.min!.y);
    self.fire('update');
  }

  /** No partial redraws (see above): the box stays unset, so _redraw clears and draws all. */
  _extendRedrawBounds(layer: L.Path): void {
    if (!this.drawing) (L.Canvas.prototype as unknown as { _extendRedrawBounds(l: L.Path): void })._extendRedrawBounds.call(this, layer);
  }

  override getEvents(): { [name: string]: L.LeafletEventHandlerFn } {
    const events = (L.Canvas.prototype as unknown as { getEvents(this: unknown): { [name: string]: L.LeafletEventHandlerFn } }).getEvents.call(this);
    return { ...events, moveend: this.deferUpdate };
  }

  override onRemove(map: L.Map): this {
    clearTimeout(this.updateTimer);
    this.updatePending = false;
    return super.onRemove(map);
  }

  private deferUpdate(): void {
    this.updatePending = true;
    clearTimeout(this.updateTimer);
    this.updateTimer = setTimeout(() => this.applyDeferredUpdate(), UPDATE_DEFER_MS);
  }

  private applyDeferredUpdate(): void {
    clearTimeout(this.updateTimer);
    if (!this.updatePending) return;
    this.updatePending = false;
    // Repositions the canvas to the view and redraws every layer (via 'update' → _redraw).
    if ((this as unknown as CanvasRendererInternals)._map) this._update();
  }

  _redraw(): void {
    if (this.updatePending) {
      this.applyDeferredUpdate();
      return;
    }
    // A whole redraw now (at moveend) makes one already requested for the next frame redundant.
    const self = this as unknown as { _redrawRequest: number | null };
    if (this.drawing && self._redrawRequest !== null) L.Util.cancelAnimFrame(self._redrawRequest);
    (L.Canvas.prototype as unknown as CanvasRendererInternals)._redraw.call(this);
    this.present();
  }

  override onAdd(map: L.Map): this {
    super.onAdd(map);
    this.present();
    return this;
  }

  /** Shows what `drawing` holds now; it is blank afterwards (its transform stays). */
  private present(): void {
    const { drawing, shown } = this;
    if (!drawing || !shown) return;
    shown.transferFromImageBitmap(drawing.transferToImageBitmap());
  }
}
