import { describe, expect, it } from 'vitest';
import { uniqueName } from '../../src/state/uniqueName';

describe('uniqueName', () => {
  it('uniqueName(name, []) keeps a free name', () => {
    expect(uniqueName('Enterprise', [])).toBe('Enterprise');
  });

  it('uniqueName numbers a taken name with the first free suffix', () => {
    expect(uniqueName('Enterprise', ['Enterprise'])).toBe('Enterprise (2)');
    expect(uniqueName('Enterprise', ['Enterprise', 'Enterprise (2)'])).toBe('Enterprise (3)');
  });

  it('uniqueName keeps a 120-character name within 120 characters', () => {
    const long = 'x'.repeat(120);
    const named = uniqueName(long, [long]);
    expect(named).toBe(`${'x'.repeat(120 - 4)} (2)`);
    expect(named.length).toBe(120);
  });
});
