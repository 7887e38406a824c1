/**
 * Builds small PMTiles v3 archives of vector tiles for the browser tests: GeoJSON layers are cut
 * into tiles by geojson-vt, each tile encoded as an MVT by @maplibre/vt-pbf, and the archive is
 * written here (the format is a 127-byte header, a directory of varints and the tile bytes; no
 * compression anywhere, which PMTiles allows). Spec: PMTiles v3, "Header" and "Directories".
 */
import GeoJSONVT from 'geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { zxyToTileId } from 'pmtiles';
import type { FeatureCollection } from 'geojson';

function varint(out: number[], n: number): void {
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
}

/** The directory: counts, tile id deltas, run lengths, lengths, offsets (0 = right after the last). */
function directory(entries: readonly Entry[]): Uint8Array {
  const out: number[] = [];
  varint(out, entries.length);
  let last = 0;
  for (const e of entries) {
    varint(out, e.tileId - last);
    last = e.tileId;
  }
  for (let i = 0; i < entries.length; i++) varint(out, 1);
  for (const e of entries) varint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    varint(out, prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return Uint8Array.from(out);
}

export interface PmtilesOptions {
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] */
  bounds: [number, number, number, number];
}

/** A PMTiles v3 archive holding every non-empty tile of `layers` from minZoom to maxZoom. */
export function buildPmtiles(layers: Record<string, FeatureCollection>, options: PmtilesOptions): Buffer {
  const indexes = Object.fromEntries(Object.entries(layers).map(([name, fc]) => [name, new GeoJSONVT(fc as never, { maxZoom: options.maxZoom, indexMaxZoom: options.maxZoom, indexMaxPoints: 0, extent: 4096, buffer: 64 })]));
  const tiles: { tileId: number; data: Uint8Array }[] = [];
  for (let z = options.minZoom; z <= options.maxZoom; z++) {
    const n = 2 ** z;
    const x0 = Math.floor(((options.bounds[0] + 180) / 360) * n);
    const x1 = Math.floor(((options.bounds[2] + 180) / 360) * n);
    const tileY = (lat: number) => Math.floor(((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * n);
    for (let x = x0; x <= x1; x++) {
      for (let y = tileY(options.bounds[3]); y <= tileY(options.bounds[1]); y++) {
        const found: Record<string, NonNullable<ReturnType<(typeof indexes)[string]['getTile']>>> = {};
        for (const [name, index] of Object.entries(indexes)) {
          const tile = index.getTile(z, x, y);
          if (tile && tile.features.length > 0) found[name] = tile;
        }
        if (Object.keys(found).length === 0) continue;
        tiles.push({ tileId: zxyToTileId(z, x, y), data: fromGeojsonVt(found as never, { version: 2, extent: 4096 }) });
      }
    }
  }
  tiles.sort((a, b) => a.tileId - b.tileId);
  const entries: Entry[] = [];
  let offset = 0;
  for (const t of tiles) {
    entries.push({ tileId: t.tileId, offset, length: t.data.length });
    offset += t.data.length;
  }
  const root = directory(entries);
  const metadata = Buffer.from(JSON.stringify({ name: 'newsmap test basemap', vector_layers: Object.keys(layers).map((id) => ({ id, fields: {} })) }));
  const HEADER = 127;
  const header = Buffer.alloc(HEADER);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const u64 = (at: number, v: number) => header.writeBigUInt64LE(BigInt(v), at);
  const rootAt = HEADER;
  const metaAt = rootAt + root.length;
  const dataAt = metaAt + metadata.length;
  u64(8, rootAt);
  u64(16, root.length);
  u64(24, metaAt);
  u64(32, metadata.length);
  u64(40, dataAt); // leaf directories: none
  u64(48, 0);
  u64(56, dataAt);
  u64(64, offset);
  u64(72, tiles.length); // addressed tiles
  u64(80, tiles.length); // tile entries
  u64(88, tiles.length); // tile contents
  header.writeUInt8(1, 96); // clustered
  header.writeUInt8(1, 97); // internal compression: none
  header.writeUInt8(1, 98); // tile compression: none
  header.writeUInt8(1, 99); // tile type: MVT
  header.writeUInt8(options.minZoom, 100);
  header.writeUInt8(options.maxZoom, 101);
  const e7 = (v: number) => Math.round(v * 1e7);
  header.writeInt32LE(e7(options.bounds[0]), 102);
  header.writeInt32LE(e7(options.bounds[1]), 106);
  header.writeInt32LE(e7(options.bounds[2]), 110);
  header.writeInt32LE(e7(options.bounds[3]), 114);
  header.writeUInt8(options.minZoom, 118);
  header.writeInt32LE(e7((options.bounds[0] + options.bounds[2]) / 2), 119);
  header.writeInt32LE(e7((options.bounds[1] + options.bounds[3]) / 2), 123);
  return Buffer.concat([header, root, metadata, ...tiles.map((t) => t.data)]);
}
