import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ExitJournal, journalVerdict, newestPerPlan, type JournalEntry, type KeyValueStorage, type StoredState } from '../../src/state/exitJournal';
import type { Plan } from '../../src/plan/schema';

/** An in-memory Web Storage; `quotaChars` makes setItem throw like a full localStorage. */
function memoryStorage(quotaChars = Infinity): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      const used = [...map].reduce((n, [key, value]) => n + (key === k ? 0 : key.length + value.length), 0);
      if (used + k.length + v.length > quotaChars) throw new DOMException('full', 'QuotaExceededError');
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
  };
}

const entry = (id: string, at: number, name = `plan ${id} at ${at}`): JournalEntry => ({ id, baseRev: 3, at, plan: { name } as unknown as Plan });

describe('ExitJournal', () => {
  it('write(entry) then take() returns the entry once and leaves the storage without journal keys', () => {
    const storage = memoryStorage();
    storage.setItem('other-app-key', 'kept');
    const journal = new ExitJournal(storage);
    expect(journal.write(entry('a', 1))).toBe(true);
    expect(journal.take()).toEqual([entry('a', 1)]);
    expect(journal.take()).toEqual([]);
    expect([...storage.map.keys()]).toEqual(['other-app-key']);
  });

  it('write(entry) on a full storage returns false and leaves no partial entry (the caller falls back to IndexedDB)', () => {
    const storage = memoryStorage(50);
    const journal = new ExitJournal(storage);
    expect(journal.write(entry('a', 1, 'x'.repeat(100)))).toBe(false);
    expect(journal.take()).toEqual([]);
  });

  it('write(entry) with no storage (a sandboxed frame) returns false', () => {
    expect(new ExitJournal(null).write(entry('a', 1))).toBe(false);
    expect(new ExitJournal(null).take()).toEqual([]);
  });

  it('clear(id) drops only that plan’s entry', () => {
    const journal = new ExitJournal(memoryStorage());
    journal.write(entry('a', 1));
    journal.write(entry('b', 2));
    journal.clear('a');
    expect(journal.take()).toEqual([entry('b', 2)]);
  });

  it('take() drops an entry that does not parse or names another plan instead of replaying it', () => {
    const storage = memoryStorage();
    storage.setItem('rackplan.journal:a', '{not json');
    storage.setItem('rackplan.journal:b', JSON.stringify(entry('c', 1)));
    storage.setItem('rackplan.journal:d', JSON.stringify({ ...entry('d', 1), baseRev: 'x' }));
    storage.setItem('rackplan.journal:e', JSON.stringify({ ...entry('e', 1), inFlightToken: 7 }));
    expect(new ExitJournal(storage).take()).toEqual([]);
    expect(storage.length).toBe(0);
  });

  it('after any sequence of writes and clears, take() holds the last write of each plan not cleared since', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('write' as const), id: fc.constantFrom('a', 'b', 'c'), at: fc.nat(1000) }),
      fc.record({ kind: fc.constant('clear' as const), id: fc.constantFrom('a', 'b', 'c') }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const journal = new ExitJournal(memoryStorage());
        const expected = new Map<string, JournalEntry>();
        for (const o of ops) {
          if (o.kind === 'write') {
            journal.write(entry(o.id, o.at));
            expected.set(o.id, entry(o.id, o.at));
          } else {
            journal.clear(o.id);
            expected.delete(o.id);
          }
        }
        const byId = (xs: JournalEntry[]) => [...xs].sort((x, y) => x.id.localeCompare(y.id));
        expect(byId(journal.take())).toEqual(byId([...expected.values()]));
      }),
    );
  });
});

describe('newestPerPlan', () => {
  it('newestPerPlan(entries) keeps, per plan id, the entry written last', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.constantFrom('a', 'b'), at: fc.nat(100) })), (xs) => {
        const kept = newestPerPlan(xs.map((x) => entry(x.id, x.at)));
        expect(new Set(kept.map((e) => e.id)).size).toBe(kept.length);
        for (const e of kept) expect(e.at).toBe(Math.max(...xs.filter((x) => x.id === e.id).map((x) => x.at)));
      }),
    );
  });
});

describe('journalVerdict', () => {
  const plan = (name: string) => ({ name }) as unknown as Plan;
  const same = (a: Plan, b: Plan) => a.name === b.name;
  const closed: JournalEntry = { id: 'p', baseRev: 3, inFlightToken: 'mine', plan: plan('Closed at once'), at: 1 };

  it('write(entry with inFlightToken) then take() keeps the token', () => {
    const journal = new ExitJournal(memoryStorage());
    journal.write(closed);
    expect(journal.take()).toEqual([closed]);
  });

  it('writeSerialised(entry, planJson) then take() returns the same entry as write(entry)', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(50), fc.option(fc.uuid(), { nil: undefined }), fc.nat(), (name, baseRev, token, at) => {
        const e: JournalEntry = { id: 'p', baseRev, inFlightToken: token, plan: plan(name), at };
        const journal = new ExitJournal(memoryStorage());
        const { plan: p, ...rest } = e;
        expect(journal.writeSerialised(rest, JSON.stringify(p))).toBe(true);
        expect(journal.take()).toEqual([JSON.parse(JSON.stringify(e))]);
      }),
    );
  });

  it("journalVerdict(entry, stored) saves the entry as the next version whether or not this tab's save in flight committed", () => {
    // The browser went before IndexedDB committed the save: the store still holds rev 3.
    expect(journalVerdict(closed, { rev: 3, plan: plan('Reference cluster') }, same)).toBe('next-version');
    // It committed (rev 4, this tab's token) with an older state than the entry's.
    expect(journalVerdict(closed, { rev: 4, token: 'mine', plan: plan('Closed') }, same)).toBe('next-version');
  });

  it('journalVerdict(entry, stored) forks when another tab saved, skips a plan already stored, saves when nothing is stored', () => {
    expect(journalVerdict(closed, { rev: 4, token: 'theirs', plan: plan('Other tab') }, same)).toBe('fork');
    expect(journalVerdict(closed, { rev: 5, token: 'theirs', plan: plan('Other tab') }, same)).toBe('fork');
    expect(journalVerdict({ ...closed, inFlightToken: undefined }, { rev: 4, plan: plan('Other tab') }, same)).toBe('fork');
    expect(journalVerdict(closed, { rev: 9, token: 'theirs', plan: plan('Closed at once') }, same)).toBe('skip');
    expect(journalVerdict(closed, undefined, same)).toBe('next-version');
  });

  it("journalVerdict(entry, stored) forks exactly when another tab saved after this tab's last known rev", () => {
    // A tab knows rev r and may have a save in flight; at close the save commits or not, and then
    // other tabs save k times. Only k = 0 leaves the plan as this tab last knew it.
    fc.assert(
      fc.property(fc.nat(20), fc.boolean(), fc.boolean(), fc.nat(3), (r, inFlight, committed, k) => {
        const entry: JournalEntry = { id: 'p', baseRev: r, inFlightToken: inFlight ? 'mine' : undefined, plan: plan('edited'), at: 1 };
        let stored: StoredState = { rev: r, token: 'earlier', plan: plan('base') };
        if (inFlight && committed) stored = { rev: stored.rev + 1, token: 'mine', plan: plan('in flight') };
        for (let i = 0; i < k; i++) stored = { rev: stored.rev + 1, token: `theirs-${i}`, plan: plan(`theirs ${i}`) };
        expect(journalVerdict(entry, stored, same)).toBe(k === 0 ? 'next-version' : 'fork');
      }),
    );
  });
});
