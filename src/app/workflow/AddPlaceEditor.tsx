import { useState } from 'react';
import type { ChosenPlace, Correction } from '../../core/engine/corrections/corrections.ts';
import { addAliasFromCorrection } from '../../core/engine/corrections/userGazetteer.ts';
import { CandidatePicker } from './CandidatePicker.tsx';
import { cancelPick, requestPick, usePicking } from './MapPick.tsx';
import { useWorkflow } from './workspaceContext.ts';

/** Adds a place the resolver missed, for words the analyst selected in the reader. */
export function AddPlaceEditor({ articleId, text, span, onDone }: { articleId: string; text: string; span: [number, number]; onDone: () => void }) {
  const { controller } = useWorkflow();
  const picking = usePicking();
  const mention = text.slice(span[0], span[1]);
  const [added, setAdded] = useState<Correction | null>(null);

  const save = async (place: ChosenPlace) => {
    const c: Correction = { id: `corr-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`, article_id: articleId, by: 'analyst', at: new Date().toISOString(), change: { type: 'add-place', span, place }, original: {} };
    if (await controller.addCorrection(c)) setAdded(c);
  };

  return (
    <section className="mention-editor" aria-label="Add missed place">
      <p>Selected: “{mention}”</p>
      {added ? (
        <p className="row">
          Added.{' '}
          <button
            type="button"
            onClick={async () => {
              if (await controller.setUserGazetteer(addAliasFromCorrection(controller.snapshot.workspace.userGazetteer, added, mention))) onDone();
            }}
          >
            Add “{mention}” as an alias
          </button>
          <button type="button" onClick={onDone}>
            Done
          </button>
        </p>
      ) : (
        <>
          <CandidatePicker initial={mention} label="Add place" onChoose={(place) => void save(place)} />
          <div className="row">
            {picking ? (
              <button type="button" onClick={cancelPick}>
                Cancel pick
              </button>
            ) : (
              <button
                type="button"
                onClick={() =>
                  requestPick((lat, lon) => {
                    const [la, lo] = [Math.round(lat * 1e4) / 1e4, Math.round(lon * 1e4) / 1e4];
                    void save({ id: `point-${la}-${lo}`, name: mention, country: 'XX', lat: la, lon: lo, precision: 'site' });
                  })
                }
              >
                Pick on map
              </button>
            )}
            <button type="button" onClick={onDone}>
              Cancel
            </button>
          </div>
        </>
      )}
    </section>
  );
}
