import type { NewsmapFeature } from '../../geoparser/geojson/schema.ts';

/**
 * KML for Google Earth users: one Placemark per feature, named by its title, with
 * - a shared Style per kind (strike: star, base: square, place: small dot, pipeline: a line,
 *   solid red when built, translucent orange when planned), referenced by `styleUrl`, so the
 *   kinds look apart in Google Earth as on the map;
 * - a `TimeStamp` at the event's date, to the date's precision (`2024-04-19`, `2024-04`,
 *   `2024`), so Google Earth's time slider works; undated features (bases, pipelines, undated
 *   mentions) have none and stay visible at every time, as Google Earth shows untimed features;
 * - the schema's properties as ExtendedData.
 * Every value is escaped, so article text stays text.
 */
export function exportKML(features: readonly NewsmapFeature[]): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2">',
    '<Document>',
    '<name>newsmap</name>',
    ...STYLES,
  ];
  for (const f of features) out.push(placemark(f));
  out.push('</Document>', '</kml>');
  return out.join('\n');
}

/** KML colours are aabbggrr. */
const STYLES = [
  style('strike', '<IconStyle><color>ff2b39d6</color><scale>1.1</scale><Icon><href>http://maps.google.com/mapfiles/kml/shapes/star.png</href></Icon></IconStyle>'),
  style('base', '<IconStyle><color>ffb4772e</color><scale>0.9</scale><Icon><href>http://maps.google.com/mapfiles/kml/shapes/placemark_square.png</href></Icon></IconStyle>'),
  style('place', '<IconStyle><color>ff4a4a4a</color><scale>0.6</scale><Icon><href>http://maps.google.com/mapfiles/kml/shapes/shaded_dot.png</href></Icon></IconStyle>'),
  style('pipeline-built', '<LineStyle><color>ff1c1ae3</color><width>4</width></LineStyle>'),
  style('pipeline-planned', '<LineStyle><color>8000a5ff</color><width>3</width></LineStyle>'),
];

function style(id: string, body: string): string {
  return `<Style id="${id}">${body}<LabelStyle><scale>0</scale></LabelStyle></Style>`;
}

/** The Style a feature uses: its kind's (a pipeline's by status: anything not built is drawn as planned). */
export function kmlStyleId(p: NewsmapFeature['properties']): string {
  if (p.kind === 'pipeline') return p.status === 'built' ? 'pipeline-built' : 'pipeline-planned';
  return p.kind;
}

/** The `TimeStamp` value: the date cut to its precision (KML's dateTime, gYearMonth or gYear), or null when undated. */
export function kmlWhen(p: Pick<NewsmapFeature['properties'], 'date' | 'date_precision'>): string | null {
  if (p.date === null) return null;
  if (p.date_precision === 'year') return p.date.slice(0, 4);
  if (p.date_precision === 'month') return p.date.slice(0, 7);
  return p.date;
}

function placemark(f: NewsmapFeature): string {
  const p = f.properties;
  const when = kmlWhen(p);
  const g = f.geometry;
  const coords = g.type === 'Point' ? `${g.coordinates[0]},${g.coordinates[1]}` : g.coordinates.map((c) => `${c[0]},${c[1]}`).join(' ');
  const geometry = g.type === 'Point' ? `<Point><coordinates>${coords}</coordinates></Point>` : `<LineString><tessellate>1</tessellate><coordinates>${coords}</coordinates></LineString>`;
  const data = Object.entries(p)
    .map(([k, v]) => `<Data name="${escapeXml(k)}"><value>${escapeXml(v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v))}</value></Data>`)
    .join('');
  return [
    `<Placemark id="${escapeXml(f.id)}">`,
    `<name>${escapeXml(p.title)}</name>`,
    when === null ? '' : `<TimeStamp><when>${when}</when></TimeStamp>`,
    `<styleUrl>#${kmlStyleId(p)}</styleUrl>`,
    `<ExtendedData>${data}</ExtendedData>`,
    geometry,
    '</Placemark>',
  ].join('');
}

/** Escapes markup and drops the characters XML 1.0 cannot hold (C0 controls but tab and newlines, lone surrogates, U+FFFE/F). */
export function escapeXml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
