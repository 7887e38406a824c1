import data from './lexicon.json' with { type: 'json' };
import { PhraseTable } from '../text/phraseTable.ts';
import { normalizeToken } from '../text/normalize.ts';

/** A canonical actor: what the actor filter shows and what `actor`/`actors` hold. */
export interface ActorEntry {
  name: string;
  adjective: string;
  country: string | null;
  /** Gazetteer ids of capitals that stand for this actor as metonyms ("Tehran said"). */
  capitals: string[];
  /** For an armed group or coalition (no `country`): where it fights and whom it is aligned with. */
  affiliation: string | null;
  /** The actor's fixed colour (#rrggbb): the same on every map, however the corpus grows. */
  colour: string;
  /** A regional affiliate of a transnational network ("Islamic State"): the parent's name. */
  parent: string | null;
  /** Where the affiliate fights for its parent (ISO codes): an attack there told of the parent is the affiliate's. */
  operatesIn: string[];
}

/** What a phrase of the actor table means. */
export interface ActorPhrase {
  actor: ActorEntry;
  /** A demonym ("Iranian") modifies a noun; a name ("IRGC") is an agent. */
  demonym: boolean;
  /** All-caps acronyms ("US") match only when written in capitals, never the pronoun "us". */
  caseSensitive: string | null;
}

/**
 * The compiled lexicon: the small, data-driven vocabulary the event rules read.
 * The words live in lexicon.json so an analyst can extend them without touching code.
 */
export interface Lexicon {
  actors: ActorEntry[];
  actorByName: Map<string, ActorEntry>;
  actorByCountry: Map<string, ActorEntry>;
  actorByCapital: Map<string, ActorEntry>;
  /** Parent network → country → its affiliate there: "Islamic State" in MZ is Ansar al-Sunna. */
  affiliates: Map<string, Map<string, ActorEntry>>;
  actorPhrases: PhraseTable<ActorPhrase>;
  /** Names with a possessive inside ("People's Defence Force"), which a phrase scan never crosses. */
  possessiveActorPhrases: PhraseTable<ActorPhrase>;
  attackVerbs: Set<string>;
  attackNouns: PhraseTable<true>;
  weaponNouns: Set<string>;
  weaponModifiers: Set<string>;
  notAttacks: PhraseTable<true>;
  baseNouns: PhraseTable<true>;
  agentVerbs: Set<string>;
  adverbs: Set<string>;
  locationPrepositions: Set<string>;
  /** Words between a preposition and the place it governs ("from occupied Crimea"). */
  placeModifiers: Set<string>;
  /** Nouns of a starting point before "of" and the place: "fired from the direction of the Mediterranean". */
  fromNouns: Set<string>;
  locationVerbs: Set<string>;
  placeNouns: Set<string>;
  relationNouns: Set<string>;
  clauseMarkers: PhraseTable<true>;
  originVerbs: Set<string>;
  sourceNouns: Set<string>;
  speechVerbs: Set<string>;
  pronouns: PhraseTable<true>;
  victimNouns: Set<string>;
  victimVerbs: Set<string>;
  interceptVerbs: Set<string>;
  genericMarkers: Set<string>;
  nonLocativeHeads: Set<string>;
  beAux: Set<string>;
  operatorWords: Set<string>;
  /** Clause openers within hours of the main clause: "hours after the group fired" shares its day. */
  sameDayMarkers: PhraseTable<true>;
  /** "overnight": a date that straddles two days (normalised like a token). */
  spanningDays: Set<string>;
  /** "government artillery", "the army": the forces of the state where the attack happened. */
  stateForces: PhraseTable<true>;
  /** "homes were damaged in X": a passive of damage with no agent, the effect of an attack already told. */
  consequenceVerbs: Set<string>;
  /** "off the port of Hodeidah", "35 nautical miles south of Aden": a ship hit at sea (raw lower-case words). */
  offshore: { lead: Set<string>; units: Set<string>; compass: Set<string>; skip: Set<string>; maxKm: number };
  /** Verbs of judgement: an unattributed, undated attack in their object is a charge, not an event told. */
  judgementVerbs: Set<string>;
  /** Gazetteer kinds never the place of an attack: "divert vessels ... around Africa". */
  notStrikeKinds: Set<string>;
  /** Nouns before a base noun that make it civilian: "a school compound", "a refugee camp". */
  civilianModifiers: Set<string>;
  /** Nouns that make a demonym an armed actor: "Turkish drones", "Russian forces", "Israeli warplanes". */
  forceNouns: Set<string>;
  /** Words allowed between a demonym and its force noun: "Russian ballistic missile", "Turkish armed drones". */
  forceModifiers: Set<string>;
  /** Phrases that put an attack down to an actor: "blamed ... on", "claimed responsibility", "claimed by". */
  attribution: {
    blameVerbs: Set<string>;
    blameLinks: Set<string>;
    agentBefore: PhraseTable<true>;
    agentAfter: PhraseTable<true>;
    negations: Set<string>;
    accuseVerbs: Set<string>;
    /** "blamed it on JNIM": a pronoun object refers back to an attack already told. */
    objectPronouns: Set<string>;
  };
  /** A perfect tense with a span of time is a record, not an event ("has killed thousands since 2014"). */
  background: { perfectAux: Set<string>; spans: PhraseTable<true>; maxAgeDays: number };
  /** Clause openers whose event came before the main clause's ("in retaliation for a rocket attack"). */
  precedingMarkers: PhraseTable<true>;
  /** Words between a speech verb and the date it gives: "said on Saturday", "told reporters late on Tuesday". */
  announcementGap: Set<string>;
  /** Determiners and hedges between "by" and the agent: "by a Russian missile", "by suspected ADF fighters". */
  agentLead: Set<string>;
  /** Words that make "the attack" point back at an attack already told: "the attack", "Monday's bombing". */
  definiteDeterminers: Set<string>;
}

type LexiconData = typeof data;

function words(list: readonly string[]): Set<string> {
  return new Set(list.map((w) => normalizeToken(w)));
}

function phrases(list: readonly string[]): PhraseTable<true> {
  const table = new PhraseTable<true>();
  for (const p of list) table.add(p, true);
  return table;
}

/** Compiles lexicon data (lexicon.json by default) into lookup tables. */
export function compileLexicon(source: LexiconData = data): Lexicon {
  const actors: ActorEntry[] = source.actors.map((a) => ({
    name: a.name, adjective: a.adjective, country: a.country, capitals: a.capitals, affiliation: a.affiliation, colour: a.colour,
    parent: a.parent ?? null, operatesIn: a.operatesIn ?? [],
  }));
  const affiliates = new Map<string, Map<string, ActorEntry>>();
  for (const a of actors) {
    if (!a.parent) continue;
    const byCountry = affiliates.get(a.parent) ?? new Map<string, ActorEntry>();
    affiliates.set(a.parent, byCountry);
    for (const c of a.operatesIn) byCountry.set(c, a);
  }
  const actorPhrases = new PhraseTable<ActorPhrase>();
  const possessiveActorPhrases = new PhraseTable<ActorPhrase>();
  source.actors.forEach((a, i) => {
    const actor = actors[i]!;
    for (const n of a.names) {
      const acronym = /^[A-Z.]{2,6}$/.test(n) ? n.replace(/\./g, '') : null;
      const table = /\p{L}['\u2019]s\b/u.test(n) ? possessiveActorPhrases : actorPhrases;
      table.add(n, { actor, demonym: false, caseSensitive: acronym });
    }
    for (const d of a.demonyms) actorPhrases.add(d, { actor, demonym: true, caseSensitive: null });
  });
  return {
    actors,
    actorByName: new Map(actors.map((a) => [a.name, a])),
    actorByCountry: new Map(actors.filter((a) => a.country).map((a) => [a.country!, a])),
    actorByCapital: new Map(actors.flatMap((a) => a.capitals.map((c) => [c, a] as const))),
    affiliates,
    actorPhrases,
    possessiveActorPhrases,
    attackVerbs: words(source.attackVerbs),
    attackNouns: phrases(source.attackNouns),
    weaponNouns: words(source.weaponNouns),
    weaponModifiers: words(source.weaponModifiers),
    notAttacks: phrases(source.notAttacks),
    baseNouns: phrases(source.baseNouns),
    agentVerbs: words(source.agentVerbs),
    adverbs: words(source.adverbs),
    locationPrepositions: words(source.locationPrepositions),
    placeModifiers: words(source.placeModifiers),
    fromNouns: words(source.fromNouns),
    locationVerbs: words(source.locationVerbs),
    placeNouns: words(source.placeNouns),
    relationNouns: words(source.relationNouns),
    clauseMarkers: phrases(source.clauseMarkers),
    originVerbs: words(source.originVerbs),
    sourceNouns: words(source.sourceNouns),
    speechVerbs: words(source.speechVerbs),
    pronouns: phrases(source.pronouns),
    victimNouns: words(source.victimNouns),
    victimVerbs: words(source.victimVerbs),
    interceptVerbs: words(source.interceptVerbs),
    genericMarkers: words(source.genericMarkers),
    nonLocativeHeads: words(source.nonLocativeHeads),
    beAux: words(source.beAux),
    operatorWords: words(source.operatorWords),
    civilianModifiers: words(source.civilianModifiers),
    notStrikeKinds: new Set(source.notStrikeKinds),
    judgementVerbs: words(source.judgementVerbs),
    offshore: {
      lead: new Set(source.offshore.lead), units: new Set(source.offshore.units), compass: new Set(source.offshore.compass),
      skip: new Set(source.offshore.skip), maxKm: source.offshore.maxKm,
    },
    sameDayMarkers: phrases(source.sameDayMarkers),
    spanningDays: new Set(source.spanningDays.map((w) => normalizeToken(w))),
    stateForces: phrases(source.stateForces),
    consequenceVerbs: words(source.consequenceVerbs),
    forceNouns: words(source.forceNouns),
    forceModifiers: words(source.forceModifiers),
    attribution: {
      blameVerbs: words(source.attribution.blameVerbs),
      blameLinks: words(source.attribution.blameLinks),
      agentBefore: phrases(source.attribution.agentBefore),
      agentAfter: phrases(source.attribution.agentAfter),
      negations: words(source.attribution.negations),
      accuseVerbs: words(source.attribution.accuseVerbs),
      objectPronouns: words(source.attribution.objectPronouns),
    },
    background: { perfectAux: words(source.background.perfectAux), spans: phrases(source.background.spans), maxAgeDays: source.background.maxAgeDays },
    precedingMarkers: phrases(source.precedingMarkers),
    announcementGap: words(source.announcementGap),
    agentLead: words(source.agentLead),
    definiteDeterminers: words(source.definiteDeterminers),
  };
}

/** The fixed colour of an actor the lexicon knows, or null (an actor added by an analyst or an import). */
export function actorColour(name: string, lex: Lexicon = getLexicon()): string | null {
  return lex.actorByName.get(name)?.colour ?? null;
}

let defaultLexicon: Lexicon | undefined;
export function getLexicon(): Lexicon {
  return (defaultLexicon ??= compileLexicon());
}
