import { useState } from 'react';
import { newCorrectionId, type ChosenPlace, type Correction } from '../../core/engine/corrections/corrections.ts';
import { anchorForSpan } from '../../core/engine/corrections/anchor.ts';
import { addAliasFromCorrection } from '../../core/engine/corrections/userGazetteer.ts';
import { CandidatePicker } from './CandidatePicker.tsx';
import { cancelPick, requestPick, usePicking } from './MapPick.tsx';
import { setUserGazetteerAndReparse } from './reparse.ts';
import { useWorkflow } from './workspaceContext.ts';

/** Adds a place the resolver missed, for words the analyst selected in the reader. */
export function AddPlaceEditor({ articleId, text, span, onDone }: { articleId: string; text: string; span: [number, number]; stored?: boolean; onDone: () => void }) {
  const services = useWorkflow();
  const { controller } = services;
  const picking = usePicking();
  const mention = text.slice(span[0], span[1]);
  const [added, setAdded] = useState<Correction | null>(null);

  const save = async (place: ChosenPlace) => {
    const c: Correction = { id: newCorrectionId(), article_id: articleId, by: 'analyst', at: new Date().toISOString(), change: { type: 'add-place', span, place }, original: {}, anchor: anchorForSpan(text, span) };
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
              if ((await setUserGazetteerAndReparse(services, addAliasFromCorrection(controller.snapshot.workspace.userGazetteer, added, mention))) !== null) onDone();
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
