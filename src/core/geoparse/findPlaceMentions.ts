import type { Token } from '../text/tokens.ts';
import { scanPhrases, joined } from '../text/phraseTable.ts';
import type { PlaceIndex } from '../gazetteer/placeIndex.ts';
import type { Place } from '../gazetteer/place.ts';
import type { Lexicon } from '../events/lexicon.ts';
import { DIVISION_WORDS } from '../gazetteer/divisionNames.ts';
import { normalizeToken } from '../text/normalize.ts';

/** The division words as tokens normalise them ("oblast", "governorate"…). */
const DIVISION_NORMS = new Set(DIVISION_WORDS.map(normalizeToken));

/** A run of words that names a place in one or both gazetteer layers. */
export interface PlaceMention {
  /** Token indices into the sentence's tokens, inclusive. */
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
  candidates: readonly Place[];
}

/** Lower-case words allowed inside a proper place name ("Bab el-Mandeb", "Isle of Man"). */
const NAME_PARTICLES = new Set(['of', 'de', 'del', 'la', 'le', 'the', 'bin', 'ibn', 'on', 'upon', 'and', 'du', 'des', 'al', 'el']);

/**
 * Finds place names in a sentence, longest match first ("Baghdad International Airport"
 * beats "Baghdad"). Curated names need one capitalised word; broad-layer names must be
 * capitalised proper names with a locative cue ("in X", "X, Syria", "the town of X", "shelled X"),
 * because the broad layer's 135,000 names include many surnames and English words.
 *
 * @example
 * findPlaceMentions(tokenize(s), s, index, lexicon) // "near Erbil airport" → one mention, "Erbil airport"
 */
export function findPlaceMentions(tokens: readonly Token[], text: string, index: PlaceIndex, lexicon: Lexicon): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (const m of scanPhrases(tokens, text, index.names)) {
    // Most matches are lower-case words that are also some town's name: drop them before copying any tokens.
    if (!anyCapitalized(tokens, m.first, m.last)) continue;
    const words = tokens.slice(m.first, m.last + 1).filter((t) => !t.article);
    let candidates: readonly Place[] = m.values;
    // Written in capitals ("SANA", "UK"): an acronym, which only a country's short name can be.
    if (words.length === 1 && /^[A-Z]{2,}$/.test(words[0]!.raw)) {
      candidates = candidates.filter((p) => p.kind === 'country');
      if (!candidates.length) continue;
    }
    if (candidates.every((p) => p.layer === 'broad')) {
      if (!acceptBroad(tokens, text, m.first, m.last, words, lexicon)) continue;
    } else if (!words[0]!.capitalized && words.length === 1) {
      continue;
    }
    // "Al-Qaim", "Al Asad": a capitalised article belongs to the name as written.
    const article = tokens[m.first - 1];
    const first = article && article.article && article.capitalized && joined(text, article, tokens[m.first]!) ? m.first - 1 : m.first;
    const start = tokens[first]!.start;
    const end = tokens[m.last]!.end;
    out.push({ first, last: m.last, start, end, text: text.slice(start, end), candidates });
  }
  return out;
}

/** Some word (not an article) of tokens[first..last] is capitalised. */
function anyCapitalized(tokens: readonly Token[], first: number, last: number): boolean {
  for (let i = first; i <= last; i++) if (tokens[i]!.capitalized && !tokens[i]!.article) return true;
  return false;
}

function acceptBroad(tokens: readonly Token[], text: string, first: number, last: number, words: readonly Token[], lexicon: Lexicon): boolean {
  // "the Kursk region", "Anbar province": a capitalised name before a division word is a place
  // whatever precedes it; the division word is its cue.
  const division = words.length > 1 && !words[words.length - 1]!.capitalized && DIVISION_NORMS.has(words[words.length - 1]!.norm);
  const name = division ? words.slice(0, -1) : words;
  if (!name[0]!.capitalized || name.some((t) => !t.capitalized && !NAME_PARTICLES.has(t.norm))) return false;
  if (words.length === 1 && (words[0]!.raw.length < 4 || CALENDAR_WORDS.has(words[0]!.norm))) return false;
  // "El Fasher", "Al Hudaydah": an article written before the name belongs to it, so the
  // cues are read before the article.
  const article = tokens[first - 1];
  const start = article?.article && article.capitalized && joined(text, article, tokens[first]!) ? first - 1 : first;
  const prev = tokens[start - 1];
  const next = tokens[last + 1];
  // Part of a longer capitalised run ("Maher al-Taher", "Asif Ali Zardari"): a person or an
  // organisation, not a place. A capitalised preposition opening the sentence ("In Khartoum,
  // …") is not part of a name.
  const prevInRun = prev && joined(text, prev, tokens[start]!) && (prev.capitalized || prev.article) && !prev.possessive && !lexicon.locationPrepositions.has(prev.norm);
  const nextInRun = next && joined(text, tokens[last]!, next) && next.capitalized;
  if (prevInRun || (nextInRun && !division)) return false;
  if (division) return true;
  // A locative cue before it, or an apposition after it ("Saravan, Iran").
  if (prev && (lexicon.locationPrepositions.has(prev.norm) || prev.possessive)) return true;
  // The object of an attack verb ("shelled Omdurman on Friday") is a place too, unless it
  // modifies a noun ("hit Baloch separatist hideouts").
  if (prev && lexicon.attackVerbs.has(prev.norm) && !modifiesNoun(tokens, text, last, lexicon)) return true;
  const beforePrev = tokens[start - 2];
  if (prev && prev.norm === 'of' && beforePrev && lexicon.placeNouns.has(beforePrev.norm)) return true;
  if (next && text.slice(tokens[last]!.end, next.start).trim() === ',' && next.capitalized) return true;
  return false;
}

/** The word after tokens[last] is a lower-case word that the name qualifies ("Baloch separatists"). */
function modifiesNoun(tokens: readonly Token[], text: string, last: number, lexicon: Lexicon): boolean {
  const next = tokens[last + 1];
  if (!next || next.capitalized || !joined(text, tokens[last]!, next)) return false;
  return !lexicon.locationPrepositions.has(next.norm) && !FOLLOWERS.has(next.norm);
}

/** Words that can follow a place as the object of a verb without it being a modifier. */
const FOLLOWERS = new Set(['and', 'or', 'with', 'overnight', 'early', 'late', 'again', 'twice', 'for', 'after', 'before', 'as', 'killing', 'wounding', 'injuring', 'while', 'when', 'where', 'which', 'that', 'during', 'since', 'until'].map(normalizeToken));

/** "In March", "on Sunday": towns called March, Sunday or August exist, but here they are dates. */
const CALENDAR_WORDS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
].map(normalizeToken));
