import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { distance, point } from '@turf/turf';
import { ARC_STEP_KM, arcLatLngs } from '../../src/app/map/geometry.ts';

const km = (a: [number, number], b: [number, number]) => distance(point(a), point(b), { units: 'kilometers' });
const lonLat = fc.tuple(fc.double({ min: 20, max: 75, noNaN: true }), fc.double({ min: 5, max: 45, noNaN: true }));

describe('arcLatLngs (origin → target arcs)', () => {
  it('runs from the launch point to the target along the great circle, a vertex every 75 km at most', () => {
    fc.assert(
      fc.property(lonLat, lonLat, (origin, target) => {
        fc.pre(km(origin, target) > 1);
        const path = arcLatLngs(origin, target).map(([lat, lon]) => [lon, lat] as [number, number]);
        const total = km(origin, target);
        expect(km(path[0]!, origin)).toBeLessThan(0.01);
        expect(km(path.at(-1)!, target)).toBeLessThan(0.01);
        expect(path.length).toBeGreaterThanOrEqual(8);
        expect(path.length).toBeLessThanOrEqual(64);
        for (let i = 1; i < path.length; i++) {
          // On the great circle: no detour through any vertex.
          expect(km(origin, path[i]!) + km(path[i]!, target)).toBeCloseTo(total, 0);
          if (path.length < 64) expect(km(path[i - 1]!, path[i]!)).toBeLessThanOrEqual(ARC_STEP_KM + 0.5);
        }
      }),
    );
  });

  it('draws nothing for a strike launched from its own target', () => {
    expect(arcLatLngs([44.4, 33.3], [44.4, 33.3])).toEqual([]);
  });
});
