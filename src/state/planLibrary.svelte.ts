import { done } from '../editor/action';
import { renamePlan } from '../editor/actions/planSettings';
import { SAMPLE_HARDWARE as HW } from '../plan/samples/catalogue';
import { baseSettings } from '../plan/samples/common';
import { PlanBuilder } from '../plan/samples/planBuilder';
import type { Plan } from '../plan/schema';
import type { PlanDocument } from './planDocument.svelte';
import type { Autosave } from './autosave.svelte';
import type { PlanStore, PlanVersionInfo, StoredPlanInfo } from './planStore';
import { uniqueName } from './uniqueName';

/** A new, empty plan: one site, room and row with two empty racks and the sample hardware. */
export function blankPlan(name = 'New plan'): Plan {
  return new PlanBuilder(
    baseSettings(name, 'cluster', ''),
    [HW.cp, HW.cpLarge, HW.worker, HW.storage].map((h) => structuredClone(h)),
  )
    .site('dc1', 'DC 1')
    .room('hall-a', 'Hall A', 'dc1')
    .row('row-1', 'Row 1', 'hall-a')
    .rack('r1', 'row-1', { name: 'R1' })
    .rack('r2', 'row-1', { name: 'R2' })
    .build();
}

export function newPlanId(): string {
  return `plan-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}

const clock = (t: number) => new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/**
 * The named plans kept in this browser: list, new, duplicate, rename, delete, switch, and each
 * plan's saved versions. Opening anything (a file, an example, a link, a version) adds a plan
 * and never replaces one, and the open plan is saved before switching away, so no edit is lost.
 */
export class PlanLibrary {
  plans = $state.raw<StoredPlanInfo[]>([]);
  /** What the last open did, shown until dismissed ("Opened … as a new plan; … is still in Plans"). */
  notice = $state<string | null>(null);

  constructor(
    private store: PlanStore,
    private doc: PlanDocument,
    private autosave: Autosave,
    private current: { get: () => string; set: (id: string) => void },
    /** Called whenever another plan is shown, so the session drops its selection and banners. */
    private opened: () => void = () => undefined,
  ) {}

  async refresh(): Promise<void> {
    try {
      this.plans = await this.store.list();
    } catch {
      this.plans = [];
    }
  }

  /**
   * Opens `plan` as a new named plan (its name made unique among the plans here), saves it at
   * once and says so. Files, examples, share links, versions and imported templates all come
   * in through here, so none of them can replace a plan the user has.
   */
  async openAsNewPlan(plan: Plan, sourceLabel: string): Promise<void> {
    await this.settle();
    await this.addPlan(plan, sourceLabel);
  }

  private async addPlan(plan: Plan, sourceLabel: string): Promise<void> {
    await this.refresh();
    const previous = this.doc.plan && this.plans.some((p) => p.id === this.current.get()) ? this.doc.plan.name : null;
    const name = uniqueName(
      plan.name,
      this.plans.map((p) => p.name),
    );
    const named = name === plan.name ? plan : { ...plan, name };
    const id = newPlanId();
    this.current.set(id);
    this.autosave.adopt(id, 0, null);
    this.doc.open(named);
    this.opened();
    this.autosave.schedule(id, named, sourceLabel);
    await this.autosave.flush();
    await this.refresh();
    this.notice = `Opened "${name}" from ${sourceLabel} as a new plan${previous && previous !== name ? `; "${previous}" is still in Plans` : ''}.`;
  }

  async create(): Promise<void> {
    await this.refresh();
    await this.openAsNewPlan(
      blankPlan(
        uniqueName(
          'New plan',
          this.plans.map((p) => p.name),
        ),
      ),
      'a blank page',
    );
  }

  async duplicate(id: string): Promise<void> {
    await this.autosave.flush();
    const stored = id === this.current.get() && this.doc.plan ? { plan: this.doc.plan } : await this.store.get(id);
    if (stored) await this.openAsNewPlan({ ...stored.plan, name: `${stored.plan.name} (copy)`.slice(0, 120) }, `a copy of "${stored.plan.name}"`);
  }

  async rename(id: string, name: string): Promise<void> {
    const trimmed = name.trim().slice(0, 120);
    if (!trimmed) return;
    if (id === this.current.get() && this.doc.plan) {
      // The open plan is renamed as an edit, so it can be undone like any other.
      this.doc.apply(renamePlan(this.doc.plan, { name: trimmed }));
      this.autosave.schedule(id, this.doc.plan);
      await this.autosave.flush();
    } else {
      await this.store.rename(id, trimmed);
    }
    await this.refresh();
  }

  async remove(id: string): Promise<void> {
    await this.store.delete(id);
    if (id === this.current.get()) {
      await this.refresh();
      const next = this.plans[0];
      if (next) await this.switchTo(next.id);
      else await this.openAsNewPlan(blankPlan(), 'a blank page');
    }
    await this.refresh();
  }

  async switchTo(id: string): Promise<void> {
    if (id === this.current.get()) return;
    await this.settle();
    await this.load(id);
    this.notice = null;
    await this.refresh();
  }

  /**
   * Stores the open plan's last edit before another plan is shown. An edit the other tab's save
   * made unsaveable is kept as a plan of its own rather than dropped.
   */
  async settle(): Promise<void> {
    const id = this.current.get();
    if (id && this.doc.plan) this.autosave.schedule(id, this.doc.plan);
    await this.autosave.flush();
    if (this.autosave.conflict) await this.keepMineAsCopy();
  }

  /** Shows the stored plan `id` as it is now, with a fresh undo history. */
  async load(id: string): Promise<boolean> {
    const stored = await this.store.get(id);
    if (!stored) return false;
    this.current.set(id);
    this.autosave.adopt(id, stored.rev, stored.plan);
    this.doc.open(stored.plan);
    this.opened();
    await this.store.setCurrentId(id).catch(() => undefined);
    return true;
  }

  /** The open plan's saved versions, newest first. */
  async versions(): Promise<PlanVersionInfo[]> {
    const id = this.current.get();
    return id ? this.store.versions(id).catch(() => []) : [];
  }

  /** A saved version's plan (the dashboard's compare reads versions through this). */
  versionPlan(key: number): Promise<Plan | undefined> {
    return this.store.version(key);
  }

  /** Makes a saved version the open plan again, as one undoable edit (so it is saved as the newest version). */
  async restoreVersion(version: PlanVersionInfo): Promise<void> {
    const plan = await this.store.version(version.key);
    if (!plan || !this.doc.plan) return;
    this.doc.apply(done(plan, `Restore the version saved at ${clock(version.savedAt)}`));
    this.notice = `Restored the version saved at ${clock(version.savedAt)}; Undo brings back what was there.`;
  }

  /** Opens a saved version beside the current plan, as a new plan. */
  async openVersionBeside(version: PlanVersionInfo): Promise<void> {
    const plan = await this.store.version(version.key);
    if (plan)
      await this.openAsNewPlan({ ...plan, name: `${plan.name} (${clock(version.savedAt)})`.slice(0, 120) }, `the version saved at ${clock(version.savedAt)}`);
  }

  /**
   * Another tab saved plan `id` at `rev`. An idle tab on that plan follows it; a tab with
   * unsaved edits keeps them, and its next save finds the conflict and asks the user.
   */
  async followRemoteSave(id: string, rev: number): Promise<void> {
    await this.refresh();
    if (id !== this.current.get() || this.autosave.dirty) return;
    const base = this.autosave.baseRev(id);
    if (base !== null && base >= rev) return;
    if (await this.load(id)) this.notice = 'Updated with the changes saved in another tab.';
  }

  /** Resolves a save conflict by keeping this tab's plan as a new plan beside the other tab's. */
  async keepMineAsCopy(): Promise<void> {
    const mine = this.doc.plan;
    const theirs = this.autosave.conflict;
    if (!mine || !theirs) return;
    this.autosave.adopt(theirs.id, theirs.rev, theirs.plan);
    await this.addPlan({ ...mine, name: `${mine.name} (this tab)`.slice(0, 120) }, "this tab, beside the other tab's version");
  }

  /** Resolves a save conflict by dropping this tab's unsaved edits and showing the other tab's plan. */
  async takeTheirs(): Promise<void> {
    const theirs = this.autosave.conflict;
    if (!theirs) return;
    await this.load(theirs.id);
    this.notice = 'Showing the version saved in the other tab.';
  }
}
