import { z } from 'zod';
import { DATE_PRECISIONS, EVENT_KINDS, GEO_PRECISIONS, type NewsmapFeature } from '../../geoparser/geojson/schema.ts';
import { round6 } from '../../geoparser/geojson/round.ts';
import { splitSentences } from '../../geoparser/text/sentences.ts';
import { anchorFor, anchorForSpan, locate, mentionKey, relocate, type MentionAnchor } from './anchor.ts';
import { retitle } from './titles.ts';

/** A place an analyst chose: a gazetteer candidate or a point picked on the map. */
export const chosenPlaceSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  country: z.string(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  precision: z.enum(GEO_PRECISIONS),
});
export type ChosenPlace = z.infer<typeof chosenPlaceSchema>;

const editSchema = z.object({
  kind: z.enum(EVENT_KINDS).optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
  date_precision: z.enum(DATE_PRECISIONS).nullable().optional(),
  actor: z.string().nullable().optional(),
  actors: z.array(z.string()).optional(),
  target: z.string().nullable().optional(),
}).strict();
export type FeatureEdit = z.infer<typeof editSchema>;

const anchorSchema = z.object({
  text: z.string(),
  span: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]),
  before: z.string(),
  after: z.string(),
  kind: z.enum(EVENT_KINDS).optional(),
});

/**
 * How far a correction reaches: the one mention it was made on (the default), every mention of
 * the same name in its article, or every mention of the name in the workspace, seeds included.
 */
export const CORRECTION_SCOPES = ['mention', 'article', 'workspace'] as const;
export type CorrectionScope = (typeof CORRECTION_SCOPES)[number];

/**
 * One analyst correction. It records who made it, when, and the original values, so a
 * correction can be audited or undone and exports can flag `corrected: true`.
 *
 * It is anchored to its article, the mention's words, their offsets and a little context
 * (`anchor`), not to a feature id: after any re-parse it re-attaches to the mention with the same
 * words nearest its old offsets (anchor.ts). `feature_id` is the feature it was made on, kept for
 * the audit and for corrections saved before anchors existed (their anchor is read from it).
 */
export const correctionSchema = z.object({
  id: z.string().min(1),
  article_id: z.string().min(1),
  by: z.string().min(1),
  at: z.string().datetime(),
  change: z.discriminatedUnion('type', [
    z.object({ type: z.literal('place'), feature_id: z.string(), place: chosenPlaceSchema }),
    z.object({ type: z.literal('not-a-place'), feature_id: z.string() }),
    z.object({ type: z.literal('add-place'), span: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]), place: chosenPlaceSchema }),
    z.object({ type: z.literal('edit'), feature_id: z.string(), fields: editSchema }),
  ]),
  /** The values the correction replaced (for `add-place`, empty). */
  original: z.record(z.string(), z.unknown()),
  anchor: anchorSchema.optional(),
  scope: z.enum(CORRECTION_SCOPES).optional(),
});
export type Correction = z.infer<typeof correctionSchema>;

/** A correction that found no mention to attach to after a re-parse: shown, never dropped. */
export interface Unattached {
  correction: Correction;
  reason: string;
}

/** A mention a "Not a place" correction removed from the map: the reader still shows it, struck. */
export interface Removed {
  feature: NewsmapFeature;
  correction: Correction;
}

export interface Resolved {
  features: NewsmapFeature[];
  unattached: Unattached[];
  removed: Removed[];
  /** Which features each correction reached (correction id → feature ids). */
  attached: Map<string, string[]>;
  /**
   * Corrections saved before anchors (keyed by feature id) that attached by that id, with the
   * anchor read from the feature they reached: saved with it, they survive the next parser.
   */
  migrated: Correction[];
}

/**
 * The anchor of a correction. One saved before anchors existed is keyed by its feature id
 * (`article:start-end[:…]`): its offsets are read from the id, and its words from the audit
 * record, else from the article text at those offsets.
 */
export function anchorOf(c: Correction, text?: string): MentionAnchor | null {
  if (c.anchor) return c.anchor as MentionAnchor;
  const ch = c.change;
  if (ch.type === 'add-place') return text !== undefined ? anchorForSpan(text, ch.span) : { text: '', span: ch.span, before: '', after: '' };
  const m = ch.feature_id.slice(c.article_id.length).match(/^:(\d+)-(\d+)(?::|$)/);
  if (!m) return null;
  const span: [number, number] = [Number(m[1]), Number(m[2])];
  const said = typeof c.original['mention'] === 'string' ? (c.original['mention'] as string) : null;
  const words = said ?? (text !== undefined && span[1] <= text.length ? text.slice(span[0], span[1]) : '');
  return { ...(text !== undefined ? anchorForSpan(text, span) : { before: '', after: '' }), text: words, span, ...(typeof c.original['kind'] === 'string' ? { kind: c.original['kind'] as MentionAnchor['kind'] } : {}) };
}

/**
 * Applies corrections, in order, to an article's features. Pure: the input is not modified.
 * `text` is the article's text, needed to quote the sentence of an added place and to
 * re-attach corrections whose mention moved.
 *
 * @example
 * applyCorrections(features, [{ change: { type: 'not-a-place', feature_id: 'a:10-16' }, ... }], text)
 */
export function applyCorrections(features: readonly NewsmapFeature[], corrections: readonly Correction[], text?: string): NewsmapFeature[] {
  return resolveCorrections(features, corrections, text).features;
}

/**
 * As applyCorrections, and says which corrections could not be re-attached and which mentions
 * "Not a place" removed. A workspace-scoped correction that finds no mention of its name in
 * this article is not unattached here: the workspace as a whole decides (mergeCorpus).
 */
export function resolveCorrections(features: readonly NewsmapFeature[], corrections: readonly Correction[], text?: string): Resolved {
  let out = features.map((f) => f);
  const unattached: Unattached[] = [];
  const removed: Removed[] = [];
  const attached = new Map<string, string[]>();
  const migrated: Correction[] = [];
  for (const c of corrections) {
    const ch = c.change;
    if (ch.type === 'add-place') {
      const anchor = anchorOf(c, text);
      if (text === undefined || !anchor) {
        unattached.push({ correction: c, reason: 'the article text is not available' });
        continue;
      }
      const span = c.anchor ? relocate(anchor, text) : ch.span;
      if (!span || !text.slice(span[0], span[1]).trim()) {
        unattached.push({ correction: c, reason: `“${anchor.text}” is no longer in the article text` });
        continue;
      }
      const [s, e] = span;
      const mention = text.slice(s, e);
      const base = features.find((f) => f.properties.article_id === c.article_id);
      const quote = splitSentences(text).find((x) => x.start <= s && s < x.end)?.text ?? mention;
      const id = `${c.article_id}:${s}-${e}`;
      out = out.filter((f) => !(f.properties.article_id === c.article_id && f.properties.span[0] === s && f.properties.span[1] === e));
      out.push({
        type: 'Feature',
        id,
        geometry: { type: 'Point', coordinates: [round6(ch.place.lon), round6(ch.place.lat)] },
        properties: {
          kind: 'place', title: ch.place.name, date: null, date_precision: null, actor: null, actors: [], target: null, origin: null,
          place_id: ch.place.id, place_name: ch.place.name, country: ch.place.country, geo_precision: ch.place.precision,
          mention, span: [s, e], quote, article_id: c.article_id, article_title: base?.properties.article_title ?? '',
          published: base?.properties.published ?? '', confidence: 1, corrected: true,
        },
      });
      attached.set(c.id, [id]);
      if (!c.anchor) migrated.push({ ...c, anchor: anchorForSpan(text, span) });
      continue;
    }
    const targets = targetsOf(c, out, text);
    if (!targets) {
      if (c.scope !== 'workspace') unattached.push({ correction: c, reason: unattachedReason(c, text) });
      continue;
    }
    attached.set(c.id, targets.map((f) => f.id));
    if (!c.anchor && targets.length === 1 && targets[0]!.id === ch.feature_id) migrated.push({ ...c, anchor: anchorFor(targets[0]!, text) });
    const hit = new Set(targets);
    if (ch.type === 'not-a-place') {
      for (const f of targets) removed.push({ feature: f, correction: c });
      out = out.filter((f) => !hit.has(f));
      continue;
    }
    out = out.map((f) => (hit.has(f) ? applyChange(f, ch) : f));
  }
  return { features: out, unattached, removed, attached, migrated };
}

/** The features a mention-, article- or workspace-level correction reaches among `features`. */
function targetsOf(c: Correction, features: readonly NewsmapFeature[], text: string | undefined): NewsmapFeature[] | null {
  const ch = c.change;
  if (ch.type === 'add-place') return null;
  const events = ch.type === 'edit';
  const anchor = anchorOf(c, text);
  if (c.scope === 'article' || c.scope === 'workspace') {
    const key = anchor ? mentionKey(anchor.text) : '';
    if (!key) return null;
    const all = features.filter((f) => mentionKey(f.properties.mention) === key && (!events || f.properties.kind !== 'place'));
    return all.length ? all : null;
  }
  // The feature it was made on, while the parse that made it stands.
  const same = features.find((f) => f.id === ch.feature_id && (!anchor?.text || mentionKey(f.properties.mention) === mentionKey(anchor.text)));
  if (same) return [same];
  if (!anchor) return null;
  return locate(anchor, features, text, { events, all: ch.type === 'not-a-place' })?.features ?? null;
}

function unattachedReason(c: Correction, text: string | undefined): string {
  const anchor = anchorOf(c, text);
  if (!anchor) return 'its mention cannot be read from its saved form';
  const words = anchor.text ? `“${anchor.text}”` : `the words at ${anchor.span[0]}–${anchor.span[1]}`;
  if (c.scope === 'article') return `no mention of ${words} is left in the article`;
  if (c.change.type === 'edit') return `no event is found at ${words} any more`;
  return `no mention of ${words} is found near character ${anchor.span[0]} any more`;
}

/** One change on one feature, with `corrected` set and the title following it. */
export function applyChange(f: NewsmapFeature, ch: Exclude<Correction['change'], { type: 'add-place' | 'not-a-place' }>): NewsmapFeature {
  if (ch.type === 'place') {
    const properties = {
      ...f.properties, place_id: ch.place.id, place_name: ch.place.name, country: ch.place.country,
      geo_precision: ch.place.precision, confidence: 1, corrected: true,
    };
    return {
      ...f,
      geometry: f.geometry.type === 'Point' ? { type: 'Point', coordinates: [round6(ch.place.lon), round6(ch.place.lat)] } : f.geometry,
      properties: { ...properties, title: retitle(f.properties, properties) },
    };
  }
  const fields = Object.fromEntries(Object.entries(ch.fields).filter(([, v]) => v !== undefined));
  const properties = { ...f.properties, ...fields, corrected: true };
  if (fields.actor !== undefined && fields.actors === undefined) {
    properties.actors = [...new Set([fields.actor, ...f.properties.actors.filter((a) => a !== f.properties.actor)].filter((a): a is string => Boolean(a)))];
  }
  return { ...f, properties: { ...properties, title: retitle(f.properties, properties) } };
}

/** The original values a change replaces, for the audit record. */
export function originalValues(feature: NewsmapFeature | undefined, change: Correction['change']): Record<string, unknown> {
  if (!feature) return {};
  const p = feature.properties;
  if (change.type === 'place') return { place_id: p.place_id, place_name: p.place_name, country: p.country, geo_precision: p.geo_precision, coordinates: feature.geometry.coordinates, mention: p.mention, title: p.title };
  if (change.type === 'not-a-place') return { kind: p.kind, place_id: p.place_id, mention: p.mention, span: p.span };
  if (change.type === 'edit') return { ...Object.fromEntries(Object.keys(change.fields).map((k) => [k, (p as Record<string, unknown>)[k]])), mention: p.mention, title: p.title };
  return {};
}

/** A new correction on a feature's mention, anchored to its words, offsets and context. */
export function correctionFor(feature: NewsmapFeature, change: Correction['change'], text: string | undefined, options: { scope?: CorrectionScope; now?: Date; id?: string } = {}): Correction {
  const now = options.now ?? new Date();
  return {
    id: options.id ?? newCorrectionId(now),
    article_id: feature.properties.article_id,
    by: 'analyst',
    at: now.toISOString(),
    change,
    original: originalValues(feature, change),
    anchor: anchorFor(feature, text),
    ...(options.scope && options.scope !== 'mention' ? { scope: options.scope } : {}),
  };
}

export function newCorrectionId(now = new Date()): string {
  return `corr-${now.getTime().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`;
}

/** A one-line description of a correction, for the corrections list. */
export function describeCorrection(c: Correction, text?: string): string {
  const anchor = anchorOf(c, text);
  const words = anchor?.text ? `“${anchor.text}”` : 'a mention';
  const where = c.scope === 'workspace' ? ' (every mention in the workspace)' : c.scope === 'article' ? ' (every mention in the article)' : '';
  const ch = c.change;
  if (ch.type === 'place') return `${words} → ${ch.place.name} (${ch.place.country})${where}`;
  if (ch.type === 'add-place') return `${words} added as ${ch.place.name} (${ch.place.country})`;
  if (ch.type === 'not-a-place') return `${words} is not a place${where}`;
  const parts = Object.entries(ch.fields).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v === null ? '—' : String(v)}`);
  return `${words} edited (${parts.join(', ')})`;
}
