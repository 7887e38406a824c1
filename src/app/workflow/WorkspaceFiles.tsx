import { useRef } from 'react';
import { exportKML } from '../../core/engine/export/kml.ts';
import { exportFileName } from '../../core/engine/export/filename.ts';
import type { FilterState } from '../../core/engine/filter/filterState.ts';
import type { FeatureRows } from '../../core/engine/filter/featureRows.ts';
import { exportProject, importProject } from '../../core/engine/project/projectFile.ts';
import { download } from './download.ts';
import { importedArticles } from './importedArticles.ts';
import { importMessage, summariseImport } from '../../core/engine/import/importSummary.ts';
import type { NewsmapFeature } from '../../core/geoparser/geojson/schema.ts';
import { useWorkflow } from './workspaceContext.ts';

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
}

/** A button that opens a file picker; the file's text goes to `onText`. */
function FileButton({ label, accept, onText }: { label: string; accept: string; onText: (text: string, name: string) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        aria-label={label}
        onChange={async (e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) onText(await f.text(), f.name);
        }}
      />
    </>
  );
}

/**
 * Import and export beyond the filtered GeoJSON/CSV: GeoJSON import (all or nothing), KML,
 * the whole workspace as a project file, and the user gazetteer layer.
 */
export function WorkspaceFiles({ rows, filter, known = () => null }: {
  rows: FeatureRows;
  filter: FilterState;
  /** The feature the workspace shows under this id (seeds and added articles), or null. */
  known?: (id: string) => NewsmapFeature | null;
}) {
  const { controller, geoparser, toast } = useWorkflow();
  return (
    <div className="export" role="group" aria-label="Workspace files">
      <FileButton
        label="Import GeoJSON"
        accept=".geojson,.json,application/geo+json,application/json"
        onText={async (text, name) => {
          try {
            const { features: imported, source } = await geoparser.importGeoJson(text, name, (_, fraction) => {
              if (fraction < 1) toast(`Importing ${name}: ${Math.round(fraction * 100)}%…`);
            });
            // Features the workspace already has, unchanged, are said to be there, not re-added.
            const summary = summariseImport(imported, known);
            const message = importMessage(summary, name, source);
            const changes = [...summary.fresh, ...summary.updated];
            if (changes.length === 0) return toast(message);
            const list = importedArticles(changes, controller.snapshot.workspace.articles);
            if (await controller.addArticles(list)) toast(message);
          } catch (e) {
            controller.say(oneLine(e));
          }
        }}
      />
      <button type="button" onClick={() => download(exportKML(rows.toArray()), exportFileName(filter, 'kml'), 'application/vnd.google-earth.kml+xml')}>
        Export KML
      </button>
      <button type="button" onClick={() => download(exportProject(controller.snapshot.workspace), 'newsmap-project.json', 'application/json')}>
        Export project
      </button>
      <FileButton
        label="Import project"
        accept=".json,application/json"
        onText={async (text, name) => {
          try {
            const p = importProject(text, name);
            const previous = controller.snapshot.workspace;
            if (await controller.replaceAll({ articles: p.articles as typeof previous.articles, corrections: p.corrections, userGazetteer: p.userGazetteer })) {
              toast(`Imported project ${name}: ${p.articles.length} article(s), ${p.corrections.length} correction(s).`, () => void controller.replaceAll(previous));
            }
          } catch (e) {
            controller.say(oneLine(e));
          }
        }}
      />
      <button type="button" onClick={() => download(JSON.stringify(controller.snapshot.workspace.userGazetteer, null, 1), 'user-gazetteer.json', 'application/json')}>
        Export user gazetteer
      </button>
    </div>
  );
}
