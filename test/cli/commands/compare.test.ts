import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { COMMANDS } from '../../../src/cli/registry';
import { writePlan } from '../../../src/plan';
import { referencePlan } from '../../../src/plan/samples/samples';
import { compareHeadlines, planChanges } from '../../../src/models/headline/comparePlans';
import type { HeadlineFigure } from '../../../src/models/headline/headline';

const dir = mkdtempSync(join(tmpdir(), 'rackplan-compare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, COMMANDS, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

function twoPlans() {
  const a = referencePlan();
  const b = structuredClone(a);
  b.nodes[0] = { ...b.nodes[0], positionU: 20 };
  const removed = b.nodes.pop()!;
  b.cluster.kubespan.enabled = !a.cluster.kubespan.enabled;
  const fa = join(dir, 'a.json');
  const fb = join(dir, 'b.json');
  writeFileSync(fa, writePlan(a, 'json'));
  writeFileSync(fb, writePlan(b, 'json'));
  return { a, b, fa, fb, removed };
}

describe('plan compare', () => {
  it('plan compare a.json b.json --json lists every headline figure and the moved, removed and changed parts', async () => {
    const { a, fa, fb, removed } = twoPlans();
    const { code, out } = await cli('compare', fa, fb, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.figures.map((f: { id: string }) => f.id)).toEqual(expect.arrayContaining(['etcd-quorum', 'write-p99', 'power-n1', 'kubespan']));
    expect(json.changes.removed).toEqual([removed.id]);
    expect(json.changes.moved).toEqual([`${a.nodes[0].id}: ${a.nodes[0].rackId} U${a.nodes[0].positionU} → ${a.nodes[0].rackId} U20`]);
    expect(json.changes.settings).toEqual([`cluster.kubespan.enabled: ${a.cluster.kubespan.enabled} → ${!a.cluster.kubespan.enabled}`]);
  });

  it('plan compare a.json a.json says the plans are the same; a missing argument exits 2', async () => {
    const { fa } = twoPlans();
    const same = await cli('compare', fa, fa);
    expect(same.code).toBe(0);
    expect(same.out).toContain('The plans are the same.');
    expect((await cli('compare', fa)).code).toBe(2);
  });
});

describe('compareHeadlines', () => {
  const f = (value: number, verdict: HeadlineFigure['verdict']): HeadlineFigure => ({
    id: 'write-p99',
    label: 'Write latency p99',
    text: `${value} ms`,
    value,
    unit: 'ms',
    verdict,
    word: '',
    why: '',
    better: 'lower',
    panel: 'control-plane',
  });

  it('compareHeadlines(a, b) prefers the better verdict, then the better direction of the value', () => {
    expect(compareHeadlines([f(10, 'ok')], [f(5, 'bad')])[0].better).toBe('a');
    expect(compareHeadlines([f(10, 'ok')], [f(5, 'ok')])[0]).toMatchObject({ better: 'b', difference: '−5 ms' });
    expect(compareHeadlines([f(5, 'ok')], [f(5, 'ok')])[0].better).toBe('same');
  });

  it('planChanges(p, p) finds nothing', () => {
    const p = referencePlan();
    expect(planChanges(p, structuredClone(p))).toEqual({ added: [], removed: [], moved: [], changedNodes: [], settings: [] });
  });
});
