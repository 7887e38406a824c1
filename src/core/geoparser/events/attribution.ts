import { scanPhrases } from '../text/phraseTable.ts';
import type { ActorMention } from './actors.ts';
import type { Lexicon } from './lexicon.ts';
import { sentenceView } from './sentenceView.ts';
import type { AnalysedSentence } from './types.ts';

/** An attack put down to an actor: "blamed the attack on M23", "the TTP claimed responsibility". */
export interface Attribution {
  actor: string;
  /** Token index of the attributing word or phrase. */
  at: number;
  /**
   * The attack is named by a definite noun phrase ("the attack", "the checkpoint attack"), so it
   * refers back to an attack of an earlier sentence; "an attack claimed by Hamas" does not.
   */
  anaphoric: boolean;
}

/**
 * The attributions of one sentence (rules and words in lexicon.json, `attribution`):
 * - a blame verb, its object and a link, then the actor: "Police blamed the attack on the TTP",
 *   "a rocket attack that was blamed on Iran-backed militias", "attributed to al-Shabaab";
 * - the actor, then a claim: "The TTP claimed responsibility for the checkpoint attack";
 * - a claim, then the actor: "an attack claimed by Hamas", "shelling carried out by Russian forces".
 * A negation undoes a claim ("No group has claimed responsibility", "M23 denied responsibility"
 * is no claim in the first place).
 *
 * @example
 * findAttributions(sentence('The army blamed the attack on M23 rebels.'), lex) // [{ actor: 'M23', at: 2, anaphoric: true }]
 */
export function findAttributions(s: AnalysedSentence, lex: Lexicon): Attribution[] {
  const a = lex.attribution;
  const out: Attribution[] = [];
  const tokens = s.tokens;
  // Most sentences hold no attribution word: skip them before any scan or copy.
  if (!tokens.some((t) => a.blameVerbs.has(t.norm) || a.agentBefore.start(t.norm) || a.agentAfter.start(t.norm))) return out;
  const negated = (from: number, to: number) => tokens.slice(Math.max(0, from), to).some((t) => a.negations.has(t.norm));
  const definiteAttack = (from: number, to: number) => {
    for (let k = Math.max(0, from); k < Math.min(to, tokens.length); k++) {
      if (!s.attack[k]) continue;
      for (let d = k - 1; d >= from && d >= k - 3; d--) if (lex.definiteDeterminers.has(tokens[d]!.norm) || tokens[d]!.possessive) return true;
    }
    return false;
  };
  const actorAt = (from: number, to: number): ActorMention | undefined =>
    s.actors.find((m) => m.first >= from && m.first <= to && !(m.demonym && !lex.forceNouns.has(tokens[m.last + 1]?.norm ?? '')));

  tokens.forEach((t, i) => {
    if (!a.blameVerbs.has(t.norm) || negated(i - 3, i)) return;
    for (let j = i + 1; j <= i + 8 && j < tokens.length; j++) {
      if (!a.blameLinks.has(tokens[j]!.norm)) continue;
      const actor = actorAt(j + 1, j + 3);
      // "the official blamed it on JNIM": a pronoun object points back as a definite attack does.
      const pronoun = j === i + 2 && lex.attribution.objectPronouns.has(tokens[i + 1]!.norm);
      if (actor) out.push({ actor: actor.actor.name, at: i, anaphoric: pronoun || definiteAttack(i + 1, j) });
      return;
    }
  });
  const { tokens: viewTokens, text } = sentenceView(s);
  for (const m of scanPhrases(viewTokens, text, a.agentBefore)) {
    const actor = s.actors.filter((x) => x.last < m.first && m.first - x.last <= 6 && s.clause[x.first] === s.clause[m.first]).pop();
    if (!actor || negated(actor.last + 1, m.first)) continue;
    if (actor.demonym && !lex.forceNouns.has(tokens[actor.last + 1]?.norm ?? '')) continue;
    out.push({ actor: actor.actor.name, at: m.first, anaphoric: definiteAttack(m.first, m.last + 6) });
  }
  for (const m of scanPhrases(viewTokens, text, a.agentAfter)) {
    const actor = actorAt(m.last + 1, m.last + 3);
    // "The assault was claimed by ...": a definite attack just before the claim points back; "an attack claimed by Hamas" does not.
    if (actor && !negated(m.first - 3, m.first)) out.push({ actor: actor.actor.name, at: m.first, anaphoric: definiteAttack(m.first - 4, m.first) });
  }
  return out.sort((x, y) => x.at - y.at);
}
