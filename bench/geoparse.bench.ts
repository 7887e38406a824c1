/**
 * `npm run bench`: geoparses a ≥10 MB synthetic corpus with the full gazetteer (curated +
 * broad) on one core, and in the same run a ceiling (the sentence split alone, which every
 * pipeline run must pay) and a naive baseline: one case-insensitive regex per gazetteer name
 * over each sentence, on a subset (it is far too slow for the whole corpus).
 *
 * Throughput is given by the wall clock and by the process's CPU time: on a machine shared with
 * other work the wall clock counts time the process spent waiting for a core.
 */
import { cpus, totalmem } from 'node:os';
import { syntheticCorpus } from './corpus.ts';
import { loadBroadPlaces, readCurated } from '../src/cli/loadGazetteer.ts';
import { PlaceIndex } from '../src/core/geoparser/gazetteer/placeIndex.ts';
import { parseArticle } from '../src/core/geoparser/parseArticle.ts';
import { splitSentences } from '../src/core/geoparser/text/sentences.ts';
import { altNames } from '../src/core/geoparser/gazetteer/broad.ts';

const MB = 1024 * 1024;
const target = Number(process.env.BENCH_MB ?? 10) * MB;
const baselineBytes = Number(process.env.BENCH_BASELINE_KB ?? 24) * 1024;

function ms(t0: number): number {
  return performance.now() - t0;
}

/** CPU time of this process (all its threads, the collector's included) since `from`, in ms. */
function cpuMs(from: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
}

const heap0 = process.memoryUsage().heapUsed;
let t = performance.now();
const buildCpu = process.cpuUsage();
const curated = readCurated();
const broad = loadBroadPlaces();
const index = PlaceIndex.build(curated, broad);
const indexMs = ms(t);
const indexCpuMs = cpuMs(buildCpu);
const heapIndex = process.memoryUsage().heapUsed - heap0;

const corpus = syntheticCorpus(target);
const bytes = corpus.reduce((n, a) => n + Buffer.byteLength(a.text), 0);

// Warm up the JIT on a few articles, then time the whole corpus.
for (const a of corpus.slice(0, 20)) parseArticle(a, index);
t = performance.now();
const cpu = process.cpuUsage();
let features = 0;
for (const a of corpus) features += parseArticle(a, index).collection.features.length;
const parseMs = ms(t);
const parseCpuMs = cpuMs(cpu);

// Ceiling, in the same run: the sentence split alone over the same corpus. newsmap must
// segment every sentence, so it cannot be faster than this; its throughput is reported as a
// fraction of it.
const segmentAll = (texts: readonly { text: string }[]) => {
  let n = 0;
  for (const a of texts) for (const s of splitSentences(a.text)) n += s.end - s.start;
  return n;
};
segmentAll(corpus.slice(0, 20));
t = performance.now();
const segmentedChars = segmentAll(corpus);
const segmentMs = ms(t);

// Naive baseline: a regex per name (curated names, aliases and broad names) over each sentence.
const names = new Set<string>();
for (const p of curated.places) for (const n of [p.name, ...p.aliases]) names.add(n);
for (const p of broad) { names.add(p.name); for (const alt of altNames.get(p) ?? []) names.add(alt); }
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const nameList = [...names];
const subset: string[] = [];
let subsetBytes = 0;
for (const a of corpus) {
  if (subsetBytes >= baselineBytes) break;
  subset.push(a.text);
  subsetBytes += Buffer.byteLength(a.text);
}
t = performance.now();
let naiveHits = 0;
const sentences = subset.flatMap((text) => splitSentences(text).map((s) => s.text));
// The world layer has ~470,000 names; their compiled regexes do not fit in the heap at once,
// so they are made and run in chunks: the same work and hits, in bounded memory.
for (let i = 0; i < nameList.length; i += 50_000) {
  const regexes = nameList.slice(i, i + 50_000).map((n) => new RegExp(`\\b${escape(n)}\\b`, 'i'));
  for (const s of sentences) for (const r of regexes) if (r.test(s)) naiveHits++;
}
const naiveMs = ms(t);

// The same subset through newsmap, for a like-for-like ratio.
const subsetArticles = corpus.slice(0, subset.length);
t = performance.now();
for (const a of subsetArticles) parseArticle(a, index);
const subsetMs = ms(t);

const mbps = (b: number, m: number) => b / MB / (m / 1000);
const out = {
  machine: `${cpus()[0]?.model ?? 'unknown cpu'} × ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, one thread`,
  gazetteer: { places: index.byId.size, names: index.size, build_ms: Math.round(indexMs), build_cpu_ms: Math.round(indexCpuMs), heap_mb: Math.round(heapIndex / MB) },
  corpus: { articles: corpus.length, mb: +(bytes / MB).toFixed(1), features },
  newsmap: {
    mb_per_s: +mbps(bytes, parseMs).toFixed(2), articles_per_s: Math.round(corpus.length / (parseMs / 1000)), total_s: +(parseMs / 1000).toFixed(1),
    articles_per_cpu_s: Math.round(corpus.length / (parseCpuMs / 1000)), cpu_s: +(parseCpuMs / 1000).toFixed(1),
  },
  segmenter_ceiling: {
    what: 'splitSentences alone (the sentence split every parse pays)',
    mb_per_s: +mbps(bytes, segmentMs).toFixed(2), chars: segmentedChars,
    newsmap_fraction: +(segmentMs / parseMs).toFixed(3),
  },
  naive_baseline: { names: nameList.length, subset_kb: Math.round(subsetBytes / 1024), mb_per_s: +mbps(subsetBytes, naiveMs).toFixed(4), hits: naiveHits },
  newsmap_on_same_subset: { mb_per_s: +mbps(subsetBytes, subsetMs).toFixed(2) },
  speedup_vs_naive: Math.round(naiveMs / subsetMs),
};
console.log(JSON.stringify(out, null, 2));
