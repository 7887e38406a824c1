import data from './eventTypes.json' with { type: 'json' };
import { PhraseTable, scanPhrases, type PhraseMatch } from '../text/phraseTable.ts';
import { normalizeToken } from '../text/normalize.ts';
import type { Token } from '../text/tokens.ts';

/** ACLED's classification of one event (issue 11). */
export interface EventType {
  event_type: string;
  sub_event_type: string;
}

export { EVENT_TYPES } from './eventVocabulary.ts';

/** Each event type's sub-event types. */
export const SUB_EVENT_TYPES: ReadonlyMap<string, readonly string[]> = new Map(data.eventTypes.map((t) => [t.event_type, t.sub_event_types]));

export interface Cue {
  tier: number;
  /** Position of the rule in the list: breaks ties within a tier. */
  order: number;
  type: EventType;
}

/** The compiled rules of eventTypes.json. */
export interface EventTypeRules {
  cues: PhraseTable<Cue>;
  fallbacks: Map<string, EventType>;
  /** Attack words whose own type beats the cues of other clauses ("struck", "shelled"). */
  decisive: Set<string>;
  fallback: EventType;
}

/** Where a type came from: a cue of the attack's clause or sentence, the attack word, or the default. */
export type TypeSource = 'clause' | 'word' | 'sentence' | 'default';

/** Compiles eventTypes.json (or another source of the same shape) into lookup tables. */
export function compileEventTypes(source: typeof data = data): EventTypeRules {
  const known = new Map(source.eventTypes.map((t) => [t.event_type, new Set(t.sub_event_types)]));
  const checked = (type: EventType): EventType => {
    // A rule naming a type outside ACLED's vocabulary is a data error: fail at load, not in a feature.
    if (!known.get(type.event_type)?.has(type.sub_event_type)) throw new Error(`eventTypes.json: "${type.event_type}" / "${type.sub_event_type}" is not in the vocabulary`);
    return { event_type: type.event_type, sub_event_type: type.sub_event_type };
  };
  const cues = new PhraseTable<Cue>();
  source.rules.forEach((r, order) => {
    const type = checked(r);
    for (const c of r.cues) cues.add(c, { tier: r.tier, order, type });
  });
  const fallbacks = new Map<string, EventType>();
  const decisive = new Set<string>();
  for (const f of source.fallbacks) {
    const type = checked(f);
    for (const w of f.words) {
      if (fallbacks.has(normalizeToken(w))) continue;
      fallbacks.set(normalizeToken(w), type);
      if (f.decisive) decisive.add(normalizeToken(w));
    }
  }
  return { cues, fallbacks, decisive, fallback: checked(source.default) };
}

let compiled: EventTypeRules | undefined;
export function getEventTypeRules(): EventTypeRules {
  return (compiled ??= compileEventTypes());
}

/** The cue phrases of one sentence, found once and shared by all its attacks. */
export type CueMatches = PhraseMatch<Cue>[];

export function findCues(tokens: readonly Token[], text: string, rules: EventTypeRules = getEventTypeRules()): CueMatches {
  return scanPhrases(tokens, text, rules.cues);
}

/**
 * How far (in words) from the attack word a cue of its sentence may stand. Sentences of wire
 * copy are far shorter; the bound keeps a pathological sentence of thousands of attacks linear.
 */
const CUE_REACH = 40;

/**
 * The ACLED type of the attack at token `trigger`. Cues are looked for in the attack's clause
 * first, then in the whole sentence; the lowest tier wins, then the cue nearest the attack
 * word, then the rule listed first. Without a cue, the attack word itself decides.
 *
 * `tokens` and `text` must agree on offsets (tokens of `text`, e.g. a sentence re-based to 0).
 * `found` (from `findCues`) spares a sentence of several attacks a scan per attack.
 *
 * @example
 * classifyEvent(tokenize('A roadside bomb hit a police van'), text, zeros, 3) // Remote explosive/landmine/IED
 */
export function classifyEvent(tokens: readonly Token[], text: string, clause: readonly number[], trigger: number, rules: EventTypeRules = getEventTypeRules(), found: CueMatches = findCues(tokens, text, rules)): EventType {
  return classifyEventFrom(tokens, text, clause, trigger, rules, found).type;
}

/** `classifyEvent`, saying where the type came from. */
export function classifyEventFrom(tokens: readonly Token[], text: string, clause: readonly number[], trigger: number, rules: EventTypeRules = getEventTypeRules(), found: CueMatches = findCues(tokens, text, rules)): { type: EventType; from: TypeSource } {
  // Matches are in text order: skip to the window around the attack word.
  let lo = 0;
  let hi = found.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (found[mid]!.last < trigger - CUE_REACH) lo = mid + 1;
    else hi = mid;
  }
  const pick = (inClause: boolean): EventType | undefined => {
    let best: { cue: Cue; distance: number } | undefined;
    for (let k = lo; k < found.length && found[k]!.first <= trigger + CUE_REACH; k++) {
      const m = found[k]!;
      if (inClause && clause[m.first] !== clause[trigger]) continue;
      const distance = m.first > trigger ? m.first - trigger : trigger > m.last ? trigger - m.last : 0;
      for (const cue of m.values) {
        if (!best || cue.tier < best.cue.tier || (cue.tier === best.cue.tier && (distance < best.distance || (distance === best.distance && cue.order < best.cue.order)))) best = { cue, distance };
      }
    }
    return best?.cue.type;
  };
  const inClause = pick(true);
  if (inClause) return { type: inClause, from: 'clause' };
  const norm = tokens[trigger]?.norm ?? '';
  const word = rules.fallbacks.get(norm);
  if (word && rules.decisive.has(norm)) return { type: word, from: 'word' };
  const inSentence = pick(false);
  if (inSentence) return { type: inSentence, from: 'sentence' };
  return word ? { type: word, from: 'word' } : { type: rules.fallback, from: 'default' };
}
