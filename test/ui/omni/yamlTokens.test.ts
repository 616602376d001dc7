import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yamlTokens } from '../../../src/ui/omni/yamlTokens';

const kinds = (line: string) =>
  yamlTokens(line)[0]
    .filter((t) => t.kind !== 'space')
    .map((t) => [t.kind, t.text]);

describe('yamlTokens(text)', () => {
  it('yamlTokens("  name: reference") is a key, a colon and a string', () => {
    expect(kinds('  name: reference')).toEqual([
      ['key', 'name'],
      ['punct', ':'],
      ['string', 'reference'],
    ]);
  });

  it('yamlTokens tells numbers, literals, list dashes, comments and document markers apart', () => {
    expect(kinds('- 50000')).toEqual([
      ['punct', '-'],
      ['number', '50000'],
    ]);
    expect(kinds('enabled: false # off')).toEqual([
      ['key', 'enabled'],
      ['punct', ':'],
      ['literal', 'false'],
      ['comment', '# off'],
    ]);
    expect(kinds('---')).toEqual([['doc', '---']]);
    expect(kinds('topology.kubernetes.io/zone: r1')).toEqual([
      ['key', 'topology.kubernetes.io/zone'],
      ['punct', ':'],
      ['string', 'r1'],
    ]);
  });

  it("yamlTokens colours a block scalar's body as a string, up to the next line at its indentation", () => {
    const lines = yamlTokens('inline: |\n  machine:\n    a: 1\nname: x');
    expect(lines[1]).toEqual([{ kind: 'string', text: '  machine:' }]);
    expect(lines[2]).toEqual([{ kind: 'string', text: '    a: 1' }]);
    expect(lines[3][0]).toEqual({ kind: 'key', text: 'name' });
  });

  it('yamlTokens(text) joined back is text, line for line, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', ':', '-', '#', '|', '\n', '"', "'", '1', '.', '{', 'k') }), (text) => {
        expect(
          yamlTokens(text)
            .map((line) => line.map((t) => t.text).join(''))
            .join('\n'),
        ).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
