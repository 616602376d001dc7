import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/cli/registry';
import { runCli } from '../../../src/cli/run';

const REFERENCE = fileURLToPath(new URL('../../../public/examples/reference.json', import.meta.url));

async function plan(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, COMMANDS, {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
  });
  return { code, out, err };
}

describe('plan reliability <file> [--years N] [--trials N] [--seed S] [--json]', () => {
  it('prints quorum, API, nines, data loss and capacity figures, each saying Monte Carlo or exact', async () => {
    const r = await plan('reliability', REFERENCE, '--trials', '600', '--years', '3');
    expect(r.code).toBe(0);
    expect(r.out).toContain('P(quorum lost within 1 y)');
    expect(r.out).toContain('P(quorum lost within 3 y)');
    expect(r.out).toMatch(/P\(any data lost within 3 y\): .*\(exact Markov\)/);
    expect(r.out).toMatch(/hours per year without the API: .*(Monte Carlo|exact Markov)/);
    expect(r.out).toMatch(/P\(short within 1 y\): .*Monte Carlo/);
    expect(r.out).toContain('Simulated 600 missions of 3 years');
  });
  it('--json gives the same figures for the same seed, and other figures for another seed', async () => {
    const a = JSON.parse((await plan('reliability', REFERENCE, '--trials', '300', '--seed', '5', '--json')).out);
    const b = JSON.parse((await plan('reliability', REFERENCE, '--trials', '300', '--seed', '5', '--json')).out);
    const c = JSON.parse((await plan('reliability', REFERENCE, '--trials', '300', '--seed', '6', '--json')).out);
    expect(b).toEqual(a);
    expect(c.figures.events).not.toBe(a.figures.events);
    expect(a.figures.trials).toBe(300);
  });
  it('--trials 0 and --seed x exit 2 naming the flag', async () => {
    const r = await plan('reliability', REFERENCE, '--trials', '0');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--trials');
    expect((await plan('reliability', REFERENCE, '--seed', 'x')).err).toContain('--seed');
  });
});
