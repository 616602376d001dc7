import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { COMMANDS } from '../../src/cli/registry';
import { runCli } from '../../src/cli/run';

async function plan(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runCli(args, COMMANDS, {
    out: (t) => {
      out += t;
    },
    err: () => {},
  });
  return { code, out };
}

describe('plan drill --litmus', () => {
  it('plan drill reference.json --fail rack:r1 --litmus prints 4 node-drain ChaosEngines as YAML; --json as data', async () => {
    const r = await plan('drill', 'public/examples/reference.json', '--fail', 'rack:r1', '--litmus');
    expect(r.code).toBe(0);
    const docs = YAML.parseAllDocuments(r.out)
      .map((d) => d.toJS() as { kind?: string; spec?: { experiments: { name: string }[] } })
      .filter((d) => d?.kind);
    expect(docs.map((d) => d.spec?.experiments[0].name)).toEqual(['node-drain', 'node-drain', 'node-drain', 'node-drain']);
    const j = await plan('drill', 'public/examples/reference.json', '--fail', 'rack:r1', '--litmus', '--json');
    expect((JSON.parse(j.out) as { engines: unknown[] }).engines).toHaveLength(4);
  });

  it('plan drill <file> --chaos-mesh --litmus exits 2 asking to choose one, instead of printing only one of them', async () => {
    let err = '';
    const code = await runCli(['drill', 'public/examples/reference.json', '--fail', 'rack:r1', '--chaos-mesh', '--litmus'], COMMANDS, {
      out: () => {},
      err: (t) => {
        err += t;
      },
    });
    expect(code).toBe(2);
    expect(err).toContain('choose one');
  });
});
