import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readPlan, writePlan, type PlanFormat } from '../../src/plan/io';
import { SAMPLES } from '../../src/plan/samples/samples';

/**
 * Damaged copies of every sample plan, in JSON and YAML: cut at any character, a key line given
 * twice, a value given an unknown tag, a key renamed to "__proto__". Each must read back as the
 * plan that was meant, or as the plan with every default it filled listed, or as an error
 * naming a place (a field path, or the file with a line). Never as a silently different plan.
 */
const texts = Object.entries(SAMPLES).flatMap(([file, build]) => {
  const plan = build();
  return (['json', 'yaml'] as PlanFormat[]).map((format) => ({ file, format, plan, text: writePlan(plan, format), big: plan.nodes.length > 1000 }));
});
const small = texts.filter((t) => !t.big);
const big = texts.filter((t) => t.big);

type Mutation = (text: string, format: PlanFormat, at: number) => string;

const keyLine = (format: PlanFormat) => (format === 'json' ? /^\s*"[^"]+":/ : /^\s*(- )?[A-Za-z_][\w./-]*:/);
const lineAt = (lines: string[], at: number, ok: (line: string) => boolean): number => {
  for (let k = 0; k < lines.length; k++) {
    const i = (at + k) % lines.length;
    if (ok(lines[i])) return i;
  }
  return -1;
};

const MUTATIONS: Record<string, Mutation> = {
  truncate: (text, _format, at) => text.slice(0, at % (text.length + 1)),
  duplicateKeyLine: (text, format, at) => {
    const lines = text.split('\n');
    const i = lineAt(lines, at, (l) => keyLine(format).test(l));
    lines.splice(i, 0, lines[i]);
    return lines.join('\n');
  },
  unknownTag: (text, format, at) => {
    const lines = text.split('\n');
    const i = lineAt(lines, at, (l) => (format === 'json' ? /":\s*\S/.test(l) : /:\s+[^\s&*!|>-]/.test(l) && !l.trimStart().startsWith('#')));
    lines[i] = format === 'json' ? lines[i].replace(/":\s*/, '": !tag ') : lines[i].replace(/:\s+/, ': !unknown ');
    return lines.join('\n');
  },
  protoKey: (text, format, at) => {
    const lines = text.split('\n');
    const i = lineAt(lines, at, (l) => keyLine(format).test(l));
    lines[i] = format === 'json' ? lines[i].replace(/"[^"]+":/, '"__proto__":') : lines[i].replace(/[A-Za-z_][\w./-]*:/, '__proto__:');
    return lines.join('\n');
  },
};

function check(sample: (typeof texts)[number], mutation: string, at: number): void {
  const damaged = MUTATIONS[mutation](sample.text, sample.format, at);
  const result = readPlan(damaged, sample.format);
  if (result.ok) {
    // Opened: exactly the plan, or a plan whose differences are all listed fills. Compared as
    // data, not as text: the schema orders keys its own way, so a whole file read back (a cut
    // after the last character) would otherwise count as a different plan.
    const same = isDeepStrictEqual(JSON.parse(JSON.stringify(result.plan)), JSON.parse(JSON.stringify(sample.plan)));
    if (!same)
      expect(result.filled?.length ?? 0, `${sample.file} ${sample.format} ${mutation}@${at} opened a different plan without a word`).toBeGreaterThan(0);
    return;
  }
  expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    expect(issue.path).not.toBe('');
    // A file-level error says where in the file: a line, or the end.
    if (issue.path === '(file)') expect(issue.message, `${sample.file} ${sample.format} ${mutation}@${at}`).toMatch(/line \d+/);
  }
}

describe('readPlan fuzzed with damaged sample plans', () => {
  it('readPlan(damaged sample) is the plan, a plan with listed fills, or an error naming a place (2,000 cases)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...small), fc.constantFrom(...Object.keys(MUTATIONS)), fc.nat({ max: 400_000 }), (sample, mutation, at) =>
        check(sample, mutation, at),
      ),
      { numRuns: 2_000 },
    );
  });

  it('readPlan(damaged 5,000-node sample) holds the same property', () => {
    fc.assert(
      fc.property(fc.constantFrom(...big), fc.constantFrom(...Object.keys(MUTATIONS)), fc.nat({ max: 3_000_000 }), (sample, mutation, at) =>
        check(sample, mutation, at),
      ),
      { numRuns: 6 },
    );
  });
});
