import { describe, expect, it } from 'vitest';
import { displayName, truncateName } from '../../src/format/displayName';

describe('displayName / truncateName', () => {
  it('displayName shows a right-to-left override escaped, so one name cannot draw as another', () => {
    expect(displayName('R\u202E1-kcar')).toBe('R⟨U+202E⟩1-kcar');
    expect(displayName('\u2066a\u2069\u200f')).toBe('⟨U+2066⟩a⟨U+2069⟩⟨U+200F⟩');
  });

  it('displayName leaves ordinary names, including non-Latin ones, unchanged', () => {
    expect(displayName('Rack 7 · 東京 · شبكة')).toBe('Rack 7 · 東京 · شبكة');
  });

  it('truncateName(text, n) keeps at most n characters and ends with an ellipsis when it cuts', () => {
    expect(truncateName('R1', 5)).toBe('R1');
    expect(truncateName('x'.repeat(120), 18)).toBe(`${'x'.repeat(17)}…`);
    expect([...truncateName('🙂'.repeat(30), 10)].length).toBe(10);
  });
});
