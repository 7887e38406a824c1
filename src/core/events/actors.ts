import type { Token } from '../text/tokens.ts';
import { scanPhrases } from '../text/phraseTable.ts';
import type { ActorEntry, Lexicon } from './lexicon.ts';

/** A word or phrase that names an actor: "IRGC", "Israeli", "US", or a metonym "Tehran". */
export interface ActorMention {
  first: number;
  last: number;
  actor: ActorEntry;
  /** "Iranian consulate": modifies the noun after it. */
  demonym: boolean;
  /** Set when the mention is a place standing for its government (a metonym). */
  metonym?: boolean;
}

/**
 * Finds actor names and demonyms from the lexicon. All-caps acronyms match only in capitals,
 * so the pronoun "us" is never the United States.
 *
 * @example
 * findActorMentions(tokenize('The IRGC fired'), 'The IRGC fired', lexicon)[0].actor.name // "Iran"
 */
export function findActorMentions(tokens: readonly Token[], text: string, lexicon: Lexicon): ActorMention[] {
  const out: ActorMention[] = [];
  for (const m of scanPhrases(tokens, text, lexicon.actorPhrases)) {
    const raw = tokens.slice(m.first, m.last + 1).map((t) => t.raw).join('');
    const phrase = m.values.find((v) => v.caseSensitive === null || v.caseSensitive === raw);
    if (!phrase) continue;
    if (phrase.caseSensitive === null && !tokens[m.first]!.capitalized) continue;
    out.push({ first: m.first, last: m.last, actor: phrase.actor, demonym: phrase.demonym });
  }
  return out;
}
