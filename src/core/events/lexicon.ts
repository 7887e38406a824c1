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
  actorPhrases: PhraseTable<ActorPhrase>;
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
  const actors: ActorEntry[] = source.actors.map((a) => ({ name: a.name, adjective: a.adjective, country: a.country, capitals: a.capitals }));
  const actorPhrases = new PhraseTable<ActorPhrase>();
  source.actors.forEach((a, i) => {
    const actor = actors[i]!;
    for (const n of a.names) {
      const acronym = /^[A-Z.]{2,6}$/.test(n) ? n.replace(/\./g, '') : null;
      actorPhrases.add(n, { actor, demonym: false, caseSensitive: acronym });
    }
    for (const d of a.demonyms) actorPhrases.add(d, { actor, demonym: true, caseSensitive: null });
  });
  return {
    actors,
    actorByName: new Map(actors.map((a) => [a.name, a])),
    actorByCountry: new Map(actors.filter((a) => a.country).map((a) => [a.country!, a])),
    actorByCapital: new Map(actors.flatMap((a) => a.capitals.map((c) => [c, a] as const))),
    actorPhrases,
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
  };
}

let defaultLexicon: Lexicon | undefined;
export function getLexicon(): Lexicon {
  return (defaultLexicon ??= compileLexicon());
}
