import type { ActionResult } from '../editor/action';
import { emptyHistory, record, redo, undo, type History } from '../editor/history';
import { diffPlans, isEmptyDiff } from '../editor/planDiff';
import type { Plan } from '../plan/schema';

/**
 * The open plan and its undo history. The plan is `$state.raw`: it is replaced, never mutated,
 * so undo can keep references and the worker receives plain objects.
 */
export class PlanDocument {
  plan = $state.raw<Plan | null>(null);
  history = $state.raw<History>(emptyHistory());
  /** Why the last edit was refused, shown to the user until the next edit. */
  refusal = $state<string | null>(null);
  /** Bumped on every change, so autosave and analysis can react to edits and to undo alike. */
  revision = $state(0);

  /** Called after every change (edit, undo, redo, open) with the new plan: analysis and autosave hang here. */
  onChange: ((plan: Plan) => void) | null = null;

  canUndo = $derived(this.history.past.length > 0);
  canRedo = $derived(this.history.future.length > 0);
  undoLabel = $derived(this.history.past.at(-1)?.label ?? '');
  redoLabel = $derived(this.history.future[0]?.label ?? '');

  /** Opens a plan with a fresh history (app start, switching plans). */
  open(plan: Plan): void {
    this.plan = plan;
    this.history = emptyHistory();
    this.refusal = null;
    this.changed();
  }

  /** Applies an action's result: one undo step, or a refusal with its reason. */
  apply(result: ActionResult): boolean {
    if (!result.ok) {
      this.refusal = result.reason;
      return false;
    }
    this.refusal = null;
    if (this.plan === null) {
      this.open(result.plan);
      return true;
    }
    const diff = diffPlans(this.plan, result.plan);
    if (isEmptyDiff(diff)) return false;
    if (result.record) this.history = record(this.history, { label: result.label, diff });
    this.plan = result.plan;
    this.changed();
    return true;
  }

  /** Replaces the whole plan as one undoable step (importing a file, loading an example). */
  replace(plan: Plan, label: string): void {
    this.apply({ ok: true, plan, label, record: true });
  }

  private changed(): void {
    this.revision += 1;
    if (this.plan) this.onChange?.(this.plan);
  }

  undo(): void {
    this.step(undo);
  }

  redo(): void {
    this.step(redo);
  }

  private step(move: typeof undo | typeof redo): void {
    const step = this.plan && move(this.plan, this.history);
    if (!step) return;
    this.plan = step.plan;
    this.history = step.history;
    this.refusal = null;
    this.changed();
  }
}
