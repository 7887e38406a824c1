import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../src/core/geoparser/text/sentences.ts';
import type { Article } from '../src/core/geoparser/article.ts';
import { mulberry32 } from './prng.ts';

const root = join(import.meta.dirname, '..');

/** Sentences of the seeds and of the test articles: the material the generator recombines. */
export function sourceSentences(): string[] {
  const files = [
    ...readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => join(root, 'seeds', f)),
    ...readdirSync(join(root, 'tests/fixtures/articles')).filter((f) => f.endsWith('.txt')).map((f) => join(root, 'tests/fixtures/articles', f)),
  ];
  return files.flatMap((f) => {
    const text = readFileSync(f, 'utf8');
    return splitSentences(text).map((s) => s.text).filter((s) => s.length > 20);
  });
}

/**
 * A synthetic corpus of at least `bytes` of text: articles of 8–30 sentences drawn with a
 * seeded generator from the real sentences, grouped in paragraphs of 1–3, with published
 * dates spread over 2013–2024.
 */
export function syntheticCorpus(bytes: number, seed = 42): Article[] {
  const random = mulberry32(seed);
  const pool = sourceSentences();
  const articles: Article[] = [];
  let total = 0;
  while (total < bytes) {
    const n = 8 + Math.floor(random() * 23);
    const paragraphs: string[] = [];
    for (let i = 0; i < n;) {
      const k = Math.min(n - i, 1 + Math.floor(random() * 3));
      paragraphs.push(Array.from({ length: k }, () => pool[Math.floor(random() * pool.length)]!).join(' '));
      i += k;
    }
    const text = paragraphs.join('\n\n');
    const year = 2013 + Math.floor(random() * 12);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const id = `bench-${articles.length}`;
    articles.push({ id, title: id, published: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, text });
    total += Buffer.byteLength(text);
  }
  return articles;
}
