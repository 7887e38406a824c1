import type { Token } from '../text/tokens.ts';
import { scanPhrases, type PhraseTable } from '../text/phraseTable.ts';
import type { ActorEntry, ActorPhrase, Lexicon } from './lexicon.ts';

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
  if (lexicon.possessiveActorPhrases.size) {
    for (const m of scanAcrossPossessives(tokens, lexicon.possessiveActorPhrases)) {
      if (!tokens[m.first]!.capitalized || out.some((o) => o.first <= m.last && m.first <= o.last)) continue;
      out.push({ first: m.first, last: m.last, actor: m.values[0]!.actor, demonym: false });
    }
    out.sort((a, b) => a.first - b.first);
  }
  return out;
}

/**
 * Longest matches of names that hold a possessive ("People's Defence Force"): the phrase
 * scan stops at every "'s", so these few names are walked here with the "'s" skipped.
 */
function scanAcrossPossessives(tokens: readonly Token[], table: PhraseTable<ActorPhrase>): { first: number; last: number; values: ActorPhrase[] }[] {
  const out: { first: number; last: number; values: ActorPhrase[] }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let node = table.start(tokens[i]!.norm);
    let best: { last: number; values: ActorPhrase[] } | undefined;
    for (let j = i + 1; node?.next && j < tokens.length; j++) {
      const t = tokens[j]!;
      if (t.possessive) continue;
      node = node.next.get(t.norm);
      if (node?.values) best = { last: j, values: node.values };
    }
    if (best) {
      out.push({ first: i, ...best });
      i = best.last;
    }
  }
  return out;
}
