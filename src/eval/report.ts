/**
 * The harness's results as Markdown tables (stdout) and as one JSON object (--json). Error
 * examples are names only and go to the terminal, never to the JSON file.
 *
 * @example
 * console.log(renderSummary(reports));
 * for (const r of reports) console.log(renderCorpus(r));
 */
import type { Alignment, CorpusName } from './corpora.ts';
import type { GoldClass } from './countries.ts';
import { SCORED_GROUPS, type EndToEnd, type NonLocationalRate, type StageScores, type Timing } from './evaluate.ts';
import { CATEGORY_LABELS, ERROR_CATEGORIES, type ErrorReport } from './errors.ts';
import type { FloorFigures } from './floor.ts';

export interface CorpusReport {
  corpus: CorpusName;
  source: string;
  articles: number;
  gold: Record<GoldClass | 'total', number>;
  alignment: Alignment;
  oddities: { duplicateTexts: number; overlappingGold: number; duplicateGold: number };
  /** Keyed by system: "newsmap", "baseline". */
  scores: Record<string, StageScores>;
  timing: Record<string, Timing>;
  nonlocational: NonLocationalRate | null;
  errors: ErrorReport;
}

export const CORPUS_TITLES: Record<CorpusName, string> = { 'tr-news': 'TR-News', lgl: 'LGL', geovirus: 'GeoVirus', fixtures: 'fixtures' };

/** The figures the floor holds, from a report. */
export function floorFigures(r: CorpusReport): FloorFigures {
  const s = r.scores.newsmap!;
  const f: FloorFigures = {
    end_to_end_recall_161: s.endToEnd.scored.recall,
    end_to_end_precision_161: s.endToEnd.scored.precision,
    recognition_overlap_f1: s.recognition.overlap.f1,
    resolution_acc_161: s.resolution.scored.acc161,
  };
  if (r.corpus === 'fixtures') f.nonlocational_plotted_rate_max = r.nonlocational?.rate ?? null;
  return f;
}

const p3 = (x: number | null | undefined) => (typeof x === 'number' ? x.toFixed(3) : '–');
const int = (x: number | null | undefined) => (typeof x === 'number' ? Math.round(x).toLocaleString('en-US') : '–');
const ms = (x: number | null | undefined) => (typeof x === 'number' ? x.toFixed(2) : '–');

function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** One row per corpus: the figures of the issue's table, with the baseline beside them. */
export function renderSummary(reports: readonly CorpusReport[]): string {
  return table(
    ['corpus', 'articles', 'scored gold', 'recall@161', 'precision@161', 'baseline recall@161', 'baseline precision@161', 'recognition F1 (overlap)', 'resolution acc@161', 'ms/article'],
    reports.map((r) => {
      const s = r.scores.newsmap!;
      const b = r.scores.baseline!;
      return [CORPUS_TITLES[r.corpus], r.articles, int(r.gold.scored), p3(s.endToEnd.scored.recall), p3(s.endToEnd.scored.precision),
        p3(b.endToEnd.scored.recall), p3(b.endToEnd.scored.precision), p3(s.recognition.overlap.f1), p3(s.resolution.scored.acc161), ms(r.timing.newsmap?.meanMs)];
    }),
  );
}

function describeAlignment(a: Alignment): string {
  if (!a.mismatched) return `all ${int(a.checked)} gold offsets match their text`;
  const shifts = Object.entries(a.shifts).sort((x, y) => Number(x[0]) - Number(y[0])).map(([k, n]) => `${Number(k) > 0 ? '+' : ''}${k}: ${n}`).join(', ');
  return `${int(a.mismatched)} of ${int(a.checked)} gold offsets do not match their text (in ${a.articles} articles); ${int(a.realigned)} moved to the phrase nearby (shift: count ${shifts || '–'}), ${int(a.unaligned)} kept as given`;
}

const GROUP_LABELS = { scored: 'places (scored)', country: 'countries', adjectival: 'adjectival' } as const;

/** All tables of one corpus. */
export function renderCorpus(r: CorpusReport): string {
  const systems = Object.keys(r.scores);
  const g = r.gold;
  const out: string[] = [];
  out.push(`### ${CORPUS_TITLES[r.corpus]}: ${r.articles} articles, ${int(g.total)} gold toponyms`);
  out.push('');
  out.push(`Gold: ${int(g.scored)} scored places, ${int(g.country)} countries, ${int(g.adjectival)} adjectival, ${int(g.unplaced)} without coordinates (recognition only). Offsets: ${describeAlignment(r.alignment)}.`
    + (r.oddities.duplicateTexts || r.oddities.overlappingGold || r.oddities.duplicateGold
      ? ` Oddities: ${r.oddities.duplicateTexts} duplicate article texts, ${r.oddities.duplicateGold} duplicate and ${r.oddities.overlappingGold} overlapping gold spans.`
      : ''));
  out.push('');
  out.push('Recognition (all gold spans):');
  out.push('');
  out.push(table(['system', 'gold', 'predicted', 'strict P', 'strict R', 'strict F1', 'overlap P', 'overlap R', 'overlap F1'], systems.map((s) => {
    const rec = r.scores[s]!.recognition;
    return [s, int(rec.counts.gold), int(rec.counts.predicted), p3(rec.strict.precision), p3(rec.strict.recall), p3(rec.strict.f1), p3(rec.overlap.precision), p3(rec.overlap.recall), p3(rec.overlap.f1)];
  })));
  out.push('');
  out.push('Resolution given the gold spans (acc@161 counts a span without candidate as a miss; km and AUC are over the spans resolved):');
  out.push('');
  const resRows: (string | number)[][] = [];
  for (const group of SCORED_GROUPS) {
    for (const s of systems) {
      const res = r.scores[s]!.resolution[group];
      if (res.gold) resRows.push([s, GROUP_LABELS[group], int(res.gold), p3(res.acc161), p3(res.acc161Resolved), int(res.meanKm), int(res.medianKm), p3(res.auc), p3(res.noCandidateShare)]);
    }
  }
  out.push(table(['system', 'gold group', 'gold spans', 'acc@161', 'acc@161 of resolved', 'mean km', 'median km', 'AUC', 'no candidate'], resRows));
  out.push('');
  out.push('End to end (found and placed within 161 km):');
  out.push('');
  const rows: (string | number)[][] = [];
  for (const group of SCORED_GROUPS) {
    for (const s of systems) {
      const e: EndToEnd = r.scores[s]!.endToEnd[group];
      rows.push([s, GROUP_LABELS[group], int(e.gold), int(e.found161), p3(e.recall), int(e.features), int(e.correct161), p3(e.precision)]);
    }
  }
  out.push(table(['system', 'gold group', 'gold', 'found ≤161 km', 'recall@161', 'features on gold', 'within 161 km', 'precision@161'], rows));
  out.push('');
  out.push(table(['system', 'articles', 'parse total s', 'ms/article mean', 'ms/article p95', 'articles/s'], systems.map((s) => {
    const t = r.timing[s]!;
    return [s, t.articles, (t.totalMs / 1000).toFixed(2), ms(t.meanMs), ms(t.p95Ms), int(t.articlesPerSecond)];
  })));
  if (r.nonlocational) {
    const n = r.nonlocational;
    out.push('');
    out.push(`Non-locational uses plotted (newsmap; goal ≤ 0.05): ${n.plotted} of ${n.total} = ${p3(n.rate)}`);
    out.push('');
    out.push(table(['type', 'uses', 'plotted', 'rate'], Object.entries(n.byType).sort().map(([t, v]) => [t, v.total, v.plotted, p3(v.rate)])));
  }
  return out.join('\n');
}

/** Error counts and the most frequent names of each category, for the terminal only. */
export function renderErrors(r: CorpusReport, perCategory: number): string {
  const out = [`#### ${CORPUS_TITLES[r.corpus]}: newsmap's errors`, ''];
  for (const c of ERROR_CATEGORIES) {
    const ex = r.errors.examples[c].slice(0, perCategory).map(([name, n]) => (n > 1 ? `${name} ×${n}` : name));
    out.push(`- ${CATEGORY_LABELS[c]}: ${int(r.errors.counts[c])}${ex.length ? ` — ${ex.join('; ')}` : ''}`);
  }
  return out.join('\n');
}

/** The machine-readable report: every figure, error counts without examples. */
export function toJson(reports: readonly CorpusReport[], meta: Record<string, unknown>): unknown {
  return {
    ...meta,
    corpora: Object.fromEntries(reports.map((r) => [r.corpus, { ...r, errors: { counts: r.errors.counts }, floor: floorFigures(r) }])),
  };
}
