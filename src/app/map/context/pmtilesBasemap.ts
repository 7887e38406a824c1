/**
 * An offline vector basemap from a PMTiles archive the analyst picks on their own disk: read in
 * place (pmtiles' FileSource slices the File; nothing is uploaded or fetched) and drawn by
 * protomaps-leaflet. Both libraries load only when a file is opened.
 */
import L from 'leaflet';

export const PMTILES_PANE = 'pmtilesBasemap';

export interface OpenedBasemap {
  layer: L.Layer;
  /** What the archive says of itself, for the layers control. */
  name: string;
  minZoom: number;
  maxZoom: number;
}

/**
 * Opens `file` as a basemap layer (not yet on the map). Rejects with a readable message when
 * the file is not a PMTiles v3 archive of vector tiles.
 */
export async function openPmtilesBasemap(file: File): Promise<OpenedBasemap> {
  const [{ PMTiles, FileSource, TileType }, protomaps] = await Promise.all([import('pmtiles'), import('protomaps-leaflet')]);
  const archive = new PMTiles(new FileSource(file));
  let header;
  try {
    header = await archive.getHeader();
  } catch (e) {
    throw new Error(`${file.name} is not a PMTiles archive (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (header.tileType !== TileType.Mvt) throw new Error(`${file.name} holds raster tiles; only vector (MVT) PMTiles basemaps can be drawn.`);
  // protomaps-leaflet extends the global L (it is written for a <script> Leaflet).
  (globalThis as unknown as { L: typeof L }).L = L;
  const layer = protomaps.leafletLayer({
    url: archive,
    flavor: 'light',
    lang: 'en',
    pane: PMTILES_PANE,
    // Past its deepest zoom the archive's tiles are drawn larger rather than not at all.
    maxDataZoom: header.maxZoom,
    attribution: `${file.name} (local PMTiles)`,
  }) as unknown as L.GridLayer;
  return { layer, name: file.name, minZoom: header.minZoom, maxZoom: header.maxZoom };
}
