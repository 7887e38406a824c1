import { length as turfLength, lineString } from '@turf/turf';
import type { Place } from '../gazetteer/place.ts';
import type { PlaceIndex } from '../gazetteer/placeIndex.ts';
import type { GazetteerRoute } from '../gazetteer/schema.ts';
import type { Lexicon } from './lexicon.ts';
import type { AnalysedSentence, ArticleEvent, ResolvedMention } from './types.ts';

/**
 * Finds pipeline routes: a sentence that speaks of a pipeline and names two waypoints of a
 * gazetteer route ("connect the South Pars gas fields to ... Nawabshah") yields the route
 * between them, one feature per section (built / planned), each anchored on the waypoint
 * mention that lies in it. Each section appears once per article. Returns the mentions used.
 *
 * @example
 * extractPipelines(sentences, index, lex, events) // pushes 2 pipeline events for the Iran–Pakistan route
 */
export function extractPipelines(sentences: readonly AnalysedSentence[], index: PlaceIndex, lex: Lexicon, events: ArticleEvent[]): Set<ResolvedMention> {
  const used = new Set<ResolvedMention>();
  const done = new Set<string>();
  for (const s of sentences) {
    if (!s.tokens.some((t) => t.norm === 'pipeline' || t.norm === 'pipelines')) continue;
    for (const route of index.routes) {
      const onRoute = s.places.filter((m) => m.role === 'location' && route.waypoints.includes(m.place.id));
      const positions = [...new Set(onRoute.map((m) => route.waypoints.indexOf(m.place.id)))];
      if (positions.length < 2) continue;
      const from = Math.min(...positions);
      const to = Math.max(...positions);
      for (const section of route.sections) {
        const key = `${route.id}:${section.from}:${section.to}`;
        const a = Math.max(from, route.waypoints.indexOf(section.from));
        const b = Math.min(to, route.waypoints.indexOf(section.to));
        if (b <= a || done.has(key)) continue;
        const inSection = onRoute.filter((m) => {
          const p = route.waypoints.indexOf(m.place.id);
          return p >= a && p <= b && !used.has(m);
        });
        const mention = inSection[0];
        if (!mention) continue;
        done.add(key);
        used.add(mention);
        const line = route.waypoints.slice(a, b + 1).map((id) => {
          const p = index.byId.get(id)!;
          return [p.lon, p.lat] as [number, number];
        });
        events.push(sectionEvent(route, section, mention, line, index, lex));
      }
    }
  }
  return used;
}

function sectionEvent(route: GazetteerRoute, section: GazetteerRoute['sections'][number], mention: ResolvedMention, line: [number, number][], index: PlaceIndex, lex: Lexicon): ArticleEvent {
  const start = index.byId.get(section.from)!;
  const place: Place = {
    id: route.id, name: route.name, kind: 'site', country: start.country, lat: line[0]![1], lon: line[0]![0],
    precision: 'region', population: 0, layer: 'curated', source: route.source,
  };
  const lengthKm = Math.round(turfLength(lineString(line), { units: 'kilometers' }) * 10) / 10;
  const who = lex.actorByName.get(section.operator)?.adjective ?? section.operator;
  return {
    kind: 'pipeline', mention, place, title: `${route.name}: ${section.status} section (${who})`,
    date: null, actor: section.operator, actors: [section.operator], target: null, origin: null,
    confidence: Math.round(mention.confidence * 90) / 100, line, status: section.status, lengthKm,
  };
}
