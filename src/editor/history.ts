import type { Plan } from '../plan/schema';
import { applyDiff, type PlanDiff } from './planDiff';

/** One undo step: a diff and a label for the Undo button's tooltip. */
export interface HistoryEntry {
  label: string;
  diff: PlanDiff;
}

/** Undo and redo stacks of inverse-applicable diffs (the excalidraw/tldraw pattern). */
export interface History {
  past: HistoryEntry[];
  future: HistoryEntry[];
}

/** Deep enough for a working day; each step holds references, not copies. */
export const HISTORY_LIMIT = 500;

export const emptyHistory = (): History => ({ past: [], future: [] });

/** Records a step; a new edit clears the redo stack. */
export function record(history: History, entry: HistoryEntry): History {
  const past = [...history.past, entry];
  if (past.length > HISTORY_LIMIT) past.shift();
  return { past, future: [] };
}

export function undo(plan: Plan, history: History): { plan: Plan; history: History; entry: HistoryEntry } | null {
  const entry = history.past.at(-1);
  if (!entry) return null;
  return {
    plan: applyDiff(plan, entry.diff, 'backward'),
    history: { past: history.past.slice(0, -1), future: [entry, ...history.future] },
    entry,
  };
}

export function redo(plan: Plan, history: History): { plan: Plan; history: History; entry: HistoryEntry } | null {
  const entry = history.future[0];
  if (!entry) return null;
  return {
    plan: applyDiff(plan, entry.diff, 'forward'),
    history: { past: [...history.past, entry], future: history.future.slice(1) },
    entry,
  };
}
