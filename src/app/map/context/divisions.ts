/**
 * First-level divisions (states, provinces, governorates): their borders as canvas tiles under
 * the data, and their names as a label source. data/world/divisions.json (Natural Earth 1:10m,
 * scripts/build-divisions.ts) is an asset of the build, fetched the first time the map is at a
 * zoom that shows divisions.
 */
import L from 'leaflet';
import type { WorldBox } from '../../../core/engine/geo/webMercator.ts';
import { worldX, worldY } from '../../../core/engine/geo/webMercator.ts';
import { linesFromData, traceLines, type DivisionData, type LineSet } from '../../../core/engine/basemap/divisionLines.ts';
import type { LabelCandidate, LabelSource } from './LabelCanvas.ts';

/**
 * Borders from this zoom; names from Natural Earth's label zoom (min_label), kept within
 * [DIVISION_NAME_MIN_ZOOM, DIVISION_NAME_MAX_ZOOM] so every division is named by zoom 9.
 */
export const DIVISION_MIN_ZOOM = 5;
export const DIVISION_NAME_MIN_ZOOM = 6;
export const DIVISION_NAME_MAX_ZOOM = 9;

const DATA_URL = new URL('../../../../data/world/divisions.json', import.meta.url).href;

interface DivisionLabel {
  name: string;
  x: number;
  y: number;
  minZoom: number;
  rank: number;
}

export class Divisions implements LabelSource {
  lines: LineSet | null = null;
  private labels: DivisionLabel[] = [];
  private loading: Promise<void> | null = null;
  private readonly listeners = new Set<() => void>();

  /** Calls `listener` once the data has arrived (at once if it has). */
  whenLoaded(listener: () => void): () => void {
    if (this.lines) {
      listener();
      return () => {};
    }
    this.listeners.add(listener);
    this.load();
    return () => this.listeners.delete(listener);
  }

  candidates(zoom: number, box: WorldBox): LabelCandidate[] {
    if (zoom < DIVISION_MIN_ZOOM) return [];
    if (!this.lines) {
      this.load();
      return [];
    }
    const out: LabelCandidate[] = [];
    for (const l of this.labels) {
      if (l.minZoom > zoom || l.y < box[1] || l.y > box[3]) continue;
      const k = Math.ceil(box[0] - l.x);
      if (l.x + k > box[2]) continue;
      out.push({ x: l.x + k, y: l.y, text: l.name, kind: 'division', tier: 1, rank: l.rank });
    }
    return out;
  }

  private load(): void {
    this.loading ??= (async () => {
      try {
        const data = (await (await fetch(DATA_URL)).json()) as DivisionData;
        this.labels = data.labels
          .map(([name, lat, lon, minZoom]) => ({ name, x: worldX(lon), y: worldY(lat), minZoom: Math.min(DIVISION_NAME_MAX_ZOOM, Math.max(DIVISION_NAME_MIN_ZOOM, minZoom)), rank: 0 }))
          .sort((a, b) => a.minZoom - b.minZoom)
          .map((l, rank) => ({ ...l, rank }));
        this.lines = linesFromData(data);
        for (const listener of this.listeners) listener();
        this.listeners.clear();
      } catch {
        // Not available: the map shows no divisions.
      }
    })();
  }
}

export interface DivisionTileOptions extends L.GridLayerOptions {
  colour: string;
  weight: number;
}

/**
 * The borders, drawn per 512 px tile on this thread: a tile has at most a few thousand
 * vertices (quantised, simplified, and short steps dropped), under a millisecond to stroke.
 */
export class DivisionTiles extends L.GridLayer {
  declare options: DivisionTileOptions;
  private stopWaiting: (() => void) | null = null;

  constructor(private readonly data: Divisions, options: DivisionTileOptions) {
    super({ tileSize: 512, minZoom: DIVISION_MIN_ZOOM, ...options });
  }

  override onAdd(map: L.Map): this {
    super.onAdd(map);
    // Tiles made before the data arrived are blank: draw them again once it has.
    if (!this.data.lines) this.stopWaiting = this.data.whenLoaded(() => this.redraw());
    return this;
  }

  override onRemove(map: L.Map): this {
    this.stopWaiting?.();
    return super.onRemove(map);
  }

  protected override createTile(coords: L.Coords): HTMLElement {
    const canvas = document.createElement('canvas');
    canvas.className = 'division-tile';
    const size = this.getTileSize().x;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = canvas.height = Math.round(size * dpr);
    const lines = this.data.lines;
    if (!lines) return canvas;
    const ctx = canvas.getContext('2d');
    if (!ctx) return canvas;
    const path = new Path2D();
    const gridZoom = coords.z + Math.log2(256 / size);
    const drawn = traceLines(lines, { x: coords.x, y: coords.y, z: gridZoom, size: canvas.width }, path);
    if (drawn > 0) {
      ctx.strokeStyle = this.options.colour;
      ctx.lineWidth = this.options.weight * dpr;
      ctx.lineJoin = 'round';
      ctx.setLineDash([4 * dpr, 2 * dpr]);
      ctx.stroke(path);
    }
    canvas.dataset.vertices = String(drawn);
    return canvas;
  }
}
