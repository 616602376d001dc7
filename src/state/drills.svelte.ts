import { EngineFailure, StaleRequestError, type EngineBridge } from '../bridge/engineBridge';
import { rankSweep, type SweepRow } from '../models/drills/sweep';
import { parseComponentId, type Degradation } from '../models/failures';
import type { Drill, Plan } from '../plan/schema';
import type { DrillResult } from '../models/drills/drillResult';
import { drillMomentAt } from '../models/drills/drillMoment';
import { draftOfDrill, failureSetOfDraft, type DrillDraft } from '../models/drills/savedDrill';

/**
 * The drill the user is building and the last sweep: which components are failed, the worker's
 * answer for them, and a sweep's progress and ranked rows. Models run in the worker pool (slots
 * `drill` and `sweep`); a newer drill or sweep cancels the older one.
 */
export class DrillState {
  /** Component ids (`rack:R2`) in the order the user failed them. */
  failed = $state<string[]>([]);
  degradations = $state.raw<Degradation[]>([]);
  permanent = $state(false);
  /** The chosen repair time, s after the failure; null: the failed parts do not come back within the drill. */
  repairAtS = $state<number | null>(null);
  /** The saved drill the builder was opened from (or last saved as), by name. */
  savedName = $state<string | null>(null);
  /** Problems found opening a saved drill (ids the model cannot read), shown until the next change. */
  openProblems = $state<string[]>([]);
  /** While on, a click in the rack view fails or restores a component instead of selecting it. */
  failMode = $state(false);
  /** The timeline's scrubber, s after the failure; the rack view and the health panel show this instant. */
  timeS = $state(0);
  result = $state.raw<DrillResult | null>(null);
  /** The drill at the scrubber's time: a lookup in the worker's timeline, cheap enough for every frame of playback. */
  readonly moment = $derived(this.result ? drillMomentAt(this.result.timeline, this.result.marks, this.timeS) : null);
  running = $state(false);
  error = $state<string | null>(null);
  sweepRows = $state.raw<SweepRow[] | null>(null);
  sweepProgress = $state<number | null>(null);
  sweepError = $state<string | null>(null);
  private sweepAbort: AbortController | null = null;

  constructor(private readonly engine: EngineBridge) {}

  /** Adds a component id; returns the parse error instead when it is not one. */
  fail(id: string): string | null {
    const c = parseComponentId(id.trim());
    if ('error' in c) return c.error;
    if (!this.failed.includes(id.trim())) this.failed = [...this.failed, id.trim()];
    return null;
  }

  unfail(id: string): void {
    this.failed = this.failed.filter((x) => x !== id);
  }

  toggle(id: string): void {
    if (this.failed.includes(id)) this.unfail(id);
    else this.fail(id);
  }

  clear(): void {
    this.failed = [];
    this.degradations = [];
    this.savedName = null;
    this.openProblems = [];
    this.result = null;
    this.timeS = 0;
  }

  addDegradation(d: Degradation): void {
    this.degradations = [...this.degradations, d];
  }

  removeDegradation(index: number): void {
    this.degradations = this.degradations.filter((_, i) => i !== index);
  }

  /** What the builder holds, as a saved drill stores it. */
  get draft(): DrillDraft {
    return { failed: [...this.failed], degradations: this.degradations, permanent: this.permanent, repairAtS: this.repairAtS };
  }

  /** Opens a saved drill: its failures, degradations and repair time replace the builder's. */
  open(drill: Drill): void {
    const { draft, problems } = draftOfDrill(drill);
    this.failed = draft.failed;
    this.degradations = draft.degradations;
    this.permanent = draft.permanent;
    this.repairAtS = draft.repairAtS;
    this.savedName = drill.name;
    this.openProblems = problems;
    this.timeS = 0;
  }

  async run(plan: Plan): Promise<void> {
    const failures = failureSetOfDraft(this.draft);
    if (failures.components.length === 0 && (failures.degradations ?? []).length === 0) {
      this.result = null;
      return;
    }
    this.running = true;
    this.error = null;
    try {
      this.result = await this.engine.pool.run(
        'drill',
        {
          plan,
          failures,
          name: this.savedName ?? this.failed.join(' '),
          ...(this.repairAtS !== null ? { repairAtS: this.repairAtS } : {}),
        },
        { slot: 'drill' },
      );
    } catch (e) {
      if (e instanceof StaleRequestError) return;
      this.error = e instanceof EngineFailure || e instanceof Error ? e.message : String(e);
    } finally {
      this.running = false;
    }
  }

  /** Runs the sweep over every worker of the pool, with progress; `cancelSweep` stops it. */
  async sweep(plan: Plan, pairs: boolean): Promise<void> {
    this.sweepAbort?.abort();
    const abort = new AbortController();
    this.sweepAbort = abort;
    this.sweepProgress = 0;
    this.sweepError = null;
    const parts = Math.max(1, this.engine.pool.size);
    try {
      const chunks = await this.engine.pool.map(
        'sweep',
        Array.from({ length: parts }, (_, part) => ({ plan, pairs, part, parts })),
        {
          slot: 'sweep',
          signal: abort.signal,
          onProgress: ({ fraction }) => (this.sweepProgress = fraction),
        },
      );
      this.sweepRows = rankSweep(chunks.flat());
    } catch (e) {
      if (!(e instanceof StaleRequestError)) this.sweepError = e instanceof Error ? e.message : String(e);
    } finally {
      if (this.sweepAbort === abort) {
        this.sweepProgress = null;
        this.sweepAbort = null;
      }
    }
  }

  cancelSweep(): void {
    this.sweepAbort?.abort();
  }
}
