import { useState } from 'react';
import { correctionFor, newCorrectionId, type Correction, type CorrectionScope, type FeatureEdit } from '../../core/engine/corrections/corrections.ts';
import { addAliasFromCorrection } from '../../core/engine/corrections/userGazetteer.ts';
import { DATE_PRECISIONS, EVENT_KINDS, type NewsmapFeature } from '../../core/geoparser/geojson/schema.ts';
import { CandidatePicker } from './CandidatePicker.tsx';
import { CorrectionList } from './CorrectionsPanel.tsx';
import { cancelPick, requestPick, usePicking } from './MapPick.tsx';
import { setUserGazetteerAndReparse } from './reparse.ts';
import { useWorkflow, type WorkflowServices } from './workspaceContext.ts';

/**
 * Widens a mention's correction to every mention of the same name in its article or in the
 * whole workspace: the correction is replaced by one of that scope (one correction, one undo).
 */
export async function widenCorrection(services: Pick<WorkflowServices, 'controller' | 'toast'>, c: Correction, scope: CorrectionScope, words: string): Promise<boolean> {
  const wider: Correction = { ...c, id: newCorrectionId(), at: new Date().toISOString(), scope };
  if (!(await services.controller.replaceCorrections([c.id], [wider]))) return false;
  services.toast(`Applied to every “${words}” in ${scope === 'workspace' ? 'the workspace' : 'this article'}.`, () => void services.controller.replaceCorrections([wider.id], [c]));
  return true;
}

/** "Apply to every mention of this name": in this article, in the workspace. */
export function SpreadButtons({ correction, words }: { correction: Correction; words: string }) {
  const services = useWorkflow();
  if (correction.scope === 'workspace') return <p className="hint">Applies to every “{words}” in the workspace.</p>;
  return (
    <p className="row" role="group" aria-label="Apply to every mention of this name">
      {correction.scope !== 'article' && (
        <button type="button" onClick={() => void widenCorrection(services, correction, 'article', words)}>
          Apply to every “{words}” in this article
        </button>
      )}
      <button type="button" onClick={() => void widenCorrection(services, correction, 'workspace', words)}>
        Apply to every “{words}” in the workspace
      </button>
    </p>
  );
}

/**
 * Corrects the selected mention: not a place, another gazetteer place (candidates from the
 * worker), or an edit of the event's kind, date, precision, actor and target. After a place
 * change it offers the mention as an alias for the user gazetteer (stored articles are then
 * geoparsed again with it) and to apply the change to every mention of the name. The
 * mention's corrections are listed, each with its own undo.
 */
export function MentionEditor({ feature, text, corrections = [], stored = false, onDone }: {
  feature: NewsmapFeature;
  /** The article's text: corrections are anchored to the mention's words and their context. */
  text?: string;
  /** The corrections now attached to this mention, oldest first. */
  corrections?: readonly Correction[];
  /** The article is one the analyst added (it can be geoparsed again). */
  stored?: boolean;
  onDone: () => void;
}) {
  const services = useWorkflow();
  const { controller } = services;
  const p = feature.properties;
  const [error, setError] = useState<string | null>(null);
  const [aliasFor, setAliasFor] = useState<string | null>(null);
  const [edit, setEdit] = useState({ kind: p.kind, date: p.date ?? '', date_precision: p.date_precision ?? '', actor: p.actor ?? '', target: p.target ?? '' });
  const lastPlace = [...corrections].reverse().find((c) => c.change.type === 'place');

  const picking = usePicking();
  const pick = () =>
    requestPick((lat, lon) => {
      const [la, lo] = [Math.round(lat * 1e4) / 1e4, Math.round(lon * 1e4) / 1e4];
      void save({ type: 'place', feature_id: feature.id, place: { id: `point-${la}-${lo}`, name: `${p.mention} (picked point)`, country: p.country, lat: la, lon: lo, precision: 'site' } });
    });

  const save = async (change: Correction['change']) => {
    const c = correctionFor(feature, change, text);
    const ok = await controller.addCorrection(c);
    if (ok && change.type === 'place' && !change.place.id.startsWith('point-')) setAliasFor(c.id);
    return ok;
  };

  const acceptAlias = async (c: Correction) => {
    const layer = addAliasFromCorrection(controller.snapshot.workspace.userGazetteer, c, p.mention);
    setAliasFor(null);
    // A seed article is not geoparsed again: its other mentions of the name follow the correction instead.
    if (!stored && c.scope === undefined) await widenCorrection(services, c, 'article', p.mention);
    await setUserGazetteerAndReparse(services, layer);
  };

  const saveEdit = () => {
    if (edit.date !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(edit.date)) return setError('Date: use YYYY-MM-DD');
    setError(null);
    const fields: FeatureEdit = {
      kind: edit.kind,
      date: edit.date || null,
      date_precision: edit.date ? ((edit.date_precision || 'day') as FeatureEdit['date_precision']) : null,
      actor: edit.actor.trim() || null,
      target: edit.target.trim() || null,
    };
    void save({ type: 'edit', feature_id: feature.id, fields });
  };

  return (
    <section className="mention-editor" aria-label="Correct mention">
      <p>
        “{p.mention}” → {p.place_name} ({p.country}, {p.geo_precision}){p.corrected ? ' · corrected' : ''}
      </p>
      <div className="row">
        <button type="button" onClick={() => void save({ type: 'not-a-place', feature_id: feature.id })}>
          Not a place
        </button>
        {picking ? (
          <button type="button" onClick={cancelPick}>
            Cancel pick
          </button>
        ) : (
          <button type="button" onClick={pick}>
            Pick on map
          </button>
        )}
        {picking && <span className="hint">Click the map to set the point.</span>}
        <button type="button" onClick={onDone}>
          Done
        </button>
      </div>
      <CandidatePicker initial={p.mention} label="Change place" onChoose={(place) => void save({ type: 'place', feature_id: feature.id, place })} />
      {lastPlace && aliasFor === lastPlace.id && (
        <p className="row">
          <button type="button" onClick={() => void acceptAlias(lastPlace)}>
            Add “{p.mention}” as an alias
          </button>
        </p>
      )}
      {lastPlace && <SpreadButtons correction={lastPlace} words={p.mention} />}
      {p.kind !== 'place' && (
        <form
          className="edit-event"
          aria-label="Edit event"
          onSubmit={(e) => {
            e.preventDefault();
            saveEdit();
          }}
        >
          <label>
            Kind
            <select value={edit.kind} onChange={(e) => setEdit({ ...edit, kind: e.target.value as typeof edit.kind })}>
              {EVENT_KINDS.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </label>
          <label>
            Date <input value={edit.date} placeholder="YYYY-MM-DD" onChange={(e) => setEdit({ ...edit, date: e.target.value })} />
          </label>
          <label>
            Date precision
            <select value={edit.date_precision} onChange={(e) => setEdit({ ...edit, date_precision: e.target.value })}>
              <option value="">none</option>
              {DATE_PRECISIONS.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </label>
          <label>
            Actor <input value={edit.actor} onChange={(e) => setEdit({ ...edit, actor: e.target.value })} />
          </label>
          <label>
            Target <input value={edit.target} onChange={(e) => setEdit({ ...edit, target: e.target.value })} />
          </label>
          <button type="submit">Save edit</button>
        </form>
      )}
      {corrections.length > 0 && <CorrectionList label="Corrections of this mention" corrections={corrections} text={text} />}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}

/** A mention marked "Not a place": it stays in the reader, struck, with its undo and its reach. */
export function NotAPlacePanel({ feature, correction, onDone }: { feature: NewsmapFeature; correction: Correction; onDone: () => void }) {
  const services = useWorkflow();
  const words = feature.properties.mention;
  return (
    <section className="mention-editor" aria-label="Correct mention">
      <p>
        “{words}” is marked <strong>not a place</strong>
        {correction.scope === 'workspace' ? ' everywhere in the workspace' : correction.scope === 'article' ? ' everywhere in this article' : ''}: it is off the map and struck in the text.
      </p>
      <div className="row">
        <button
          type="button"
          onClick={async () => {
            if (await services.controller.replaceCorrections([correction.id], [])) services.toast(`“${words}” is a place again.`, () => void services.controller.replaceCorrections([], [correction]));
          }}
        >
          Undo “Not a place”
        </button>
        <button type="button" onClick={onDone}>
          Done
        </button>
      </div>
      <SpreadButtons correction={correction} words={words} />
    </section>
  );
}
