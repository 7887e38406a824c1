/**
 * First-level divisions (states, provinces, governorates): their borders as lines for the tiles
 * (divisions.ts draws them through the context worker) and their names as a label source.
 * data/world/divisions.json (Natural Earth 1:10m, scripts/build-divisions.ts) is an asset of
 * the build, fetched the first time the map is at a zoom that shows divisions.
 */
import type { WorldBox } from '../../../core/engine/geo/webMercator.ts';
import { worldX, worldY } from '../../../core/engine/geo/webMercator.ts';
import { linesFromData, type DivisionData, type LineSet } from '../../../core/engine/basemap/divisionLines.ts';
import type { LabelCandidate, LabelSource } from './labelPainter.ts';

/**
 * Borders from this zoom; names from Natural Earth's label zoom (min_label), kept within
 * [DIVISION_NAME_MIN_ZOOM, DIVISION_NAME_MAX_ZOOM] so every division is named by zoom 9.
 */
export const DIVISION_MIN_ZOOM = 5;
export const DIVISION_NAME_MIN_ZOOM = 6;
export const DIVISION_NAME_MAX_ZOOM = 9;

interface DivisionLabel {
  name: string;
  x: number;
  y: number;
  minZoom: number;
  rank: number;
}

export class Divisions implements LabelSource {
  lines: LineSet | null = null;
  constructor(private readonly url: string) {}
  private labels: DivisionLabel[] = [];
  private loading: Promise<void> | null = null;
  private readonly listeners = new Set<() => void>();

  /**
   * Calls `listener` once the data has arrived (at once if it has). Does not start the
   * download: a view at a zoom with divisions does (`load`).
   */
  whenLoaded(listener: () => void): () => void {
    if (this.lines) {
      listener();
      return () => {};
    }
    this.listeners.add(listener);
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

  load(): void {
    this.loading ??= (async () => {
      try {
        const data = (await (await fetch(this.url)).json()) as DivisionData;
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

