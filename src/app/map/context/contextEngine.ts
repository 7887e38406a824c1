/**
 * The context layers' work, off the main thread (context.worker.ts) or, without workers, on it
 * (contextClient.ts): it holds the towns, division and country-label data, places and paints the
 * labels of a view, and draws division border tiles, each into a bitmap handed back whole.
 * Nothing here touches the DOM or Leaflet.
 */
import { traceLines } from '../../../core/engine/basemap/divisionLines.ts';
import { worldX, worldY } from '../../../core/engine/geo/webMercator.ts';
import { COUNTRY_LABELS, minLabelAreaKm2 } from '../countries.ts';
import { CityLabels } from './cityLabels.ts';
import { Divisions } from './divisionData.ts';
import { LabelPainter, type LabelCandidate, type LabelContext, type LabelFrame, type PlacedLabel } from './labelPainter.ts';

export interface TileRequest {
  /** Grid zoom (the world is 2^z tiles a side) and the tile's size in device px. */
  x: number;
  y: number;
  z: number;
  size: number;
  colour: string;
  /** Line width and dash, CSS px. */
  weight: number;
  dpr: number;
}

export type ContextRequest =
  | { type: 'init'; labelsUrl: string; divisionsUrl: string }
  | { type: 'labels'; id: number; frame: LabelFrame; cities: boolean; divisions: boolean; countries: boolean }
  | { type: 'tile'; id: number; tile: TileRequest }
  | { type: 'cancel'; id: number };

export type ContextResponse =
  | { type: 'labels'; id: number; bitmap: ImageBitmap | null; placed: PlacedLabel[] }
  | { type: 'tile'; id: number; bitmap: ImageBitmap; vertices: number }
  /** New data arrived: labels placed before may be incomplete. */
  | { type: 'data'; what: 'cities' | 'divisions' };

/** Gives a blank 2D context of the size asked for, then the bitmap of what was painted. */
export interface Surface {
  context(width: number, height: number): LabelContext & { stroke(path?: Path2D): void; setLineDash(d: number[]): void };
  bitmap(): ImageBitmap | Promise<ImageBitmap>;
}

const COUNTRIES = COUNTRY_LABELS.map((l, rank) => ({ ...l, x: worldX(l.lon), y: worldY(l.lat), rank }));

function countryObstacles(zoom: number, box: readonly number[]): LabelCandidate[] {
  const min = minLabelAreaKm2(zoom);
  const out: LabelCandidate[] = [];
  for (const p of COUNTRIES) {
    if (p.areaKm2 < min || p.y < box[1]! || p.y > box[3]!) continue;
    const k = Math.ceil(box[0]! - p.x);
    if (p.x + k <= box[2]!) out.push({ x: p.x + k, y: p.y, text: p.name, kind: 'country', tier: -1, rank: p.rank, obstacle: true });
  }
  return out;
}

export class ContextEngine {
  private cities: CityLabels | null = null;
  private divisions: Divisions | null = null;
  private readonly painter = new LabelPainter();
  /** Tiles asked for before the division lines arrived. */
  private waiting = new Map<number, TileRequest>();

  constructor(
    private readonly surface: Surface,
    private readonly send: (res: ContextResponse, transfer?: Transferable[]) => void,
  ) {}

  handle(req: ContextRequest): void {
    switch (req.type) {
      case 'init':
        this.cities = new CityLabels(() => this.send({ type: 'data', what: 'cities' }), req.labelsUrl);
        this.divisions = new Divisions(req.divisionsUrl);
        this.divisions.whenLoaded(() => {
          const waiting = this.waiting;
          this.waiting = new Map();
          for (const [id, tile] of waiting) void this.tile(id, tile);
          this.send({ type: 'data', what: 'divisions' });
        });
        return;
      case 'labels':
        void this.labels(req);
        return;
      case 'tile':
        if (this.divisions?.lines) void this.tile(req.id, req.tile);
        else {
          this.waiting.set(req.id, req.tile);
          this.divisions?.load();
        }
        return;
      case 'cancel':
        this.waiting.delete(req.id);
        return;
    }
  }

  private async labels(req: Extract<ContextRequest, { type: 'labels' }>): Promise<void> {
    const { frame } = req;
    const box = LabelPainter.box(frame);
    const candidates: LabelCandidate[] = [];
    if (req.countries) candidates.push(...countryObstacles(frame.zoom, box));
    if (req.cities && this.cities) candidates.push(...this.cities.candidates(frame.zoom, box));
    if (req.divisions && this.divisions) candidates.push(...this.divisions.candidates(frame.zoom, box));
    if (candidates.every((c) => c.obstacle)) {
      this.send({ type: 'labels', id: req.id, bitmap: null, placed: [] });
      return;
    }
    const ctx = this.surface.context(Math.round(frame.width * frame.dpr), Math.round(frame.height * frame.dpr));
    const placed = this.painter.paint(ctx, frame, candidates);
    const bitmap = await this.surface.bitmap();
    this.send({ type: 'labels', id: req.id, bitmap, placed }, [bitmap]);
  }

  private async tile(id: number, tile: TileRequest): Promise<void> {
    const lines = this.divisions!.lines!;
    const ctx = this.surface.context(tile.size, tile.size);
    const path = new Path2D();
    const vertices = traceLines(lines, tile, path);
    if (vertices > 0) {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.strokeStyle = tile.colour;
      ctx.lineWidth = tile.weight * tile.dpr;
      ctx.lineJoin = 'round';
      ctx.setLineDash([4 * tile.dpr, 2 * tile.dpr]);
      ctx.stroke(path);
      ctx.setLineDash([]);
    }
    const bitmap = await this.surface.bitmap();
    this.send({ type: 'tile', id, bitmap, vertices }, [bitmap]);
  }
}
