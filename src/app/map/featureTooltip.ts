import type { NewsmapFeature } from '../../core/geoparser/geojson/schema.ts';

/**
 * Tooltip content as a DOM node with textContent: Leaflet would parse a string as HTML, and
 * titles come from scraped articles.
 */
export function tooltipElement(f: NewsmapFeature): HTMLElement {
  const el = document.createElement('div');
  const p = f.properties;
  const line1 = document.createElement('strong');
  line1.textContent = p.title;
  const line2 = document.createElement('div');
  const extra = p.kind === 'pipeline' && p.length_km !== undefined ? ` · ${Math.round(p.length_km).toLocaleString('en')} km` : '';
  line2.textContent = `${p.kind}${p.date ? ` · ${p.date}` : ''} · ${p.place_name} (${p.geo_precision})${extra}`;
  el.append(line1, line2);
  return el;
}
