import type { Plan } from '../plan/schema';
import type { PlanStore } from './planStore';

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/**
 * Saves the open plan shortly after each change (edits come in bursts while typing), and at
 * once when the page is hidden. The status is shown to the user, who can trust "Saved".
 */
export class Autosave {
  status = $state<SaveStatus>('idle');
  error = $state<string | null>(null);
  private timer: ReturnType<typeof setTimeout> | null = null;
  private latest: { id: string; plan: Plan } | null = null;

  constructor(private store: PlanStore, private delayMs = 250) {}

  schedule(id: string, plan: Plan): void {
    this.latest = { id, plan };
    this.status = 'pending';
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const job = this.latest;
    if (!job) return;
    this.latest = null;
    this.status = 'saving';
    try {
      await this.store.put({ id: job.id, name: job.plan.name, updatedAt: Date.now(), plan: job.plan });
      await this.store.setCurrentId(job.id);
      if (this.latest === null) this.status = 'saved';
      this.error = null;
    } catch (e) {
      this.status = 'error';
      this.error = (e as Error).message;
    }
  }
}
