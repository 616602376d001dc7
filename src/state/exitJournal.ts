import type { Plan } from '../plan/schema';

/** A plan's state when its page closed, and the stored rev that state was based on. */
export interface JournalEntry {
  id: string;
  /** The last rev this tab knew to be stored. */
  baseRev: number;
  /**
   * The token of this tab's save still in flight when the page closed, if one was: it stores
   * rev baseRev + 1 if it commits before the browser goes, and nothing if it does not.
   */
  inFlightToken?: string;
  plan: Plan;
  at: number;
}

/** What the stored plan says of a journal entry (the part `journalVerdict` reads). */
export interface StoredState {
  rev: number;
  token?: string;
  plan: Plan;
}

/**
 * What to do with a journal entry at the next start, given what is stored under its id:
 * - 'skip': the store already holds exactly this plan;
 * - 'next-version': nothing but this tab touched the plan since `baseRev` (the stored rev is
 *   still `baseRev`, or it is the save this tab had in flight, whether or not that save lived
 *   to commit), so the entry is saved as the plan's next version;
 * - 'fork': another tab saved in between, so the entry is kept as a plan of its own.
 * A save in flight when the browser went may or may not have committed, and both outcomes are
 * this tab's own: judging by a rev it "would produce" forked the edit into a second plan
 * whenever the browser shut down before IndexedDB committed.
 */
export function journalVerdict(
  entry: JournalEntry,
  stored: StoredState | undefined,
  samePlan: (a: Plan, b: Plan) => boolean,
): 'skip' | 'next-version' | 'fork' {
  if (!stored) return 'next-version';
  if (samePlan(stored.plan, entry.plan)) return 'skip';
  if (stored.rev === entry.baseRev) return 'next-version';
  if (entry.inFlightToken !== undefined && stored.token === entry.inFlightToken) return 'next-version';
  return 'fork';
}

const PREFIX = 'rackplan.journal:';

/** The part of the Web Storage API the journal uses (localStorage in the app, a map in tests). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/**
 * The write-ahead journal of unsaved edits, kept in `localStorage`: written in the edit's own task
 * (plans up to 1,000 nodes) or as each save starts (before its IndexedDB transaction), cleared
 * once the save commits, and written again when the page goes away. A browser shut down as a
 * whole may run neither the save's task nor the page's `pagehide` (Chromium closed from
 * Playwright never ran pagehide in 70 runs), so the earlier entries are what keep an edit made
 * just before it.
 *
 * Why not IndexedDB: a page being closed gets one synchronous `pagehide` task. An IndexedDB put
 * issued there is asynchronous and the browser may shut down before it commits (Chromium lost
 * it in about one close in ten in our end-to-end test). `localStorage.setItem` hands the write
 * to the browser before it returns, and Chromium commits pending Web Storage writes when it
 * shuts down, so the edit is kept.
 *
 * `write` returns false when the storage refuses the entry (quota: about 5 M characters per
 * origin, which a 5,000-node plan can exceed); the caller then falls back to IndexedDB.
 */
export class ExitJournal {
  constructor(private storage: KeyValueStorage | null) {}

  write(entry: JournalEntry): boolean {
    if (!this.storage) return false;
    try {
      this.storage.setItem(PREFIX + entry.id, JSON.stringify(entry));
      return true;
    } catch {
      // A full or disabled storage: leave no partial entry behind.
      this.clear(entry.id);
      return false;
    }
  }

  /**
   * `write` of an entry whose plan is already serialised as `planJson` (the text a save is about
   * to store): the plan is not stringified a second time.
   */
  writeSerialised(entry: Omit<JournalEntry, 'plan'>, planJson: string): boolean {
    if (!this.storage) return false;
    try {
      this.storage.setItem(PREFIX + entry.id, `${JSON.stringify(entry).slice(0, -1)},"plan":${planJson}}`);
      return true;
    } catch {
      this.clear(entry.id);
      return false;
    }
  }

  clear(id: string): void {
    try {
      this.storage?.removeItem(PREFIX + id);
    } catch {
      /* storage disabled: nothing was written either */
    }
  }

  /** Every entry, removed as read; an entry that does not parse is dropped (it cannot be replayed). */
  take(): JournalEntry[] {
    if (!this.storage) return [];
    const keys: string[] = [];
    for (let i = 0; i < this.storage.length; i++) {
      const key = this.storage.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    const entries: JournalEntry[] = [];
    for (const key of keys) {
      const text = this.storage.getItem(key);
      this.storage.removeItem(key);
      const entry = parseEntry(text, key.slice(PREFIX.length));
      if (entry) entries.push(entry);
    }
    return entries;
  }
}

function parseEntry(text: string | null, id: string): JournalEntry | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<JournalEntry>;
    const ok =
      value.id === id &&
      Number.isInteger(value.baseRev) &&
      (value.inFlightToken === undefined || typeof value.inFlightToken === 'string') &&
      typeof value.at === 'number' &&
      typeof value.plan === 'object' &&
      value.plan !== null;
    return ok ? (value as JournalEntry) : null;
  } catch {
    return null;
  }
}

/** Keeps the newest entry per plan id (a plan can have one here and one in IndexedDB). */
export function newestPerPlan(entries: JournalEntry[]): JournalEntry[] {
  const byId = new Map<string, JournalEntry>();
  for (const e of entries) {
    const seen = byId.get(e.id);
    if (!seen || e.at > seen.at) byId.set(e.id, e);
  }
  return [...byId.values()];
}

/** `localStorage` where it exists and may be used (a sandboxed frame throws on access). */
export function browserStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
