import data from './data/roleCues.json' with { type: 'json' };
import type { Token } from '../text/tokens.ts';
import { joined } from '../text/phraseTable.ts';
import { normalizeToken } from '../text/normalize.ts';
import type { Place } from '../gazetteer/place.ts';
import type { Lexicon } from '../events/lexicon.ts';
import { getCues } from '../geoparse/cues.ts';
import { isDateline, isHeadline } from '../geoparse/recognise.ts';
import { actorOfPlace, metonymRole } from './metonyms.ts';
import { subjectVerb } from './verbs.ts';

/**
 * The role stage: what a recognised place name does in its sentence.
 * - `location`: where something is or happens ("into Israel", "in Damascus", "Boston's mayor");
 * - `actor`: a metonym for a government the lexicon knows ("Tehran carried out", "Pakistan's
 *   Foreign Ministry"), which feeds the event's actors;
 * - `other`: any other non-locational use: a team ("Chelsea beat Liverpool", "Texas Rangers"),
 *   an organisation or newspaper ("Washington Post", "Bank of America"), a person ("Paris
 *   Hilton"), a treaty, event or product ("the Paris agreement", "Lyme disease"), or a
 *   government the lexicon does not list ("Ottawa announced").
 * Only locations become map features.
 */
export type Role = 'location' | 'actor' | 'other';

export interface RoleInput {
  first: number;
  last: number;
  place: Place;
  /** The name's other candidates: "Washington" the state may be Washington the government. */
  candidates?: readonly Place[];
}

/** A mention's role, and the place it stands for (a metonym's capital may not be the ranked place). */
export interface RoleResult {
  role: Role;
  place: Place;
  /** Which rule decided (for the eval's error lists and tests): "dateline", "longer name", "team"… */
  reason: string;
}

const set = (words: readonly string[]) => new Set(words.map(normalizeToken));
const GOVERNMENT_VERBS = set(data.governmentVerbs);
const AUXILIARIES = set(data.auxiliaries);
const SPORTS_VERBS = set(data.sportsVerbs);
const SPORTS_PREPOSITIONS = set(data.sportsPrepositions);
const SPORTS_CONTEXT = set(data.sportsContext);
const SPORTS_CONTEXT_STRICT = set(data.sportsContextStrict);
const NON_LOCATIVE_HEADS = set(data.nonLocativeHeads);
const MEDIA_MODIFIERS = set(data.mediaModifiers);
const MEDIA_HEADS = set(data.mediaHeads);
const TOLD = set(['told', 'tell', 'tells', 'telling']);
const ORGANISATION_OF = set(data.organisationOf);
const PLACE_QUALIFIERS = set(data.placeQualifiers);
const RELATION_HEADS = set(data.relationHeads);
const OBJECT_VERBS = set(data.objectVerbs);
/** "City of London", "Republic of Korea", "Mayor of London": heads before "of" that keep a place a place. */
const PLACE_OF_HEADS = set(['city', 'state', 'province', 'republic', 'kingdom', 'isle', 'islands', 'island', 'gulf', 'bay', 'sea', 'strait', 'straits', 'county', 'district', 'region', 'town', 'village', 'port', 'commonwealth', 'emirate', 'principality', 'duchy', 'borough', 'territory', 'capital', 'people', 'mayor', 'governor', 'citizens', 'residents', 'north', 'south', 'east', 'west', 'centre', 'center', 'outskirts', 'suburbs']);
/** A score such as "6-3" or "2–1": the sentence is about a game. */
const SCORE = /\b\d{1,3}\s?[-–]\s?\d{1,3}\b/;

/**
 * Classifies each mention of a sentence.
 *
 * @example
 * classifyRoles(tokenize('The Texas Rangers beat Houston in Arlington'), ...) // ['other', 'other', 'location']
 */
export function classifyRoles(tokens: readonly Token[], text: string, mentions: readonly RoleInput[], lexicon: Lexicon, isTrigger: (i: number) => boolean, sentenceIndex = 1): RoleResult[] {
  const roles: Role[] = [];
  const reasons: string[] = [];
  const places = mentions.map((m) => m.place);
  const headline = sentenceIndex === 0 && isHeadline(tokens);
  const sports = isAboutSport(tokens, text);
  mentions.forEach((m, k) => {
    // "Hamas", "Hezbollah": the name of an actor the lexicon knows, which some village bears too.
    if (namesAnActor(tokens, m, lexicon)) {
      roles.push('other'); reasons.push('actor name');
      return;
    }
    // "NAIROBI, Kenya, May 4 (Reuters) -": where the story was filed.
    if (m.first === 0 && isDateline(text, tokens, m.last)) {
      roles.push('location'); reasons.push('dateline');
      return;
    }
    const longer = headline ? null : partOfLongerName(tokens, text, m, mentions) ?? (namesSomethingElse(tokens, text, m) ? 'names a thing' : null);
    if (longer) {
      roles.push('other'); reasons.push(`longer name: ${longer}`);
      return;
    }
    if (sports && playsAsTeam(tokens, text, mentions, k)) {
      roles.push('other'); reasons.push('team');
      return;
    }
    // "told al-Mayadeen that", "told Reuters": whoever is told something is a listener (an
    // outlet, a person), never where something is. A government told is caught below first.
    const before = tokens[m.first - 1]?.norm === 'al' || tokens[m.first - 1]?.norm === 'el' ? tokens[m.first - 2] : tokens[m.first - 1];
    const told = TOLD.has(before?.norm ?? '');
    const state = standsForState(m.place, lexicon) ? m.place : m.candidates?.find((c) => standsForState(c, lexicon));
    if (state) {
      const metonym = metonymRole(tokens, text, mentions, roles, k, lexicon, isTrigger) === 'actor' || addressedAsGovernment(tokens, m, mentions) || coordinatedWithMetonym(tokens, text, mentions, reasons, k);
      if (metonym) {
        // "said Washington would respond": the government, whichever Washington was ranked first.
        places[k] = state;
        // A government the lexicon does not list is not an actor of the events, but not a location either.
        roles.push(actorOfPlace(state, lexicon) ? 'actor' : 'other'); reasons.push('metonym');
        return;
      }
      if (state === m.place) {
        roles.push('location'); reasons.push('state as place');
        return;
      }
    }
    if (told) {
      roles.push('other'); reasons.push('told');
      return;
    }
    const government = actsAsGovernment(tokens, mentions, k) || (isSeat(m.place) && addressedAsGovernment(tokens, m, mentions));
    roles.push(government ? 'other' : 'location'); reasons.push(government ? 'government' : 'default');
  });
  return roles.map((role, k) => ({ role, place: places[k]!, reason: reasons[k]! }));
}

/**
 * The name is part of a longer proper name: "Boston Globe", "Texas Rangers", "Paris Hilton",
 * "Real Madrid", "George Washington", "University of Chicago", "Bank of America". A following
 * word that keeps it a place ("Toronto Police", "Kharkiv Governor", "Lamar County") does not count.
 */
/** "of" and the particles that mean it in the Romance names English copy keeps as they are. */
const OF_WORDS = new Set(['of', 'de', 'del', 'des', 'du', 'di', 'da']);

function partOfLongerName(tokens: readonly Token[], text: string, m: RoleInput, mentions: readonly RoleInput[]): string | null {
  const cues = getCues();
  // A name followed by more capitalised words, up to a title ("Fargo Police Chief Keith
  // Ternes"): English compounds are head-final, so the last word says what the whole names.
  // An office the place runs for itself says where it is ("Torrington Fire Department",
  // "Georgia Bureau of Investigation", "Ohio Senate"); a team, a newspaper, a company or an
  // event anywhere in it does not ("Boston Globe", "Houston Astros", "Texas Instruments",
  // "Dubai World Cup", "the Chicago Fire").
  const run: Token[] = [];
  for (let i = m.last + 1, prev = tokens[m.last]!; i < Math.min(tokens.length, m.last + 6); prev = tokens[i]!, i++) {
    const t = tokens[i]!;
    // A title ends the run ("Fargo Police Chief Keith Ternes"), unless a hyphen makes it part of
    // a compound name ("Paris Saint-Germain").
    const next = tokens[i + 1];
    const inCompound = next !== undefined && next.capitalized && next.start === t.end + 1 && /[-\u2010\u2011]/.test(text[t.end]!);
    if (!t.capitalized || t.possessive || !joined(text, prev, t) || (cues.titles.has(t.norm) && !inCompound)) break;
    run.push(t);
  }
  const office = run.length > 0 && cues.officeHeads.has(run[run.length - 1]!.norm);
  // "The City Council", "Border Police", "Continental Chairman": English words before an
  // office or a title name the office or the firm, not a place.
  const titled = cues.titles.has(tokens[m.last + run.length + 1]?.norm ?? '') && joined(text, tokens[m.last + run.length]!, tokens[m.last + run.length + 1]!);
  if ((office || (titled && !run.length)) && tokens.slice(m.first, m.last + 1).every((t) => t.norm === 'the' || cues.commonCount(t.norm) > 0)) return 'names an office';
  // "Georgia O'Keeffe", "George Washington": a first name that is also a place, followed by
  // a surname (no English word) or by another place name, is a person.
  const head = run[0];
  if (m.first === m.last && head && !office && /^\s+$/.test(text.slice(tokens[m.last]!.end, head.start)) && cues.isFirstName(tokens[m.first]!.raw) && !cues.divisionWords.has(head.norm) && !cues.placeNouns.has(head.norm)
    && (mentions.some((o) => o.first === m.last + 1) || run.every((t) => cues.commonCountExact(t.raw) === 0 && !/^[\p{Lu}\d]{2,}$/u.test(t.raw)))) return 'first name';
  if (!office) {
    for (const t of run) if (cues.organisationHeads.has(t.norm) || cues.organisationFollowers.has(t.norm) || NON_LOCATIVE_HEADS.has(t.norm) || teamLike(t, cues)) return `head ${t.norm}`;
    // "Paris Hilton", "Jack London"'s reverse: a name that is no English word, no title and no
    // place of its own right after the place name makes one longer name, a person's or a firm's.
    // Only a two-word name: longer runs are mostly a place's own offices and schools ("Dublin
    // Coffman High School"), and an acronym is a unit of it ("Gainesville VFW").
    // A hyphenated compound is one word ("Paris Saint-Germain" as "Paris Hilton").
    const t = run[0];
    const compound = t !== undefined && run.length > 1 && run.every((u, j) => j === 0 || !/\s/.test(text.slice(run[j - 1]!.end, u.start)));
    const word = t === undefined ? '' : compound ? text.slice(t.start, run[run.length - 1]!.end) : t.raw;
    const last = run[run.length - 1];
    const after = tokens[m.last + run.length + 1];
    const twoWords = t !== undefined && (run.length === 1 || compound) && !(after && after.capitalized && joined(text, last!, after));
    if (t && twoWords && !/^[\p{Lu}\d]+$/u.test(t.raw) && cues.commonCountExact(word) === 0 && !cues.divisionWords.has(t.norm) && !mentions.some((o) => o.first === m.last + 1)) return 'two-word name';
  }
  // "the University of Chicago", "the Bank of England": a common noun heading an institution's
  // name, which a town somewhere happens to bear.
  const next = tokens[m.last + 1];
  const institutionHead = cues.commonCount(tokens[m.first]!.norm) > 0 || tokens[m.first - 1]?.norm === 'the';
  // Romance names join the same way ("Tour de France", "Banco de Chile").
  if (m.first === m.last && next !== undefined && OF_WORDS.has(next.raw.toLowerCase()) && tokens[m.last + 2]?.capitalized && institutionHead) return 'institution of';
  const prev = tokens[m.first - 1];
  if (prev && prev.capitalized && !prev.article && !prev.possessive && joined(text, prev, tokens[m.first]!)) {
    // "And Texas…", "CORSICANA — A Henderson County woman": a capitalised word opening the
    // sentence or a clause after a dash, colon or quote.
    const opening = m.first - 1 === 0 || /[—–:"“(]|--/.test(text.slice(tokens[m.first - 2]!.end, prev.start));
    const conjunctionOpening = opening && cues.commonCount(prev.norm) > 0 && !cues.isFirstName(prev.raw);
    // "Sunday Alexandria Police": a day or a month before the name is a date, not part of it.
    const date = cues.calendarWords.has(prev.norm);
    // "Rep. Jerry McNerney, D-Pleasanton": a legislator's party and home town.
    const hyphen = /^[-–]$/.test(text.slice(prev.end, tokens[m.first]!.start));
    const party = hyphen && /^[A-Z]$/.test(prev.raw);
    // "Fargo-Moorhead", "the Greenbrier-Pocahontas County boundary": two places joined.
    const pair = hyphen && mentions.some((o) => o.last === m.first - 1);
    if (date || party || pair) return null;
    // "US Ein al-Asad airbase", "UN Kabul office": an acronym before a name modifies it.
    const acronym = /^[\p{Lu}\d]{2,5}$/u.test(prev.raw);
    // …unless the name runs on too ("the UK Maritime Trade Operations"): then it is inside one.
    const runsOn = next !== undefined && next.capitalized && !next.possessive && joined(text, tokens[m.last]!, next);
    if (!conjunctionOpening && (!acronym || runsOn) && !PLACE_QUALIFIERS.has(prev.norm) && !cues.locativePrepositions.has(prev.norm) && !cues.titles.has(prev.norm) && !TITLE_PARTICLES.has(prev.norm)) return 'capital before';
  }
  // "<Name> of X": an institution named after the place, unless the head is a place's own.
  if (prev?.norm === 'of') {
    const head = tokens[m.first - 2];
    // "Steven Sachs of Alexandria", "Rep. Smith of Houston": a person and where they live.
    if (head && personEndsAt(tokens, text, m.first - 2)) return null;
    if (head && head.capitalized && joined(text, head, prev) && (ORGANISATION_OF.has(head.norm) || (!PLACE_OF_HEADS.has(head.norm) && !cues.titles.has(head.norm) && !cues.placeNouns.has(head.norm)))) {
      return m.first - 2 !== 0 || ORGANISATION_OF.has(head.norm) ? `${head.norm} of` : null;
    }
  }
  return null;
}

/**
 * A person's name ends at token `i` (read backwards over its capitalised run): the run starts
 * with a common first name or follows a title ("Steven Sachs", "Mr. Sachs", "Bob Smith Jr."),
 * or is two or more words none of which is an English word ("Parviz Moayyad").
 */
function personEndsAt(tokens: readonly Token[], text: string, i: number): boolean {
  const cues = getCues();
  if (!tokens[i]!.capitalized || ORGANISATION_OF.has(tokens[i]!.norm) || cues.organisationHeads.has(tokens[i]!.norm)) return false;
  let j = i;
  while (j > 0 && tokens[j - 1]!.capitalized && !tokens[j - 1]!.possessive && joined(text, tokens[j - 1]!, tokens[j]!) && i - j < 4) j--;
  const run = tokens.slice(j, i + 1).filter((t) => !cues.nameFollowers.has(t.norm));
  if (!run.length) return false;
  if (cues.titles.has(tokens[j - 1]?.norm ?? '') || cues.titles.has(run[0]!.norm)) return true;
  if (run.length < 2) return false;
  if (cues.isFirstName(run[0]!.raw) && !cues.organisationHeads.has(run[run.length - 1]!.norm)) return true;
  // …but not a brand written in capitals or camel case ("BlueCross BlueShield").
  return run.every((t) => cues.commonCountExact(t.raw) === 0 && !/^[\p{Lu}\d]+$/u.test(t.raw) && !/\p{Ll}\p{Lu}/u.test(t.raw));
}

/** Capitalised prepositions inside titles ("Six Flags Over Texas"): not a name of their own. */
const TITLE_PARTICLES = set(['over', 'of', 'in', 'at', 'for', 'on', 'upon', 'and', 'the', 'to']);

/** A plural that is not an English word: a team's name ("Astros", "Celtics", "Leafs"). */
function teamLike(t: Token, cues: ReturnType<typeof getCues>): boolean {
  return /^\p{Lu}\p{Ll}+s$/u.test(t.raw) && cues.commonCount(t.norm) === 0 && cues.commonCount(t.norm.slice(0, -1)) < 50;
}

/** "the Paris agreement", "Lyme disease", "Kobe beef", "the Dubai summit": the name qualifies a thing. */
function namesSomethingElse(tokens: readonly Token[], text: string, m: RoleInput): boolean {
  const next = tokens[m.last + 1];
  if (next === undefined || !joined(text, tokens[m.last]!, next)) return false;
  if (NON_LOCATIVE_HEADS.has(next.norm)) return true;
  // "al-Mayadeen news channel", "the Anadolu news agency": an outlet named after a place.
  const head = tokens[m.last + 2];
  return MEDIA_MODIFIERS.has(next.norm) && head !== undefined && joined(text, next, head) && MEDIA_HEADS.has(head.norm);
}

/** A score, or a word that only a game has ("league", "striker", "relegation"). */
function strictlyAboutSport(tokens: readonly Token[], text: string): boolean {
  if (tokens.length && SCORE.test(text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end))) return true;
  return tokens.some((t) => SPORTS_CONTEXT_STRICT.has(t.norm));
}

function isAboutSport(tokens: readonly Token[], text: string): boolean {
  if (tokens.length && SCORE.test(text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end))) return true;
  return tokens.some((t) => SPORTS_CONTEXT.has(t.norm));
}

/** In a sentence about a game: "Chelsea beat Liverpool", "lost to Valencia", "England host Greece". */
function playsAsTeam(tokens: readonly Token[], text: string, mentions: readonly RoleInput[], k: number): boolean {
  const m = mentions[k]!;
  const prev = tokens[m.first - 1];
  if (prev && (SPORTS_VERBS.has(prev.norm) || SPORTS_PREPOSITIONS.has(prev.norm))) {
    // "in London" is where the game is; "to" is a team only after a sports verb ("lost to").
    if (prev.norm !== 'to' && prev.norm !== 'with' && prev.norm !== 'over') return true;
    const verb = tokens[m.first - 2];
    if (verb && SPORTS_VERBS.has(verb.norm)) return true;
  }
  // "drew 1-1 with Aston Villa": past the score.
  if (prev && (prev.norm === 'with' || prev.norm === 'over' || prev.norm === 'to')) {
    let j = m.first - 2;
    while (j >= 0 && /^\d+$/.test(tokens[j]!.raw)) j--;
    if (j < m.first - 2 && j >= 0 && SPORTS_VERBS.has(tokens[j]!.norm)) return true;
  }
  if (tokens[m.last + 1]?.possessive) return true;
  const verb = verbAfter(tokens, mentions, k);
  if (verb !== undefined && SPORTS_VERBS.has(verb.norm)) return true;
  // "Perth Glory beat", "The Melbourne Storm lost", "Barcelona, who beat": past the rest of
  // the team's name, or a relative pronoun.
  let i = m.last + 1;
  while (i < tokens.length && tokens[i]!.capitalized && !tokens[i]!.possessive && !mentions.some((o) => o.first === i)) i++;
  if (tokens[i]?.norm === 'who' || tokens[i]?.norm === 'which') i++;
  for (let steps = 0; steps < 4 && i < tokens.length; steps++, i++) {
    const t = tokens[i]!;
    if (!AUXILIARIES.has(t.norm)) {
      if (SPORTS_VERBS.has(t.norm)) return true;
      break;
    }
  }
  // "West Ham climbed out of the relegation zone", "Brighton were held at home", "Marseille and
  // Lyon have spent heavily": in a sentence about a game, a name that is the subject of a verb
  // (not one of where a place is) is a team, unless a preposition makes it where.
  if (!strictlyAboutSport(tokens, text)) return false;
  // "were held at home by Nottingham Forest": the agent of a passive, in a game.
  if (prev?.norm === 'by') return true;
  // Back to the head of a list ("Several from England, South Africa and Australia left").
  let s = k;
  while (s > 0 && mentions[s]!.first - mentions[s - 1]!.last <= 3 && tokens.slice(mentions[s - 1]!.last + 1, mentions[s]!.first).every((t) => /^(?:and|or)$/.test(t.norm)) && /^[\s,]*(?:and|or)?\s*$/.test(text.slice(tokens[mentions[s - 1]!.last]!.end, tokens[mentions[s]!.first]!.start))) s--;
  const before = tokens[mentions[s]!.first - 1];
  if (before && (getCues().locativePrepositions.has(before.norm) || before.norm === 'of' || before.norm === 'the')) return false;
  // Any verb, in a game: "Liverpool had taken the lead".
  return subjectVerb(tokens, text, mentions, k) !== undefined;
}

/** The mention is exactly the name of a non-state actor of the lexicon (countries and capitals are metonyms instead). */
function namesAnActor(tokens: readonly Token[], m: RoleInput, lexicon: Lexicon): boolean {
  if (m.place.kind === 'country' || m.place.fcode === 'PPLC') return false;
  let node = lexicon.actorPhrases.start(tokens[m.first]!.norm);
  for (let i = m.first + 1; node && i <= m.last; i++) node = tokens[i]!.article ? node : node.next?.get(tokens[i]!.norm);
  // A state's own name ("Lebanon") is a place too (Lebanon, Pennsylvania): only armed groups and
  // other non-state actors ("Hamas") are never places.
  return Boolean(node?.values?.some((v) => !v.demonym && (v.actor.country === null || lexicon.actorByCountry.get(v.actor.country) !== v.actor)));
}

/** A country, a national capital or a capital the lexicon lists: its name is as often its government as the place. */
function standsForState(p: Place, lexicon: Lexicon): boolean {
  return p.kind === 'country' || p.fcode === 'PPLC' || actorOfPlace(p, lexicon) !== undefined;
}

/** A seat of government ("Albany", "Hartford", "The Hague"): its name can stand for the government. */
function isSeat(p: Place): boolean {
  return p.fcode === 'PPLA' || p.fcode === 'PPLG';
}

/** "Berlin has assured Paris and Warsaw", "report back to Tehran and Riyadh": a name coordinated with a metonym is one too. */
function coordinatedWithMetonym(tokens: readonly Token[], text: string, mentions: readonly RoleInput[], reasons: readonly string[], k: number): boolean {
  const before = mentions[k - 1];
  if (!before || reasons[k - 1] !== 'metonym') return false;
  const gap = tokens.slice(before.last + 1, mentions[k]!.first);
  const joiner = gap.length === 1 && (gap[0]!.norm === 'and' || gap[0]!.norm === 'or');
  return (joiner || gap.length === 0) && !text.slice(tokens[before.last]!.end, tokens[mentions[k]!.first]!.start).includes(',');
}

/**
 * A government addressed or answered: "warned Tehran", "asked Seoul", "a response from
 * Beijing", "aid from Albany", "assurances from Washington, London and Moscow".
 */
function addressedAsGovernment(tokens: readonly Token[], m: RoleInput, mentions: readonly RoleInput[]): boolean {
  let i = m.first - 1;
  // Walk back over a list of places ("from Washington, London and Moscow"), not over other
  // names ("told CTV Edmonton").
  const inMention = (j: number) => mentions.some((o) => o.first <= j && j <= o.last);
  while (i > 0 && (tokens[i]!.norm === 'and' || inMention(i))) i--;
  const prev = tokens[i];
  if (!prev) return false;
  // "warned Tehran", "assured Paris and Warsaw".
  if (OBJECT_VERBS.has(prev.norm)) return true;
  if (prev.norm !== 'from' && prev.norm !== 'by' && prev.norm !== 'to' && prev.norm !== 'with') return false;
  // The head noun before the preposition, past an adjective or two ("a cool reaction from").
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    if (RELATION_HEADS.has(tokens[j]!.norm)) return true;
    if (tokens[j]!.capitalized) return false;
  }
  return false;
}

/** "Ottawa announced", "Houston has approved": a place that speaks or decides is its government. */
function actsAsGovernment(tokens: readonly Token[], mentions: readonly RoleInput[], k: number): boolean {
  const m = mentions[k]!;
  const prev = tokens[m.first - 1];
  if (prev && (getCues().locativePrepositions.has(prev.norm) || prev.norm === 'of')) return false;
  const verb = verbAfter(tokens, mentions, k);
  // (Any active verb after a town or state, "Fargo tried", "California recommended", is read as
  // its government by some, but as a place by the corpora: measured, it cost recall on all three.)
  return verb !== undefined && GOVERNMENT_VERBS.has(verb.norm);
}

/** The first word after the mention (and any places coordinated with it) that is not an auxiliary or adverb. */
function verbAfter(tokens: readonly Token[], mentions: readonly RoleInput[], k: number): Token | undefined {
  let i = mentions[k]!.last + 1;
  for (let j = k + 1; j < mentions.length; j++) {
    const gap = mentions[j]!.first - i;
    if (gap === 0 || (gap === 1 && (tokens[i]!.norm === 'and' || tokens[i]!.norm === 'or'))) i = mentions[j]!.last + 1;
    else break;
  }
  for (let steps = 0; steps < 4 && i < tokens.length; steps++, i++) {
    const t = tokens[i]!;
    if (!AUXILIARIES.has(t.norm)) return t;
  }
  return undefined;
}
