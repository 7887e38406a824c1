/**
 * The population baseline the issue measures newsmap against: every capitalised run of one to
 * three words (runs broken by punctuation) that names a place of the gazetteer's broad layer
 * becomes that place's most populous holder of the name, or the country of that name if one
 * has it. Longest first, left to right. No context, no cues: a floor any geoparser should beat.
 *
 * @example
 * const baseline = populationBaseline(loadBroadPlaces());
 * baseline.parse('Rain fell on Paris and Lyon.', null) // Paris (FR) and Lyon (FR)
 */
import type { Place } from '../core/geoparser/gazetteer/place.ts';
import { altNames } from '../core/geoparser/gazetteer/broad.ts';
import { nameKey } from '../core/geoparser/text/normalize.ts';
import type { EvalFeature, Geoparser } from './system.ts';

/** Names shorter than this are initials or words far more often than places (as in the index). */
const MIN_KEY = 3;
const MAX_WORDS = 3;

/** For each name key, the place the baseline picks: a country, else the most populous. */
export function populationTable(places: readonly Place[]): Map<string, Place> {
  const best = new Map<string, Place>();
  const better = (a: Place, b: Place) => (a.kind === 'country') !== (b.kind === 'country') ? a.kind === 'country' : a.population > b.population;
  for (const p of places) {
    // One alternate name (a string) or several (a list), as the broad layer's format has had both.
    const alt = altNames.get(p) as string | readonly string[] | undefined;
    for (const name of [p.name, ...(alt === undefined ? [] : typeof alt === 'string' ? [alt] : alt)]) {
      const key = nameKey(name);
      if (key.length < MIN_KEY) continue;
      const held = best.get(key);
      if (!held || better(p, held)) best.set(key, p);
    }
  }
  return best;
}

/** A word: letters, with inner apostrophes, hyphens or dots ("O'Hare", "Saint-Denis", "U.S"). */
const WORD = /\p{L}[\p{L}\p{M}\p{N}]*(?:['’.-]\p{L}[\p{L}\p{M}\p{N}]*)*/gu;
const CAPITAL = /^\p{Lu}/u;

/** Capitalised words in runs: words joined by plain spaces only, so punctuation ends a run. */
export function capitalisedRuns(text: string): { start: number; end: number }[][] {
  const runs: { start: number; end: number }[][] = [];
  let run: { start: number; end: number }[] = [];
  let lastEnd = -1;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    const gapIsSpace = lastEnd >= 0 && /^ +$/.test(text.slice(lastEnd, start));
    if (!CAPITAL.test(m[0])) {
      if (run.length) runs.push(run);
      run = [];
    } else {
      if (run.length && !gapIsSpace) { runs.push(run); run = []; }
      run.push({ start, end });
    }
    lastEnd = end;
  }
  if (run.length) runs.push(run);
  return runs;
}

export function populationBaseline(places: readonly Place[]): Geoparser {
  const table = populationTable(places);
  const lookup = (s: string) => table.get(nameKey(s));
  return {
    name: 'population baseline',
    parse(text) {
      const out: EvalFeature[] = [];
      for (const run of capitalisedRuns(text)) {
        for (let i = 0; i < run.length;) {
          let taken = 0;
          for (let n = Math.min(MAX_WORDS, run.length - i); n >= 1 && !taken; n--) {
            const start = run[i]!.start;
            const end = run[i + n - 1]!.end;
            const place = lookup(text.slice(start, end));
            if (!place) continue;
            out.push({ start, end, lat: place.lat, lon: place.lon, country: place.country, kind: place.kind });
            taken = n;
          }
          i += taken || 1;
        }
      }
      return out;
    },
    resolveSpans(text, spans) {
      return spans.map((s) => {
        const place = lookup(text.slice(s.start, s.end));
        return place ? { lat: place.lat, lon: place.lon, country: place.country } : null;
      });
    },
  };
}
