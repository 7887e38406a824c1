/**
 * The end-to-end errors of a run, by category, with the names (never the sentences) behind
 * them, so a change shows what it fixed and what it broke:
 * - missed: a scored gold toponym no feature overlaps;
 * - wrong place: overlapped, but every overlapping feature is > 161 km off, in the gold's country;
 * - wrong country: the same, in another country;
 * - country off / country wrong: a gold country (or its adjective) overlapped only by features
 *   > 161 km away, in the right country (two centroids of one country can lie that far apart) or not;
 * - unmarked: features over text no gold covers. The corpora do not mark every place, so these
 *   are not scored, but many are non-places (surnames, common words).
 *
 * @example
 * const e = collectErrors(corpus, run, classes, goldCountry);
 * e.counts.missed; e.examples.unmarked[0] // ["Johnson", 12]
 */
import type { Corpus, GoldToponym } from './corpora.ts';
import type { GoldClass } from './countries.ts';
import type { SystemRun } from './evaluate.ts';
import { errorKm } from './evaluate.ts';
import { ACC_KM, overlaps } from './score.ts';

export const ERROR_CATEGORIES = ['missed', 'wrongPlace', 'wrongCountry', 'countryOff', 'countryWrong', 'unmarked'] as const;
export type ErrorCategory = (typeof ERROR_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<ErrorCategory, string> = {
  missed: 'missed (no feature on a scored gold toponym)',
  wrongPlace: 'wrong place (> 161 km, same country)',
  wrongCountry: 'wrong country (> 161 km)',
  countryOff: 'country or adjective: right country, but its point > 161 km from the gold point (not counted as found)',
  countryWrong: 'country or adjective: wrong country',
  unmarked: 'plotted over text no gold covers (not scored)',
};

export interface ErrorReport {
  counts: Record<ErrorCategory, number>;
  /** Per category, [example, count] most frequent first. */
  examples: Record<ErrorCategory, [string, number][]>;
}

/** The gold's country code, from the corpus's country name or, failing that, the point. */
export type GoldCountry = (g: GoldToponym) => string | null;

export function collectErrors(corpus: Corpus, run: SystemRun, classes: readonly (readonly GoldClass[])[], goldCountry: GoldCountry): ErrorReport {
  const tallies = Object.fromEntries(ERROR_CATEGORIES.map((c) => [c, new Map<string, number>()])) as Record<ErrorCategory, Map<string, number>>;
  const counts = Object.fromEntries(ERROR_CATEGORIES.map((c) => [c, 0])) as Record<ErrorCategory, number>;
  const note = (c: ErrorCategory, example: string) => {
    counts[c]++;
    tallies[c].set(example, (tallies[c].get(example) ?? 0) + 1);
  };
  corpus.articles.forEach((article, i) => {
    const features = run.articles[i]!.features;
    article.toponyms.forEach((g, j) => {
      const cls = classes[i]![j]!;
      if (cls === 'unplaced') return;
      const hits = features.filter((f) => overlaps(f, g));
      if (!hits.length) {
        if (cls === 'scored') note('missed', g.phrase);
        return;
      }
      const nearest = hits.reduce((a, b) => (errorKm(b, g) < errorKm(a, g) ? b : a));
      const km = errorKm(nearest, g);
      if (km <= ACC_KM) return;
      const gc = goldCountry(g);
      const sameCountry = gc !== null && gc === nearest.country;
      const example = sameCountry ? `${g.phrase} (${gc})` : `${g.phrase} → ${nearest.country || '?'} (gold ${gc ?? '?'})`;
      if (cls === 'scored') note(sameCountry ? 'wrongPlace' : 'wrongCountry', example);
      else note(sameCountry ? 'countryOff' : 'countryWrong', example);
    });
    for (const f of features) {
      if (!article.toponyms.some((g) => overlaps(f, g))) note('unmarked', article.text.slice(f.start, f.end));
    }
  });
  const examples = Object.fromEntries(ERROR_CATEGORIES.map((c) => [c, [...tallies[c]].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))])) as Record<ErrorCategory, [string, number][]>;
  return { counts, examples };
}
