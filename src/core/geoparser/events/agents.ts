import type { ActorMention } from './actors.ts';
import { findAttributions } from './attribution.ts';
import type { Lexicon } from './lexicon.ts';
import type { AnalysedSentence } from './types.ts';
import { scanPhrases } from '../text/phraseTable.ts';
import { sentenceView } from './sentenceView.ts';

/**
 * Rules of issue 11 about who initiated an attack, beside the older ones in extractEvents.ts.
 * All read words of lexicon.json (forceNouns, forceModifiers, attribution), never sentences.
 */

/** How far after the attack word a passive "by" phrase may name its agent. */
const BY_REACH = 8;

/**
 * A demonym initiates only as the modifier of a force, a weapon or an attack: "Turkish drones",
 * "Russian forces", "American and British warplanes", "a Russian ballistic missile", "Israeli
 * strikes". "Ukrainian officials", "Syrian state media" and "the Yemeni port" are speakers and
 * places, not attackers.
 */
export function hasForceHead(s: AnalysedSentence, a: ActorMention, lex: Lexicon): boolean {
  for (let k = a.last + 1, steps = 0; k < s.tokens.length && steps < 4; k++, steps++) {
    const norm = s.tokens[k]!.norm;
    if (lex.forceNouns.has(norm) || lex.weaponNouns.has(norm) || s.attack[k]) return true;
    const coordinated = norm === 'and' || norm === 'or' || s.actors.some((b) => b !== a && b.demonym && b.first <= k && k <= b.last);
    if (!coordinated && !lex.forceModifiers.has(norm)) return false;
  }
  return false;
}

/**
 * "Pakistan's northwestern Bannu district", "Iran's Sistan-Baluchestan province": the possessive
 * only locates the place after it. The country where an attack happened is not its initiator.
 */
export function locatesPlace(s: AnalysedSentence, a: ActorMention, lex: Lexicon): boolean {
  if (!s.tokens[a.last + 1]?.possessive) return false;
  let k = a.last + 2;
  while (k < s.tokens.length && (lex.placeModifiers.has(s.tokens[k]!.norm) || s.tokens[k]!.norm === 'the')) k++;
  return s.places.some((p) => p.first === k);
}

/**
 * The agent of a passive attack: "killed in shelling by Russian forces", "was hit by a Russian
 * missile", "drones launched by Russia". The "by" must follow the attack word closely, in its
 * clause; a demonym must head a force or a weapon.
 */
export function passiveAgent(s: AnalysedSentence, t: number, lex: Lexicon): string | null {
  for (let k = t + 1; k <= t + BY_REACH && k < s.tokens.length && s.clause[k] === s.clause[t]; k++) {
    if (s.tokens[k]!.norm !== 'by') continue;
    let first = k + 1;
    while (first < s.tokens.length && lex.agentLead.has(s.tokens[first]!.norm)) first++;
    const agent = s.actors.find((a) => a.first === first);
    if (agent && (!agent.demonym || hasForceHead(s, agent, lex))) return agent.actor.name;
    return null;
  }
  return null;
}

/**
 * An attribution in the attack's own clause or in the clause right after it: "a rocket attack
 * ... that was blamed on Iran-backed militias", "an attack claimed by Hamas".
 */
export function attributedAgent(s: AnalysedSentence, t: number, lex: Lexicon): string | null {
  const clause = s.clause[t]!;
  const hit = findAttributions(s, lex).find((a) => a.at > t && (s.clause[a.at] === clause || s.clause[a.at] === clause + 1));
  return hit?.actor ?? null;
}

/**
 * "M23 ... accused the army of shelling the camp": an attack in the complement of an
 * accusation is the accused's, never the accuser's. Returns undefined when the attack word is
 * not in such a complement, and `{ agent: null }` when the accused is no actor the lexicon knows.
 */
export function accusedAgent(s: AnalysedSentence, t: number, lex: Lexicon): { agent: string | null; from: number; to: number } | undefined {
  const of = s.tokens[t - 1]?.norm === 'of' ? t - 1 : undefined;
  if (of === undefined) return undefined;
  for (let v = of - 1; v >= Math.max(0, of - 6); v--) {
    if (!lex.attribution.accuseVerbs.has(s.tokens[v]!.norm)) continue;
    const accused = s.actors.find((a) => a.first > v && a.last < of);
    return { agent: accused ? accused.actor.name : null, from: v + 1, to: of };
  }
  return undefined;
}

/**
 * "government artillery shelled the town", "accused the army of bombing a hospital": the
 * forces of a state named by no state (lexicon.json `stateForces`) within tokens [from, to).
 * They are the forces of the state where the attack happened.
 */
export function namesStateForces(s: AnalysedSentence, from: number, to: number, lex: Lexicon): boolean {
  if (from >= to) return false;
  const { tokens, text } = sentenceView(s);
  return scanPhrases(tokens, text, lex.stateForces).some((m) => m.first >= from && m.last < to);
}
