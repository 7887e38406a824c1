/**
 * Label placement for the basemap's context labels (towns, cities, first-level divisions).
 *
 * Two steps. At build time `assignMinZoom` gives every place the lowest zoom at which it may be
 * labelled: places are taken in order of importance and kept at a zoom only if their population
 * reaches that zoom's floor and their (estimated) label box meets no box already kept there. A
 * place kept at zoom z is kept at every zoom above (distances double, label boxes do not), so the
 * labels of any zoom are thinned the same way wherever the map looks. At run time
 * `placeInView` does the exact check on the boxes the browser measures, over only the places
 * whose min zoom the view has reached, in the same order: labels never overlap each other.
 *
 * Positions are in Web-Mercator world units (see ../geo/webMercator.ts); boxes in CSS pixels.
 */

export interface LabelBox {
  /** Left, top, right, bottom in pixels relative to the anchor point. */
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A spatial hash of placed boxes in pixel space: a box is tested only against its cells' boxes. */
export class BoxGrid {
  private readonly cells = new Map<number, number[]>();
  /** x0, y0, x1, y1 per placed box. */
  private readonly boxes: number[] = [];

  constructor(private readonly cell = 128) {}

  private key(cx: number, cy: number): number {
    // Pixel coordinates at zoom ≤ 20 fit 2^28; cells of ≥ 64 px fit 2^22 per axis.
    return cx * 4_194_304 + cy;
  }

  /** True if [x0, x1] × [y0, y1] meets no placed box. */
  free(x0: number, y0: number, x1: number, y1: number): boolean {
    const c = this.cell;
    for (let cx = Math.floor(x0 / c); cx <= Math.floor(x1 / c); cx++) {
      for (let cy = Math.floor(y0 / c); cy <= Math.floor(y1 / c); cy++) {
        const list = this.cells.get(this.key(cx, cy));
        if (!list) continue;
        for (const i of list) {
          const b = this.boxes;
          if (x0 < b[i + 2]! && b[i]! < x1 && y0 < b[i + 3]! && b[i + 1]! < y1) return false;
        }
      }
    }
    return true;
  }

  add(x0: number, y0: number, x1: number, y1: number): void {
    const i = this.boxes.length;
    this.boxes.push(x0, y0, x1, y1);
    const c = this.cell;
    for (let cx = Math.floor(x0 / c); cx <= Math.floor(x1 / c); cx++) {
      for (let cy = Math.floor(y0 / c); cy <= Math.floor(y1 / c); cy++) {
        const k = this.key(cx, cy);
        const list = this.cells.get(k);
        if (list) list.push(i);
        else this.cells.set(k, [i]);
      }
    }
  }

  /** Places the box if it is free; returns whether it was placed. */
  tryAdd(x0: number, y0: number, x1: number, y1: number): boolean {
    if (!this.free(x0, y0, x1, y1)) return false;
    this.add(x0, y0, x1, y1);
    return true;
  }
}

export interface MinZoomCandidate {
  /** World units. */
  x: number;
  y: number;
  /** Decides the order (higher first) and, against the floors, the earliest zoom. */
  weight: number;
  /** Estimated label box, pixels around the anchor. */
  box: LabelBox;
  /** A zoom below which the place is never labelled, whatever its weight (optional). */
  earliest?: number;
}

/**
 * The min zoom of each candidate (index-aligned), or Infinity for one never labelled up to
 * `maxZoom`. `floor(z)` is the least weight labelled at zoom z.
 */
export function assignMinZoom(cands: readonly MinZoomCandidate[], minZoom: number, maxZoom: number, floor: (zoom: number) => number): number[] {
  const order = cands.map((_, i) => i).sort((a, b) => cands[b]!.weight - cands[a]!.weight);
  const result = new Array<number>(cands.length).fill(Infinity);
  let kept: number[] = [];
  for (let z = minZoom; z <= maxZoom; z++) {
    const grid = new BoxGrid(256);
    const scale = 256 * 2 ** z;
    const put = (i: number) => {
      const c = cands[i]!;
      const px = c.x * scale;
      const py = c.y * scale;
      return grid.tryAdd(px + c.box.left, py + c.box.top, px + c.box.right, py + c.box.bottom);
    };
    // Those labelled at lower zooms stay (they cannot overlap here: they did not there).
    for (const i of kept) put(i);
    const least = floor(z);
    const next: number[] = [];
    for (const i of order) {
      if (result[i] !== Infinity) {
        next.push(i);
        continue;
      }
      const c = cands[i]!;
      if (c.weight < least || (c.earliest !== undefined && z < c.earliest)) continue;
      if (put(i)) {
        result[i] = z;
        next.push(i);
      }
    }
    kept = next;
  }
  return result;
}
