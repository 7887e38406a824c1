import { GEO_PRECISIONS, type GeoPrecisionValue } from '../../core/geoparser/geojson/schema.ts';
import { CheckRow } from './CheckRow.tsx';

const LABEL: Record<GeoPrecisionValue, string> = { site: 'site', city: 'city', region: 'region', country: 'country' };

/**
 * Location precision of the points shown: unticking region and country leaves only the points
 * placed at a site or a city. The pipeline, a line along its route, is not filtered by this.
 */
export function PrecisionFilter({
  precisions,
  counts,
  onChange,
}: {
  precisions: GeoPrecisionValue[];
  counts: Record<GeoPrecisionValue, number>;
  onChange: (next: GeoPrecisionValue[]) => void;
}) {
  const coarseShown = precisions.includes('region') || precisions.includes('country');
  return (
    <fieldset className="filter-group">
      <legend>Location precision</legend>
      <ul className="checklist checklist--inline">
        {GEO_PRECISIONS.map((p) => (
          <CheckRow key={p} label={LABEL[p]} checked={precisions.includes(p)} onChange={(on) => onChange(GEO_PRECISIONS.filter((q) => (q === p ? on : precisions.includes(q))))} count={counts[p]} />
        ))}
      </ul>
      <button
        type="button"
        className="link"
        onClick={() => onChange(coarseShown ? precisions.filter((p) => p !== 'region' && p !== 'country') : [...GEO_PRECISIONS])}
      >
        {coarseShown ? 'hide region- and country-level points' : 'show all precisions'}
      </button>
    </fieldset>
  );
}
