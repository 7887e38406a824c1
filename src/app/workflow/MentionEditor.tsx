import { useState } from 'react';
import { originalValues, type Correction, type FeatureEdit } from '../../core/engine/corrections/corrections.ts';
import { addAliasFromCorrection } from '../../core/engine/corrections/userGazetteer.ts';
import { DATE_PRECISIONS, EVENT_KINDS, type NewsmapFeature } from '../../core/geoparser/geojson/schema.ts';
import { CandidatePicker } from './CandidatePicker.tsx';
import { cancelPick, requestPick, usePicking } from './MapPick.tsx';
import { useWorkflow } from './workspaceContext.ts';

function newCorrection(feature: NewsmapFeature, change: Correction['change']): Correction {
  return {
    id: `corr-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`,
    article_id: feature.properties.article_id,
    by: 'analyst',
    at: new Date().toISOString(),
    change,
    original: originalValues(feature, change),
  };
}

/**
 * Corrects the selected mention: not a place, another gazetteer place (candidates from the
 * worker), or an edit of the event's kind, date, precision, actor and target. After a place
 * change it offers the mention as an alias for the user gazetteer.
 */
export function MentionEditor({ feature, onDone }: { feature: NewsmapFeature; onDone: () => void }) {
  const { controller } = useWorkflow();
  const p = feature.properties;
  const [error, setError] = useState<string | null>(null);
  const [aliasOffer, setAliasOffer] = useState<Correction | null>(null);
  const [edit, setEdit] = useState({ kind: p.kind, date: p.date ?? '', date_precision: p.date_precision ?? '', actor: p.actor ?? '', target: p.target ?? '' });

  const picking = usePicking();
  const pick = () =>
    requestPick((lat, lon) => {
      const [la, lo] = [Math.round(lat * 1e4) / 1e4, Math.round(lon * 1e4) / 1e4];
      void save({ type: 'place', feature_id: feature.id, place: { id: `point-${la}-${lo}`, name: `${p.mention} (picked point)`, country: p.country, lat: la, lon: lo, precision: 'site' } });
    });

  const save = async (change: Correction['change']) => {
    const c = newCorrection(feature, change);
    const ok = await controller.addCorrection(c);
    if (ok && (change.type === 'place' || change.type === 'add-place')) setAliasOffer(c);
    return ok;
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
      {aliasOffer && (
        <p className="row">
          <button
            type="button"
            onClick={async () => {
              if (await controller.setUserGazetteer(addAliasFromCorrection(controller.snapshot.workspace.userGazetteer, aliasOffer, p.mention))) setAliasOffer(null);
            }}
          >
            Add “{p.mention}” as an alias
          </button>
        </p>
      )}
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
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
