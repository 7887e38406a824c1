import type { Token } from '../text/tokens.ts';
import type { Place } from '../gazetteer/place.ts';
import type { ActorEntry, Lexicon } from '../events/lexicon.ts';
import type { Role, RoleInput } from './roles.ts';
import { actsAsAgent, verbGroupAt } from './verbs.ts';
import data from './data/roleCues.json' with { type: 'json' };
import { normalizeToken } from '../text/normalize.ts';

/** Nouns and verbs of a relation between two parties ("a quarrel between", "mediated between"). */
const BETWEEN_HEADS = new Set(data.betweenHeads.map(normalizeToken));

/** The actor a place can stand for: a country, or a capital listed in the lexicon. */
export function actorOfPlace(place: Place, lexicon: Lexicon): ActorEntry | undefined {
  if (place.kind === 'country') return lexicon.actorByCountry.get(place.country);
  return lexicon.actorByCapital.get(place.id);
}

/**
 * Whether a place that can stand for an actor (a country, or a capital the lexicon lists) is a
 * location or a metonym here. The rules read the words around the mention: a locative
 * preposition or verb before it makes it a location; a possessive, a following verb
 * ("Washington has warned") or a relation ("between Tehran and Jerusalem") an actor. A
 * mention joined to the previous one by "and" or a comma takes its role.
 *
 * @example
 * metonymRole(tokenize('Tehran carried out the attacks'), text, mentions, [], 0, lexicon, isTrigger) // 'actor'
 */
export function metonymRole(tokens: readonly Token[], text: string, mentions: readonly RoleInput[], roles: readonly Role[], k: number, lex: Lexicon, isTrigger: (i: number) => boolean): 'location' | 'actor' {
  const m = mentions[k]!;
  const prev = tokens[m.first - 1];
  const next = tokens[m.last + 1];
  if (next?.possessive) {
    // "Beirut's southern suburbs" is a location; "Pakistan's Foreign Ministry" is the state.
    // "Iraq's Anbar province" names the container of a place: a location too.
    const head = tokens.slice(m.last + 2, m.last + 4);
    const nextMention = mentions[k + 1];
    if (nextMention && nextMention.first === m.last + 2) return 'location';
    return head.some((t) => lex.placeNouns.has(t.norm)) ? 'location' : 'actor';
  }
  // An acronym used as a modifier: "the UK Maritime Trade Operations agency".
  if (isAcronym(tokens, m) && next && next.capitalized && next.start - tokens[m.last]!.end === 1) return 'actor';
  if (betweenRelation(tokens, m.first, lex)) return 'actor';
  if (prev) {
    // "ships linked to Israel", "fines to Iran", "solidarity with Gaza": not where anything is.
    const head = tokens[m.first - (prev.norm === 'the' ? 3 : 2)];
    if (head && lex.nonLocativeHeads.has(head.norm) && (lex.locationPrepositions.has(prev.norm) || prev.norm === 'with' || prev.norm === 'the')) return 'actor';
    // "a mistake by Washington": the agent.
    if (prev.norm === 'by') return 'actor';
    if (prev.norm === 'against') return hasTriggerBefore(m.first - 1, 5, isTrigger) ? 'location' : 'actor';
    if (prev.norm === 'with') return tokens[m.first - 2]?.norm.startsWith('border') ? 'location' : 'actor';
    if (lex.locationPrepositions.has(prev.norm) || lex.locationVerbs.has(prev.norm)) return 'location';
    if (prev.norm === 'the' && lex.locationPrepositions.has(tokens[m.first - 2]?.norm ?? '')) return 'location';
  }
  // Coordinated with the previous mention ("Iraq and Syria", "Damascus, Syria").
  const before = mentions[k - 1];
  if (before && m.first - before.last === 2 && (tokens[m.first - 1]!.norm === 'and' || tokens[m.first - 1]!.norm === 'or')) {
    // "…crossings into Uganda, and Kigali said": after a comma, "and" may open a new clause
    // with this name as its subject.
    // (Not at the end of a list: "Angola, Congo, and Uganda".)
    const earlier = mentions[k - 2];
    const list = earlier !== undefined && before.first - earlier.last === 1;
    const clause = !list && text.slice(tokens[before.last]!.end, tokens[m.first - 1]!.start).includes(',') && followedByVerb(tokens, text, mentions, k, lex);
    if (roles[k - 1] === 'location' && !clause) return 'location';
  }
  if (before && m.first - before.last === 1 && roles[k - 1] === 'location') return 'location';
  if (followedByVerb(tokens, text, mentions, k, lex)) return 'actor';
  // A bare country is the state acting; a bare capital is the city.
  return m.place.kind === 'country' ? 'actor' : 'location';
}

/** "tensions between Tehran and Jerusalem", "conflict between the front and Washington". */
function betweenRelation(tokens: readonly Token[], first: number, lex: Lexicon): boolean {
  for (let i = first - 1; i >= Math.max(0, first - 8); i--) {
    const t = tokens[i]!;
    if (t.norm === 'between' || t.norm === 'betwen') {
      const rel = tokens[i - 1];
      const rel2 = tokens[i - 2];
      const isRelation = (t: Token | undefined) => t !== undefined && (lex.relationNouns.has(t.norm) || BETWEEN_HEADS.has(t.norm));
      const relation = isRelation(rel) || isRelation(rel2);
      const position = i === first - 1 || tokens[first - 1]!.norm === 'and';
      return Boolean(relation && position);
    }
  }
  return false;
}

/** The mention (or a coordination starting with it) is the subject of a verb. */
function followedByVerb(tokens: readonly Token[], text: string, mentions: readonly RoleInput[], k: number, lex: Lexicon): boolean {
  let i = mentions[k]!.last + 1;
  let plural = false;
  // Skip "and Pakistan", ", Iraq and Syria".
  for (let j = k + 1; j < mentions.length; j++) {
    const m = mentions[j]!;
    const gap = tokens.slice(i, m.first);
    if (gap.length === 1 && (gap[0]!.norm === 'and' || gap[0]!.norm === 'or')) { i = m.last + 1; plural ||= gap[0]!.norm === 'and'; }
    else if (gap.length === 0) i = m.last + 1;
    else break;
  }
  // "Riyadh, which has held talks ..., called on", "Cairo and Doha, which have mediated": a
  // subject with a relative clause.
  const next = tokens[i];
  if (next && /^(?:which|who)$/.test(next.norm) && text.slice(tokens[i - 1]!.end, next.start).includes(',')) return true;
  // "Kyiv gave up", "Washington and Moscow discuss", "Ankara withdrew": any active verb but
  // one of where a place is or what befalls it ("Kyiv lies"); a passive is not the place
  // acting ("Kyiv was hit").
  const group = verbGroupAt(tokens, text, i, plural);
  if (group) return actsAsAgent(group);
  for (let steps = 0; steps < 4 && i < tokens.length; steps++, i++) {
    const t = tokens[i]!;
    if (lex.agentVerbs.has(t.norm)) return true;
    // An unlisted past-tense verb: "Moscow requested", "Ankara rebuffed".
    if (!t.capitalized && /[a-z]{2}ed$/.test(t.raw)) return true;
    if (!lex.adverbs.has(t.norm)) return false;
  }
  return false;
}

function hasTriggerBefore(i: number, window: number, isTrigger: (i: number) => boolean): boolean {
  for (let j = i; j >= Math.max(0, i - window); j--) if (isTrigger(j)) return true;
  return false;
}

function isAcronym(tokens: readonly Token[], m: RoleInput): boolean {
  return m.first === m.last && /^[A-Z]{2,5}$/.test(tokens[m.first]!.raw);
}

