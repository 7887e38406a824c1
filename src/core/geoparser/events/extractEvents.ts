import type { Place } from '../gazetteer/place.ts';
import { INSTALLATION_KINDS } from '../gazetteer/place.ts';
import type { PlaceIndex } from '../gazetteer/placeIndex.ts';
import type { ActorMention } from './actors.ts';
import { compatibleDates, rank, type ResolvedDate } from './dates.ts';
import type { Anchor } from './published.ts';
import type { Lexicon } from './lexicon.ts';
import type { AnalysedSentence, ArticleEvent, ResolvedMention } from './types.ts';
import { extractPipelines } from './pipeline.ts';
import { normalizeToken } from '../text/normalize.ts';
import { distanceKm } from '../gazetteer/distance.ts';
import { eventDate, placeDate, tellsOfThePast, withoutDatelineDate } from './eventDates.ts';
import { continuesSubject } from './clauses.ts';
import { accusedAgent, attributedAgent, hasForceHead, locatesPlace, namesStateForces, passiveAgent } from './agents.ts';
import { attributeBack, countsBack, isBackground, strikeDetails, strikesBy, weaponNearby } from './eventDetails.ts';

/** How far (in words) an attack word reaches forward to the place it hits. */
const TRIGGER_REACH = 20;

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
export function extractEvents(analysed: readonly AnalysedSentence[], index: PlaceIndex, lex: Lexicon, anchor: Anchor): ArticleEvent[] {
  const sentences = withoutDatelineDate(analysed);
  const events: ArticleEvent[] = [];
  const pipelineMentions = extractPipelines(sentences, index, lex, events);
  // The seas and gulfs the article names: where a ship hit "off" a port was.
  const seas = sentences.flatMap((s) => s.places.filter((m) => m.role === 'location' && m.place.kind === 'sea').map((m) => m.place));
  const claimsOf = sentences.map((s) => (s.attack.includes(true) ? claimStrikes(s, lex) : []));
  // Seas the article tells of attacks in: where its ships hit "off" a port were.
  const struckSeas = new Set(claimsOf.flatMap((claims) => claims.flatMap((c) => c.mentions)).filter((m) => m.place.kind === 'sea').map((m) => m.place.id));
  let previousStrike: ArticleEvent | undefined;

  sentences.forEach((s, si) => {
    const claims = claimsOf[si]!;
    const claimed = new Map<ResolvedMention, StrikeClaim>();
    for (const c of claims) for (const m of c.mentions) claimed.set(m, c);
    const origin = findOrigin(s, lex);
    const details = claims.length ? strikeDetails(s, claims.map((c) => c.trigger)) : undefined;

    for (const m of s.places) {
      if (m.role !== 'location' || pipelineMentions.has(m)) continue;
      const base = baseAt(s, m, index, lex);
      const place = base?.place ?? m.place;
      const claim = claimed.get(m);
      const installation = base || INSTALLATION_KINDS.has(m.place.kind)
        ? { operator: base?.operator ?? operatorBefore(s, m.first, lex) ?? place.operator ?? null, ...(base?.inferred ? { inferredAt: m.place } : {}) }
        : undefined;
      const date = claim && origin?.mention !== m ? eventDate(sentences, si, claim.trigger, anchor, lex) : null;
      const sea = claim && seas.length && !base ? seaOff(s, m, seas, struckSeas, lex) : undefined;
      // An attack long before the article's clock is background ("a car bomb in 2019"): a place.
      if (claim && origin?.mention !== m && !tellsOfThePast(s, date, anchor, lex)) {
        const initiator = findInitiator(s, claim.trigger, previousStrike, lex, place);
        const target = findTarget(s, claim.trigger, m, initiator.actor, lex);
        const actors = unique([initiator.actor, target, ...clauseActors(s, claim.trigger)].filter((a): a is string => Boolean(a)));
        const found = details?.get(claim.trigger);
        const initiatorCountry = initiator.actor ? lex.actorByName.get(initiator.actor)?.country ?? null : null;
        const nearby = found && weaponNearby(sentences, si, found, initiatorCountry, place.country);
        const detail = found && nearby ? { ...found, eventType: nearby } : found;
        const event: ArticleEvent = {
          kind: 'strike', mention: m, place: sea ?? place, title: strikeTitle(initiator.actor, sea ?? place, lex),
          date: date ?? (initiator.carried ? previousStrike?.date ?? null : null),
          actor: initiator.actor, actors, target,
          origin: origin && origin.mention.place.id !== place.id ? [origin.mention.place.lon, origin.mention.place.lat] : null,
          confidence: round2(m.confidence * (initiator.actor ? 1 : 0.8) * (initiator.carried ? 0.85 : 1) * (base?.inferred ? 0.85 : 1)),
          ...(installation ? { installation } : {}),
          trigger: claim.trigger,
          ...(initiator.carried ? { carried: true } : {}),
          ...(detail ? { eventType: detail.eventType, fatalities: claim.mentions[0] === m ? detail.fatalities : null } : {}),
        };
        events.push(event);
        if (event.actor && (!previousStrike || previousStrike.mention.sentence !== si)) previousStrike = event;
        continue;
      }
      if (installation) {
        events.push({ ...placeEvent(m, place, null), installation, confidence: round2(m.confidence * (base?.inferred ? 0.85 : 1)) });
        continue;
      }
      events.push(placeEvent(m, m.place, placeDate(s, m)));
    }
  });
  const retitle = (e: ArticleEvent) => strikeTitle(e.actor, e.place, lex);
  attributeBack(sentences, events, lex, retitle);
  countsBack(sentences, events, lex);
  toAffiliates(events, lex, retitle);
  return assignBases(withoutJudged(absorbCoarseMentions(mergeRepeats(withoutRetellings(events, sentences, lex))), sentences, lex), lex);
}

/**
 * "claimed by Islamic State" of a raid in Mozambique, "Islamic State fighters overran a base"
 * in Borno: an attack put down to a transnational network where one of its regional affiliates
 * fights is the affiliate's, as an analyst codes it (lexicon.json: `parent`, `operatesIn`).
 */
function toAffiliates(events: ArticleEvent[], lex: Lexicon, retitle: (e: ArticleEvent) => string): void {
  for (const e of events) {
    if (e.kind !== 'strike' || !e.actor) continue;
    const affiliate = lex.affiliates.get(e.actor)?.get(e.place.country);
    if (!affiliate) continue;
    const parent = e.actor;
    e.actor = affiliate.name;
    e.actors = unique(e.actors.map((a) => (a === parent ? affiliate.name : a)));
    e.title = retitle(e);
  }
}

/**
 * A strike the text does not date, told as the object of a judgement ("the council condemned
 * attacks on civilians in El Fasher and the shelling of camps around Goma", "accused the army
 * of bombing markets in Kordofan"), is a charge or a communique's word on violence, not an
 * event told: an analyst has no day to code. Its mention stays a place. A dated charge ("accused
 * the army of bombing a hospital in Nyala on Wednesday") is a claim of an event, and stays.
 * The verbs are lexicon.json's `judgementVerbs`.
 */
function withoutJudged(events: ArticleEvent[], sentences: readonly AnalysedSentence[], lex: Lexicon): ArticleEvent[] {
  return events.map((e) => {
    if (e.kind !== 'strike' || e.date || e.trigger === undefined) return e;
    const s = sentences[e.mention.sentence];
    if (!s || !s.tokens.slice(0, e.trigger).some((t) => lex.judgementVerbs.has(t.norm))) return e;
    return demote(e, null);
  });
}

/** How many sentences back the attack a retelling or an effect refers to may lie. */
const RETOLD_REACH = 2;

/**
 * Sentences that tell again of an attack already told, with nobody named for it, are no new
 * attack:
 * - its effect, a passive of damage with no agent ("Several homes were damaged in Kiryat
 *   Bialik" after "85 projectiles were launched"), told within two sentences of the attack;
 * - a definite weapon or attack ("the drone had struck a site across the border in Syria")
 *   placed only at a country, when an attack of a compatible date was told before.
 */
function withoutRetellings(events: ArticleEvent[], sentences: readonly AnalysedSentence[], lex: Lexicon): ArticleEvent[] {
  // An effect may carry the attacker of the sentence before ("... rockets at X. Homes were damaged in Y").
  const earlier = (e: ArticleEvent, reach: number) => events.some((o) => o.kind === 'strike' && o !== e && o.mention.sentence < e.mention.sentence
    && o.mention.sentence >= e.mention.sentence - reach && compatibleDates(o.date, e.date) && (!e.actor || o.actor === e.actor));
  return events.map((e) => {
    if (e.kind !== 'strike' || e.trigger === undefined) return e;
    const s = sentences[e.mention.sentence]!;
    const t = e.trigger;
    const word = s.tokens[t]!.norm;
    const passive = lex.beAux.has(s.tokens[t - 1]?.norm ?? '') && !s.tokens.slice(t + 1, t + 4).some((x) => x.norm === 'by');
    if (lex.consequenceVerbs.has(word) && passive && earlier(e, RETOLD_REACH)) return demote(e, e.date);
    if (!e.actor && e.place.precision === 'country' && definiteSubject(s, t, lex) && earlier(e, e.mention.sentence)) return demote(e, e.date);
    return e;
  });
}

/** "the drone had struck", "the missile hit": the attack word's subject is a weapon or attack already told. */
function definiteSubject(s: AnalysedSentence, t: number, lex: Lexicon): boolean {
  for (let i = t - 1; i >= Math.max(0, t - 4) && s.clause[i] === s.clause[t]; i--) {
    if (!(s.attack[i] || lex.weaponNouns.has(s.tokens[i]!.norm))) continue;
    const det = s.tokens[i - 1]?.norm ?? '';
    return lex.definiteDeterminers.has(det) && !s.actors.some((a) => a.first <= i && i <= a.last + 1);
  }
  return false;
}

/**
 * Every military installation an article names gets one `base` feature: its first mention
 * that is not a strike, or, when every mention is a strike, an extra feature beside the first.
 */
function assignBases(events: ArticleEvent[], lex: Lexicon): ArticleEvent[] {
  const out = [...events];
  const done = new Set<string>();
  for (const e of events) {
    if (!e.installation || done.has(e.place.id)) continue;
    done.add(e.place.id);
    const same = events.filter((o) => o.installation && o.place.id === e.place.id);
    const quiet = same.find((o) => o.kind === 'place');
    const host = quiet ?? same[0]!;
    const { operator, inferredAt } = host.installation!;
    const owner = operator ?? same.map((o) => o.installation!.operator ?? (o.kind === 'strike' ? o.target : null)).find(Boolean) ?? null;
    // A base is no event: it carries no ACLED type or death count, even when its host mention is a strike.
    const { eventType: _type, fatalities: _dead, trigger: _trigger, ...facility } = host;
    const base: ArticleEvent = {
      ...facility, kind: 'base', title: baseTitle(owner, host.place, inferredAt, lex), date: null,
      actor: owner, actors: owner ? [owner] : [], target: null, origin: null,
      ...(quiet ? {} : { extraBase: true }),
    };
    if (quiet) out[out.indexOf(quiet)] = base;
    else out.push(base);
  }
  return out;
}

/**
 * A strike turned back into a place: at its installation when it has one, at the port named
 * when the strike was moved out to sea ("off Aden"), else at its place.
 */
function demote(e: ArticleEvent, date: ResolvedDate | null): ArticleEvent {
  const where = e.place.kind === 'sea' && e.mention.place.kind !== 'sea' ? e.mention.place : e.place;
  return { ...placeEvent(e.mention, where, date), confidence: e.confidence, ...(e.installation ? { installation: e.installation } : {}) };
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
  let lastClaim: StrikeClaim | undefined;
  for (const m of s.places) {
    if (m.role !== 'location' || lex.notStrikeKinds.has(m.place.kind) || afterFrom(s, m, lex) || describesPeople(s, m, lex) || possessiveContainer(s, m) || modifiesForce(s, m, lex)) continue;
    // A location coordinated with the previous target shares its attack ("Iraq and Syria").
    const previous = lastClaim?.mentions[lastClaim.mentions.length - 1];
    if (lastClaim && previous && coordinated(s, previous, m) && !contains(m.place, previous.place)) {
      lastClaim.mentions.push(m);
      continue;
    }
    const trigger = nearestTriggerBefore(s, m.first) ?? passiveTriggerAfter(s, afterContainers(s, m), lex) ?? frontedTrigger(s, m);
    if (trigger === undefined || isGeneric(s, trigger, lex) || claims.has(trigger) || isBackground(s, trigger, lex)) continue;
    lastClaim = { trigger, mentions: [m] };
    claims.set(trigger, lastClaim);
  }
  return [...claims.values()];
}

/** The nearest attack word before a location, in the same clause. */
function nearestTriggerBefore(s: AnalysedSentence, first: number): number | undefined {
  for (let i = first - 1; i >= Math.max(0, first - TRIGGER_REACH) && s.clause[i] === s.clause[first]; i--) if (s.attack[i]) return i;
  return undefined;
}

/**
 * "away from the Bab el-Mandeb", "fired from Yemen", "fired from Russia's Kursk region": a
 * starting point, not a target.
 */
function afterFrom(s: AnalysedSentence, m: ResolvedMention, lex: Lexicon): boolean {
  const prev = s.tokens[m.first - 1];
  if (prev?.possessive) {
    const owner = s.places.find((p) => p.last === m.first - 2);
    return owner !== undefined && afterFrom(s, owner, lex);
  }
  // Up to two words between "from" and the name: "from the", "from occupied", "from northern";
  // and "from the direction of the Mediterranean", "from the territory of Lebanon".
  for (let i = m.first - 1, words = 0; i >= 0; i--) {
    const norm = s.tokens[i]!.norm;
    if (norm === 'from') return true;
    if (words === 2) return false;
    if (norm === 'of' && lex.fromNouns.has(s.tokens[i - 1]?.norm ?? '')) { i--; continue; }
    if (norm !== 'the' && !lex.placeModifiers.has(norm)) return false;
    words++;
  }
  return false;
}

/**
 * "rocket attack on U.S. troops at Ain al-Asad": a country named as the modifier of troops or
 * people says whose they are, not where the attack fell.
 */
function modifiesForce(s: AnalysedSentence, m: ResolvedMention, lex: Lexicon): boolean {
  const next = s.tokens[m.last + 1]?.norm ?? '';
  return m.place.precision === 'country' && (lex.forceNouns.has(next) || lex.victimNouns.has(next));
}

/** "Iran's Sistan-Balochistan province": Iran only locates what follows. */
function possessiveContainer(s: AnalysedSentence, m: ResolvedMention): boolean {
  return Boolean(s.tokens[m.last + 1]?.possessive) && s.places.some((p) => p.first === m.last + 2);
}

/** "in solidarity with Palestinians in Gaza": the place qualifies a relation, not a target. */
function describesPeople(s: AnalysedSentence, m: ResolvedMention, lex: Lexicon): boolean {
  for (let i = m.first - 1; i >= Math.max(0, m.first - 4); i--) {
    // A word of an actor's name is not a head: "the Rapid Support Forces attacked Omdurman".
    if (lex.nonLocativeHeads.has(s.tokens[i]!.norm) && !s.actors.some((a) => a.first <= i && i <= a.last)) return true;
  }
  return false;
}

/**
 * "Israel rarely comments on individual strikes in Syria": a habit, not an event. "As expected"
 * and "as planned" say the event happened, so a marker right after "as" does not count.
 */
function isGeneric(s: AnalysedSentence, trigger: number, lex: Lexicon): boolean {
  return s.tokens.some((t, i) => i < trigger && s.clause[i] === s.clause[trigger] && lex.genericMarkers.has(t.norm) && s.tokens[i - 1]?.norm !== 'as');
}

/**
 * The last word of a mention with the containers named after it: "a port facility in Izmail
 * in the Odesa region was hit", "Jermuk, Armenia, was shelled": the passive hits the town, not its region.
 */
function afterContainers(s: AnalysedSentence, m: ResolvedMention): number {
  let last = m.last;
  for (const p of s.places) {
    if (p.first <= last) continue;
    const gap = s.tokens.slice(last + 1, p.first).map((t) => t.norm);
    if (gap.length > 2 || !gap.every((g) => g === 'in' || g === 'the' || g === ',' || g === 'of') || !contains(p.place, m.place)) break;
    last = p.last;
  }
  return last;
}

/**
 * "In Culiacan, the capital of Sinaloa state, gunmen killed five men": a town or site fronted
 * at the head of the sentence locates the first attack of the main clause after it.
 */
function frontedTrigger(s: AnalysedSentence, m: ResolvedMention): number | undefined {
  if (m.first !== 1 || s.tokens[0]!.norm !== 'in' || (m.place.precision !== 'city' && m.place.precision !== 'site')) return undefined;
  for (let i = m.last + 1; i < Math.min(s.tokens.length, m.last + 1 + TRIGGER_REACH); i++) if (s.attack[i]) return s.clause[i] === s.clause[m.first] ? i : undefined;
  return undefined;
}

/**
 * "off the Yemeni port of Hodeidah", "68 nautical miles southwest of Hodeidah": the mention is
 * the point a ship at sea is measured from. Returns the sea or gulf the article names nearest
 * to it (within `offshore.maxKm`), or undefined when the mention is no such point.
 */
function seaOff(s: AnalysedSentence, m: ResolvedMention, seas: readonly Place[], struck: ReadonlySet<string>, lex: Lexicon): Place | undefined {
  if (m.place.kind === 'sea' || !offshorePoint(s, m, lex)) return undefined;
  // A sea the article tells of an attack in is where its ships are hit ("struck a cargo ship
  // in the Gulf of Aden" ... "hit the ship 35 nautical miles south of Aden").
  let best: Place | undefined;
  let bestScore = Infinity;
  for (const p of seas) {
    const km = distanceKm(p, m.place);
    if (km > lex.offshore.maxKm) continue;
    const score = (struck.has(p.id) ? 0 : lex.offshore.maxKm) + km;
    if (score < bestScore) { best = p; bestScore = score; }
  }
  return best;
}

function offshorePoint(s: AnalysedSentence, m: ResolvedMention, lex: Lexicon): boolean {
  const o = lex.offshore;
  const raw = (i: number) => s.tokens[i]?.raw.toLowerCase() ?? '';
  for (let i = m.first - 1, steps = 0; i >= 0 && steps < 6; i--, steps++) {
    const w = raw(i);
    if (o.lead.has(w)) return true;
    if (w === 'of' || w === 'from') {
      let k = i - 1;
      while (k >= 0 && k >= i - 2 && o.compass.has(raw(k))) k--;
      if (k < i - 1 && o.units.has(raw(k))) return true;
    }
    const demonym = s.actors.some((a) => a.demonym && a.first <= i && i <= a.last);
    if (!o.skip.has(w) && !demonym) return false;
  }
  return false;
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

/**
 * Two locations are coordinated: "Iraq and Syria", "near Al-Qaim in Iraq's Anbar province and
 * around Al-Bukamal" (containers of the first are skipped), "Ein al-Asad ... and a US
 * airbase in Erbil".
 */
function coordinated(s: AnalysedSentence, a: ResolvedMention, b: ResolvedMention): boolean {
  const containers = s.places.filter((p) => p.first > a.last && p.last < b.first && contains(p.place, a.place));
  const inContainer = (i: number) => containers.some((c) => c.first <= i && i <= c.last);
  const gap = s.tokens.slice(a.last + 1, b.first)
    .filter((t, k) => {
      const i = a.last + 1 + k;
      // Skip the container itself, its "in", and a possessive between containers ("in Iraq's Anbar").
      return !inContainer(i) && !(t.possessive && inContainer(i - 1)) && !((t.norm === 'in' || t.norm === 'of') && inContainer(i + 1));
    })
    .map((t) => t.norm);
  if (gap.length === 0) return true;
  if (gap[0] === 'and' && gap.length <= 2 && (gap.length === 1 || COORDINATION_LINKS.has(gap[1]!))) return true;
  // "... and a US operated airbase in Erbil": the coordinated noun phrase is a base.
  const raw = s.tokens.slice(a.last + 1, b.first).map((t) => t.norm);
  const and = raw.lastIndexOf('and');
  if (and < 0 || raw.length - and - 1 > 6) return false;
  const andIndex = a.last + 1 + and;
  return s.baseNouns.some((r) => r.first > andIndex && r.last === b.first - 2);
}

/**
 * `outer` contains `inner`: its country, its listed parent, or a coarser place within a few
 * kilometres ("Dahiyeh, Beirut's southern suburbs").
 */
function contains(outer: Place, inner: Place): boolean {
  if (outer.id === inner.id) return true;
  if (outer.kind === 'country' && outer.country === inner.country) return true;
  if (inner.parent === outer.id) return true;
  const coarser = PRECISION_RANK[outer.precision] >= PRECISION_RANK[inner.precision];
  if (coarser && distanceKm(outer, inner) < 15) return true;
  // "northern Iraq", "southern Lebanon": a region of the same country around the place.
  return outer.precision === 'region' && outer.country === inner.country && inner.precision !== 'region' && distanceKm(outer, inner) < 250;
}

const PRECISION_RANK = { site: 0, city: 1, region: 2, country: 3 } as const;

/** Words allowed after "and" in a coordination of places, normalised like tokens. */
const COORDINATION_LINKS = new Set(['the', 'a', 'an', 'near', 'around', 'in', 'at', 'on', 'outside'].map(normalizeToken));

/**
 * The strike is launched from a named place: "missiles fired from Yemen". In "fired from
 * Russia's Kursk region" the launch point is the region the possessive leads to.
 */
function findOrigin(s: AnalysedSentence, lex: Lexicon): { mention: ResolvedMention } | undefined {
  for (const [k, m] of s.places.entries()) {
    if (m.role !== 'location' || s.tokens[m.first - 1]?.norm !== 'from') continue;
    for (let i = m.first - 2; i >= Math.max(0, m.first - 6); i--) {
      if (!lex.originVerbs.has(s.tokens[i]!.norm)) continue;
      const owned = s.places[k + 1];
      const narrower = s.tokens[m.last + 1]?.possessive && owned?.first === m.last + 2 && owned.role === 'location';
      return { mention: narrower ? owned : m };
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
 * Whether an actor mention can be the initiator: not a place adjective ("the Israeli port
 * city"), not a victim ("American soldiers were killed"), and not a mere speaker ("the Israeli
 * military said most rockets fell"), unless the speaker refers to itself ("Hezbollah said it fired").
 */
function canInitiate(s: AnalysedSentence, a: ActorMention, t: number, lex: Lexicon): boolean {
  if (!isUsableActor(s, a)) return false;
  // "Ukrainian officials said", "the Yemeni port": a demonym attacks only as the modifier of a force or weapon.
  if (a.demonym && !hasForceHead(s, a, lex)) return false;
  if (locatesPlace(s, a, lex)) return false;
  const after = s.tokens.slice(a.last + 1, a.last + 7);
  const next = after[0];
  if (a.demonym && next && lex.placeNouns.has(next.norm)) return false;
  // The operator of a base ("a US outpost", "a US operated airbase") is not its attacker.
  if (next && (lex.operatorWords.has(next.norm) || s.baseNouns.some((r) => r.first <= a.last + 2 && r.first > a.last))) return false;
  if (isPassiveSubject(s, a, lex)) return false;
  const speech = after.findIndex((tok) => lex.speechVerbs.has(tok.norm));
  if (speech >= 0 && after.slice(0, speech).every((tok) => !lex.agentVerbs.has(tok.norm)) && a.last + 1 + speech < t) {
    const verb = a.last + 1 + speech;
    // The speaker refers to itself right after the verb or as the subject of the attack's clause.
    let selfReference = false;
    for (let i = verb + 1; i < t && !selfReference; i++) {
      if (i > verb + 8 && s.clause[i] !== s.clause[t]) continue;
      const tok = s.tokens[i]!;
      selfReference = Boolean(lex.pronouns.get(tok.norm) || lex.pronouns.getPair(tok.norm, s.tokens[i + 1]?.norm ?? ''));
    }
    if (!selfReference) return false;
  }
  // "air defences intercepted several missiles": the interceptor is not who fired them.
  for (let i = a.last + 1; i < t; i++) if (lex.interceptVerbs.has(s.tokens[i]!.norm)) return false;
  return true;
}

/** "Three American soldiers were killed", "US forces in Iraq have been attacked", "US soldiers killed". */
function isPassiveSubject(s: AnalysedSentence, a: ActorMention, lex: Lexicon): boolean {
  const next = s.tokens[a.last + 1];
  const after = s.tokens[a.last + 2];
  if (next && lex.victimNouns.has(next.norm) && after && lex.victimVerbs.has(after.norm)) return true;
  for (let i = a.last + 1; i < Math.min(s.tokens.length - 1, a.last + 9); i++) {
    const t = s.tokens[i]!;
    if (lex.beAux.has(t.norm)) {
      const participle = s.tokens[i + 1]!;
      const p = lex.beAux.has(participle.norm) ? s.tokens[i + 2] : participle;
      return Boolean(p && (lex.victimVerbs.has(p.norm) || lex.attackVerbs.has(p.norm)));
    }
    if (lex.agentVerbs.has(t.norm) && !/^(?:has|have|had)$/.test(t.norm)) return false;
  }
  return false;
}

/**
 * The initiator of the attack at token `t`: an actor modifying the attack noun ("Israeli
 * missile attack", "Iran's retaliatory measure by attacking"), else the nearest actor before
 * it in its clause, else in the sentence, else the previous sentence's strike initiator.
 */
function findInitiator(s: AnalysedSentence, t: number, previous: ArticleEvent | undefined, lex: Lexicon, place: Place): Initiator {
  // "the army", "government artillery": the state of the place, when the lexicon knows it.
  const state = lex.actorByCountry.get(place.country)?.name ?? null;
  const accused = accusedAgent(s, t, lex);
  if (accused) return { actor: accused.agent ?? (namesStateForces(s, accused.from, accused.to, lex) ? state : null), carried: false };
  const capable = s.actors.filter((a) => a.last < t && canInitiate(s, a, t, lex));
  const modifiers = capable.filter((a) => {
    const gap = s.tokens.slice(a.last + 1, t);
    return gap.length <= 5 && gap.every((g) => !lex.agentVerbs.has(g.norm) && (g.norm === 'by' || !lex.locationPrepositions.has(g.norm)));
  });
  if (modifiers.length) return { actor: firstOfCoordination(s, modifiers).actor.name, carried: false };
  // An agent the text names outright beats a guessed subject: "was hit by a Russian missile",
  // "a rocket attack ... that was blamed on Iran-backed militias".
  const named = passiveAgent(s, t, lex) ?? attributedAgent(s, t, lex);
  if (named) return { actor: named, carried: false };
  const inClause = capable.filter((a) => s.clause[a.first] === s.clause[t]).pop();
  if (inClause) return { actor: inClause.actor.name, carried: false };
  // Reach back into earlier clauses only through a relative clause ("a missile that hit") or
  // a pronoun subject ("the same week it attacked", "a day after the group struck").
  const continues = continuesSubject(s, t, lex);
  if (continues) {
    const clause = s.clause[t]!;
    const earlier = capable.filter((a) => continues === 'pronoun' || s.clause[a.first] === clause - 1).pop();
    if (earlier) return { actor: earlier.actor.name, carried: false };
  }
  const after = s.actors.find((a) => a.first > t && !a.demonym && s.tokens[a.first - 1]?.norm === 'by');
  if (after) return { actor: after.actor.name, carried: false };
  // "Hours later, government artillery shelled the town": the subject names the state's forces.
  const clauseStart = s.clause.indexOf(s.clause[t]!);
  if (state && namesStateForces(s, Math.max(clauseStart, t - 4), t, lex)) return { actor: state, carried: false };
  // A sentence with no actor of its own continues the previous one ("A view shows missiles ...").
  const anyCapable = s.actors.some((a) => canInitiate(s, a, s.tokens.length, lex));
  if (!anyCapable && previous && previous.mention.sentence >= s.sentence.index - 1 && previous.actor) return { actor: previous.actor, carried: true };
  return { actor: null, carried: false };
}

/** "American and British warplanes": the first of coordinated modifiers leads. */
function firstOfCoordination(s: AnalysedSentence, modifiers: ActorMention[]): ActorMention {
  let k = modifiers.length - 1;
  while (k > 0) {
    const gap = s.tokens.slice(modifiers[k - 1]!.last + 1, modifiers[k]!.first);
    if (gap.length <= 1 && gap.every((g) => g.norm === 'and' || g.norm === 'or')) k--;
    else break;
  }
  return modifiers[k]!;
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
  // "a school compound in Kani", "a camp for displaced people": not military.
  if (lex.civilianModifiers.has(s.tokens[noun.first - 1]?.norm ?? '')) return undefined;
  const operator = operatorBefore(s, noun.first, lex);
  const known = index.installationsNear.get(m.place.id)?.[0];
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
 * become one event: the best-dated mention keeps the strike, the others become places.
 */
function mergeRepeats(events: ArticleEvent[]): ArticleEvent[] {
  // Groups per place; a group is summed up by its best-dated member (the first of equals, since
  // events are in text order) and its initiator, so a strike repeated ten thousand times merges
  // in linear time.
  const byPlace = new Map<string, { best: ArticleEvent; actor: string | null; members: ArticleEvent[] }[]>();
  for (const e of events) {
    if (e.kind !== 'strike') continue;
    const groups = byPlace.get(e.place.id) ?? [];
    byPlace.set(e.place.id, groups);
    const group = groups.find((g) => (g.actor === e.actor || !g.actor || !e.actor) && compatibleDates(g.best.date, e.date));
    if (!group) {
      groups.push({ best: e, actor: e.actor, members: [e] });
      continue;
    }
    group.members.push(e);
    group.actor ??= e.actor;
    if (datedness(e) < datedness(group.best)) group.best = e;
  }
  const demoted = new Set<ArticleEvent>();
  for (const { best, members } of [...byPlace.values()].flat()) {
    if (members.length < 2) continue;
    best.actor ??= members.find((e) => e.actor)?.actor ?? null;
    best.actors = unique(members.flatMap((e) => [best.actor, ...e.actors]).filter((a): a is string => Boolean(a)));
    best.target ??= members.find((e) => e.target)?.target ?? null;
    best.origin ??= members.find((e) => e.origin)?.origin ?? null;
    // The death count may come with another mention of the same attack.
    if (best.fatalities == null) best.fatalities = members.find((e) => e.fatalities != null)?.fatalities ?? best.fatalities;
    for (const e of members) if (e !== best) demoted.add(e);
  }
  return events.map((e) => (demoted.has(e)
    ? demote(e, e.date)
    : e));
}

/**
 * "US strikes in Iraq and Syria ... near Al-Qaim ... and around Al-Bukamal", a headline's
 * "strike on Beirut suburb" above "an air strike ... in Dahiyeh": a strike plotted at a whole
 * country, or at a town, is the same attack as a strike at a place inside it, by the same (or an
 * unnamed) initiator and on the same or a finer date. The finer place keeps the event; the
 * coarse mention becomes a place. Inside a town means its suburb or site by the gazetteer
 * (`parent`, `near`) or a finer place within 15 km; two towns side by side stay two events.
 */
function absorbCoarseMentions(events: ArticleEvent[]): ArticleEvent[] {
  const byCountry = strikesBy(events, (e) => e.place.country);
  return events.map((e) => {
    if (e.kind !== 'strike' || (e.place.precision !== 'country' && e.place.precision !== 'city')) return e;
    const inside = byCountry.get(e.place.country)!.find((f) => f !== e && f.place.id !== e.place.id && within(f.place, e.place)
      && (f.actor === e.actor || !f.actor || !e.actor)
      && (!e.date || (f.date !== null && compatibleDates(e.date, f.date) && rank(f.date.precision) <= rank(e.date.precision))));
    if (!inside) return e;
    if (inside.fatalities == null && e.fatalities != null) inside.fatalities = e.fatalities;
    return demote(e, e.date);
  });
}

/** `inner` lies inside `outer` (a country or a town) and is a finer place than it. */
function within(inner: Place, outer: Place): boolean {
  if (outer.precision === 'country') return inner.precision !== 'country' && inner.country === outer.country;
  if (inner.parent === outer.id || inner.near?.includes(outer.id)) return true;
  return PRECISION_RANK[inner.precision] < PRECISION_RANK[outer.precision] && distanceKm(inner, outer) < 15;
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
