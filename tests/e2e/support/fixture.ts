/**
 * A small, hand-checked corpus for the browser tests, built from article texts so every span
 * is right by construction. It spans 2013–2024 and has every visual case: a strike with an
 * origin (arc), a region-precision strike (ring), a base, both pipeline sections, a place,
 * and an article whose text and title carry an HTML injection attempt.
 */
import type { EventKind, FeatureProperties, GeoPrecisionValue, NewsmapCollection, NewsmapFeature } from '../../../src/core/geoparser/geojson/schema.ts';

export const XSS = '<img src=x onerror=alert(1)>';

export interface FixtureArticle {
  id: string;
  title: string;
  published: string;
  source: string | null;
  text: string;
}

export const ARTICLES: FixtureArticle[] = [
  {
    id: 'a-isfahan',
    title: 'Israel strikes near Isfahan after Iranian barrage',
    published: '2024-04-21',
    source: 'Fixture Wire',
    text:
      'Israel struck an air defence radar near Isfahan on Friday 19 April. ' +
      'Iran had launched drones and missiles at Nevatim Air Base from western Iran on 13 April. ' +
      'Hezbollah fired rockets into northern Israel on 14 April. ' +
      'The US base at Al Udeid was not involved, officials said. ' +
      'Diplomats later met in Karachi.',
  },
  {
    id: 'a-damascus-2013',
    title: 'Israeli jets hit targets near Damascus',
    published: '2013-05-05',
    source: null,
    text: 'Israeli jets struck a weapons depot near Damascus on 5 May 2013. Syria condemned the raid.',
  },
  {
    id: 'a-xss',
    title: `Drone strike in Baghdad ${XSS}`,
    published: '2020-01-04',
    source: null,
    text: `A statement read ${XSS} and nothing else. A US drone strike hit a convoy at Baghdad International Airport on 3 January 2020.`,
  },
  {
    id: 'a-pipeline',
    title: 'Iran–Pakistan pipeline stalls',
    published: '2024-02-10',
    source: null,
    text: 'Iran has built its section of the pipeline from Asaluyeh to the border. Pakistan has yet to build the planned section to Nawabshah.',
  },
];

interface Spec {
  article: string;
  mention: string;
  kind: EventKind;
  title: string;
  date: string | null;
  actors: string[];
  target?: string | null;
  origin?: [number, number] | null;
  place: string;
  country: string;
  precision: GeoPrecisionValue;
  coords: [number, number] | [number, number][];
  status?: 'built' | 'planned';
}

const SPECS: Spec[] = [
  { article: 'a-isfahan', mention: 'Isfahan', kind: 'strike', title: 'Israeli strike near Isfahan', date: '2024-04-19', actors: ['Israel', 'Iran'], target: 'Iran', place: 'Isfahan', country: 'IR', precision: 'city', coords: [51.6776, 32.6546] },
  { article: 'a-isfahan', mention: 'Nevatim Air Base', kind: 'strike', title: 'Iranian strike on Nevatim Air Base', date: '2024-04-13', actors: ['Iran', 'Israel'], target: 'Israel', origin: [46.4, 34.3], place: 'Nevatim Air Base', country: 'IL', precision: 'site', coords: [35.0117, 31.2083] },
  { article: 'a-isfahan', mention: 'northern Israel', kind: 'strike', title: 'Hezbollah rockets on northern Israel', date: '2024-04-14', actors: ['Hezbollah', 'Israel'], target: 'Israel', place: 'northern Israel', country: 'IL', precision: 'region', coords: [35.3, 32.9] },
  { article: 'a-isfahan', mention: 'Al Udeid', kind: 'base', title: 'US base: Al Udeid Air Base', date: null, actors: ['United States'], place: 'Al Udeid Air Base', country: 'QA', precision: 'site', coords: [51.315, 25.1173] },
  { article: 'a-isfahan', mention: 'Karachi', kind: 'place', title: 'Karachi', date: null, actors: [], place: 'Karachi', country: 'PK', precision: 'city', coords: [67.0099, 24.8615] },
  { article: 'a-damascus-2013', mention: 'Damascus', kind: 'strike', title: 'Israeli strike near Damascus', date: '2013-05-05', actors: ['Israel', 'Syria'], target: 'Syria', place: 'Damascus', country: 'SY', precision: 'city', coords: [36.2913, 33.5102] },
  { article: 'a-xss', mention: 'Baghdad International Airport', kind: 'strike', title: `US strike at Baghdad airport ${XSS}`, date: '2020-01-03', actors: ['United States', 'Iran'], target: 'Iran', place: 'Baghdad International Airport', country: 'IQ', precision: 'site', coords: [44.2346, 33.2625] },
  { article: 'a-pipeline', mention: 'Asaluyeh', kind: 'pipeline', title: 'Iran–Pakistan gas pipeline (built section)', date: null, actors: ['Iran'], place: 'Iran–Pakistan gas pipeline', country: 'IR', precision: 'region', status: 'built', coords: [[52.6, 27.48], [57.0, 27.3], [61.6, 25.2]] },
  { article: 'a-pipeline', mention: 'Nawabshah', kind: 'pipeline', title: 'Iran–Pakistan gas pipeline (planned section)', date: null, actors: ['Pakistan'], place: 'Iran–Pakistan gas pipeline', country: 'PK', precision: 'region', status: 'planned', coords: [[61.6, 25.2], [66.0, 25.4], [68.4, 26.25]] },
];

function sentenceAround(text: string, at: number): string {
  const dot = text.lastIndexOf('. ', at);
  const start = dot < 0 ? 0 : dot + 2;
  const endDot = text.indexOf('. ', at);
  return text.slice(start, endDot < 0 ? text.length : endDot + 1).trim();
}

export function buildFixture(articles: FixtureArticle[] = ARTICLES): { corpus: NewsmapCollection; articles: FixtureArticle[] } {
  const features: NewsmapFeature[] = SPECS.map((s) => {
    const article = articles.find((a) => a.id === s.article)!;
    const start = article.text.indexOf(s.mention);
    if (start < 0) throw new Error(`fixture: "${s.mention}" not in ${s.article}`);
    const end = start + s.mention.length;
    const properties: FeatureProperties = {
      kind: s.kind,
      title: s.title,
      date: s.date,
      date_precision: s.date ? 'day' : null,
      actor: s.actors[0] ?? null,
      actors: s.actors,
      target: s.target ?? null,
      origin: s.origin ?? null,
      place_id: s.place.toLowerCase().replace(/\W+/g, '-'),
      place_name: s.place,
      country: s.country,
      geo_precision: s.precision,
      mention: s.mention,
      span: [start, end],
      quote: sentenceAround(article.text, start),
      article_id: article.id,
      article_title: article.title,
      published: article.published,
      confidence: 0.9,
      ...(s.status ? { status: s.status } : {}),
    };
    const geometry: NewsmapFeature['geometry'] = Array.isArray(s.coords[0])
      ? { type: 'LineString', coordinates: s.coords as [number, number][] }
      : { type: 'Point', coordinates: s.coords as [number, number] };
    return { type: 'Feature', id: `${article.id}:${start}-${end}`, geometry, properties };
  });
  return { corpus: { type: 'FeatureCollection', features }, articles };
}
