import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { NewsmapFeature } from '../../core/geoparser/geojson/schema.ts';
import { anchorLatLng } from './geometry.ts';

/** How far inside the map's edges the selected feature is kept, in pixels. */
const EDGE_PX = 60;
/** Frames to wait for the map to learn its new size (ViewSync applies it, or after a move). */
const MAX_FRAMES = 90;

/**
 * When the map's container changes size (the reader opens beside it, the window narrows), the
 * selected feature may end up under the reader, off the map's visible part: pan just enough to
 * bring it back in. Rendered inside the MapContainer, after ViewSync, which keeps the centre
 * across resizes; this runs once Leaflet knows the new size.
 */
export function KeepSelectedInView({ target }: { target: NewsmapFeature | null }) {
  const map = useMap();
  const targetRef = useRef(target);
  targetRef.current = target;
  useEffect(() => {
    let frame = 0;
    let tries = 0;
    const check = () => {
      frame = 0;
      const t = targetRef.current;
      if (!t) return;
      const el = map.getContainer();
      const size = map.getSize();
      if (size.x !== el.clientWidth || size.y !== el.clientHeight) {
        if (++tries < MAX_FRAMES) frame = requestAnimationFrame(check);
        return;
      }
      const at = anchorLatLng(t);
      const p = map.latLngToContainerPoint(at);
      if (p.x < EDGE_PX || p.y < EDGE_PX || p.x > size.x - EDGE_PX || p.y > size.y - EDGE_PX) {
        map.panInside(at, { padding: [EDGE_PX, EDGE_PX], animate: false });
      }
    };
    const observer = new ResizeObserver(() => {
      tries = 0;
      if (!frame) frame = requestAnimationFrame(check);
    });
    observer.observe(map.getContainer());
    return () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [map]);
  return null;
}
