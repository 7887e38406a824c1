/**
 * Places and paints context labels into a 2D context (an OffscreenCanvas in the context worker,
 * or a canvas on the page where there is no worker): candidates in order of importance, each
 * kept only if its measured box meets no box already placed (a spatial hash, placeLabels.ts).
 * No DOM: positions are world pixels at the view's zoom (world units × 256 × 2^zoom).
 */
import { BoxGrid } from '../../../core/engine/basemap/placeLabels.ts';
import { DOT_RADIUS, LABEL_GAP, LABEL_PAD } from '../../../core/engine/basemap/labelStyle.ts';
import type { WorldBox } from '../../../core/engine/geo/webMercator.ts';

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

export interface LabelSource {
  /** Candidates inside `box` (world units) at this zoom. */
  candidates(zoom: number, box: WorldBox): LabelCandidate[];
}

export interface PlacedLabel {
  text: string;
  kind: LabelKind;
  /** World pixels at the view's zoom: x0, y0, x1, y1. */
  box: [number, number, number, number];
}

/** The 2D calls painting needs (CanvasRenderingContext2D and OffscreenCanvasRenderingContext2D). */
export interface LabelContext {
  font: string;
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  lineJoin: CanvasLineJoin;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  measureText(text: string): { width: number };
  beginPath(): void;
  arc(x: number, y: number, r: number, a0: number, a1: number): void;
  fill(): void;
  stroke(): void;
  fillText(text: string, x: number, y: number): void;
  strokeText(text: string, x: number, y: number): void;
}

/** The canvas: its top-left in world pixels, its size in CSS px, and the zoom. */
export interface LabelFrame {
  left: number;
  top: number;
  width: number;
  height: number;
  zoom: number;
  dpr: number;
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

type Anchor = 'center' | 'right' | 'left' | 'above' | 'below';

export class LabelPainter {
  private readonly widths = new Map<string, number>();

  /** The world-unit box a frame covers. */
  static box(frame: LabelFrame): WorldBox {
    const scale = 256 * 2 ** frame.zoom;
    return [frame.left / scale, frame.top / scale, (frame.left + frame.width) / scale, (frame.top + frame.height) / scale];
  }

  /**
   * Places `candidates` (any order) and paints those placed into `ctx`, which must be blank and
   * sized frame.width × frame.height × dpr. Returns what was drawn.
   */
  paint(ctx: LabelContext, frame: LabelFrame, candidates: LabelCandidate[]): PlacedLabel[] {
    const all = [...candidates].sort((a, b) => a.tier - b.tier || a.rank - b.rank);
    const scale = 256 * 2 ** frame.zoom;
    const midX = (frame.left + frame.width / 2) / scale;
    const grid = new BoxGrid(96);
    const placed: PlacedLabel[] = [];
    const toDraw: { c: LabelCandidate; px: number; py: number; anchor: Anchor; text: string; rise: number }[] = [];
    for (const c of all) {
      const f = FONTS[c.kind];
      const text = f.upper ? c.text.toUpperCase() : c.text;
      const width = this.measure(ctx, f.font, text) * (c.kind === 'country' ? 1.08 : 1);
      const px = (c.x - Math.round(c.x - midX)) * scale;
      const py = c.y * scale;
      const half = f.height / 2 + LABEL_PAD;
      if (c.obstacle || f.dot === 0) {
        const b: [number, number, number, number] = [px - width / 2 - LABEL_PAD, py - half, px + width / 2 + LABEL_PAD, py + half];
        if (!grid.tryAdd(...b) || c.obstacle) continue;
        placed.push({ text: c.text, kind: c.kind, box: b });
        toDraw.push({ c, px, py, anchor: 'center', text, rise: 0 });
        continue;
      }
      // A dot at the place and the name to its right; else to its left, above or below.
      const reach = f.dot + LABEL_GAP + width + LABEL_PAD;
      const near = f.dot + LABEL_PAD;
      const w2 = Math.max(width / 2 + LABEL_PAD, near);
      const rise = f.dot + LABEL_GAP / 2 + half;
      const spots: [Anchor, [number, number, number, number]][] = [
        ['right', [px - near, py - half, px + reach, py + half]],
        ['left', [px - reach, py - half, px + near, py + half]],
        ['above', [px - w2, py - rise - half, px + w2, py + near]],
        ['below', [px - w2, py - near, px + w2, py + rise + half]],
      ];
      const spot = spots.find(([, b]) => grid.tryAdd(...b));
      if (!spot) continue;
      placed.push({ text: c.text, kind: c.kind, box: spot[1] });
      toDraw.push({ c, px, py, anchor: spot[0], text, rise });
    }

    ctx.setTransform(frame.dpr, 0, 0, frame.dpr, -frame.left * frame.dpr, -frame.top * frame.dpr);
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
    return placed;
  }

  private measure(ctx: LabelContext, font: string, text: string): number {
    const key = `${font}|${text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      ctx.font = font;
      w = ctx.measureText(text).width;
      this.widths.set(key, w);
    }
    return w;
  }
}
