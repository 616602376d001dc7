import { EngineBridge } from '../bridge/engineBridge';
import type { ActionResult } from '../editor/action';
import { DEFAULTS } from '../plan/defaults';
import { formatOf, type PlanFormat } from '../plan/io';
import type { PlanIssue } from '../plan/issues';
import type { Plan } from '../plan/schema';
import { AnalysisState } from './analysis.svelte';
import { CompareState } from './compare.svelte';
import { DrillState } from './drills.svelte';
import { RollingUpgradeState } from './rollingUpgrade.svelte';
import { Autosave } from './autosave.svelte';
import { Editor } from './editor.svelte';
import { newPlanId, PlanLibrary } from './planLibrary.svelte';
import { describeFills } from '../plan/filledDefaults';
import { sharePayload } from '../plan/shareCodec';
import { shareUrl, type ShareResult } from './shareLink';
import { PlanDocument } from './planDocument.svelte';
import { PlanStore } from './planStore';
import { journalVerdict } from './exitJournal';
import { TabSync } from './tabSync';
import { summarizeChange } from '../editor/changeSummary';
import { uniqueName } from './uniqueName';
import { ReliabilitySimulation } from './reliability.svelte';
import { Session } from './session.svelte';

/** The sample plans shipped in `public/examples/`, in the order the menu lists them. */
export const EXAMPLES = [
  { file: 'reference.json', title: 'Reference (12 nodes)' },
  { file: 'enterprise.json', title: 'Enterprise (129 nodes, Ceph)' },
  { file: 'hybrid-burst.json', title: 'Hybrid burst (KubeSpan)' },
  { file: 'anti-patterns.json', title: 'Anti-patterns' },
  { file: 'hyperscale-5000.json', title: 'Hyperscale (5,000 nodes)' },
] as const;

export const DEFAULT_EXAMPLE = 'reference.json';

/** A file the user tried to open that was refused, with every problem found. */
export interface ImportFailure {
  source: string;
  issues: PlanIssue[];
  /** Present when the file itself may be fine and the engine failed reading it: tries again. */
  retry?: () => void;
}

/** A pure editor action: `(plan, args) → ActionResult` (src/editor/actions). */
export type EditorAction<A> = (plan: Plan, args: A) => ActionResult;

/**
 * The application: the open document, its analysis, autosave and the plan store, wired once.
 * Components read its state and call its methods; they hold no logic of their own.
 */
export class AppState {
  readonly engine = new EngineBridge();
  readonly store = new PlanStore();
  readonly doc = new PlanDocument();
  readonly session = new Session();
  readonly analysis = new AnalysisState(this.engine);
  readonly drills = new DrillState(this.engine);
  readonly upgrade = new RollingUpgradeState(this.engine);
  readonly reliability = new ReliabilitySimulation(this.engine);
  readonly compare = new CompareState(this.engine, this.store);
  readonly tabs = new TabSync((id, rev) => void this.library.followRemoteSave(id, rev));
  readonly autosave = new Autosave(this.store, (id, rev) => this.tabs.saved(id, rev));
  readonly editor = new Editor(this.doc, this.session, (action, args) => this.edit(action, args));
  planId = $state('');
  readonly library = new PlanLibrary(this.store, this.doc, this.autosave, { get: () => this.planId, set: (id) => (this.planId = id) }, () => {
    this.session.resetForNewPlan();
    this.importFailure = null;
    // A drill names another plan's components: opening a different plan starts with none failed
    // (following this plan's save from another tab keeps the drill).
    if (this.planId !== this.drillPlanId) this.drills.clear();
    this.drillPlanId = this.planId;
  });
  private drillPlanId = '';
  ready = $state(false);
  importFailure = $state.raw<ImportFailure | null>(null);
  busy = $state<string | null>(null);

  constructor() {
    this.doc.onChange = (plan) => this.schedule(plan);
  }

  private pendingPlan: Plan | null = null;

  /**
   * Every document change (edit, undo, redo, open) re-analyses in the worker and autosaves.
   * The analysis is posted when the task that changed the plan ends (changes made in one task
   * post once), so the worker computes while this thread draws the edit: posting only a delta
   * costs about a millisecond, and posting after the frame instead left a 5,000-node plan's
   * worker idle, or still on the superseded analysis, for the 20-40 ms the frame took.
   */
  private schedule(plan: Plan): void {
    const scheduled = this.pendingPlan !== null;
    this.pendingPlan = plan;
    if (!scheduled) {
      queueMicrotask(() => {
        const next = this.pendingPlan;
        this.pendingPlan = null;
        if (next) void this.analysis.run(next, this.planId);
      });
    }
    // Marked pending at once, so the status never says "Saved" over an edit not yet stored; the
    // save itself runs in a task of its own, after the analysis is posted.
    if (this.planId) this.autosave.schedule(this.planId, plan);
  }

  /**
   * The one way to edit the open plan: runs a pure editor action on it and records the result as
   * one undo step, or shows why it was refused. Returns whether the plan changed.
   */
  edit<A>(action: EditorAction<A>, args: A): boolean {
    const plan = this.doc.plan;
    if (!plan) return false;
    return this.doc.apply(action(plan, args));
  }

  /**
   * Commits an edit an inspector field has already dry-run on the open plan (it shows the
   * refusal while the user types): the same path as `edit`, without running the action twice.
   */
  commit(result: ActionResult): boolean {
    return this.edit(committed, result);
  }

  /** Opens a shared link's plan, else restores the last open plan from IndexedDB, else the default example. */
  async start(): Promise<void> {
    await this.replayJournal().catch(() => undefined);
    if (await this.openShared(location.hash)) {
      this.ready = true;
      void this.library.refresh();
      return;
    }
    try {
      const id = await this.store.currentId();
      if (id) await this.library.load(id);
    } catch {
      // Private windows may refuse IndexedDB; the app still works, without autosave.
    }
    if (!this.doc.plan) {
      const plan = await this.fetchExample(DEFAULT_EXAMPLE);
      if (plan) {
        this.planId = newPlanId();
        this.doc.open(plan);
      }
    }
    this.ready = true;
    void this.library.refresh();
  }

  /**
   * Opens the plan a share link carries as a new named plan (the link's plan never overwrites
   * one the user has), then clears the fragment so a reload does not open it twice. The link is
   * inflated and validated in the worker, which refuses one that expands past the file limit.
   * Runs at start and on every `hashchange` (a link pasted into an open tab).
   */
  async openShared(hash: string): Promise<boolean> {
    const found = sharePayload(hash);
    if (found.kind === 'none') return false;
    history.replaceState(null, '', location.pathname + location.search);
    if (found.kind === 'empty') {
      this.importFailure = {
        source: 'shared link',
        issues: [{ path: '(link)', message: 'holds no plan: nothing follows "#plan=" (the link was cut while being passed on); ask for the link again' }],
      };
      return false;
    }
    this.busy = 'Opening the shared plan…';
    let result;
    try {
      result = await this.engine.decodeSharedPlan(found.payload);
    } catch (e) {
      result = { ok: false as const, issues: [{ path: '(link)', message: `could not be read: ${(e as Error).message}` }] };
    } finally {
      this.busy = null;
    }
    if (!result.ok) {
      this.importFailure = { source: 'shared link', issues: result.issues };
      return false;
    }
    await this.library.openAsNewPlan(result.plan, 'a shared link');
    return true;
  }

  /** A link for the open plan, packed in the worker, or why the plan is too big for one. */
  async shareLink(): Promise<ShareResult | null> {
    const plan = this.doc.plan;
    if (!plan) return null;
    return shareUrl(await this.engine.encodeSharedPlan(plan), location.href);
  }

  /**
   * Opens `plan` as a new named plan beside the others, never over the open one. Everything that
   * brings a plan in from outside (files, examples, links, imported templates) goes through here.
   */
  openAsNewPlan(plan: Plan, sourceLabel: string): Promise<void> {
    return this.library.openAsNewPlan(plan, sourceLabel);
  }

  /** Stores the open plan now (the page is being hidden or closed). */
  saveNow(): void {
    if (this.planId && this.doc.plan) this.autosave.saveOnExit(this.planId, this.doc.plan);
  }

  /**
   * Applies what a page closed before its last save left in the journal: saved as the next
   * version when nothing else saved that plan since, else kept as a plan of its own beside it.
   */
  private async replayJournal(): Promise<void> {
    for (const entry of await this.store.takeJournal()) {
      const stored = await this.store.get(entry.id);
      const verdict = journalVerdict(entry, stored, (a, b) => JSON.stringify(a) === JSON.stringify(b));
      if (verdict === 'skip') continue;
      if (verdict === 'next-version') {
        await this.store.save(entry.plan, {
          id: entry.id,
          baseRev: stored ? stored.rev : null,
          summary: stored ? summarizeChange(stored.plan, entry.plan) : 'First saved version',
        });
      } else {
        const name = uniqueName(
          `${entry.plan.name} (unsaved edits)`.slice(0, 120),
          (await this.store.list()).map((p) => p.name),
        );
        await this.store.save(
          { ...entry.plan, name },
          { id: newPlanId(), baseRev: null, summary: 'Edits made as the page closed, after another tab saved', source: 'edits kept when a page closed' },
        );
      }
    }
  }

  async openExample(file: string): Promise<void> {
    const plan = await this.fetchExample(file);
    if (plan) await this.openAsNewPlan(plan, `the example ${file}`);
  }

  /** Opens a user's file. A bad file is reported with its field paths and changes nothing. */
  async openFile(file: File): Promise<void> {
    if (file.size > DEFAULTS.limits.maxFileBytes) {
      this.importFailure = {
        source: file.name,
        issues: [{ path: '(file)', message: `is ${(file.size / 2 ** 20).toFixed(1)} MiB; plans may be at most ${DEFAULTS.limits.maxFileBytes / 2 ** 20} MiB` }],
      };
      return;
    }
    this.busy = `Reading ${file.name}…`;
    try {
      const text = await file.text();
      await this.openText(text, file.name);
    } catch (e) {
      // The engine failed (threw, died or went silent), not the file: say so and offer a retry.
      this.importFailure = { ...engineFailure(file.name, e), retry: () => void this.openFile(file) };
    } finally {
      this.busy = null;
    }
  }

  async openText(text: string, source: string, format?: PlanFormat): Promise<void> {
    const result = await this.engine.readPlan(text, format ?? formatOf(source, text));
    if (!result.ok) {
      this.importFailure = { source, issues: result.issues };
      return;
    }
    this.importFailure = null;
    await this.openAsNewPlan(result.plan, source);
    if (result.filled?.length) {
      const n = result.filled.length;
      this.library.notice = `${this.library.notice ?? ''} The file left out ${n.toLocaleString('en')} field${n === 1 ? '' : 's'} that ${n === 1 ? 'has a default' : 'have defaults'}; filled: ${describeFills(result.filled).join('; ')}.`;
    }
  }

  /** Serialises the open plan in the worker and hands it to the browser as a download. */
  async exportPlan(format: PlanFormat): Promise<void> {
    const plan = this.doc.plan;
    if (!plan) return;
    const text = await this.engine.writePlan(plan, format);
    const blob = new Blob([text], { type: format === 'json' ? 'application/json' : 'application/yaml' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${plan.cluster.name}.${format === 'json' ? 'json' : 'yaml'}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }

  private async fetchExample(file: string): Promise<Plan | null> {
    this.busy = `Loading ${file}…`;
    try {
      const response = await fetch(`${import.meta.env.BASE_URL}examples/${file}`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const text = await response.text();
      const result = await this.engine.readPlan(text, 'json');
      if (!result.ok) {
        this.importFailure = { source: file, issues: result.issues };
        return null;
      }
      return result.plan;
    } catch (e) {
      this.importFailure = {
        source: file,
        issues: [{ path: '(file)', message: `could not be loaded: ${(e as Error).message}` }],
        retry: () => void this.openExample(file),
      };
      return null;
    } finally {
      this.busy = null;
    }
  }
}

const committed: EditorAction<ActionResult> = (_plan, result) => result;

/** An import the engine could not finish: one issue naming the failure. */
function engineFailure(source: string, error: unknown): ImportFailure {
  return { source, issues: [{ path: '(engine)', message: `could not read it: ${(error as Error).message}` }] };
}

export { newPlanId };
