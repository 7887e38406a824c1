import { useState } from 'react';
import { anchorFor } from '../../core/engine/corrections/anchor.ts';
import { describeCorrection, type Correction, type Unattached } from '../../core/engine/corrections/corrections.ts';
import type { NewsmapFeature } from '../../core/geoparser/geojson/schema.ts';
import type { Article } from '../state/corpus.ts';
import { useSelection } from '../state/selection.ts';
import { useWorkflow, type WorkflowServices } from './workspaceContext.ts';

/** Takes one correction back; the toast offers to put it back. */
export async function undoCorrection(services: Pick<WorkflowServices, 'controller' | 'toast'>, c: Correction, text?: string): Promise<void> {
  if (await services.controller.replaceCorrections([c.id], [])) services.toast(`Undone: ${describeCorrection(c, text)}.`, () => void services.controller.replaceCorrections([], [c]));
}

/** Corrections as a list, each with its own Undo. "Not a place" rows are shown struck, like their mentions. */
export function CorrectionList({ label, corrections, text, articles }: { label: string; corrections: readonly Correction[]; text?: string | undefined; articles?: ReadonlyMap<string, Article> }) {
  const services = useWorkflow();
  const { openReader } = useSelection();
  return (
    <ul className="corrections" aria-label={label}>
      {corrections.map((c) => {
        const t = text ?? articles?.get(c.article_id)?.text;
        const what = describeCorrection(c, t);
        return (
          <li key={c.id} className={c.change.type === 'not-a-place' ? 'correction correction--not-a-place' : 'correction'}>
            <span className="correction__what">{c.change.type === 'not-a-place' ? <del>{what}</del> : what}</span>
            {articles && (
              <>
                {' '}
                <span className="hint">in {articles.get(c.article_id)?.title ?? c.article_id}</span>{' '}
                <button type="button" className="link" onClick={() => openReader(c.article_id)}>
                  open
                </button>
              </>
            )}{' '}
            <button type="button" aria-label={`Undo: ${what}`} onClick={() => void undoCorrection(services, c, t)}>
              Undo
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * A correction that could no longer attach to a mention (a new geoparser or corpus moved or
 * dropped its words), with why, and a way out: re-apply it to a mention of its article the
 * analyst chooses, or discard it.
 */
function UnattachedRow({ item, article, features }: { item: Unattached; article: Article | undefined; features: readonly NewsmapFeature[] }) {
  const services = useWorkflow();
  const { openReader } = useSelection();
  const c = item.correction;
  const options = features.filter((f) => f.properties.article_id === c.article_id && (c.change.type !== 'edit' || f.properties.kind !== 'place'));
  const [target, setTarget] = useState(options[0]?.id ?? '');
  const what = describeCorrection(c, article?.text);
  const reapply = async () => {
    const f = options.find((x) => x.id === target);
    if (!f || c.change.type === 'add-place') return;
    const moved: Correction = { ...c, change: { ...c.change, feature_id: f.id }, anchor: anchorFor(f, article?.text) };
    delete moved.scope;
    if (await services.controller.replaceCorrections([c.id], [moved])) services.toast(`Re-applied to “${f.properties.mention}”.`, () => void services.controller.replaceCorrections([c.id], [c]));
  };
  return (
    <li className="correction correction--unattached">
      <span className="correction__what">{c.change.type === 'not-a-place' ? <del>{what}</del> : what}</span>{' '}
      <span className="hint">
        in {article?.title ?? c.article_id}: {item.reason}
      </span>
      <span className="row">
        {c.change.type !== 'add-place' && options.length > 0 && (
          <>
            <label>
              Re-apply to{' '}
              <select value={target} onChange={(e) => setTarget(e.target.value)}>
                {options.map((f) => (
                  <option key={f.id} value={f.id}>
                    “{f.properties.mention}” ({f.properties.kind}, at {f.properties.span[0]})
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={() => void reapply()}>
              Re-apply
            </button>
          </>
        )}
        {article && (
          <button type="button" className="link" onClick={() => openReader(c.article_id)}>
            open article
          </button>
        )}
        <button type="button" onClick={() => void undoCorrection(services, c, article?.text)}>
          Discard
        </button>
      </span>
    </li>
  );
}

/**
 * Every correction in the workspace, each with its own undo, and first the ones that could not
 * be re-attached ("2 corrections could not be re-attached"), which are shown, never dropped.
 */
export function CorrectionsPanel({ corrections, unattached, articles, features, onClose }: {
  corrections: readonly Correction[];
  unattached: readonly Unattached[];
  articles: ReadonlyMap<string, Article>;
  features: readonly NewsmapFeature[];
  onClose: () => void;
}) {
  const orphanIds = new Set(unattached.map((u) => u.correction.id));
  const attached = corrections.filter((c) => !orphanIds.has(c.id));
  return (
    <section className="corrections-panel" aria-label="Corrections">
      <header className="row">
        <h2>Corrections ({corrections.length})</h2>
        <button type="button" className="close" aria-label="Close corrections" onClick={onClose}>
          ×
        </button>
      </header>
      {unattached.length > 0 && (
        <>
          <h3 role="alert">{unattachedSentence(unattached.length)}</h3>
          <ul className="corrections" aria-label="Corrections that could not be re-attached">
            {unattached.map((u) => (
              <UnattachedRow key={u.correction.id} item={u} article={articles.get(u.correction.article_id)} features={features} />
            ))}
          </ul>
        </>
      )}
      {attached.length > 0 ? <CorrectionList label="All corrections" corrections={attached} articles={articles} /> : <p className="hint">No other corrections.</p>}
    </section>
  );
}

export function unattachedSentence(n: number): string {
  return `${n} correction${n === 1 ? '' : 's'} could not be re-attached`;
}

/** The header's way in: the count, and a warning when some corrections could not be re-attached. */
export function CorrectionsButton({ count, unattached, open, onToggle }: { count: number; unattached: number; open: boolean; onToggle: () => void }) {
  if (count === 0) return null;
  return (
    <button type="button" aria-expanded={open} className={unattached ? 'corrections-button corrections-button--warn' : 'corrections-button'} onClick={onToggle}>
      Corrections ({count}){unattached ? ` · ${unattached} not re-attached` : ''}
    </button>
  );
}
