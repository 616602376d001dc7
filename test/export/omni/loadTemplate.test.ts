import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../../src/export/omni/loadTemplate';
import { validateTemplate } from '../../../src/export/omni/validateTemplate';
import { templateTextArb } from '../../arbitraries/omniTemplate';
import { anyVersionCheck, fixtureFiles } from './sharedData';

describe('loadTemplate(text)', () => {
  it('loadTemplate(size: Unlimited, ∞ or a count) reads the machine class size', () => {
    const text = ['Unlimited', 'unlimited', '∞', 'infinity', '3']
      .map((size, i) => `kind: Workers\nname: w${i}\nmachineClass:\n  name: mc\n  size: ${size}\n`)
      .join('---\n');
    const r = loadTemplate(text);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.documents.map((d) => d.kind === 'Workers' && d.machineClass?.size)).toEqual(['Unlimited', 'Unlimited', 'Unlimited', 'Unlimited', 3]);
  });

  it('loadTemplate(size: lots) fails naming machineClass.size', () => {
    const r = loadTemplate('kind: Workers\nmachineClass:\n  name: mc\n  size: lots\n');
    expect(r.ok ? [] : r.problems.map((p) => [p.document, p.field])).toEqual([['Workers (default)', 'machineClass.size']]);
  });

  it('loadTemplate(backupConfiguration.interval: 2h0m0s) reads 2 x 3600 seconds; 2 hours fails', () => {
    const ok = loadTemplate('kind: Cluster\nname: a\nfeatures:\n  backupConfiguration:\n    interval: 2h0m0s\n');
    expect(ok.ok && ok.documents[0].kind === 'Cluster' && ok.documents[0].features?.backupConfiguration?.intervalSeconds).toBe(2 * 3600);
    const bad = loadTemplate('kind: Cluster\nname: a\nfeatures:\n  backupConfiguration:\n    interval: 2 hours\n');
    expect(bad.ok ? [] : bad.problems.map((p) => p.field)).toEqual(['features.backupConfiguration.interval']);
  });

  it('loadTemplate(inline patch as a map, a list or a string) keeps each form', () => {
    const text = [
      'kind: Cluster',
      'name: a',
      'patches:',
      '  - name: as-map',
      '    inline:',
      '      machine: {kubelet: {}}',
      '  - name: as-list',
      '    inline:',
      '      - machine: {}',
      '      - apiVersion: v1alpha1',
      '        kind: KubeSpanConfig',
      '  - name: as-string',
      '    inline: |',
      '      machine: {}',
      '',
    ].join('\n');
    const r = loadTemplate(text);
    if (!r.ok || r.documents[0].kind !== 'Cluster') throw new Error('should load');
    expect(r.documents[0].patches?.map((p) => p.inline && ('text' in p.inline ? 'text' : p.inline.documents.length))).toEqual([1, 2, 'text']);
  });

  it('loadTemplate(inline: 5) refuses a number where a patch belongs', () => {
    const r = loadTemplate('kind: Cluster\nname: a\npatches:\n  - name: n\n    inline: 5\n');
    expect(r.ok ? [] : r.problems.map((p) => p.field)).toEqual(['patches[0].inline']);
  });

  it('loadTemplate(a file over 4 MiB) refuses it without parsing', () => {
    const r = loadTemplate(`# ${'x'.repeat(4 * 2 ** 20)}`);
    expect(r.ok).toBe(false);
  });

  it('loadTemplate(any text) never throws, and every problem names a document and a message', () => {
    const check = anyVersionCheck();
    fc.assert(
      fc.property(templateTextArb, (text) => {
        const r = loadTemplate(text);
        const problems = r.ok ? validateTemplate(r.documents, { readFile: fixtureFiles, talosCheck: check }) : r.problems;
        for (const p of problems) {
          expect(p.document.length).toBeGreaterThan(0);
          expect(p.message.length).toBeGreaterThan(0);
          expect(p.documentIndex).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 400 },
    );
  });
});
