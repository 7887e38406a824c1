import type { Sentence } from '../text/sentences.ts';
import type { Token } from '../text/tokens.ts';
import type { Place } from '../gazetteer/place.ts';
import type { Role } from '../roles/roles.ts';
import type { ActorMention } from './actors.ts';
import type { DateMention, ResolvedDate } from './dates.ts';
import type { EventKind } from '../geojson/schema.ts';
import type { EventType } from './eventTypes.ts';

/** A place mention resolved to a gazetteer entry, with its role in the sentence. */
export interface ResolvedMention {
  sentence: number;
  /** Token indices in the sentence, inclusive. */
  first: number;
  last: number;
  /** Offsets into the article text, end exclusive. */
  start: number;
  end: number;
  text: string;
  place: Place;
  confidence: number;
  alternatives: Place[];
  role: Role;
}

/** Everything the event rules read about one sentence. */
export interface AnalysedSentence {
  sentence: Sentence;
  tokens: Token[];
  clause: number[];
  attack: boolean[];
  places: ResolvedMention[];
  /** Lexicon actors plus metonyms (places in the actor role). */
  actors: ActorMention[];
  /** Dates with anaphors resolved against the article's running date. */
  dates: DateMention[];
  baseNouns: { first: number; last: number }[];
}

/** An event or place, before it becomes a GeoJSON feature. */
export interface ArticleEvent {
  kind: EventKind;
  mention: ResolvedMention;
  /** The place plotted; differs from mention.place when "an airbase in Erbil" is Erbil Air Base. */
  place: Place;
  title: string;
  date: ResolvedDate | null;
  actor: string | null;
  actors: string[];
  target: string | null;
  origin: [number, number] | null;
  confidence: number;
  line?: [number, number][];
  status?: 'built' | 'planned';
  lengthKm?: number;
  /** Set on mentions of a military installation: who runs it, and the town when the base itself is unnamed. */
  installation?: { operator: string | null; inferredAt?: Place };
  /** A base feature added beside a strike mention, for an installation every mention of which is struck. */
  extraBase?: boolean;
  /** Strikes only: ACLED's event type and sub-event type (issue 11). */
  eventType?: EventType;
  /** Strikes only: the deaths the text gives for this attack, or null. */
  fatalities?: number | null;
  /** Strikes only: the initiator was carried over from the sentence before, not named for this attack. */
  carried?: boolean;
  /** Strikes only: the attack word's token in the sentence; the places of one attack share it. */
  trigger?: number;
}
