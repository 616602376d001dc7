import { describe, expect, it } from 'vitest';
import { DEFAULTS, formatIssue, formatOf, readPlan, writePlan } from '../../src/plan';
import { referencePlan } from '../../src/plan/samples/samples';

const MiB = 2 ** 20;

describe('readPlan limits', () => {
  it('readPlan(20 MiB + 1 byte) is refused as (file) before parsing, rounding up to 20.1 MiB', () => {
    expect(DEFAULTS.limits.maxFileBytes).toBe(20 * MiB);
    const result = readPlan(' '.repeat(20 * MiB + 1), 'json');
    expect(result.issues.map(formatIssue)).toEqual(['(file): is 20.1 MiB; plans may be at most 20 MiB']);
  });

  it('readPlan(text) counts UTF-8 bytes, not characters: (10 MiB + 1) x "é" is 20 MiB + 2 bytes', () => {
    const result = readPlan('é'.repeat(10 * MiB + 1), 'yaml');
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0].path).toBe('(file)');
    expect(result.issues[0].message).toMatch(/^is 20\.1 MiB/);
  });

  it('readPlan(exactly 20 MiB) passes the size check and fails on syntax instead', () => {
    const result = readPlan(`{${' '.repeat(20 * MiB - 1)}`, 'json');
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0].path).toBe('(file)');
    expect(result.issues[0].message).toMatch(/^is not valid JSON/);
  });

  it('readPlan(plan with 10,000 + 1 nodes) is refused naming `nodes`, in JSON and YAML', () => {
    const count = DEFAULTS.limits.maxNodes + 1;
    const json = `{"version": 1, "nodes": [${Array.from({ length: count }, () => '{}').join(',')}]}`;
    const yaml = `version: 1\nnodes:\n${'  - {}\n'.repeat(count)}`;
    for (const [text, format] of [
      [json, 'json'],
      [yaml, 'yaml'],
    ] as const) {
      expect(readPlan(text, format).issues.map(formatIssue)).toEqual(['nodes: has 10001 nodes; plans may have at most 10000']);
    }
  });
});

describe('readPlan syntax errors', () => {
  it('readPlan(truncated JSON) reports (file) and does not throw', () => {
    const text = writePlan(referencePlan(), 'json');
    const result = readPlan(text.slice(0, text.length / 2), 'json');
    expect(result.ok).toBe(false);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0].path).toBe('(file)');
    expect(result.issues[0].message).toMatch(/^is not valid JSON at (line \d+, column \d+|the end \(line \d+\)[^:]*): /);
    expect(result.issues[0].message).not.toContain('\n');
  });

  it('readPlan(broken YAML) reports (file) and does not throw: unclosed flow list, duplicate key, bad indent', () => {
    for (const text of ['version: 1\nsites: [1, 2\n', 'version: 1\nversion: 1\n', 'a:\n  b: 1\n c: 2\n']) {
      const result = readPlan(text, 'yaml');
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0].path).toBe('(file)');
      expect(result.issues[0].message).toMatch(/^is not valid YAML at line \d+, column \d+: /);
    }
  });

  it('readPlan(YAML alias bomb) is refused at the key whose aliases expand past the limit, instead of expanding 9^9 strings', () => {
    const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i <= 8; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(',')}]`);
    const result = readPlan(lines.join('\n'), 'yaml');
    // 9^7 = 4,782,969 strings pass the 4,000,000-value limit inside a6.
    expect(result.issues).toEqual([{ path: 'a6', message: 'expands through YAML aliases to more than 4,000,000 values; a plan never needs that many' }]);
  });

  it("readPlan('', 'json') is a syntax error; readPlan('', 'yaml') is an empty document, not a plan", () => {
    expect(readPlan('', 'json').issues[0].path).toBe('(file)');
    expect(readPlan('', 'yaml').issues.map(formatIssue)).toEqual(['(plan): must be an object with "version": 1']);
  });
});

describe('writePlan', () => {
  it("writePlan(p, 'json') is two-space JSON ending in a newline", () => {
    const text = writePlan(referencePlan(), 'json');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "version": 1,');
  });

  it("writePlan(p, 'yaml') writes shared objects twice instead of as YAML anchors and aliases", () => {
    const plan = referencePlan();
    const shared = { 'topology.kubernetes.io/zone': 'r1' };
    plan.nodes[0].labels = shared;
    plan.nodes[1].labels = shared;
    const text = writePlan(plan, 'yaml');
    expect(text).not.toMatch(/[&*]a\d/);
    const back = readPlan(text, 'yaml');
    expect(back.ok && back.plan.nodes[1].labels).toEqual(shared);
  });
});

describe('formatOf', () => {
  it('formatOf(name) trusts .json, .yaml and .yml in any case', () => {
    expect(formatOf('plan.json', 'a: 1')).toBe('json');
    expect(formatOf('plan.yaml', '{}')).toBe('yaml');
    expect(formatOf('PLAN.YML', '{}')).toBe('yaml');
  });

  it('formatOf(other name or none, text) sniffs: { or [ after blanks is JSON, anything else YAML', () => {
    expect(formatOf(undefined, '  \n{"version": 1}')).toBe('json');
    expect(formatOf('plan.txt', '[1]')).toBe('json');
    expect(formatOf(undefined, 'version: 1')).toBe('yaml');
    expect(formatOf('plan', '')).toBe('yaml');
  });
});
