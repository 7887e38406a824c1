const PUBLISHED = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The published date as typed: YYYY-MM-DD, YYYY-MM or YYYY, and a real calendar date. Null when fine. */
export function publishedProblem(value: string): string | null {
  const m = PUBLISHED.exec(value.trim());
  if (!m) return `Published: "${value}" is not YYYY-MM-DD, YYYY-MM or YYYY`;
  const [, y, mo, d] = m;
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) return `Published: month ${mo} does not exist`;
  if (d !== undefined) {
    const days = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
    if (Number(d) < 1 || Number(d) > days) return `Published: "${value}" does not exist`;
  }
  return null;
}

/** An optional source link: only http(s) URLs, so a `javascript:` link can never be stored. */
export function sourceUrl(value: string): { url: string | null; problem: string | null } {
  const v = value.trim();
  if (v === '') return { url: null, problem: null };
  try {
    const u = new URL(v);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return { url: null, problem: `Source URL: only http and https links are accepted (got ${u.protocol})` };
    return { url: u.href, problem: null };
  } catch {
    return { url: null, problem: `Source URL: "${v}" is not a URL` };
  }
}

/** A safe href for a stored source, or null: never anything but http(s). */
export function safeHref(source: string | null): string | null {
  if (!source) return null;
  return sourceUrl(source).url;
}

/** A new article id that cannot clash with a seed id. */
export function newArticleId(now = Date.now(), rand = Math.random()): string {
  return `user-${now.toString(36)}-${Math.floor(rand * 36 ** 4).toString(36).padStart(4, '0')}`;
}
