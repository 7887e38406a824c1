import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import world110 from 'world-atlas/countries-110m.json';
import world50 from 'world-atlas/countries-50m.json';
import { MAX_LATITUDE, tileBox, worldX, worldY } from '../../src/core/engine/geo/webMercator.ts';
import { forEachRingIn, ringsFromTopology, type RingSet } from '../../src/core/engine/basemap/countryRings.ts';
import { traceTile, type PathSink } from '../../src/core/engine/basemap/traceTile.ts';
import { createTileQueue } from '../../src/worker/tileQueue.ts';
import { COUNTRY_LABELS, minLabelAreaKm2 } from '../../src/app/map/countries.ts';
import { buildCountryLabels } from '../../scripts/build-country-labels.ts';

/** Records path commands, standing in for Path2D. */
function recorder(): PathSink & { ops: string[]; points: [number, number][] } {
  const ops: string[] = [];
  const points: [number, number][] = [];
  return {
    ops,
    points,
    moveTo: (x, y) => (ops.push('M'), points.push([x, y])),
    lineTo: (x, y) => (ops.push('L'), points.push([x, y])),
    closePath: () => ops.push('Z'),
  };
}

/** An unquantized topology with one polygon per ring given as [lon, lat] points. */
function topology(...rings: [number, number][][]): Topology {
  return {
    type: 'Topology',
    arcs: rings,
    objects: { countries: { type: 'GeometryCollection', geometries: rings.map((_, i) => ({ type: 'Polygon', arcs: [[i]] })) } },
  } as unknown as Topology;
}

const ring = (set: RingSet, i: number) => {
  const out: [number, number][] = [];
  for (let v = set.start[i]!; v < set.start[i + 1]!; v++) out.push([set.xy[2 * v]!, set.xy[2 * v + 1]!]);
  return out;
};

describe('web mercator world units', () => {
  it('maps the world to the unit square, clamped like Leaflet', () => {
    expect(worldX(-180)).toBe(0);
    expect(worldX(180)).toBe(1);
    expect(worldY(0)).toBeCloseTo(0.5, 12);
    expect(worldY(MAX_LATITUDE)).toBeCloseTo(0, 9);
    expect(worldY(-90)).toBe(worldY(-MAX_LATITUDE));
    expect(tileBox(1, 2, 2)).toEqual([0.25, 0.5, 0.5, 0.75]);
    expect(tileBox(0, 0, 1, 0.01)).toEqual([-0.01, -0.01, 0.51, 0.51]);
  });
});

describe('country rings', () => {
  it('decodes quantized, delta-encoded arcs and joins shared arcs, reversed where negative', () => {
    // Two squares sharing the arc x = 1 (arc 0, used reversed by the second square).
    const topo = {
      type: 'Topology',
      transform: { scale: [1, 1], translate: [0, 0] },
      arcs: [
        [[1, 0], [0, 1]], // (1,0) → (1,1)
        [[1, 1], [-1, 0], [0, -1], [1, 0]], // (1,1) → (0,1) → (0,0) → (1,0)
        [[1, 0], [1, 0], [0, 1], [-1, 0]], // (1,0) → (2,0) → (2,1) → (1,1)
      ],
      objects: {
        countries: {
          type: 'GeometryCollection',
          geometries: [
            { type: 'Polygon', arcs: [[0, 1]] },
            { type: 'MultiPolygon', arcs: [[[2, ~0]]] },
          ],
        },
      },
    } as unknown as Topology;
    const set = ringsFromTopology(topo, 'countries');
    expect(Array.from(set.start)).toEqual([0, 5, 10]);
    const lonLat = (p: [number, number]) => [p[0] * 360 - 180, p[1]];
    expect(ring(set, 0).map(lonLat).map((p) => p[0])).toEqual([1, 1, 0, 0, 1].map((x) => expect.closeTo(x, 9)));
    expect(ring(set, 1).map(lonLat).map((p) => p[0])).toEqual([1, 2, 2, 1, 1].map((x) => expect.closeTo(x, 9)));
    expect(set.bbox[0]).toBeCloseTo(worldX(0), 12);
    expect(set.bbox[2]).toBeCloseTo(worldX(1), 12);
    expect(set.bbox[1]).toBeCloseTo(worldY(1), 12);
    expect(set.bbox[3]).toBeCloseTo(worldY(0), 12);
  });

  it('unwraps rings that cross the antimeridian and keeps minX in [0, 1)', () => {
    const set = ringsFromTopology(topology([[170, 60], [-170, 60], [-170, 70], [170, 70], [170, 60]]), 'countries');
    const xs = ring(set, 0).map((p) => p[0]);
    expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(20 / 360, 12);
    expect(set.bbox[0]).toBeCloseTo(worldX(170), 12);
    expect(set.bbox[2]).toBeCloseTo(1 + 10 / 360, 12);
  });

  it('hides the clamped pole edge from the outline but not from the fill', () => {
    const set = ringsFromTopology(topology([[-180, -70], [-180, -90], [180, -90], [180, -70], [-180, -70]]), 'countries');
    // Edge 1 → 2 runs along the clamped bottom of the square.
    expect(Array.from(set.hidden)).toEqual([0, 1, 0, 0, 0]);
  });

  it('visits rings in a box, once per world copy that reaches it', () => {
    const set = ringsFromTopology(
      topology(
        [[170, 60], [-170, 60], [-170, 70], [170, 70], [170, 60]], // across the antimeridian
        [[40, 20], [50, 20], [50, 30], [40, 30], [40, 20]], // Arabia-ish
      ),
      'countries',
    );
    const seen = (box: readonly [number, number, number, number]) => {
      const out: string[] = [];
      forEachRingIn(set, box, (r, shift) => out.push(`${r}@${shift}`));
      return out;
    };
    // The westmost tile at z2 meets the antimeridian ring's western part, one world to the left.
    expect(seen(tileBox(0, 0, 2))).toEqual(['0@-1']);
    expect(seen(tileBox(3, 0, 2))).toEqual(['0@0']);
    expect(seen(tileBox(2, 1, 2))).toEqual(['1@0']);
    expect(seen(tileBox(1, 3, 2))).toEqual([]);
  });
});

describe('tracing a tile', () => {
  const square = ringsFromTopology(topology([[10, 10], [20, 10], [20, 20], [10, 20], [10, 10]]), 'countries');
  // Zoom 4 tile containing lon 10–20, lat 10–20: x = floor(worldX(15) * 16) = 8, y = 7.
  const tile = { x: 8, y: 7, z: 4, size: 256 };

  it('emits closed rings in the tile’s pixels', () => {
    const fill = recorder();
    const stroke = recorder();
    expect(traceTile(square, tile, fill, stroke)).toBe(5);
    expect(fill.ops).toEqual(['M', 'L', 'L', 'L', 'L', 'Z']);
    expect(stroke.ops).toEqual(fill.ops);
    const scale = 16 * 256;
    expect(fill.points[0]![0]).toBeCloseTo(worldX(10) * scale - 8 * 256, 9);
    expect(fill.points[0]![1]).toBeCloseTo(worldY(10) * scale - 7 * 256, 9);
  });

  it('draws nothing for a tile the rings miss', () => {
    expect(traceTile(square, { x: 0, y: 0, z: 4, size: 256 }, recorder(), recorder())).toBe(0);
  });

  it('drops sub-pixel detail and vertices that stay beyond one side of the tile', () => {
    // A ring with 200 vertices along its bottom edge, a few metres apart.
    const dense: [number, number][] = [];
    for (let i = 0; i <= 200; i++) dense.push([10 + (10 * i) / 200, 10]);
    dense.push([20, 20], [10, 20], [10, 10]);
    const set = ringsFromTopology(topology(dense), 'countries');
    const zoomedOut = traceTile(set, { x: 0, y: 0, z: 0, size: 256 }, recorder(), recorder());
    expect(zoomedOut).toBeLessThan(20);
    // Zoomed in far to the ring's top-left corner, the bottom edge is wholly below the tile.
    const z = 10;
    const corner = { x: Math.floor(worldX(10) * 2 ** z), y: Math.floor(worldY(20) * 2 ** z), z, size: 256 };
    expect(traceTile(set, corner, recorder(), recorder())).toBeLessThan(10);
    expect(traceTile(set, corner, recorder(), recorder(), { tolerance: 0 })).toBeLessThan(10);
  });

  it('moves the outline over hidden edges but keeps them in the fill', () => {
    const set = ringsFromTopology(topology([[-60, -70], [-60, -90], [60, -90], [60, -70], [-60, -70]]), 'countries');
    const fill = recorder();
    const stroke = recorder();
    traceTile(set, { x: 0, y: 0, z: 0, size: 256 }, fill, stroke);
    expect(fill.ops).toEqual(['M', 'L', 'L', 'L', 'L', 'Z']);
    expect(stroke.ops).toEqual(['M', 'L', 'M', 'L', 'L']);
  });
});

describe('tile draw queue', () => {
  it('runs jobs in order, a budget per task, skipping cancelled ones', () => {
    const posted: (() => void)[] = [];
    let clock = 0;
    const queue = createTileQueue(4, (drain) => posted.push(drain), () => clock);
    const ran: number[] = [];
    const job = (n: number) => () => {
      ran.push(n);
      clock += 3;
    };
    queue.push(job(1));
    queue.push(job(2));
    const cancel3 = queue.push(job(3));
    queue.push(job(4));
    cancel3();
    expect(posted).toHaveLength(1);
    expect(queue.size).toBe(3);
    posted.shift()!();
    // 3 ms each on a 4 ms budget: two per task.
    expect(ran).toEqual([1, 2]);
    posted.shift()!();
    expect(ran).toEqual([1, 2, 4]);
    expect(posted).toHaveLength(0);
  });

  it('keeps draining after a job throws', () => {
    const posted: (() => void)[] = [];
    const queue = createTileQueue(4, (drain) => posted.push(drain), () => 0);
    const ran: string[] = [];
    queue.push(() => {
      throw new Error('bad tile');
    });
    queue.push(() => ran.push('next'));
    expect(() => posted.shift()!()).toThrow('bad tile');
    posted.shift()!();
    expect(ran).toEqual(['next']);
  });
});

describe('the bundled Natural Earth outlines', () => {
  const coarse = ringsFromTopology(world110 as unknown as Topology, 'countries');
  const fine = ringsFromTopology(world50 as unknown as Topology, 'countries');

  it('projects every ring into the square with a normalised box', () => {
    for (const set of [coarse, fine]) {
      const n = set.start.length - 1;
      expect(n).toBeGreaterThan(200);
      for (let i = 0; i < n; i++) {
        expect(set.bbox[4 * i]).toBeGreaterThanOrEqual(0);
        expect(set.bbox[4 * i]).toBeLessThan(1);
        // No ring spans more than one world once unwrapped (Antarctica spans exactly one).
        expect(set.bbox[4 * i + 2]! - set.bbox[4 * i]!).toBeLessThanOrEqual(1 + 1e-9);
        expect(set.bbox[4 * i + 1]).toBeGreaterThanOrEqual(0);
        expect(set.bbox[4 * i + 3]).toBeLessThanOrEqual(1);
      }
    }
  });

  it('draws land over Iran and none in the mid-Pacific, keeping a z2 tile small', () => {
    const tileAt = (lon: number, lat: number, z: number) => ({ x: Math.floor(worldX(lon) * 2 ** z), y: Math.floor(worldY(lat) * 2 ** z), z, size: 512 });
    expect(traceTile(fine, tileAt(53, 32, 6), recorder(), recorder())).toBeGreaterThan(0);
    expect(traceTile(fine, tileAt(-150, 0, 6), recorder(), recorder())).toBe(0);
    // Europe and Asia at z2 on a 2x screen: 1:110m keeps the tile a few thousand vertices.
    expect(traceTile(coarse, tileAt(60, 45, 2), recorder(), recorder())).toBeLessThan(5000);
  });
});

describe('country labels', () => {
  it('are precomputed, one per named country, with the same thresholds by zoom', () => {
    expect(COUNTRY_LABELS.length).toBeGreaterThan(200);
    const iran = COUNTRY_LABELS.find((l) => l.name === 'Iran')!;
    expect(iran.areaKm2).toBeGreaterThan(1_500_000);
    expect(iran.lat).toBeGreaterThan(25);
    expect(iran.lat).toBeLessThan(40);
    expect(minLabelAreaKm2(2)).toBe(3_000_000);
    expect(minLabelAreaKm2(6)).toBe(0);
  });

  it('are up to date with world-atlas (re-run scripts/build-country-labels.ts if not)', () => {
    expect(buildCountryLabels()).toEqual(COUNTRY_LABELS);
  });
});
