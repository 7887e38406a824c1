import { useEffect, useRef } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import type { NewsmapFeature } from '../../core/geoparser/geojson/schema.ts';
import { tooltipElement } from './featureTooltip.ts';
import { pipelineLengthKm } from './geometry.ts';

export const PIPELINE_COLOUR = '#8a4b08';

/** Pipeline routes: built sections solid, planned sections dashed. Layers are keyed by id. */
export function PipelineLayer({ lines, onSelect, onHover }: { lines: NewsmapFeature[]; onSelect: (id: string) => void; onHover: (id: string | null) => void }) {
  const map = useMap();
  const handlers = useRef({ onSelect, onHover });
  handlers.current = { onSelect, onHover };
  const layers = useRef(new Map<string, L.Polyline>());
  const group = useRef(L.layerGroup());

  useEffect(() => {
    const g = group.current;
    g.addTo(map);
    return () => {
      g.remove();
    };
  }, [map]);

  useEffect(() => {
    const wanted = new Set(lines.map((f) => f.id));
    for (const [id, layer] of layers.current) {
      if (!wanted.has(id)) {
        group.current.removeLayer(layer);
        layers.current.delete(id);
      }
    }
    for (const f of lines) {
      if (layers.current.has(f.id) || f.geometry.type !== 'LineString') continue;
      const planned = f.properties.status === 'planned';
      const line = L.polyline(
        f.geometry.coordinates.map(([lon, lat]) => [lat, lon] as [number, number]),
        { color: PIPELINE_COLOUR, weight: 4, opacity: 0.9, dashArray: planned ? '10 8' : undefined, lineCap: 'round', bubblingMouseEvents: false },
      );
      // The tooltip shows the turf length even when the corpus lacks `length_km`.
      const withLength: NewsmapFeature = { ...f, properties: { ...f.properties, length_km: f.properties.length_km ?? pipelineLengthKm(f) } };
      line.bindTooltip(() => tooltipElement(withLength), { sticky: true });
      line.on('click', () => handlers.current.onSelect(f.id));
      line.on('mouseover', () => handlers.current.onHover(f.id));
      line.on('mouseout', () => handlers.current.onHover(null));
      layers.current.set(f.id, line);
      group.current.addLayer(line);
    }
  }, [lines]);

  return null;
}
