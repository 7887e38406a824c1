import { readFileSync } from 'node:fs';
import { loadIndex } from '../src/cli/loadGazetteer.ts';
import { parseArticle } from '../src/core/geoparser/parseArticle.ts';
const [file, published, broad] = process.argv.slice(2);
const index = loadIndex(undefined, broad !== 'curated');
const r = parseArticle({ id: 'x', title: 't', published: published!, text: readFileSync(file!, 'utf8') }, index);
for (const f of r.collection.features) {
  const p = f.properties;
  console.log(p.kind.padEnd(8), (p.date ?? '-').padEnd(10), (p.date_precision ?? '-').padEnd(5), String(p.actor).padEnd(14), String(p.target).padEnd(14), p.place_id.padEnd(28), JSON.stringify(p.mention), p.confidence, p.title);
}
