import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { COMMANDS } from '../../src/cli/registry';

/** Runs `plan …args` in-process and collects its output. */
async function plan(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, COMMANDS, {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
  });
  return { code, out, err };
}

describe('plan drill / plan sweep', () => {
  it('plan sweep anti-patterns.json exits 1 naming rack r1 (quorum) and feed r5/A (its twin over capacity)', async () => {
    const r = await plan('sweep', 'public/examples/anti-patterns.json', '--top', '12');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/rack:r1: quorum lost/);
    expect(r.out).toMatch(/feed:r5\/A: power over capacity.*feed r5\/B over capacity/);
    expect(r.out).toMatch(/FAIL: .*rack:r1/);
  });

  it('plan sweep reference.json exits 0; --json carries the summary and every row', async () => {
    const r = await plan('sweep', 'public/examples/reference.json', '--json');
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.out) as { summary: { gateFailures: string[]; scenarios: number }; rows: unknown[] };
    expect(parsed.summary.gateFailures).toEqual([]);
    expect(parsed.rows).toHaveLength(parsed.summary.scenarios);
  });

  it('plan drill reference.json --fail rack:r1 prints the health and the timeline; --fail rack:R9 is a usage error', async () => {
    const ok = await plan('drill', 'public/examples/reference.json', '--fail', 'rack:r1');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/etcd quorum held: 2 of 3 members up/);
    expect(ok.out).toMatch(/t\+ +50 s {2}4 node\(s\) NotReady/);
    const bad = await plan('drill', 'public/examples/reference.json', '--fail', 'rack:R9');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/no rack "R9"/);
    const malformed = await plan('drill', 'public/examples/reference.json', '--fail', 'rack');
    expect(malformed.code).toBe(2);
  });

  it('plan drill --chaos-mesh prints a PodChaos selecting the rack by zone', async () => {
    const r = await plan('drill', 'public/examples/reference.json', '--fail', 'rack:r1', '--chaos-mesh');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/kind: PodChaos/);
    expect(r.out).toMatch(/topology.kubernetes.io\/zone: r1/);
  });
});
