import { summarizeChange } from '../editor/changeSummary';
import type { Plan } from '../plan/schema';
import type { PlanStore, StoredPlan } from './planStore';

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'conflict';

/** What this tab last loaded or saved of the open plan: the base its next save must build on. */
interface SaveBase {
  id: string;
  rev: number;
  plan: Plan | null;
}

/**
 * Saves the open plan as soon as each edit settles (one save in flight at a time; edits made
 * meanwhile are saved right after it, the latest only). Each save checks that no other tab
 * saved the plan since this tab loaded it; if one did, nothing is overwritten: the status turns
 * to 'conflict' and `conflict` holds the other tab's plan until the user chooses.
 */
/** Plans with at most this many nodes are journalled at every edit (a 1,000-node plan serialises in a few ms). */
const EDIT_JOURNAL_MAX_NODES = 1000;

export class Autosave {
  status = $state<SaveStatus>('idle');
  error = $state<string | null>(null);
  conflict = $state.raw<StoredPlan | null>(null);
  private base: SaveBase | null = null;
  private latest: { id: string; plan: Plan; source?: string } | null = null;
  private running: Promise<void> | null = null;
  private saving: { id: string; plan: Plan; token: string } | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private store: PlanStore,
    private onSaved: (id: string, rev: number) => void = () => undefined,
  ) {}

  /** Records that the tab now shows `plan` as stored at `rev` (after opening or following it). */
  adopt(id: string, rev: number, plan: Plan | null): void {
    // Edits this tab journalled for the plan are settled now (kept as a copy, or dropped for
    // the other tab's): replaying them at the next start would bring them back.
    if (this.conflict?.id === id) void this.store.clearJournal(id).catch(() => undefined);
    this.base = { id, rev, plan };
    this.latest = null;
    this.conflict = null;
    this.status = plan ? 'saved' : 'idle';
  }

  /** The rev this tab's open plan is based on, or null when nothing is open. */
  baseRev(id: string): number | null {
    return this.base?.id === id ? this.base.rev : null;
  }

  /** True while an edit of this tab is not yet stored. */
  get dirty(): boolean {
    return this.latest !== null || this.running !== null || this.conflict !== null;
  }

  /**
   * The page is going away: issue a blind journal write at once (a checked save would not live
   * to write), and the normal save as well in case the page stays (a hidden tab). The journal
   * names the last stored rev this tab knows and the token of its save in flight, so the next
   * start can tell whether it still applies whether or not that save committed
   * (`journalVerdict`).
   */
  saveOnExit(id: string, plan: Plan): void {
    const pending = this.latest?.plan ?? plan;
    if (this.base?.id === id && this.base.plan === pending && !this.running) return;
    this.journal(id, pending);
    this.schedule(id, pending, undefined, true);
  }

  /** Journals `plan` as this tab's unsaved state of plan `id` (see `journalVerdict`). */
  private journal(id: string, plan: Plan): void {
    const baseRev = this.base?.id === id ? this.base.rev : 0;
    const inFlightToken = this.saving?.id === id ? this.saving.token : undefined;
    void this.store.journal({ id, baseRev, inFlightToken, plan, at: Date.now() }).catch(() => undefined);
  }

  /**
   * Saves `plan` in a task of its own, after the caller's task (an edit posts its analysis
   * first, so the worker computes while this thread serialises; a burst of changes in one task
   * saves once). `now` starts the save at once (the page is going).
   */
  schedule(id: string, plan: Plan, source?: string, now = false): void {
    if (this.base?.id === id && this.base.plan === plan) return;
    if (this.saving?.id === id && this.saving.plan === plan && !this.latest) return;
    this.latest = { id, plan, source };
    // A small plan's edit is journalled in the edit's own task: a browser shut down at once may
    // not run the save's task, nor the page's pagehide (see ExitJournal). Larger plans are
    // journalled by the save itself, so an edit does not pay for serialising them twice.
    if (!now && plan.nodes.length <= EDIT_JOURNAL_MAX_NODES) this.journal(id, plan);
    if (this.conflict) return;
    this.status = 'pending';
    clearTimeout(this.saveTimer);
    if (now) void this.flush();
    else this.saveTimer = setTimeout(() => void this.flush(), 0);
  }

  /** Resolves once every scheduled edit is stored (or refused by a conflict or an error). */
  async flush(): Promise<void> {
    clearTimeout(this.saveTimer);
    while (this.running) await this.running;
    if (!this.latest || this.conflict) return;
    this.running = this.drain();
    try {
      await this.running;
    } finally {
      this.running = null;
    }
  }

  private async drain(): Promise<void> {
    while (this.latest && !this.conflict) {
      const job = this.latest;
      this.latest = null;
      const token = saveToken();
      this.saving = { id: job.id, plan: job.plan, token };
      this.status = 'saving';
      const base = this.base?.id === job.id ? this.base : { id: job.id, rev: 0, plan: null };
      try {
        const outcome = await this.store.save(job.plan, {
          id: job.id,
          baseRev: base.rev,
          summary: summarizeChange(base.plan, job.plan),
          source: job.source,
          token,
          // A small plan was journalled by its edit already (see schedule); a larger one is journalled as its save starts.
          journalBaseRev: job.plan.nodes.length > EDIT_JOURNAL_MAX_NODES ? base.rev : undefined,
        });
        if (!outcome.ok) {
          // Keep the unsaved edit: the user decides between the two tabs' plans.
          this.latest ??= job;
          this.conflict = outcome.theirs;
          this.status = 'conflict';
          return;
        }
        this.base = { id: job.id, rev: outcome.rev, plan: job.plan };
        this.error = null;
        if (this.latest === null) void this.store.clearJournal(job.id).catch(() => undefined);
        this.onSaved(job.id, outcome.rev);
        if (this.latest === null) this.status = 'saved';
      } catch (e) {
        this.latest ??= job;
        this.status = 'error';
        this.error = (e as Error).message;
        return;
      } finally {
        this.saving = null;
      }
    }
  }
}

/** A token no other save of any tab shares (see `JournalEntry.inFlightToken`). */
function saveToken(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
