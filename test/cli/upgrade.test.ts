import { describe, expect, it } from 'vitest';
import { machinesText } from '../../src/cli/commands/upgrade';
import { COMMANDS } from '../../src/cli/registry';
import { runCli } from '../../src/cli/run';

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

describe('plan upgrade', () => {
  it('plan upgrade reference.json exits 0: 12 machines one at a time, 12 × 300 s = 60 min', async () => {
    const r = await plan('upgrade', 'public/examples/reference.json');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ok {6}1 {2}controlplane cp-01; etcd 2\/3/);
    expect(r.out).toMatch(/Duration: 60 min \(12 steps × 300 s\)/);
    expect(r.out).toMatch(/^OK: safe/m);
  });

  it('plan upgrade anti-patterns.json exits 1 naming step 1 and the lost quorum; --json carries every step', async () => {
    const r = await plan('upgrade', 'public/examples/anti-patterns.json');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/FAIL: unsafe at step 1 of \d+ \(controlplane cp-01\): etcd loses quorum/);
    const j = await plan('upgrade', 'public/examples/anti-patterns.json', '--json');
    expect(j.code).toBe(1);
    const parsed = JSON.parse(j.out) as { safe: boolean; steps: unknown[]; durationS: number };
    expect(parsed.safe).toBe(false);
    expect(parsed.durationS).toBe(parsed.steps.length * 300);
  });

  it('plan upgrade with an unknown flag is a usage error (exit 2)', async () => {
    expect((await plan('upgrade', 'public/examples/reference.json', '--nope')).code).toBe(2);
  });

  it('machinesText(ids) lists up to three machines and shortens longer batches to first … last (count)', () => {
    expect(machinesText(['a', 'b'])).toBe('a, b');
    expect(machinesText(['w1', 'w2', 'w3', 'w4'])).toBe('w1 … w4 (4 machines)');
  });
});
