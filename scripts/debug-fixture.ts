import { readFileSync } from 'node:fs';
import { loadIndex } from '../src/cli/loadGazetteer.ts';
import { parseArticle } from '../src/core/geoparser/parseArticle.ts';
const slug = process.argv[2]!;
const fx = JSON.parse(readFileSync(`tests/fixtures/articles/${slug}.expected.json`, 'utf8'));
const text = readFileSync(`tests/fixtures/articles/${slug}.txt`, 'utf8');
const r = parseArticle({ id: slug, title: fx.title, published: fx.published, text }, loadIndex());
for (const f of r.collection.features) {
  const p = f.properties;
  console.log(p.kind.padEnd(8), (p.date ?? '-').padEnd(10), (p.date_precision ?? '-').padEnd(5), String(p.actor).padEnd(14), String(p.target).padEnd(12), p.place_id.padEnd(26), JSON.stringify(p.mention));
}
console.log('--- expected (non-optional)');
for (const e of fx.expect) if (!e.optional) console.log(e.kind.padEnd(8), String(e.date ?? '').padEnd(10), String(e.date_precision ?? '').padEnd(5), String(e.actor ?? '').padEnd(14), e.place_id);
console.log('not plotted:', fx.not_plotted.join(', '));
