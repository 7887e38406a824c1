import { describe, it, expect } from 'vitest';
import { decodeArticle, checkArticleSize, ArticleFileError, MAX_ARTICLE_BYTES } from '../../src/core/geoparser/text/decodeArticle.ts';

/**
 * Hardening matrix, worker rows: the browser worker decodes dropped files with the same
 * function as the CLI, so the same bad inputs get the same one-line refusals.
 */
const enc = (s: string) => new TextEncoder().encode(s);

describe('hardening: dropped article files (worker)', () => {
  const rows: [string, Uint8Array, RegExp][] = [
    ['an empty file', new Uint8Array(0), /^drop\.txt: empty file$/],
    ['whitespace only', enc(' \n\t '), /^drop\.txt: contains only whitespace$/],
    ['a binary file', new Uint8Array([80, 75, 3, 4, 0, 0]), /^drop\.txt: binary file \(NUL byte at offset 4\)/],
    ['Latin-1', new Uint8Array([0x42, 0x65, 0x69, 0x72, 0x75, 0x74, 0x0a, 0x63, 0x61, 0x66, 0xe9]), /^drop\.txt: not valid UTF-8 \(line 2\)/],
  ];
  for (const [what, bytes, message] of rows) {
    it(`refuses ${what} in one line`, () => {
      expect(() => decodeArticle(bytes, 'drop.txt')).toThrow(ArticleFileError);
      expect(() => decodeArticle(bytes, 'drop.txt')).toThrow(message);
    });
  }

  it('refuses an article over the stated limit', () => {
    expect(() => checkArticleSize(50 * 1024 * 1024, 'drop.txt')).toThrow(/too large \(50\.0 MB\); the limit is 8 MB per article/);
    expect(() => checkArticleSize(MAX_ARTICLE_BYTES, 'drop.txt')).not.toThrow();
  });

  it('drops a UTF-8 byte-order mark and keeps the text', () => {
    expect(decodeArticle(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Erbil')]), 'drop.txt')).toBe('Erbil');
  });
});
