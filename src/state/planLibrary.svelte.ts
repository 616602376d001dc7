import { renamePlan } from '../editor/actions/planSettings';
import { SAMPLE_HARDWARE as HW } from '../plan/samples/catalogue';
import { baseSettings } from '../plan/samples/common';
import { PlanBuilder } from '../plan/samples/planBuilder';
import type { Plan } from '../plan/schema';
import type { PlanDocument } from './planDocument.svelte';
import type { Autosave } from './autosave.svelte';
import type { PlanStore, StoredPlanInfo } from './planStore';

/** A new, empty plan: one site, room and row with two empty racks and the sample hardware. */
export function blankPlan(name = 'New plan'): Plan {
  return new PlanBuilder(baseSettings(name, 'cluster', ''), [HW.cp, HW.cpLarge, HW.worker, HW.storage].map((h) => structuredClone(h)))
    .site('dc1', 'DC 1').room('hall-a', 'Hall A', 'dc1').row('row-1', 'Row 1', 'hall-a')
    .rack('r1', 'row-1', { name: 'R1' }).rack('r2', 'row-1', { name: 'R2' }).build();
}

export function newPlanId(): string {
  return `plan-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/**
 * The named plans kept in this browser: list, new, duplicate, rename, delete, switch. The open
 * plan is saved before switching away, so no edit is lost.
 */
export class PlanLibrary {
  plans = $state.raw<StoredPlanInfo[]>([]);

  constructor(
    private store: PlanStore,
    private doc: PlanDocument,
    private autosave: Autosave,
    private current: { get: () => string; set: (id: string) => void },
  ) {}

  async refresh(): Promise<void> {
    try {
      this.plans = await this.store.list();
    } catch {
      this.plans = [];
    }
  }

  /** Opens `plan` under a fresh id as the current plan, and saves it at once. */
  async openAsNew(plan: Plan): Promise<void> {
    await this.autosave.flush();
    const id = newPlanId();
    this.current.set(id);
    this.doc.open(plan);
    await this.save(id, plan);
  }

  async create(): Promise<void> {
    const taken = new Set(this.plans.map((p) => p.name));
    let name = 'New plan';
    for (let i = 2; taken.has(name); i++) name = `New plan ${i}`;
    await this.openAsNew(blankPlan(name));
  }

  async duplicate(id: string): Promise<void> {
    await this.autosave.flush();
    const stored = id === this.current.get() && this.doc.plan ? { plan: this.doc.plan } : await this.store.get(id);
    if (stored) await this.openAsNew({ ...stored.plan, name: `${stored.plan.name} (copy)`.slice(0, 120) });
  }

  async rename(id: string, name: string): Promise<void> {
    const trimmed = name.trim().slice(0, 120);
    if (!trimmed) return;
    if (id === this.current.get() && this.doc.plan) {
      // The open plan is renamed as an edit, so it can be undone like any other.
      this.doc.apply(renamePlan(this.doc.plan, { name: trimmed }));
      await this.autosave.flush();
    } else {
      const stored = await this.store.get(id);
      if (stored) await this.store.put({ ...stored, name: trimmed, plan: { ...stored.plan, name: trimmed }, updatedAt: Date.now() });
    }
    await this.refresh();
  }

  async remove(id: string): Promise<void> {
    await this.store.delete(id);
    if (id === this.current.get()) {
      await this.refresh();
      const next = this.plans[0];
      if (next) await this.switchTo(next.id);
      else await this.openAsNew(blankPlan());
    }
    await this.refresh();
  }

  async switchTo(id: string): Promise<void> {
    if (id === this.current.get()) return;
    await this.autosave.flush();
    const stored = await this.store.get(id);
    if (!stored) return;
    this.current.set(id);
    this.doc.open(stored.plan);
    await this.store.setCurrentId(id);
    await this.refresh();
  }

  private async save(id: string, plan: Plan): Promise<void> {
    try {
      await this.store.put({ id, name: plan.name, updatedAt: Date.now(), plan });
      await this.store.setCurrentId(id);
    } catch {
      // Without IndexedDB the plan still opens; autosave reports the failure.
    }
    await this.refresh();
  }
}
