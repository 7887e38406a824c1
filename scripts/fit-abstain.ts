// Chooses the abstain margin (src/core/geoparser/geoparse/data/abstain.json): a name whose chosen
// place leads its best rival more than 161 km away by less than the margin is not plotted.
//   npm run fit -- ... is the ranker; this is: node --import tsx scripts/fit-abstain.ts [--corpora DIR]
// Prints, per corpus, recall@161 / precision@161 of the geoparser's names (before roles and
// events, which drop a few more) for margins 0 to 1, and the cross-validated choice: the margin
// with the best mean F1 (and F0.5) on two corpora, scored on the third. Writes nothing.
import { resolve } from 'node:path';
import { loadIndex } from '../src/cli/loadGazetteer.ts';
import { readXmlCorpus } from '../src/eval/corpora.ts';
import { classifyGold, loadCountryNames } from '../src/eval/countries.ts';
import { errorKm } from '../src/eval/evaluate.ts';
import { overlaps } from '../src/eval/score.ts';
import { splitSentences } from '../src/core/geoparser/text/sentences.ts';
import { tokenize } from '../src/core/geoparser/text/tokens.ts';
import { geoparse } from '../src/core/geoparser/geoparse/geoparse.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--corpora');
const dir = resolve(at >= 0 ? args[at + 1]! : process.env.NEWSMAP_CORPORA ?? '../shared/corpora');
const CORPORA = ['tr-news', 'lgl', 'geovirus'] as const;
const GRID = Array.from({ length: 41 }, (_, i) => i * 0.025);
const index = loadIndex();
const names = loadCountryNames([...index.byId.values()].filter((p) => p.kind === 'country'));

interface Counts { gold: number; found: number; feats: number; correct: number }
const table = new Map<string, Counts[]>();
for (const name of CORPORA) {
  const rows = GRID.map(() => ({ gold: 0, found: 0, feats: 0, correct: 0 }));
  for (const a of readXmlCorpus(name, dir).articles) {
    const sentences = splitSentences(a.text).map((sentence) => ({ sentence, tokens: tokenize(sentence.text, sentence.start) }));
    const plotted = geoparse(sentences, a.text, index, { abstainMargin: 0 }).flat();
    const golds = a.toponyms.filter((g) => classifyGold(g, names) === 'scored');
    GRID.forEach((t, k) => {
      const r = rows[k]!;
      const found = new Set<number>();
      r.gold += golds.length;
      for (const n of plotted) {
        if (n.resolution.margin < t) continue;
        const p = n.resolution.place;
        const hits = golds.map((g, j) => ({ g, j })).filter(({ g }) => overlaps(n, g));
        if (!hits.length) continue;
        r.feats++;
        const right = hits.filter(({ g }) => errorKm(p, g) <= 161);
        if (right.length) r.correct++;
        for (const { j } of right) found.add(j);
      }
      r.found += found.size;
    });
  }
  table.set(name, rows);
}
const rp = (c: Counts) => `${(c.found / c.gold).toFixed(3)}/${(c.correct / c.feats).toFixed(3)}`;
console.log(`margin  ${CORPORA.join('  ')} (recall/precision@161)`);
GRID.forEach((t, k) => { if (k % 2 === 0) console.log(t.toFixed(3), CORPORA.map((c) => rp(table.get(c)![k]!)).join('  ')); });
for (const beta of [1, 0.5]) {
  const f = (c: Counts) => { const p = c.correct / c.feats; const r = c.found / c.gold; return ((1 + beta * beta) * p * r) / (beta * beta * p + r); };
  for (const held of CORPORA) {
    const train = CORPORA.filter((c) => c !== held);
    const mean = (k: number) => train.reduce((s, c) => s + f(table.get(c)![k]!), 0) / train.length;
    let best = 0;
    GRID.forEach((_, k) => { if (mean(k) > mean(best)) best = k; });
    console.log(`F${beta} fit on ${train.join('+')}: margin ${GRID[best]!.toFixed(3)}; ${held} ${rp(table.get(held)![0]!)} → ${rp(table.get(held)![best]!)}`);
  }
}
