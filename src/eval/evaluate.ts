/**
 * Runs a geoparser over a corpus and scores each stage on its own: recognition (spans),
 * resolution given the gold spans, and the whole pipeline end to end, as
 * ../shared/corpora/README.md defines it. Scoring is pure; only `runSystem` measures time.
 *
 * @example
 * const run = runSystem(newsmapGeoparser(index), corpus);
 * const scores = scoreRun(corpus, run, classes);
 * scores.endToEnd.scored.recall // gold found and within 161 km ÷ gold
 */
import { performance } from 'node:perf_hooks';
import type { Corpus, GoldArticle, GoldToponym, NonLocationalType } from './corpora.ts';
import type { GoldClass } from './countries.ts';
import type { EvalFeature, Geoparser, ResolvedPoint } from './system.ts';
import {
  ACC_KM, accuracyAt, addCounts, auc, haversineKm, matchSpans, mean, median, overlaps, prf, quantile, ratio, uniqueSpans,
  ZERO_COUNTS, type Prf, type SpanCounts,
} from './score.ts';

export interface ArticleRun {
  features: EvalFeature[];
  /** resolveSpans over all of the article's gold spans, in gold order. */
  resolved: (ResolvedPoint | null)[];
  parseMs: number;
}

export interface SystemRun {
  system: string;
  articles: ArticleRun[];
}

/** Parses every article and resolves its gold spans, timing `parse` per article. */
export function runSystem(system: Geoparser, corpus: Corpus): SystemRun {
  const articles = corpus.articles.map((a): ArticleRun => {
    const t0 = performance.now();
    const features = system.parse(a.text, a.published);
    const parseMs = performance.now() - t0;
    return { features: uniqueSpans(features), resolved: system.resolveSpans(a.text, a.toponyms), parseMs };
  });
  return { system: system.name, articles };
}

export interface Timing {
  articles: number;
  totalMs: number;
  meanMs: number | null;
  p95Ms: number | null;
  articlesPerSecond: number | null;
}

export function timingOf(run: SystemRun): Timing {
  const ms = run.articles.map((a) => a.parseMs);
  const totalMs = ms.reduce((s, x) => s + x, 0);
  return { articles: ms.length, totalMs, meanMs: mean(ms), p95Ms: quantile(ms, 0.95), articlesPerSecond: totalMs ? ms.length / (totalMs / 1000) : null };
}

export interface Resolution {
  /** Gold spans scored (with coordinates). */
  gold: number;
  /** Spans for which the system had no candidate at all. */
  noCandidate: number;
  noCandidateShare: number | null;
  /** Within 161 km ÷ all scored gold spans (a span without candidate is a miss). */
  acc161: number | null;
  /** Within 161 km ÷ spans resolved. */
  acc161Resolved: number | null;
  meanKm: number | null;
  medianKm: number | null;
  /** Over the spans resolved; lower is better. */
  auc: number | null;
}

export interface EndToEnd {
  gold: number;
  found161: number;
  recall: number | null;
  features: number;
  correct161: number;
  precision: number | null;
}

/** The gold groups scored apart; 'unplaced' gold (no coordinates) counts for recognition only. */
export const SCORED_GROUPS = ['scored', 'country', 'adjectival'] as const;
export type ScoredGroup = (typeof SCORED_GROUPS)[number];

export interface StageScores {
  recognition: { counts: SpanCounts; strict: Prf; overlap: Prf };
  /** Resolution of the gold spans of each group; `scored` is the headline figure. */
  resolution: Record<ScoredGroup, Resolution>;
  endToEnd: Record<ScoredGroup, EndToEnd>;
}

/** Distance from a point to a gold toponym, Infinity when the gold has no coordinates. */
export function errorKm(p: { lat: number; lon: number }, g: GoldToponym): number {
  return g.lat === null || g.lon === null ? Infinity : haversineKm(p.lat, p.lon, g.lat, g.lon);
}

/** Running counts of one gold group: resolution errors (km) and end-to-end matches. */
interface Tally {
  errors: number[];
  gold: number;
  noCandidate: number;
  found161: number;
  features: number;
  correct161: number;
}

/**
 * Scores one run. `classes[i][j]` is the class of article i's gold toponym j (see classifyGold):
 * recognition counts every gold span; resolution and end-to-end use the classes.
 */
export function scoreRun(corpus: Corpus, run: SystemRun, classes: readonly (readonly GoldClass[])[]): StageScores {
  let counts = ZERO_COUNTS;
  const acc = Object.fromEntries(SCORED_GROUPS.map((c): [ScoredGroup, Tally] => [c, { errors: [], gold: 0, noCandidate: 0, found161: 0, features: 0, correct161: 0 }])) as Record<ScoredGroup, Tally>;

  corpus.articles.forEach((article, i) => {
    const out = run.articles[i]!;
    const cls = classes[i]!;
    counts = addCounts(counts, matchSpans(out.features, article.toponyms));
    for (const c of SCORED_GROUPS) {
      const a = acc[c];
      const golds: GoldToponym[] = [];
      article.toponyms.forEach((g, j) => {
        if (cls[j] !== c) return;
        golds.push(g);
        const r = out.resolved[j];
        if (r) a.errors.push(errorKm(r, g));
        else a.noCandidate++;
      });
      a.gold += golds.length;
      for (const g of golds) if (out.features.some((f) => overlaps(f, g) && errorKm(f, g) <= ACC_KM)) a.found161++;
      for (const f of out.features) {
        const hit = golds.filter((g) => overlaps(f, g));
        if (!hit.length) continue;
        a.features++;
        if (hit.some((g) => errorKm(f, g) <= ACC_KM)) a.correct161++;
      }
    }
  });

  const resolution = (a: Tally): Resolution => ({
    gold: a.gold, noCandidate: a.noCandidate, noCandidateShare: ratio(a.noCandidate, a.gold),
    // A span without a candidate is a miss: the share is of all gold spans, not of those resolved.
    acc161: ratio(a.errors.filter((e) => e <= ACC_KM).length, a.gold), acc161Resolved: accuracyAt(a.errors),
    meanKm: mean(a.errors), medianKm: median(a.errors), auc: auc(a.errors),
  });
  const endToEnd = (a: Tally): EndToEnd => ({
    gold: a.gold, found161: a.found161, recall: ratio(a.found161, a.gold),
    features: a.features, correct161: a.correct161, precision: ratio(a.correct161, a.features),
  });
  return {
    recognition: {
      counts,
      strict: prf(counts.strictPredicted, counts.predicted, counts.strictGold, counts.gold),
      overlap: prf(counts.overlapPredicted, counts.predicted, counts.overlapGold, counts.gold),
    },
    resolution: Object.fromEntries(SCORED_GROUPS.map((c) => [c, resolution(acc[c])])) as Record<ScoredGroup, Resolution>,
    endToEnd: Object.fromEntries(SCORED_GROUPS.map((c) => [c, endToEnd(acc[c])])) as Record<ScoredGroup, EndToEnd>,
  };
}

export interface NonLocationalRate {
  total: number;
  plotted: number;
  rate: number | null;
  byType: Partial<Record<NonLocationalType, { total: number; plotted: number; rate: number | null }>>;
}

/**
 * Non-locational uses ("Tehran said", "the Texas Rangers") whose span some output feature
 * overlaps, ÷ all such uses, overall and by type. Goal ≤ 5%.
 */
export function nonLocationalRate(articles: readonly GoldArticle[], run: SystemRun): NonLocationalRate {
  const byType: NonLocationalRate['byType'] = {};
  let total = 0;
  let plotted = 0;
  articles.forEach((a, i) => {
    for (const n of a.nonlocational) {
      const hit = run.articles[i]!.features.some((f) => overlaps(f, n));
      const t = (byType[n.type] ??= { total: 0, plotted: 0, rate: null });
      t.total++;
      total++;
      if (hit) { t.plotted++; plotted++; }
    }
  });
  for (const t of Object.values(byType)) t.rate = ratio(t.plotted, t.total);
  return { total, plotted, rate: ratio(plotted, total), byType };
}
