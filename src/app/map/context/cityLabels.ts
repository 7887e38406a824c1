/**
 * Towns and cities as a label source: the labels index and base file are fetched the first
 * time the map is at a zoom with town labels, and each band's files only when a view at its
 * zooms covers them (contextLabels.ts), so the app never downloads the world's towns at once.
 */
import type { WorldBox } from '../../../core/engine/geo/webMercator.ts';
import { leafFile, leavesIn, unpackContextPlaces, type ContextPlace, type LabelIndex } from '../../../core/engine/basemap/contextLabels.ts';
import { CITY_MIN_ZOOM } from '../../../core/engine/basemap/labelStyle.ts';
import type { LabelCandidate, LabelKind, LabelSource } from './labelPainter.ts';

const BASE_URL = 'data/labels/';

/** The copy of x (shifted by whole worlds) inside [x0, x1], or null. */
function wrapInto(x: number, x0: number, x1: number): number | null {
  const k = Math.ceil(x0 - x);
  return x + k <= x1 ? x + k : null;
}

export class CityLabels implements LabelSource {
  private index: LabelIndex | null = null;
  private indexLoading: Promise<void> | null = null;
  private base: ContextPlace[] = [];
  private readonly files = new Map<string, ContextPlace[] | 'loading' | 'failed'>();

  /** `onData` is called when a file arrives, so the labels can be placed again. */
  constructor(private readonly onData: () => void, private readonly baseUrl = BASE_URL) {}

  candidates(zoom: number, box: WorldBox): LabelCandidate[] {
    if (zoom < CITY_MIN_ZOOM) return [];
    if (!this.index) {
      this.loadIndex();
      return [];
    }
    const out: LabelCandidate[] = [];
    const take = (places: readonly ContextPlace[]) => {
      for (const p of places) {
        if (p.minZoom > zoom || p.y < box[1] || p.y > box[3]) continue;
        const x = wrapInto(p.x, box[0], box[2]);
        if (x === null) continue;
        // Labelled since a lower zoom (or the few at the first): placed before the first-level
        // divisions; new at this zoom: after them.
        const kind: LabelKind = p.flag === 'C' ? 'capital' : p.minZoom >= 10 && p.flag === '' ? 'town' : 'city';
        out.push({ x, y: p.y, text: p.name, kind, tier: p.minZoom < zoom || p.minZoom === CITY_MIN_ZOOM ? 0 : 2, rank: p.rank });
      }
    };
    take(this.base);
    for (const band of this.index.bands) {
      if (band.minZoom > zoom) continue;
      for (const leaf of leavesIn(band, box)) {
        const file = leafFile(band, leaf);
        const got = this.files.get(file);
        if (Array.isArray(got)) take(got);
        else if (got === undefined) this.load(file);
      }
    }
    return out;
  }

  private loadIndex(): void {
    this.indexLoading ??= (async () => {
      try {
        const index = (await (await fetch(`${this.baseUrl}index.json`)).json()) as LabelIndex;
        const base = unpackContextPlaces(await (await fetch(`${this.baseUrl}${index.base.file}`)).text());
        this.index = index;
        this.base = base;
        this.onData();
      } catch {
        // No labels data (an app built without `npm run data`): the map shows none.
      }
    })();
  }

  private load(file: string): void {
    this.files.set(file, 'loading');
    void (async () => {
      try {
        const res = await fetch(`${this.baseUrl}${file}`);
        if (!res.ok) throw new Error(String(res.status));
        this.files.set(file, unpackContextPlaces(await res.text()));
        this.onData();
      } catch {
        this.files.set(file, 'failed');
      }
    })();
  }
}
