import cueData from './data/cues.json' with { type: 'json' };
import wordData from './data/wordLists.json' with { type: 'json' };
import { normalizeToken } from '../text/normalize.ts';

/**
 * The geoparser's word lists, compiled once: context cues (data/cues.json) and the English
 * word frequencies and first names (data/wordLists.json, built by scripts/build-word-lists.ts).
 * The geoparser reads only these, never the event lexicon, so the two parts stay apart.
 */
export interface Cues {
  locativePrepositions: ReadonlySet<string>;
  placeNouns: ReadonlySet<string>;
  divisionWords: ReadonlySet<string>;
  titles: ReadonlySet<string>;
  speechVerbs: ReadonlySet<string>;
  organisationHeads: ReadonlySet<string>;
  facilityHeads: ReadonlySet<string>;
  /** The offices a place runs for itself ("Gainesville Police", "Ohio Senate"): after a place name, it is still where. */
  officeHeads: ReadonlySet<string>;
  organisationFollowers: ReadonlySet<string>;
  nameFollowers: ReadonlySet<string>;
  agencies: ReadonlySet<string>;
  /** Months, weekdays and holidays: a name that is one of them alone is a date ("Thursday", "March"). */
  calendarWords: ReadonlySet<string>;
  /** Directions and generic place nouns ("South", "Gulf", "Route"): alone, capitalised, they name no place. */
  compassWords: ReadonlySet<string>;
  /**
   * How often a word is used lower-case in English (SUBTLEX-US counts); 0 when it is not a
   * common word. Takes a word as written or its normalised token: both meet on the token's
   * form, so "street" counts though its token is "stret" (doubled letters fold).
   */
  commonCount(word: string): number;
  /** The same count for the word exactly as spelt, lower-cased: a surname "Woolf" is not "wolf", though their tokens meet. */
  commonCountExact(word: string): number;
  /** A common English first name, as written ("Austin", "Maria"). */
  isFirstName(raw: string): boolean;
}

let cached: Cues | undefined;

/** The compiled cues (built on first use). */
export function getCues(): Cues {
  if (cached) return cached;
  const set = (words: readonly string[]) => new Set(words.map(normalizeToken));
  // Keyed by normalised token, as the recogniser reads words: the most frequent word of a key counts.
  const commonWords = wordData.commonWords as Record<string, number>;
  const common = new Map<string, number>();
  for (const [word, count] of Object.entries(commonWords)) {
    const key = normalizeToken(word);
    if ((common.get(key) ?? 0) < count) common.set(key, count);
  }
  const firstNames = new Set(wordData.firstNames);
  cached = {
    locativePrepositions: set(cueData.locativePrepositions),
    placeNouns: set(cueData.placeNouns),
    divisionWords: set(cueData.divisionWords),
    titles: set(cueData.titles),
    speechVerbs: set(cueData.speechVerbs),
    organisationHeads: set(cueData.organisationHeads),
    facilityHeads: set(cueData.facilityHeads),
    officeHeads: set(cueData.officeHeads),
    organisationFollowers: set(cueData.organisationFollowers),
    nameFollowers: set(cueData.nameFollowers),
    agencies: set(cueData.agencies),
    calendarWords: set(cueData.calendarWords),
    compassWords: set(cueData.compassWords),
    commonCount: (word) => common.get(normalizeToken(word)) ?? 0,
    commonCountExact: (word) => {
      const w = word.toLowerCase();
      return Object.hasOwn(commonWords, w) ? commonWords[w]! : 0;
    },
    isFirstName: (raw) => firstNames.has(raw),
  };
  return cached;
}
