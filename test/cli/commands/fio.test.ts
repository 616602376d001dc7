import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const FIXTURE = join(ROOT, 'test/plan/fixtures/fio-fdatasync.json');

function plan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(TSX, ['src/cli/main.ts', ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

describe('plan fio', () => {
  it('plan fio <real fio JSON> prints fsync p50/p99 and the measured block; --json prints only the block; a non-fio file exits 2', async () => {
    const [text, json, wrong] = await Promise.all([plan('fio', FIXTURE), plan('fio', FIXTURE, '--json'), plan('fio', join(ROOT, 'package.json'))]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^fsync p50 0\.518 ms, p99 20\.840 ms/);
    expect(text.stdout).toContain('hardware[].disks[].measured');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ fsyncP50Ms: 0.518144, fsyncP99Ms: 20.840448 });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('no "jobs" list');
  });
});
