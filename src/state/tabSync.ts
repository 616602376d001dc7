/** The message a tab posts after each save. */
interface SavedMessage {
  type: 'saved';
  planId: string;
  rev: number;
  tab: string;
}

/**
 * Tells the other tabs of this app when this tab saved a plan, and hears theirs, over a
 * BroadcastChannel (same origin only). Where BroadcastChannel is missing, the version check in
 * PlanStore.save still stops silent overwrites; tabs just stop following each other live.
 */
export class TabSync {
  readonly tab = typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
  private channel: BroadcastChannel | null;

  constructor(onRemoteSave: (planId: string, rev: number) => void, name = 'rackplan-plans') {
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null;
    this.channel?.addEventListener('message', (e: MessageEvent<SavedMessage>) => {
      const msg = e.data;
      if (msg?.type === 'saved' && msg.tab !== this.tab && typeof msg.planId === 'string' && typeof msg.rev === 'number') onRemoteSave(msg.planId, msg.rev);
    });
  }

  saved(planId: string, rev: number): void {
    this.channel?.postMessage({ type: 'saved', planId, rev, tab: this.tab } satisfies SavedMessage);
  }
}
