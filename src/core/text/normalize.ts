/**
 * Name normalisation shared by the gazetteer index and the mention finder. Both sides go
 * through the same function, so "Ein al-Assad", "Ain al-Asad" and "Ayn Al Asad" meet on one key.
 *
 * @example
 * nameKey('Ein al-Assad') === nameKey('Ayn al Asad') // "ain asad"
 */

/** Arabic articles carry no identity in transliterated names ("al-Asad" = "Asad"). */
const ARTICLES = new Set(['al', 'el', 'ul', 'as', 'ad', 'ash', 'an', 'ar', 'at', 'az']);
const ARTICLE_WITH_HYPHEN = /^(?:al|el|ul|as|ad|ash|an|ar|at|az)$/;
const AIN = new Set(['ain', 'ein', 'ayn', 'ayin', 'ein']);

const COMBINING = /\p{M}+/gu;
/** Transliteration marks for ayn and hamza ("ʿAyn", "Qurʾan"), which news copy usually drops. */
const AYN_MARKS = /[ʿʾʻʼ]/g;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * News text repeats its words, so normalised forms are memoised; the cache is dropped when
 * it grows past a bound, keeping memory flat on any corpus.
 */
const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** Lower-case, strip diacritics and collapse transliteration variants of one word. */
export function normalizeToken(word: string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const norm = computeToken(word);
  cache.set(word, norm);
  return norm;
}

function computeToken(word: string): string {
  let w = word.normalize('NFD').replace(COMBINING, '').replace(AYN_MARKS, '').toLowerCase();
  if (w === 'el' || w === 'ul') w = 'al';
  if (AIN.has(w)) return 'ain';
  // Transliterations disagree on doubled letters (Assad/Asad, Abbas/Abas) and ou/u (Asalouyeh).
  w = w.replace(/(\p{L})\1+/gu, '$1').replace(/ou/g, 'u');
  return w;
}

/** True for a normalised token that is an article ("al", "el"), skipped when building keys. */
export function isArticleToken(norm: string, raw: string, nextChar: string | undefined): boolean {
  if (norm.length > 3) return false;
  if (norm === 'al') return true;
  // "as-Sadr", "ad-Dawr", "ash-Sham": the sun-letter articles count only when hyphenated,
  // so the English words "as", "an", "at" never vanish from a key.
  return ARTICLE_WITH_HYPHEN.test(raw.toLowerCase()) && ARTICLES.has(norm) && (nextChar === '-' || nextChar === '‑');
}

/** The lookup key of a whole name: normalised words, articles dropped, joined by spaces. */
export function nameKey(name: string): string {
  const out: string[] = [];
  for (const m of name.matchAll(WORD)) {
    const raw = m[0];
    const norm = normalizeToken(raw);
    if (!norm) continue;
    const next = name[(m.index ?? 0) + raw.length];
    if (isArticleToken(norm, raw, next)) continue;
    // A possessive "'s" is not part of a name.
    if (norm === 's' && /['’ʼ]/.test(name[(m.index ?? 0) - 1] ?? '')) continue;
    out.push(norm);
  }
  return out.join(' ');
}
