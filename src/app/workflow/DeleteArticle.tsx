import { useState } from 'react';
import { useSelection } from '../state/selection.ts';
import { useWorkflow } from './workspaceContext.ts';

/** Deletes an added article after an inline confirmation; the toast offers Undo. */
export function DeleteArticle({ articleId, title }: { articleId: string; title: string }) {
  const { controller, toast } = useWorkflow();
  const { openReader } = useSelection();
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)}>
        Delete article
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label="Confirm deletion">
      Delete “{title}” and its corrections?{' '}
      <button
        type="button"
        onClick={async () => {
          const undo = await controller.deleteArticle(articleId);
          setConfirming(false);
          if (!undo) return;
          openReader(null);
          toast(`Deleted "${title}".`, () => void controller.restoreArticle(undo.article, undo.corrections));
        }}
      >
        Confirm delete
      </button>{' '}
      <button type="button" onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </span>
  );
}
