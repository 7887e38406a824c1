import type { Token } from '../text/tokens.ts';
import type { AnalysedSentence } from './types.ts';

/** A sentence's tokens with offsets into the sentence's own text, which phrase scans read. */
export interface SentenceView {
  tokens: Token[];
  text: string;
}

const views = new WeakMap<AnalysedSentence, SentenceView>();

/**
 * The tokens of `s` re-based to `s.sentence.text`. The event rules receive sentences, not the
 * article text their token offsets point into; a phrase scan (`scanPhrases`) needs both to
 * agree. Built once per sentence, and only for sentences that hold a strike or an attribution.
 *
 * @example
 * const { tokens, text } = sentenceView(s);
 * scanPhrases(tokens, text, table);
 */
export function sentenceView(s: AnalysedSentence): SentenceView {
  let view = views.get(s);
  if (!view) {
    const base = s.sentence.start;
    view = { tokens: s.tokens.map((t) => ({ ...t, start: t.start - base, end: t.end - base })), text: s.sentence.text };
    views.set(s, view);
  }
  return view;
}
