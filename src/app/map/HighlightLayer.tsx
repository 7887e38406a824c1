import { useEffect, useRef } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import type { NewsmapFeature } from '../../core/geoparser/geojson/schema.ts';
import { anchorLatLng } from './geometry.ts';

/**
 * A ring around the hovered (list → map) and the selected feature. Drawn separately rather
 * than restyling the marker, because the feature may currently be inside a cluster.
 */
export function HighlightLayer({ hovered, selected }: { hovered: NewsmapFeature | null; selected: NewsmapFeature | null }) {
  const map = useMap();
  const rings = useRef<{ hover: L.CircleMarker; select: L.CircleMarker } | null>(null);
  if (rings.current === null) {
    const style = { radius: 15, fill: false, interactive: false, weight: 3 } as const;
    rings.current = {
      hover: L.circleMarker([0, 0], { ...style, color: '#f2b705', className: 'highlight-hover' }),
      select: L.circleMarker([0, 0], { ...style, color: '#d7263d', dashArray: '4 3', className: 'highlight-selected' }),
    };
  }
  useEffect(() => {
    const ring = rings.current!.hover;
    if (hovered) ring.setLatLng(anchorLatLng(hovered)).addTo(map);
    else ring.remove();
  }, [map, hovered]);
  useEffect(() => {
    const ring = rings.current!.select;
    if (selected) ring.setLatLng(anchorLatLng(selected)).addTo(map);
    else ring.remove();
  }, [map, selected]);
  useEffect(
    () => () => {
      rings.current!.hover.remove();
      rings.current!.select.remove();
    },
    [],
  );
  return null;
}
