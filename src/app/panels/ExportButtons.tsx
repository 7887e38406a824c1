import type { FilterState } from '../../core/filter/filterState.ts';
import type { NewsmapFeature } from '../../core/geojson/schema.ts';
import { exportCSV } from '../../core/export/csv.ts';
import { exportFileName } from '../../core/export/filename.ts';
import { exportGeoJSON } from '../../core/export/geojson.ts';
import { download } from '../workflow/download.ts';

/** Exports exactly the filtered set the map shows, under a file name that names the filter. */
export function ExportButtons({ features, filter }: { features: NewsmapFeature[]; filter: FilterState }) {
  return (
    <div className="export">
      <button type="button" onClick={() => download(exportGeoJSON(features), exportFileName(filter, 'geojson'), 'application/geo+json')}>
        Export GeoJSON
      </button>
      <button type="button" onClick={() => download(exportCSV(features), exportFileName(filter, 'csv'), 'text/csv;charset=utf-8')}>
        Export CSV
      </button>
      <span className="hint">{features.length.toLocaleString('en')} features</span>
    </div>
  );
}
