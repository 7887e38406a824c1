import type { Place } from '../gazetteer/place.ts';
import { INSTALLATION_KINDS } from '../gazetteer/place.ts';
import type { PlaceIndex } from '../gazetteer/placeIndex.ts';
import type { ActorMention } from './actors.ts';
import { anchorEnd, compatibleDates, rank, type ResolvedDate } from './dates.ts';
import type { Anchor } from './published.ts';
import type { Lexicon } from './lexicon.ts';
import type { AnalysedSentence, ArticleEvent, ResolvedMention } from './types.ts';
import { extractPipelines } from './pipeline.ts';

/** How far (in words) an attack word reaches forward to the place it hits. */
const TRIGGER_REACH = 25;

interface StrikeClaim {
  trigger: number;
  mentions: ResolvedMention[];
}

/**
 * Turns analysed sentences into events: strikes, bases, pipeline sections and places.
 * Every resolved location mention yields exactly one event; metonyms yield none.
 *
 * Rules, all over words and the lexicon, never over particular sentences:
 * - a location after an attack word (within the sentence) is a strike location; further
 *   locations join it only when coordinated ("attacked Iraq and Syria") and not merely its
 *   container ("Damascus, Syria");
 * - a military installation, or "a base in/near X", is a base;
 * - repeated mentions of one strike (same place, initiator and a compatible date) merge into
 *   the best-dated one; the others become the installation's base feature or places.
 */
export function extractEvents(sentences: readonly AnalysedSentence[], index: PlaceIndex, lex: Lexicon, anchor: Anchor): ArticleEvent[] {
  const events: ArticleEvent[] = [];
  const pipelineMentions = extractPipelines(sentences, index, lex, events);
  let previousStrike: ArticleEvent | undefined;

  sentences.forEach((s, si) => {
    const claims = claimStrikes(s, lex);
    const claimed = new Map<ResolvedMention, StrikeClaim>();
    for (const c of claims) for (const m of c.mentions) claimed.set(m, c);
    const origin = findOrigin(s, lex);

    for (const m of s.places) {
      if (m.role !== 'location' || pipelineMentions.has(m)) continue;
      const base = baseAt(s, m, index, lex);
      const place = base?.place ?? m.place;
      const claim = claimed.get(m);
      if (claim && origin?.mention !== m) {
        const initiator = findInitiator(s, claim.trigger, previousStrike, lex);
        const target = findTarget(s, claim.trigger, m, initiator.actor, lex);
        const date = eventDate(sentences, si, claim.trigger, anchor);
        const actors = unique([initiator.actor, target, ...clauseActors(s, claim.trigger)].filter((a): a is string => Boolean(a)));
        const event: ArticleEvent = {
          kind: 'strike', mention: m, place, title: strikeTitle(initiator.actor, place, lex),
          date: date ?? (initiator.carried ? previousStrike?.date ?? null : null),
          actor: initiator.actor, actors, target,
          origin: origin && origin.mention.place.id !== place.id ? [origin.mention.place.lon, origin.mention.place.lat] : null,
          confidence: round2(m.confidence * (initiator.actor ? 1 : 0.8) * (initiator.carried ? 0.85 : 1) * (base?.inferred ? 0.85 : 1)),
        };
        events.push(event);
        if (!previousStrike || previousStrike.mention.sentence !== si) previousStrike = event;
        continue;
      }
      if (base || INSTALLATION_KINDS.has(m.place.kind)) {
        const operator = base?.operator ?? operatorBefore(s, m.first, lex) ?? place.operator ?? null;
        events.push({
          kind: 'base', mention: m, place, title: baseTitle(operator, place, base?.inferred ? m.place : undefined, lex),
          date: null, actor: operator, actors: operator ? [operator] : [], target: null, origin: null,
          confidence: round2(m.confidence * (base?.inferred ? 0.85 : 1)),
        });
        continue;
      }
      events.push(placeEvent(m, m.place, placeDate(s, m)));
    }
  });
  return mergeRepeats(events, lex);
}

/** A plain `place` event for a mention. */
export function placeEvent(m: ResolvedMention, place: Place, date: ResolvedDate | null): ArticleEvent {
  return {
    kind: 'place', mention: m, place, title: place.name, date, actor: null, actors: [], target: null, origin: null,
    confidence: m.confidence,
  };
}

/** Which location mentions each attack word claims as its target. */
function claimStrikes(s: AnalysedSentence, lex: Lexicon): StrikeClaim[] {
  const claims = new Map<number, StrikeClaim>();
  const locations = s.places.filter((m) => m.role === 'location');
  for (const m of locations) {
    if (s.tokens[m.first - 1]?.norm === 'from') continue;
    const trigger = nearestTriggerBefore(s, m.first) ?? passiveTriggerAfter(s, m.last, lex);
    if (trigger === undefined) continue;
    const claim = claims.get(trigger);
    if (!claim) {
      claims.set(trigger, { trigger, mentions: [m] });
      continue;
    }
    const last = claim.mentions[claim.mentions.length - 1]!;
    if (coordinated(s, last, m) && !contains(m.place, last.place)) claim.mentions.push(m);
  }
  return [...claims.values()];
}

function nearestTriggerBefore(s: AnalysedSentence, first: number): number | undefined {
  for (let i = first - 1; i >= Math.max(0, first - TRIGGER_REACH); i--) if (s.attack[i]) return i;
  return undefined;
}

/** "Isfahan was hit", "Erbil came under attack". */
function passiveTriggerAfter(s: AnalysedSentence, last: number, lex: Lexicon): number | undefined {
  const next = s.tokens[last + 1];
  if (!next || !/^(?:was|were|is|are|has|have|came|come|had)$/.test(next.norm)) return undefined;
  for (let i = last + 2; i <= last + 4 && i < s.tokens.length; i++) {
    const t = s.tokens[i]!;
    if (s.attack[i] && (lex.attackVerbs.has(t.norm) || s.tokens[i - 1]?.norm === 'under')) return i;
  }
  return undefined;
}

/** Two locations are coordinated: "Iraq and Syria", "Ein al-Asad ... and a US airbase in Erbil". */
function coordinated(s: AnalysedSentence, a: ResolvedMention, b: ResolvedMention): boolean {
  const gap = s.tokens.slice(a.last + 1, b.first);
  if (gap.length === 0) return true;
  const and = gap.findIndex((t) => t.norm === 'and');
  if (and < 0) return false;
  const rest = gap.length - and - 1;
  if (rest === 0) return true;
  // "... and a US operated airbase in Erbil": the coordinated noun phrase is a base.
  const andIndex = a.last + 1 + and;
  return rest <= 6 && s.baseNouns.some((r) => r.first > andIndex && r.last < b.first);
}

/** `outer` contains `inner`: its country, or its listed parent. */
function contains(outer: Place, inner: Place): boolean {
  if (outer.id === inner.id) return true;
  if (outer.kind === 'country' && outer.country === inner.country) return true;
  return inner.parent === outer.id;
}

/** The strike is launched from a named place: "missiles fired from Yemen". */
function findOrigin(s: AnalysedSentence, lex: Lexicon): { mention: ResolvedMention } | undefined {
  for (const m of s.places) {
    if (m.role !== 'location' || s.tokens[m.first - 1]?.norm !== 'from') continue;
    for (let i = m.first - 2; i >= Math.max(0, m.first - 6); i--) {
      if (lex.originVerbs.has(s.tokens[i]!.norm)) return { mention: m };
    }
  }
  return undefined;
}

interface Initiator {
  actor: string | null;
  carried: boolean;
}

function isUsableActor(s: AnalysedSentence, a: ActorMention): boolean {
  const prev = s.tokens[a.first - 1];
  return !(a.demonym && prev && /^(?:anti|pro)$/.test(prev.norm));
}

/**
 * The initiator of the attack at token `t`: an actor modifying the attack noun ("Israeli
 * missile attack", "Iran's retaliatory measure by attacking"), else the nearest actor before
 * it in its clause, else in the sentence, else the previous sentence's strike initiator.
 */
function findInitiator(s: AnalysedSentence, t: number, previous: ArticleEvent | undefined, lex: Lexicon): Initiator {
  const before = s.actors.filter((a) => a.last < t && isUsableActor(s, a));
  const modifier = before.filter((a) => {
    const gap = s.tokens.slice(a.last + 1, t);
    return gap.length <= 5 && gap.every((g) => !lex.agentVerbs.has(g.norm) && (g.norm === 'by' || !lex.locationPrepositions.has(g.norm)));
  }).pop();
  if (modifier) return { actor: modifier.actor.name, carried: false };
  const inClause = before.filter((a) => s.clause[a.first] === s.clause[t]).pop();
  if (inClause) return { actor: inClause.actor.name, carried: false };
  const inSentence = before.pop();
  if (inSentence) return { actor: inSentence.actor.name, carried: false };
  const after = s.actors.find((a) => a.first > t && !a.demonym && s.tokens[a.first - 1]?.norm === 'by');
  if (after) return { actor: after.actor.name, carried: false };
  if (previous && previous.mention.sentence === s.sentence.index - 1 && previous.actor) return { actor: previous.actor, carried: true };
  return { actor: null, carried: false };
}

/** The target: an actor between the attack word and the place ("on an Iranian consulate"), or the struck country. */
function findTarget(s: AnalysedSentence, t: number, m: ResolvedMention, initiator: string | null, lex: Lexicon): string | null {
  const between = s.actors.find((a) => a.first > t && a.last < m.first && isUsableActor(s, a) && a.actor.name !== initiator && s.clause[a.first] === s.clause[t]);
  if (between) return between.actor.name;
  const possessive = s.actors.find((a) => a.first > m.last && a.first <= m.last + 2 && s.tokens[a.last + 1]?.possessive);
  if (possessive && possessive.actor.name !== initiator) return possessive.actor.name;
  if (['country', 'province', 'region'].includes(m.place.kind)) {
    const owner = lex.actorByCountry.get(m.place.country);
    if (owner && owner.name !== initiator) return owner.name;
  }
  const ownerBefore = s.actors.find((a) => a.last === m.first - 2 && s.tokens[m.first - 1]?.possessive);
  if (ownerBefore && ownerBefore.actor.name !== initiator) return ownerBefore.actor.name;
  return null;
}

function clauseActors(s: AnalysedSentence, t: number): string[] {
  return s.actors.filter((a) => s.clause[a.first] === s.clause[t] && isUsableActor(s, a)).map((a) => a.actor.name);
}

/**
 * The date of the event at token `t`: a date in its clause (nearest), else a sentence-initial
 * date ("On January 8, ..."), else a date governing what follows ("three months after ..."),
 * else another date of the sentence at no better than month precision, else the previous
 * sentence's explicit date. Past events never fall after the publication date.
 */
function eventDate(sentences: readonly AnalysedSentence[], si: number, t: number, anchor: Anchor): ResolvedDate | null {
  const s = sentences[si]!;
  const value = pickDate(s, t) ?? inherited(sentences, si);
  if (!value) return null;
  return value.date > anchorEnd(anchor) && !futureClause(s, t) ? null : value;
}

function pickDate(s: AnalysedSentence, t: number): ResolvedDate | null {
  const dated = s.dates.filter((d) => d.value);
  if (!dated.length) return null;
  const tokenOf = (offset: number) => {
    const i = s.tokens.findIndex((tok) => tok.start >= offset);
    return i < 0 ? s.tokens.length - 1 : i;
  };
  const withToken = dated.map((d) => ({ d, i: tokenOf(d.start) }));
  const sameClause = withToken.filter((x) => s.clause[x.i] === s.clause[t]);
  if (sameClause.length) return sameClause.sort((a, b) => Math.abs(a.i - t) - Math.abs(b.i - t))[0]!.d.value;
  const initial = withToken.find((x) => x.i <= 3 && /,/.test(s.sentence.text.slice(x.d.end - s.sentence.start, x.d.end - s.sentence.start + 2)));
  if (initial) return initial.d.value;
  const governing = withToken.find((x) => x.d.governsFollowing && x.i < t);
  if (governing) return governing.d.value;
  const nearest = withToken.sort((a, b) => Math.abs(a.i - t) - Math.abs(b.i - t))[0]!.d.value!;
  return rank(nearest.precision) < rank('month') ? { date: `${nearest.date.slice(0, 7)}-01`, precision: 'month' } : nearest;
}

/** The previous sentence's date carries over to a sentence without one ("Pakistan responded ..."). */
function inherited(sentences: readonly AnalysedSentence[], si: number): ResolvedDate | null {
  const prev = sentences[si - 1];
  if (!prev) return null;
  const dated = prev.dates.filter((d) => d.value);
  return dated.length ? dated[dated.length - 1]!.value : null;
}

function futureClause(s: AnalysedSentence, t: number): boolean {
  const clause = s.clause[t];
  return s.tokens.some((tok, i) => s.clause[i] === clause && /^(?:wil|shal|wuld)$/.test(tok.norm));
}

/** A place's own date: only a date in its clause. */
function placeDate(s: AnalysedSentence, m: ResolvedMention): ResolvedDate | null {
  const dated = s.dates.filter((d) => d.value);
  for (const d of dated) {
    const i = s.tokens.findIndex((tok) => tok.start >= d.start);
    if (i >= 0 && s.clause[i] === s.clause[m.first]) return d.value;
  }
  return null;
}

/**
 * "an airbase in Erbil", "a US military base near Erbil airport": a base noun followed by a
 * locative and the place. The base is the gazetteer installation `near` that place, or, when
 * none is known, an inferred base at the place itself.
 */
function baseAt(s: AnalysedSentence, m: ResolvedMention, index: PlaceIndex, lex: Lexicon): { place: Place; inferred: boolean; operator: string | null } | undefined {
  // "a base in Erbil", not "the Ein al-Assad base in Iraq": the base sits in a town or beside a site.
  if (INSTALLATION_KINDS.has(m.place.kind) || m.place.precision === 'country' || m.place.kind === 'province') return undefined;
  const prep = s.tokens[m.first - 1];
  if (!prep || !/^(?:in|near|at|outside|by|of)$/.test(prep.norm)) return undefined;
  const noun = s.baseNouns.find((r) => r.last === m.first - 2);
  if (!noun || s.places.some((p) => p.first <= noun.last && noun.first <= p.last + 1 && p !== m)) return undefined;
  const operator = operatorBefore(s, noun.first, lex);
  const known = [...index.byId.values()].find((p) => INSTALLATION_KINDS.has(p.kind) && p.near?.includes(m.place.id));
  if (known) return { place: known, inferred: false, operator: operator ?? known.operator ?? null };
  return { place: m.place, inferred: true, operator };
}

/** "US Ein al-Assad base", "a US operated airbase": an actor just before the base phrase. */
function operatorBefore(s: AnalysedSentence, first: number, lex: Lexicon): string | null {
  const a = s.actors.filter((x) => x.last < first && first - x.last <= 3).pop();
  if (!a) return null;
  const gap = s.tokens.slice(a.last + 1, first);
  return gap.every((g) => !lex.locationPrepositions.has(g.norm) && !lex.agentVerbs.has(g.norm)) ? a.actor.name : null;
}

function strikeTitle(actor: string | null, place: Place, lex: Lexicon): string {
  const adjective = actor ? lex.actorByName.get(actor)?.adjective ?? actor : null;
  const prep = place.precision === 'site' || place.kind === 'country' ? 'on' : 'in';
  return adjective ? `${adjective} strike ${prep} ${place.name}` : `Strike ${prep} ${place.name}`;
}

function baseTitle(operator: string | null, place: Place, inferredAt: Place | undefined, lex: Lexicon): string {
  const adjective = operator ? lex.actorByName.get(operator)?.adjective ?? operator : null;
  const what = adjective ? `${adjective} military base` : 'Military base';
  return inferredAt ? `${what} near ${inferredAt.name}` : `${what}: ${place.name}`;
}

/**
 * Repeated mentions of one strike (same place, same or unknown initiator, compatible dates)
 * become one event: the best-dated mention keeps the strike; the first other mention of an
 * installation becomes its base; the rest become places.
 */
function mergeRepeats(events: ArticleEvent[], lex: Lexicon): ArticleEvent[] {
  const strikes = events.filter((e) => e.kind === 'strike');
  const demoted = new Map<ArticleEvent, ArticleEvent>();
  const groups: ArticleEvent[][] = [];
  for (const e of strikes) {
    const group = groups.find((g) => g.every((o) => o.place.id === e.place.id && (o.actor === e.actor || !o.actor || !e.actor) && compatibleDates(o.date, e.date)));
    if (group) group.push(e);
    else groups.push([e]);
  }
  for (const group of groups) {
    if (group.length < 2) continue;
    const best = [...group].sort((a, b) => datedness(a) - datedness(b) || a.mention.start - b.mention.start)[0]!;
    best.actor ??= group.find((e) => e.actor)?.actor ?? null;
    best.actors = unique(group.flatMap((e) => [best.actor, ...e.actors]).filter((a): a is string => Boolean(a)));
    best.target ??= group.find((e) => e.target)?.target ?? null;
    best.origin ??= group.find((e) => e.origin)?.origin ?? null;
    for (const e of group) if (e !== best) demoted.set(e, best);
  }
  const basePlaces = new Set(events.filter((e) => e.kind === 'base').map((e) => e.place.id));
  const out: ArticleEvent[] = [];
  for (const e of events) {
    const into = demoted.get(e);
    if (!into) { out.push(e); continue; }
    if (INSTALLATION_KINDS.has(e.place.kind) && !basePlaces.has(e.place.id)) {
      basePlaces.add(e.place.id);
      const operator = e.target ?? e.place.operator ?? null;
      out.push({ ...e, kind: 'base', title: baseTitle(operator, e.place, undefined, lex), date: null, actor: operator, actors: operator ? [operator] : [], target: null, origin: null });
    } else {
      out.push({ ...placeEvent(e.mention, e.place, e.date), confidence: e.confidence });
    }
  }
  // Only one base feature per installation: later mentions are places.
  const seenBase = new Set<string>();
  return out.map((e) => {
    if (e.kind !== 'base') return e;
    if (seenBase.has(e.place.id)) return placeEvent(e.mention, e.place, null);
    seenBase.add(e.place.id);
    return e;
  });
}

function datedness(e: ArticleEvent): number {
  return e.date ? rank(e.date.precision) : 9;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
