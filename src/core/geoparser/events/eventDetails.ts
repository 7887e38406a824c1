import { scanPhrases } from '../text/phraseTable.ts';
import { findAttributions } from './attribution.ts';
import { classifyEventFrom, findCues, getEventTypeRules, type EventType, type TypeSource } from './eventTypes.ts';
import { findFatalities } from './fatalities.ts';
import type { Lexicon } from './lexicon.ts';
import { sentenceView } from './sentenceView.ts';
import type { AnalysedSentence, ArticleEvent } from './types.ts';

/** What issue 11 adds to a strike: ACLED's type and the deaths the text gives. */
export interface StrikeDetails {
  eventType: EventType;
  /** Where the type came from: a cue, the attack word alone, or the default. */
  typeFrom: TypeSource;
  /** Deaths for the first place of the claim; null when the text gives no number. */
  fatalities: number | null;
}

/**
 * The type and the death count of each attack (by its trigger token) of one sentence. A death
 * count belongs to the nearest attack word before it ("shelled X, killing 3, and struck Y,
 * killing 5"), or to the first attack when it comes first ("Three civilians were killed in
 * shelling ..."). One count goes to one attack only, never to each of its places.
 */
export function strikeDetails(s: AnalysedSentence, triggers: readonly number[]): Map<number, StrikeDetails> {
  const { tokens, text } = sentenceView(s);
  const sorted = [...triggers].sort((a, b) => a - b);
  const out = new Map<number, StrikeDetails>();
  const rules = getEventTypeRules();
  const cues = findCues(tokens, text, rules);
  for (const t of sorted) {
    const { type, from } = classifyEventFrom(tokens, text, s.clause, t, rules, cues);
    out.set(t, { eventType: type, typeFrom: from, fatalities: null });
  }
  let k = 0;
  for (const f of findFatalities(tokens, text)) {
    // Counts come in text order: the owner only moves forward.
    while (k + 1 < sorted.length && sorted[k + 1]! <= f.at) k++;
    const owner = sorted[k];
    const details = owner === undefined ? undefined : out.get(owner);
    if (details && details.fatalities === null) details.fatalities = f.count;
  }
  return out;
}

/**
 * A record, not an event: a perfect tense with a span of time in the attack's clause ("has
 * killed thousands of civilians in North Kivu since 2014", "have been attacked more than 160
 * times since then"). The words are lexicon.json's `background`.
 */
export function isBackground(s: AnalysedSentence, t: number, lex: Lexicon): boolean {
  const clause = s.clause[t]!;
  const perfectIn = (c: number, before: number) => {
    for (let i = before - 1; i >= 0 && s.clause[i]! >= c; i--) if (s.clause[i] === c && lex.background.perfectAux.has(s.tokens[i]!.norm)) return true;
    return false;
  };
  const { tokens, text } = sentenceView(s);
  const spans = scanPhrases(tokens, text, lex.background.spans);
  // "since" opens a clause of its own: "has stepped up attacks ... since talks collapsed" (the
  // span in the next clause), "have been attacked 160 times since then, ... including repeated
  // attacks on Ayn al-Asad" (the attack in the span's clause, the perfect in the one before).
  const opens = (c: number) => spans.some((m) => s.clause[m.first] === c && s.clause.indexOf(c) === m.first);
  if (perfectIn(clause, t)) return spans.some((m) => s.clause[m.first] === clause) || opens(clause + 1);
  return opens(clause) && clause > 0 && perfectIn(clause - 1, s.clause.indexOf(clause));
}

/** How many sentences back an attribution or a death count may reach for its attack. */
const REACH_BACK = 2;

/**
 * Attributions that point back ("Police blamed the attack on the TTP", "The TTP claimed
 * responsibility for the checkpoint attack") give their actor to the latest attack without an
 * initiator in the sentences just before. Only an attack nobody was named for (or whose
 * initiator was only carried over from the sentence before): a claim never overrides an
 * initiator the text gave for the attack itself.
 */
export function attributeBack(sentences: readonly AnalysedSentence[], events: ArticleEvent[], lex: Lexicon, retitle: (e: ArticleEvent) => string): void {
  sentences.forEach((s, si) => {
    if (!s.actors.length) return;
    for (const a of findAttributions(s, lex)) {
      if (!a.anaphoric) continue;
      // An initiator only carried over from the sentence before is a guess the claim overrides.
      const open = events.filter((e) => e.kind === 'strike' && (e.actor === null || e.carried) && e.mention.sentence < si && e.mention.sentence >= si - REACH_BACK);
      const latest = Math.max(...open.map((e) => e.mention.sentence));
      for (const e of open) {
        if (e.mention.sentence !== latest) continue;
        const carried = e.carried === true;
        if (carried) e.actors = e.actors.filter((x) => x !== e.actor);
        e.actor = a.actor;
        e.carried = false;
        if (e.target === a.actor) e.target = null;
        e.actors = [...new Set([a.actor, ...e.actors])];
        e.title = retitle(e);
        // Put down to an actor by a later sentence: a little less sure than a named attacker.
        e.confidence = Math.round(e.confidence / (carried ? 0.85 : 0.8) * 0.9 * 100) / 100;
      }
    }
  });
}

/** The strikes among `events`, grouped by `key` (their sentence, their country…), in order. */
export function strikesBy<K>(events: readonly ArticleEvent[], key: (e: ArticleEvent) => K): Map<K, ArticleEvent[]> {
  const groups = new Map<K, ArticleEvent[]>();
  for (const e of events) {
    if (e.kind !== 'strike') continue;
    const list = groups.get(key(e));
    if (list) list.push(e);
    else groups.set(key(e), [e]);
  }
  return groups;
}

/**
 * A death count in the sentence right after an attack, when that sentence tells of no attack
 * itself ("... militants attacked a police checkpoint in Miran Shah. Two attackers were killed
 * in the exchange of fire."), belongs to that attack, if the attack has no count yet and was
 * the only one of its sentence. A count over a span of time ("since October") is no count of it.
 */
export function countsBack(sentences: readonly AnalysedSentence[], events: ArticleEvent[], lex: Lexicon): void {
  const strikesOf = strikesBy(events, (e) => e.mention.sentence);
  sentences.forEach((s, si) => {
    const before = strikesOf.get(si - 1);
    if (!before || strikesOf.has(si)) return;
    // One attack: one trigger for every strike of the sentence.
    if (new Set(before.map((e) => e.trigger)).size !== 1 || before.some((e) => e.fatalities != null)) return;
    const { tokens, text } = sentenceView(s);
    const count = findFatalities(tokens, text)[0];
    // "31,000 people have been killed since October": a toll of the war, not of this attack.
    if (count && !scanPhrases(tokens, text, lex.background.spans).length) before[0]!.fatalities = count.count;
  });
}

/** How many sentences before and after an attack its article may name the weapon. */
const WEAPON_REACH = 2;

/**
 * "It comes three months after Iran and Pakistan were involved in a series of missile attacks.
 * Tehran carried out the attacks against ... Pakistan": an attack a state carried out beyond
 * its borders, with no cue in its sentence, is remote violence by the weapon the article names
 * nearest to it (within two sentences), not an armed clash. A strike typed by its word alone
 * ("was struck") takes the weapon of the sentence before. Returns undefined when the attack is
 * no such case or no weapon is named nearby.
 */
export function weaponNearby(sentences: readonly AnalysedSentence[], si: number, detail: StrikeDetails, initiatorCountry: string | null, placeCountry: string): EventType | undefined {
  if (detail.typeFrom !== 'word' && detail.typeFrom !== 'default') return undefined;
  // "A bulk carrier was hit by two missiles ... The vessel was struck 68 nautical miles out":
  // a strike word alone takes its weapon from the sentence just before.
  const remoteAlready = detail.eventType.event_type === 'Explosions/Remote violence';
  if (!remoteAlready && (!initiatorCountry || initiatorCountry === placeCountry)) return undefined;
  const rules = getEventTypeRules();
  for (let d = 1; d <= (remoteAlready ? 1 : WEAPON_REACH); d++) {
    for (const k of remoteAlready ? [si - d] : [si - d, si + d]) {
      const s = sentences[k];
      if (!s || !s.attack.includes(true)) continue;
      const { tokens, text } = sentenceView(s);
      const remote = findCues(tokens, text, rules).flatMap((m) => m.values).filter((c) => c.type.event_type === 'Explosions/Remote violence');
      if (remote.length) return remote.sort((a, b) => a.tier - b.tier || a.order - b.order)[0]!.type;
    }
  }
  return undefined;
}
