import { LayersControl, TileLayer } from 'react-leaflet';

/**
 * Optional online tiles, off by default: the offline basemap is the product, this is extra
 * detail for analysts who have a network. Tile failures are reported once, not per tile.
 */
export function OsmOverlay({ onTileError }: { onTileError: () => void }) {
  return (
    <LayersControl.Overlay name="OpenStreetMap tiles (online)">
      <TileLayer
        url="https://tile.openstreetmap.org/{z}/{x}/{y}.png"
        attribution="© OpenStreetMap contributors"
        maxZoom={19}
        eventHandlers={{ tileerror: onTileError }}
      />
    </LayersControl.Overlay>
  );
}
