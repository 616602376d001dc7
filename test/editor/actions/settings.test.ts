import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { updateSetting } from '../../../src/editor/actions/settings';
import { emptyHistory, record, undo, type History } from '../../../src/editor/history';
import { diffPlans } from '../../../src/editor/planDiff';
import { SETTINGS_SCHEMAS, unwrapSchema, type SettingPath } from '../../../src/editor/settingSchema';
import { referencePlan } from '../../../src/plan/samples/samples';
import type { Plan } from '../../../src/plan/schema';
import { crossCheckSettings, validatePlan } from '../../../src/plan/validate';
import { validPlanArbWith } from '../../arbitraries/plan';

const plan = referencePlan();
const SECTIONS = ['cluster', 'workload', 'reliability', 'assumptions'] as const;

/** The result's plan, or a failure that shows the refusal. */
function applied(r: ReturnType<typeof updateSetting>): Plan {
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r.plan;
}

/** Applies a result as the document does: one history entry of its diff. */
function step(current: { plan: Plan; history: History }, r: ReturnType<typeof updateSetting>) {
  if (!r.ok) return current;
  return { plan: r.plan, history: record(current.history, { label: r.label, diff: diffPlans(current.plan, r.plan) }) };
}

describe('updateSetting', () => {
  it('updateSetting(plan, cluster.kubespan.enabled = true) changes only that field, sharing the rest', () => {
    const r = updateSetting(plan, { path: ['cluster', 'kubespan', 'enabled'], value: true });
    expect(r.ok && r.label).toBe('Change cluster.kubespan.enabled');
    const next = applied(r);
    expect(next.cluster.kubespan).toEqual({ ...plan.cluster.kubespan, enabled: true });
    // Untouched parts are the same objects: undo stores references, the worker sees one change.
    expect(next.cluster.etcd).toBe(plan.cluster.etcd);
    expect(next.cluster.storage).toBe(plan.cluster.storage);
    expect(next.nodes).toBe(plan.nodes);
    expect(next.workload).toBe(plan.workload);
    expect(Object.keys(diffPlans(plan, next))).toEqual(['cluster']);
  });

  it('updateSetting(plan, cluster.etcd.heartbeatMs = 0) is refused with its field path; the plan is untouched', () => {
    const before = structuredClone(plan);
    const r = updateSetting(plan, { path: ['cluster', 'etcd', 'heartbeatMs'], value: 0 });
    // etcd heartbeatMs is min(1).max(50_000): 0 is outside 1-50000.
    expect(r).toEqual({ ok: false, reason: 'cluster.etcd.heartbeatMs: must be 1-50000, got 0' });
    expect(plan).toStrictEqual(before);
  });

  it('updateSetting(plan, workload.pods = 2.5) and reliability.missionYears[0] = -1 name the field in the section', () => {
    expect(updateSetting(plan, { path: ['workload', 'pods'], value: 2.5 })).toEqual({ ok: false, reason: 'workload.pods: must be a whole number, got 2.5' });
    const r = updateSetting(plan, { path: ['reliability', 'missionYears', 0], value: -1 });
    expect(!r.ok && r.reason).toBe('reliability.missionYears[0]: must be > 0 and <= 100, got -1');
  });

  it('updateSetting(plan, unknown or non-settings paths) is refused, never thrown', () => {
    expect(updateSetting(plan, { path: ['cluster', 'etcd', 'heartbeat'], value: 1 })).toEqual({
      ok: false,
      reason: 'cluster.etcd.heartbeat: is not a known field',
    });
    expect(updateSetting(plan, { path: ['nodes', 0, 'name'], value: 'x' }).ok).toBe(false);
    // Longhorn has no pool; the path is checked against the variant the plan holds.
    expect(updateSetting(plan, { path: ['cluster', 'storage', 'pool', 'type'], value: 'erasure' })).toEqual({
      ok: false,
      reason: 'cluster.storage.pool.type: is not a known field',
    });
  });

  it('updateSetting(plan, cluster.storage.provider = ceph) switches the union and fills the Ceph defaults', () => {
    const ceph = applied(updateSetting(plan, { path: ['cluster', 'storage', 'provider'], value: 'ceph' }));
    expect(ceph.cluster.storage).toEqual({
      provider: 'ceph',
      pool: { type: 'replicated', size: 3, minSize: 2 },
      release: 'squid',
      failureDomain: 'host',
      downOutIntervalS: 600,
      mclockProfile: 'balanced',
      nearfullRatio: 0.85,
      backfillfullRatio: 0.9,
      fullRatio: 0.95,
      pgsPerOsd: 100,
    });
    // The nested pool union switches the same way; erasure has no schema default, so Ceph's k=2, m=2.
    const erasure = applied(updateSetting(ceph, { path: ['cluster', 'storage', 'pool', 'type'], value: 'erasure' }));
    expect(erasure.cluster.storage).toMatchObject({ provider: 'ceph', pool: { type: 'erasure', k: 2, m: 2 }, failureDomain: 'host' });
    expect(applied(updateSetting(plan, { path: ['cluster', 'storage', 'provider'], value: 'none' })).cluster.storage).toEqual({ provider: 'none' });
    expect(updateSetting(plan, { path: ['cluster', 'storage', 'provider'], value: 'zfs' })).toEqual({
      ok: false,
      reason: 'cluster.storage.provider: must be one of "longhorn", "ceph", "mayastor", "local-path", "none", got "zfs"',
    });
  });

  it('updateSetting(plan, workload.etcdProfile = {…}) adds the section with its defaults; undefined removes it', () => {
    const r = updateSetting(plan, {
      path: ['workload', 'etcdProfile'],
      value: { clients: 10, connections: 10, keyBytes: 8, valueBytes: 256, writeFraction: 0.5 },
    });
    expect(r.ok && r.label).toBe('Add workload.etcdProfile');
    const added = applied(r);
    expect(added.workload.etcdProfile).toEqual({
      clients: 10,
      connections: 10,
      keyBytes: 8,
      valueBytes: 256,
      writeFraction: 0.5,
      readConsistency: 'linearizable',
      target: 'leader',
      clientRttMs: 0,
    });
    const removed = updateSetting(added, { path: ['workload', 'etcdProfile'], value: undefined });
    expect(removed.ok && removed.label).toBe('Remove workload.etcdProfile');
    expect(removed.ok && 'etcdProfile' in removed.plan.workload).toBe(false);
    expect(updateSetting(plan, { path: ['workload', 'etcdProfile'], value: {} })).toEqual({
      ok: false,
      reason: 'workload.etcdProfile.clients: is required (a number)',
    });
  });

  it('updateSetting(plan, assumptions.storage.mclockRecoveryShare.balanced) overrides; clearing it drops the empty objects', () => {
    expect(plan.assumptions).toBeUndefined();
    const path: SettingPath = ['assumptions', 'storage', 'mclockRecoveryShare', 'balanced'];
    const set = applied(updateSetting(plan, { path, value: 0.6 }));
    expect(set.assumptions).toEqual({ storage: { mclockRecoveryShare: { balanced: 0.6 } } });
    const cleared = updateSetting(set, { path, value: undefined });
    expect(cleared.ok && cleared.label).toBe('Reset assumptions.storage.mclockRecoveryShare.balanced');
    expect(cleared.ok && 'assumptions' in cleared.plan).toBe(false);
    // With another override left, only the emptied branch goes.
    const two = applied(updateSetting(set, { path: ['assumptions', 'controlPlane', 'applyMs'], value: 0.1 }));
    expect(applied(updateSetting(two, { path, value: undefined })).assumptions).toEqual({ controlPlane: { applyMs: 0.1 } });
    expect(updateSetting(plan, { path: ['assumptions', 'storage', 'mclockRecoveryShare', 'balanced'], value: 1.5 })).toEqual({
      ok: false,
      reason: 'assumptions.storage.mclockRecoveryShare.balanced: must be > 0 and <= 1, got 1.5',
    });
  });

  it('updateSetting refuses an edit that breaks a check across fields (minSize <= size, election >= 5 x heartbeat); connections may be fewer than clients', () => {
    const ceph = applied(updateSetting(plan, { path: ['cluster', 'storage', 'provider'], value: 'ceph' }));
    expect(updateSetting(ceph, { path: ['cluster', 'storage', 'pool', 'minSize'], value: 4 })).toEqual({
      ok: false,
      reason: 'cluster.storage.pool.minSize: must not exceed pool.size (3), got 4',
    });
    expect(updateSetting(ceph, { path: ['cluster', 'storage', 'nearfullRatio'], value: 0.92 })).toEqual({
      ok: false,
      reason: 'cluster.storage.backfillfullRatio: ratios must rise: nearfullRatio <= backfillfullRatio <= fullRatio',
    });
    const profile = applied(
      updateSetting(plan, { path: ['workload', 'etcdProfile'], value: { clients: 10, connections: 10, keyBytes: 8, valueBytes: 256, writeFraction: 0.5 } }),
    );
    // etcd's own benchmarks run 1,000 clients over 100 connections.
    expect(updateSetting(profile, { path: ['workload', 'etcdProfile', 'connections'], value: 5 }).ok).toBe(true);
    expect(updateSetting(plan, { path: ['cluster', 'etcd', 'electionTimeoutMs'], value: 400 })).toEqual({
      ok: false,
      reason:
        'cluster.etcd.electionTimeoutMs: must be at least 5 x heartbeatMs (500 ms): etcd refuses to start otherwise (embed config check: the election timeout must be at least 5 times the heartbeat interval), got 400',
    });
    // The seeded profile a user adds from the form passes the whole-plan check.
    expect(validatePlan(profile).ok).toBe(true);
  });

  it('updateSetting then undo restores the original plan', () => {
    let doc = { plan, history: emptyHistory() };
    doc = step(doc, updateSetting(doc.plan, { path: ['cluster', 'kubespan', 'enabled'], value: true }));
    doc = step(doc, updateSetting(doc.plan, { path: ['cluster', 'storage', 'provider'], value: 'ceph' }));
    doc = step(doc, updateSetting(doc.plan, { path: ['assumptions', 'controlPlane', 'applyMs'], value: 0.2 }));
    expect(doc.history.past.map((e) => e.label)).toEqual([
      'Change cluster.kubespan.enabled',
      'Change cluster.storage.provider',
      'Change assumptions.controlPlane.applyMs',
    ]);
    let current = doc.plan;
    let history = doc.history;
    for (let u = undo(current, history); u; u = undo(current, history)) ({ plan: current, history } = u);
    expect(current).toStrictEqual(plan);
  });
});

/** Every settable path of a section's schema, following every union variant (with its tag). */
function settingPaths(schema: z.ZodType, prefix: SettingPath): SettingPath[] {
  const { inner } = unwrapSchema(schema);
  if (inner instanceof z.ZodObject) {
    return [prefix, ...Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([k, f]) => settingPaths(f, [...prefix, k]))];
  }
  if (inner instanceof z.ZodDiscriminatedUnion) {
    return [prefix, ...(inner.options as z.ZodType[]).flatMap((o) => settingPaths(o, prefix))];
  }
  if (inner instanceof z.ZodArray) return [prefix, [...prefix, 0], [...prefix, 1]];
  return [prefix];
}

const knownPaths = [
  ...new Map(
    SECTIONS.flatMap((s) => settingPaths(SETTINGS_SCHEMAS[s], [s]))
      .filter((p) => p.length > 1)
      .map((p) => [p.join('.'), p]),
  ).values(),
];
const pathArb: fc.Arbitrary<SettingPath> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...knownPaths) },
  {
    weight: 1,
    arbitrary: fc.array(
      fc.oneof(
        fc.constantFrom(...SECTIONS, 'nodes', 'etcd', '__proto__', 'constructor', 'length', 'provider'),
        fc.integer({ min: -1, max: 3 }),
        fc.string({ maxLength: 4 }),
      ),
      { maxLength: 5 },
    ),
  },
);
const valueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(undefined),
  fc.boolean(),
  fc.integer({ min: -5, max: 100_000 }),
  fc.double(),
  fc.string({ maxLength: 6 }),
  fc.constantFrom('ceph', 'longhorn', 'mayastor', 'local-path', 'none', 'replicated', 'erasure', 'cilium', 'native', 'ipv6', '1.2.3'),
  fc.array(fc.double({ min: 0, max: 200, noNaN: true }), { maxLength: 3 }),
  fc.constant(null),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);

describe('updateSetting properties', () => {
  it('updateSetting(plan, random path and value) gives a plan whose section parses, or a refusal with a field path; never throws', () => {
    fc.assert(
      fc.property(validPlanArbWith({ maxRacks: 2, maxNodesPerRack: 2 }), pathArb, valueArb, (p, path, value) => {
        const r = updateSetting(p, { path, value });
        if (!r.ok) {
          expect(r.reason).toMatch(/^\S.*: \S/);
          return;
        }
        const section = path[0] as (typeof SECTIONS)[number];
        const after = r.plan[section];
        if (section === 'assumptions' && after === undefined) return;
        expect(SETTINGS_SCHEMAS[section].safeParse(after).success).toBe(true);
        const had = new Set(crossCheckSettings(p).map((i) => i.path));
        expect(crossCheckSettings(r.plan).filter((i) => !had.has(i.path))).toEqual([]);
        // Nothing outside the section changed.
        for (const key of Object.keys(diffPlans(p, r.plan))) expect(key).toBe(section);
      }),
      { numRuns: 400 },
    );
  });

  it('any sequence of updateSetting edits, undone, returns the original plan', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...knownPaths), valueArb), { maxLength: 8 }), (edits) => {
        let doc = { plan, history: emptyHistory() };
        for (const [path, value] of edits) doc = step(doc, updateSetting(doc.plan, { path, value }));
        let current = doc.plan;
        let history = doc.history;
        for (let u = undo(current, history); u; u = undo(current, history)) ({ plan: current, history } = u);
        expect(current).toStrictEqual(plan);
      }),
      { numRuns: 200 },
    );
  });
});
