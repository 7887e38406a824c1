import { useEffect, useId, useRef, useState } from 'react';
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

/** A hidden file picker, named `label`; the chosen file's text goes to `onText`. */
function FileInput({ label, accept, inputRef, onText }: { label: string; accept: string; inputRef: React.RefObject<HTMLInputElement | null>; onText: (text: string, name: string) => void }) {
  return (
    <input
      ref={inputRef}
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
  );
}

interface MenuAction {
  label: string;
  run: () => void;
}

/**
 * A menu button (WAI-ARIA menu pattern) for the rarely used file actions: Enter, Space or ↓
 * opens it on the first item (↑ on the last), ↑/↓/Home/End move, Enter or Space runs an item,
 * Esc closes it and returns to the button, Tab or a click elsewhere closes it.
 */
function FilesMenu({ label, actions }: { label: string; actions: MenuAction[] }) {
  const [open, setOpen] = useState(false);
  const [focus, setFocus] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelectorAll<HTMLElement>('[role=menuitem]')[focus]?.focus();
  }, [open, focus]);
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away, true);
    return () => document.removeEventListener('pointerdown', away, true);
  }, [open]);

  const show = (at: number) => {
    setFocus(at);
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const last = actions.length - 1;
  return (
    <div className="files-menu">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => (open ? close(false) : show(0))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            show(e.key === 'ArrowDown' ? 0 : last);
          }
        }}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      <ul
        ref={menu}
        id={id}
        role="menu"
        aria-label={label}
        hidden={!open}
        onKeyDown={(e) => {
          const moves: Record<string, number> = { ArrowDown: (focus + 1) % actions.length, ArrowUp: (focus + last) % actions.length, Home: 0, End: last };
          if (e.key in moves) {
            e.preventDefault();
            setFocus(moves[e.key]!);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            close(true);
          } else if (e.key === 'Tab') close(false);
        }}
      >
        {actions.map((a, k) => (
          <li key={a.label} role="none">
            <button
              type="button"
              role="menuitem"
              tabIndex={k === focus ? 0 : -1}
              onClick={() => {
                close(true);
                a.run();
              }}
            >
              {a.label}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Import and export beyond the filtered GeoJSON/CSV: GeoJSON import (all or nothing) on the
 * header, and in a "More files" menu the rarely used ones: KML, the whole workspace as a
 * project file, and the user gazetteer layer.
 */
export function WorkspaceFiles({ rows, filter, known = () => null }: {
  rows: FeatureRows;
  filter: FilterState;
  /** The feature the workspace shows under this id (seeds and added articles), or null. */
  known?: (id: string) => NewsmapFeature | null;
}) {
  const { controller, geoparser, toast } = useWorkflow();
  const geojsonInput = useRef<HTMLInputElement>(null);
  const projectInput = useRef<HTMLInputElement>(null);
  const importGeoJson = async (text: string, name: string) => {
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
  };
  const importProjectFile = async (text: string, name: string) => {
    try {
      const p = importProject(text, name);
      const previous = controller.snapshot.workspace;
      if (await controller.replaceAll({ articles: p.articles as typeof previous.articles, corrections: p.corrections, userGazetteer: p.userGazetteer })) {
        toast(`Imported project ${name}: ${p.articles.length} article(s), ${p.corrections.length} correction(s).`, () => void controller.replaceAll(previous));
      }
    } catch (e) {
      controller.say(oneLine(e));
    }
  };
  // The rarely used actions live in one menu; the file pickers stay mounted outside it.
  const actions: MenuAction[] = [
    { label: 'Export KML', run: () => download(exportKML(rows.toArray()), exportFileName(filter, 'kml'), 'application/vnd.google-earth.kml+xml') },
    { label: 'Export project', run: () => download(exportProject(controller.snapshot.workspace), 'newsmap-project.json', 'application/json') },
    { label: 'Import project', run: () => projectInput.current?.click() },
    { label: 'Export user gazetteer', run: () => download(JSON.stringify(controller.snapshot.workspace.userGazetteer, null, 1), 'user-gazetteer.json', 'application/json') },
  ];
  return (
    <div className="export" role="group" aria-label="Workspace files">
      <button type="button" onClick={() => geojsonInput.current?.click()}>
        Import GeoJSON
      </button>
      <FileInput label="Import GeoJSON" accept=".geojson,.json,application/geo+json,application/json" inputRef={geojsonInput} onText={importGeoJson} />
      <FileInput label="Import project" accept=".json,application/json" inputRef={projectInput} onText={importProjectFile} />
      <FilesMenu label="More files" actions={actions} />
    </div>
  );
}
