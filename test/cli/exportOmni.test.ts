import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePlan } from '../../src/plan';
import { referencePlan } from '../../src/plan/samples/samples';
import { fixturesDir } from '../export/omni/sharedData';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function plan(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(TSX, ['src/cli/main.ts', ...args], { cwd: ROOT, maxBuffer: 64 * 2 ** 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rackplan-omni-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('plan export / plan import-omni (CLI)', () => {
  it('plan export <plan> --to omni --out DIR writes <cluster>.omni.yaml, says the patches are valid against the Talos schema, and import-omni reads it back', async () => {
    const file = join(dir, 'reference.json');
    writeFileSync(file, writePlan(referencePlan(), 'json'));
    const [exported, missingTo, unknownTo] = await Promise.all([
      plan('export', file, '--to', 'omni', '--out', join(dir, 'out')),
      plan('export', file),
      plan('export', file, '--to', 'terraform'),
    ]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^Talos 1\.12: \d+ patches valid against the Talos 1\.12 configuration schema$/m);
    expect(readFileSync(join(dir, 'out', 'reference.omni.yaml'), 'utf8')).toMatch(/^kind: Cluster\nname: reference\n/);
    expect(missingTo.code).toBe(2);
    expect(unknownTo.code).toBe(2);
    const imported = await plan('import-omni', join(dir, 'out', 'reference.omni.yaml'), '--out', join(dir, 'back.json'));
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/12 nodes in 3 racks/);
  });

  it('plan export <plan on Talos 1.11> --to omni says there is no schema for 1.11 and which versions have one, and still exports', async () => {
    const file = join(dir, 'old-talos.json');
    const old = referencePlan();
    old.cluster.talosVersion = '1.11.5';
    writeFileSync(file, writePlan(old, 'json'));
    const exported = await plan('export', file, '--to', 'omni');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^kind: Cluster\n/);
    expect(exported.stderr).toMatch(
      /^Talos 1\.11: no configuration schema for this version \(schemas: Talos 1\.12, 1\.13 and 1\.14\); patches not checked against a schema$/m,
    );
  });

  it('plan import-omni <invalid fixture> exits 1 naming every problem; <valid fixture> prints a plan; <bad yaml> exits 1', async () => {
    const [invalid, valid, bad] = await Promise.all([
      plan('import-omni', join(fixturesDir(), 'cluster-invalid3.yaml')),
      plan('import-omni', join(fixturesDir(), 'cluster3.yaml'), '--racks', '2'),
      plan('import-omni', join(fixturesDir(), 'cluster-bad-yaml2.yaml')),
    ]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/custom name is not allowed/);
    expect(invalid.stderr).toMatch(/duplicate Workers documents named "additional-1"/);
    expect(valid.code).toBe(0);
    const p = JSON.parse(valid.stdout) as { cluster: { name: string }; nodes: unknown[]; racks: unknown[] };
    expect(p.cluster.name).toBe('my-first-cluster');
    // cluster3: 1 control plane, 1 + 2 + 1 listed workers, a class of 1 and an Unlimited class (3 assumed).
    expect(p.nodes).toHaveLength(1 + 1 + 2 + 1 + 1 + 3);
    expect(p.racks).toHaveLength(2);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/FunnyCluster/);
  });
});
