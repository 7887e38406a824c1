import { useEffect } from 'react';
import type { Correction } from '../../core/engine/corrections/corrections.ts';
import type { WorkspaceController } from '../storage/controller.ts';

/**
 * Saves the anchors of corrections made before anchors existed (keyed by feature id), read from
 * the features they still reach, while the parse that made those ids is still the one shown:
 * after the next parser, their ids would no longer name anything. Once per correction.
 */
export function useAnchorMigration(controller: WorkspaceController, migrated: readonly Correction[]): void {
  useEffect(() => {
    if (!migrated.length) return;
    void controller.replaceCorrections(migrated.map((c) => c.id), migrated);
  }, [controller, migrated]);
}
