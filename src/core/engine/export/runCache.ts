import type { NewsmapFeature } from '../../geoparser/geojson/schema.ts';

/**
 * Pre-assembled runs of consecutive features (in the app: one Blob per run of ~1,000 features),
 * so a 100k-feature export is a Blob of about a hundred Blobs instead of 200k strings. Chromium
 * takes ~0.4 s to copy 50 MB of strings into a Blob; referencing ready Blobs takes ~15 ms.
 *
 * A run is keyed by its first feature object and used for an export only when the export's
 * list continues with exactly the run's features (same objects, same order), so a corrected
 * feature (a new object) or a filter that drops one member makes the run miss, never lie.
 * Runs end before a "boundary" feature, chosen by a hash of its id rather than by position:
 * inserting or deleting one feature then changes one run, not every run after it, and every
 * run but a list's first starts at a boundary feature, which bounds how many runs can be kept.
 *
 * @example
 *   const runs = new RunCache<Blob>();
 *   let i = 0;
 *   while (i < corpus.length) i = runs.build(corpus, i, (run) => new Blob(partsOf(run)));
 *   runs.match(corpus, 0); // { features: [...], value: Blob }
 */

/**
 * Mean run length. Chromium spends ~0.15 ms per Blob part when the export Blob is made, so
 * runs are long (100k features: ~100 runs, ~15 ms); one run's Blob (~0.6 MB from cached
 * strings) still takes only a few milliseconds to build in an idle slice.
 */
export const RUN_TARGET = 1024;
/** Runs are cut here even without a boundary, so building one is never a long task. */
export const RUN_MAX = 2048;

export interface Run<T> {
  readonly features: readonly NewsmapFeature[];
  readonly value: T;
}

/** FNV-1a of the id: stable across reloads and corrections (ids do not change). */
export function isRunBoundary(f: NewsmapFeature): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < f.id.length; i++) h = Math.imul(h ^ f.id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % RUN_TARGET === 0;
}

/** Where the run starting at `start` ends (exclusive). */
export function runEnd(features: readonly NewsmapFeature[], start: number): number {
  let end = start + 1;
  const limit = Math.min(features.length, start + RUN_MAX);
  while (end < limit && !isRunBoundary(features[end]!)) end++;
  return end;
}

export class RunCache<T> {
  private readonly runs = new WeakMap<NewsmapFeature, Run<T>>();

  /** The cached run starting at features[start], if the list continues with exactly its features. */
  match(features: readonly NewsmapFeature[], start: number): Run<T> | undefined {
    const first = features[start];
    const run = first === undefined ? undefined : this.runs.get(first);
    if (run === undefined || start + run.features.length > features.length) return undefined;
    for (let k = 1; k < run.features.length; k++) if (features[start + k] !== run.features[k]) return undefined;
    return run;
  }

  /**
   * Makes sure the run starting at features[start] is cached (one `make` call at most) and
   * returns where it ends, the start of the next run. A run already matching is kept.
   */
  build(features: readonly NewsmapFeature[], start: number, make: (run: readonly NewsmapFeature[]) => T): number {
    const end = runEnd(features, start);
    const cached = this.match(features, start);
    if (cached !== undefined && cached.features.length === end - start) return end;
    const run = features.slice(start, end);
    // One run per first feature: a newer view's run replaces the old one, so memory stays
    // bounded by the number of boundary features, not by the number of views ever shown.
    this.runs.set(run[0]!, { features: run, value: make(run) });
    return end;
  }
}
