import type { Plan } from '../plan/schema';

/** A plan's state when its page closed, and the stored rev that state was based on. */
export interface JournalEntry {
  id: string;
  baseRev: number;
  plan: Plan;
  at: number;
}

const PREFIX = 'rackplan.journal:';

/** The part of the Web Storage API the journal uses (localStorage in the app, a map in tests). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/**
 * The write-ahead journal for the moment a page goes away, kept in `localStorage`.
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
    const ok = value.id === id && Number.isInteger(value.baseRev) && typeof value.at === 'number' && typeof value.plan === 'object' && value.plan !== null;
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
