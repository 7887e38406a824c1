import type { NewsmapFeature } from '../../geoparser/geojson/schema.ts';

/**
 * Where a correction points in its article: the mention's words, their offsets, a little text
 * on either side and the kind of feature it corrected. Not a feature id: ids are made from a
 * parser's spans, and a new parser moves, splits and merges spans.
 */
export interface MentionAnchor {
  text: string;
  span: [number, number];
  before: string;
  after: string;
  kind?: NewsmapFeature['properties']['kind'] | undefined;
}

/** Characters of context kept on each side of a mention. */
export const CONTEXT_CHARS = 24;

/** The anchor of a feature's mention (context from the article text when there is one). */
export function anchorFor(feature: NewsmapFeature, text?: string): MentionAnchor {
  const [s, e] = feature.properties.span;
  return { text: feature.properties.mention, span: [s, e], ...context(text, s, e), kind: feature.properties.kind };
}

/** The anchor of words selected in the text (a missed place). */
export function anchorForSpan(text: string, span: [number, number]): MentionAnchor {
  return { text: text.slice(span[0], span[1]), span, ...context(text, span[0], span[1]) };
}

function context(text: string | undefined, s: number, e: number): { before: string; after: string } {
  if (!text) return { before: '', after: '' };
  return { before: text.slice(Math.max(0, s - CONTEXT_CHARS), s), after: text.slice(e, e + CONTEXT_CHARS) };
}

/** Case and spacing do not make another name: "T-4 Air Base" is "T-4 air base". */
export function mentionKey(s: string): string {
  return s.normalize('NFC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
}

/**
 * Where the anchor's words are in `text` now: at their old offsets when they are still there,
 * else the occurrence whose context matches, nearest the old offsets. Null if the words are
 * gone. Without a text, the old offsets.
 */
export function relocate(anchor: MentionAnchor, text: string | undefined): [number, number] | null {
  const [s, e] = anchor.span;
  if (text === undefined || anchor.text === '') return [s, e];
  if (text.slice(s, e) === anchor.text) return [s, e];
  let best: { at: number; score: number } | null = null;
  for (let at = text.indexOf(anchor.text); at >= 0; at = text.indexOf(anchor.text, at + 1)) {
    const end = at + anchor.text.length;
    const ctx = (anchor.before && text.slice(Math.max(0, at - anchor.before.length), at) === anchor.before ? 1 : 0) + (anchor.after && text.slice(end, end + anchor.after.length) === anchor.after ? 1 : 0);
    const score = Math.abs(at - s) - ctx * text.length;
    if (!best || score < best.score) best = { at, score };
  }
  return best ? [best.at, best.at + anchor.text.length] : null;
}

export type Attach = 'exact' | 'same-text' | 'overlap';

/**
 * The features of an article a mention-level correction now belongs to:
 * 1. the feature with the same words at the same offsets;
 * 2. else the mention with the same words (case and spacing aside) nearest the old offsets
 *    (a moved span, or the same name a sentence away);
 * 3. else the mentions overlapping the old words (a span merged into a longer one, or split
 *    into parts): the one sharing most of them, or, with `all`, every part inside them.
 * Features of the anchor's kind come first at a tie; `events` keeps only events (an edit of an
 * event's date or actor means nothing on a place). Empty when nothing is left to attach to.
 */
export function locate(
  anchor: MentionAnchor,
  features: readonly NewsmapFeature[],
  text: string | undefined,
  options: { events?: boolean; all?: boolean } = {},
): { features: NewsmapFeature[]; how: Attach } | null {
  const pool = options.events ? features.filter((f) => f.properties.kind !== 'place') : features;
  const found = relocate(anchor, text);
  // The words are no longer in the text: nothing can be theirs.
  if (!found) return null;
  const span = found;
  const key = mentionKey(anchor.text);
  const kindRank = (f: NewsmapFeature) => (anchor.kind === undefined || f.properties.kind === anchor.kind ? 0 : 1);
  const exact = pool.filter((f) => f.properties.span[0] === span[0] && f.properties.span[1] === span[1] && (key === '' || mentionKey(f.properties.mention) === key));
  if (exact.length) return { features: [exact.sort((a, b) => kindRank(a) - kindRank(b))[0]!], how: 'exact' };
  if (key !== '') {
    const same = pool.filter((f) => mentionKey(f.properties.mention) === key);
    if (same.length) {
      same.sort((a, b) => Math.abs(a.properties.span[0] - span[0]) - Math.abs(b.properties.span[0] - span[0]) || kindRank(a) - kindRank(b));
      return { features: [same[0]!], how: 'same-text' };
    }
  }
  const overlapOf = (f: NewsmapFeature) => Math.min(f.properties.span[1], span[1]) - Math.max(f.properties.span[0], span[0]);
  const overlapping = pool.filter((f) => overlapOf(f) > 0);
  if (!overlapping.length) return null;
  if (options.all) {
    const inside = overlapping.filter((f) => f.properties.span[0] >= span[0] && f.properties.span[1] <= span[1]);
    if (inside.length) return { features: inside, how: 'overlap' };
  }
  overlapping.sort((a, b) => overlapOf(b) - overlapOf(a) || kindRank(a) - kindRank(b));
  return { features: [overlapping[0]!], how: 'overlap' };
}
