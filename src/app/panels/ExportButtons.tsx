import { useEffect } from 'react';
import type { FilterState } from '../../core/engine/filter/filterState.ts';
import type { FeatureRows } from '../../core/engine/filter/featureRows.ts';
import { exportFileName } from '../../core/engine/export/filename.ts';
import { download } from '../workflow/download.ts';
import { csvExportParts, geoJsonExportParts, warmExportCachesWhenIdle } from './exportCaches.ts';

/**
 * Exports exactly the filtered set the map shows, under a file name that names the filter.
 * (How many features that is, the header says once, beside the title.)
 * The shown list is warmed in idle time (see exportCaches.ts), so a click only assembles a
 * Blob from ready parts.
 */
export function ExportButtons({ rows, filter }: { rows: FeatureRows; filter: FilterState }) {
  // The array is built in idle time too: a filter change must not pay for it.
  useEffect(() => warmExportCachesWhenIdle(() => rows.toArray()), [rows]);
  return (
    <div className="export">
      <button type="button" onClick={() => download(geoJsonExportParts(rows.toArray()), exportFileName(filter, 'geojson'), 'application/geo+json')}>
        Export GeoJSON
      </button>
      <button type="button" onClick={() => download(csvExportParts(rows.toArray()), exportFileName(filter, 'csv'), 'text/csv;charset=utf-8')}>
        Export CSV
      </button>
    </div>
  );
}
