import { createContext, useContext, useSyncExternalStore } from 'react';
import type { WorkspaceController, WorkspaceSnapshot } from '../storage/controller.ts';
import type { GeoparseClient } from '../../worker/client.ts';

export interface WorkflowServices {
  controller: WorkspaceController;
  geoparser: GeoparseClient;
  /** Shows a toast, optionally with an Undo action. */
  toast: (message: string, undo?: () => void) => void;
}

export const WorkflowContext = createContext<WorkflowServices | null>(null);

export function useWorkflow(): WorkflowServices {
  const v = useContext(WorkflowContext);
  if (v === null) throw new Error('useWorkflow outside WorkflowContext');
  return v;
}

export function useWorkspaceSnapshot(controller: WorkspaceController): WorkspaceSnapshot {
  return useSyncExternalStore(controller.subscribe, controller.getSnapshot);
}
