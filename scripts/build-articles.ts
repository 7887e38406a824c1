/**
 * Builds public/data/articles.json — the texts the dashboard's reader shows — from
 * seeds/articles.json and the seed .txt files. Spans in the corpus index these exact strings,
 * so the text is copied byte for byte (only decoded as UTF-8), never trimmed or normalised.
 *
 *   node --import tsx scripts/build-articles.ts [SEEDS_DIR=seeds] [OUT=public/data/articles.json]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

interface SeedEntry {
  id: string;
  title: string;
  published: string | null;
  source: string | null;
  file: string;
}

const seedsDir = process.argv[2] ?? 'seeds';
const out = process.argv[3] ?? 'public/data/articles.json';

const entries = JSON.parse(readFileSync(join(seedsDir, 'articles.json'), 'utf8')) as SeedEntry[];
// Same decoding as the CLI (src/cli/readArticleFile.ts): strict UTF-8, BOM dropped. Any other
// change would shift every span.
function readText(file: string): string {
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(readFileSync(file));
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const articles = entries.map((e) => ({
  id: e.id,
  title: e.title,
  published: e.published ?? '',
  source: e.source ?? null,
  text: readText(join(seedsDir, e.file)),
}));
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(articles, null, 1));
console.error(`wrote ${articles.length} articles to ${out}`);
