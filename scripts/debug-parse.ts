import { readFileSync } from 'node:fs';
import { parseGazetteerJson } from '../src/core/gazetteer/validate.ts';
import { PlaceIndex } from '../src/core/gazetteer/placeIndex.ts';
import { parseArticle } from '../src/core/parseArticle.ts';
const [file, published] = process.argv.slice(2);
const gaz = parseGazetteerJson(readFileSync('data/gazetteer.json', 'utf8'), 'data/gazetteer.json');
const index = PlaceIndex.build(gaz);
const r = parseArticle({ id: 'x', title: 't', published: published!, text: readFileSync(file!, 'utf8') }, index);
for (const f of r.collection.features) {
  const p = f.properties;
  console.log(p.kind.padEnd(8), (p.date ?? '-').padEnd(10), (p.date_precision ?? '-').padEnd(5), String(p.actor).padEnd(14), String(p.target).padEnd(14), p.place_id.padEnd(28), JSON.stringify(p.mention), p.confidence, p.title);
}
