import { NO_CHANGE } from '../editor/changeSummary';
import { planJson } from '../plan/planJson';
import type { Plan } from '../plan/schema';
import { browserStorage, ExitJournal, newestPerPlan, type JournalEntry } from './exitJournal';

export type { JournalEntry } from './exitJournal';

/** A plan kept in the browser, with what the plan list shows. */
export interface StoredPlan {
  id: string;
  name: string;
  updatedAt: number;
  plan: Plan;
  /** Bumped on every save; a tab that saves from an older `rev` has missed another tab's save. */
  rev: number;
  /** Where the plan first came from ("enterprise.json", "shared link"), shown in the plan list. */
  source?: string;
  /** The token of the save that stored this rev (see `JournalEntry.inFlightToken`). */
  token?: string;
}

export type StoredPlanInfo = Omit<StoredPlan, 'plan'>;

/** One saved version of a plan, newest first in listings. */
export interface PlanVersionInfo {
  key: number;
  planId: string;
  savedAt: number;
  rev: number;
  /** One line on what changed since the version before it. */
  summary: string;
}

/**
 * A plan as IndexedDB holds it: the plan as JSON text. Cloning a 5,000-node object graph into
 * IndexedDB blocked Chromium's main thread for ~50 ms per save; stringifying is several times
 * faster and the string itself clones in about a millisecond. Older records hold `plan` itself.
 */
interface PlanRecord extends Omit<StoredPlanInfo, 'rev'> {
  rev?: number;
  json?: string;
  plan?: Plan;
}

interface VersionRecord extends Omit<PlanVersionInfo, 'key'> {
  key?: number;
  json: string;
}

/** What a checked save found: saved as `rev`, or another tab saved `theirs` first. */
export type SaveOutcome = { ok: true; rev: number } | { ok: false; theirs: StoredPlan };

/**
 * Versions kept per plan: at most this many, and fewer for big plans so that a 5,000-node plan
 * (about 2.5 MB of JSON a version) keeps its history within ~40 MB of browser storage.
 */
export const MAX_VERSIONS = 30;
const VERSION_BUDGET_CHARS = 40_000_000;

export function versionsToKeep(jsonChars: number): number {
  return Math.max(5, Math.min(MAX_VERSIONS, Math.floor(VERSION_BUDGET_CHARS / Math.max(1, jsonChars))));
}

function fromRecord(record: PlanRecord | undefined): StoredPlan | undefined {
  if (!record) return undefined;
  const plan = record.json !== undefined ? (JSON.parse(record.json) as Plan) : record.plan;
  return plan
    ? { id: record.id, name: record.name, updatedAt: record.updatedAt, rev: record.rev ?? 0, source: record.source, token: record.token, plan }
    : undefined;
}

const DB_NAME = 'rackplan';
/** Largest plan (JSON characters) journalled at every save: localStorage holds about 5 M characters per origin, shared by every plan's journal. */
const JOURNAL_MAX_CHARS = 2_000_000;
const DB_VERSION = 2;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function completion(t: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    t.oncomplete = () => resolve();
    t.onabort = () => reject(t.error ?? new Error('IndexedDB transaction aborted'));
    t.onerror = () => reject(t.error ?? new Error('IndexedDB transaction failed'));
  });
}

/**
 * Named plans in IndexedDB: `plans` holds each plan with its metadata, `versions` its recent
 * saved versions, `meta` remembers which plan was open. Plans are stored as JSON text (see
 * PlanRecord), so saving a 5,000-node plan never blocks the page.
 */
export class PlanStore {
  private db: Promise<IDBDatabase>;
  private exitJournal = new ExitJournal(browserStorage());

  constructor(name = DB_NAME) {
    this.db = new Promise((resolve, reject) => {
      const open = indexedDB.open(name, DB_VERSION);
      open.onupgradeneeded = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('plans')) db.createObjectStore('plans', { keyPath: 'id' });
        if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
        if (!db.objectStoreNames.contains('versions')) {
          db.createObjectStore('versions', { keyPath: 'key', autoIncrement: true }).createIndex('planId', 'planId');
        }
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('cannot open IndexedDB'));
    });
  }

  private async tx(stores: string[], mode: IDBTransactionMode): Promise<IDBTransaction> {
    return (await this.db).transaction(stores, mode);
  }

  async list(): Promise<StoredPlanInfo[]> {
    const t = await this.tx(['plans'], 'readonly');
    const all = await request(t.objectStore('plans').getAll() as IDBRequest<PlanRecord[]>);
    return all
      .map(({ id, name, updatedAt, rev, source, token }) => ({ id, name, updatedAt, rev: rev ?? 0, source, token }))
      .sort((a, b) => b.updatedAt - a.updatedAt);
  }

  async get(id: string): Promise<StoredPlan | undefined> {
    const t = await this.tx(['plans'], 'readonly');
    return fromRecord(await request(t.objectStore('plans').get(id) as IDBRequest<PlanRecord | undefined>));
  }

  /**
   * Saves a plan if the stored one is still at `baseRev` (the rev this tab last loaded or saved),
   * and records the save as a version. Read, compare and write run in one transaction, so two
   * tabs saving at once cannot both pass the check. `baseRev` null saves unconditionally.
   */
  async save(
    plan: Plan,
    meta: { id: string; baseRev: number | null; summary: string; source?: string; token?: string; journalBaseRev?: number },
  ): Promise<SaveOutcome> {
    const json = planJson(plan);
    // Journal the state being saved before the first await: if the browser goes before this
    // transaction commits (closing it right after an edit; no pagehide runs when the browser
    // itself is shut down), the next start replays it (see journalVerdict). Plans too big for
    // the journal's share of localStorage rely on the save and the pagehide journal.
    if (meta.journalBaseRev !== undefined && meta.token !== undefined && json.length <= JOURNAL_MAX_CHARS) {
      this.exitJournal.writeSerialised({ id: meta.id, baseRev: meta.journalBaseRev, inFlightToken: meta.token, at: Date.now() }, json);
    }
    const t = await this.tx(['plans', 'versions', 'meta'], 'readwrite');
    const done = completion(t);
    const plans = t.objectStore('plans');
    const existing = await request(plans.get(meta.id) as IDBRequest<PlanRecord | undefined>);
    const storedRev = existing?.rev ?? 0;
    if (existing && meta.baseRev !== null && storedRev !== meta.baseRev) {
      t.abort();
      await done.catch(() => undefined);
      return { ok: false, theirs: fromRecord(existing)! };
    }
    const rev = storedRev + 1;
    const savedAt = Date.now();
    plans.put({ id: meta.id, name: plan.name, updatedAt: savedAt, rev, source: meta.source ?? existing?.source, token: meta.token, json } satisfies PlanRecord);
    t.objectStore('meta').put(meta.id, 'current');
    const versions = t.objectStore('versions');
    // A save that changed nothing (the same plan stored again) is not a version worth listing.
    if (meta.summary === NO_CHANGE) {
      await done;
      return { ok: true, rev };
    }
    versions.add({ planId: meta.id, savedAt, rev, summary: meta.summary, json } satisfies VersionRecord);
    // Drop the oldest versions beyond what this plan's size allows (keys grow with time).
    const keys = await request(versions.index('planId').getAllKeys(meta.id) as IDBRequest<number[]>);
    const keep = versionsToKeep(json.length);
    for (const key of keys.sort((a, b) => a - b).slice(0, Math.max(0, keys.length + 1 - keep))) versions.delete(key);
    await done;
    return { ok: true, rev };
  }

  /** Renames a stored plan that is not open here, as a save of its own. */
  async rename(id: string, name: string): Promise<void> {
    const stored = await this.get(id);
    if (stored) await this.save({ ...stored.plan, name }, { id, baseRev: stored.rev, summary: `Renamed to "${name}"` });
  }

  async versions(planId: string): Promise<PlanVersionInfo[]> {
    const t = await this.tx(['versions'], 'readonly');
    const all = await request(t.objectStore('versions').index('planId').getAll(planId) as IDBRequest<VersionRecord[]>);
    return all.map(({ key, planId: id, savedAt, rev, summary }) => ({ key: key!, planId: id, savedAt, rev, summary })).sort((a, b) => b.key - a.key);
  }

  async version(key: number): Promise<Plan | undefined> {
    const t = await this.tx(['versions'], 'readonly');
    const record = await request(t.objectStore('versions').get(key) as IDBRequest<VersionRecord | undefined>);
    return record ? (JSON.parse(record.json) as Plan) : undefined;
  }

  async delete(id: string): Promise<void> {
    const t = await this.tx(['plans', 'versions'], 'readwrite');
    const done = completion(t);
    t.objectStore('plans').delete(id);
    const versions = t.objectStore('versions');
    for (const key of await request(versions.index('planId').getAllKeys(id))) versions.delete(key);
    await done;
  }

  /**
   * Writes the open plan's unsaved state as one blind write, for the moment the page goes away: a
   * checked save reads before it writes, and a page being closed does not live to issue the
   * write. The write goes to `localStorage` before this returns (see ExitJournal: an IndexedDB
   * put from `pagehide` can be lost when the browser shuts down); a plan too big for it goes to
   * IndexedDB. The next start reconciles it (see takeJournal).
   */
  async journal(entry: JournalEntry): Promise<void> {
    if (this.exitJournal.write(entry)) return;
    const t = await this.tx(['meta'], 'readwrite');
    t.objectStore('meta').put({ ...entry, json: JSON.stringify(entry.plan), plan: undefined }, `journal:${entry.id}`);
  }

  /** Drops plan `id`'s journal entry once a checked save has stored the same or newer state. */
  async clearJournal(id: string): Promise<void> {
    this.exitJournal.clear(id);
    const t = await this.tx(['meta'], 'readwrite');
    t.objectStore('meta').delete(`journal:${id}`);
  }

  /** Every journal entry left by a page that closed before its last save (the newest per plan), removed as read. */
  async takeJournal(): Promise<JournalEntry[]> {
    const quick = this.exitJournal.take();
    const t = await this.tx(['meta'], 'readwrite');
    const meta = t.objectStore('meta');
    const range = IDBKeyRange.bound('journal:', 'journal:\uffff');
    const records = await request(meta.getAll(range) as IDBRequest<(Omit<JournalEntry, 'plan'> & { json: string })[]>);
    meta.delete(range);
    return newestPerPlan([...quick, ...records.map(({ json, ...rest }) => ({ ...rest, plan: JSON.parse(json) as Plan }))]);
  }

  async currentId(): Promise<string | undefined> {
    const t = await this.tx(['meta'], 'readonly');
    return request(t.objectStore('meta').get('current') as IDBRequest<string | undefined>);
  }

  async setCurrentId(id: string): Promise<void> {
    const t = await this.tx(['meta'], 'readwrite');
    await request(t.objectStore('meta').put(id, 'current'));
  }
}
