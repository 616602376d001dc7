import { describe, expect, it } from 'vitest';
import { omniTemplate } from '../../../src/export/omni/exportTemplate';
import { loadTalosValidator } from '../../../src/cli/talosSchemas';
import { availableTalosSchemas, talosFormat } from '../../../src/export/omni/talosFormat';
import { formatTalosPatchProblem, talosPatchProblems, talosPatchVerdict } from '../../../src/export/omni/talosPatchVerdict';
import type { TalosKeyValidator } from '../../../src/export/omni/talosDocumentValidator';
import { referencePlan } from '../../../src/plan/samples/samples';

/** A validator that refuses any key named `bad` wherever it is, so the expected problems are obvious. */
const refusesBad: TalosKeyValidator = (doc) => {
  const found: { path: string; message: string }[] = [];
  const walk = (v: unknown, path: string[]) => {
    if (v === null || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      if (k === 'bad') found.push({ path: path.join('.') || '(document)', message: 'unknown key "bad"' });
      walk(x, [...path, k]);
    }
  };
  walk(doc, []);
  return found;
};

const patches = [
  { document: 'Cluster "web"', patch: { name: 'rackplan-kubeprism', documents: [{ machine: { features: { bad: 1 } } }] } },
  {
    document: 'Workers "storage-r1"',
    patch: {
      name: 'rackplan-firewall',
      documents: [
        { apiVersion: 'v1alpha1', kind: 'NetworkDefaultActionConfig', ingress: 'block' },
        { apiVersion: 'v1alpha1', kind: 'NetworkRuleConfig', name: 'apid', bad: true },
      ],
    },
  },
];

describe('talosPatchProblems / talosPatchVerdict', () => {
  it('talosPatchProblems(patches, validate) names the template document, the patch, the Talos document and the key path of each problem', () => {
    expect(talosPatchProblems(patches, refusesBad).map(formatTalosPatchProblem)).toEqual([
      'Cluster "web" › patch "rackplan-kubeprism" › v1alpha1 config › machine.features: unknown key "bad"',
      'Workers "storage-r1" › patch "rackplan-firewall" › NetworkRuleConfig "apid" › (document): unknown key "bad"',
    ]);
  });

  it('talosPatchVerdict(export on 1.13) is checked with the 1.13 validator and counts every patch', async () => {
    const asked: string[] = [];
    const verdict = await talosPatchVerdict({ patches, format: talosFormat('1.13.2') }, async (v) => (asked.push(v), refusesBad));
    expect(asked).toEqual(['1.13']);
    expect(verdict).toMatchObject({ status: 'checked', schemaVersion: '1.13', patchCount: 2 });
    expect(verdict.status === 'checked' && verdict.problems).toHaveLength(2);
  });

  it('talosPatchVerdict(export on 1.11) says no schema and which versions have one, without loading anything', async () => {
    const verdict = await talosPatchVerdict({ patches, format: talosFormat('1.11.5') }, () => Promise.reject(new Error('must not load')));
    expect(verdict).toEqual({ status: 'no-schema', talosMinor: '1.11', available: ['1.12', '1.13', '1.14'] });
    expect(availableTalosSchemas(['1.12', '1.13', '1.14'])).toBe('1.12, 1.13 and 1.14');
  });

  it('talosPatchVerdict(export, a loader that fails) is unavailable with the reason, and does not reject', async () => {
    const verdict = await talosPatchVerdict({ patches, format: talosFormat('1.12.0') }, () =>
      Promise.reject(new Error('Failed to fetch dynamically imported module')),
    );
    expect(verdict).toEqual({ status: 'unavailable', schemaVersion: '1.12', reason: 'Failed to fetch dynamically imported module' });
  });

  it('talosPatchVerdict(reference plan) with the 1.12 schema finds no problem in any patch', async () => {
    const exported = omniTemplate(referencePlan());
    const verdict = await talosPatchVerdict(exported, loadTalosValidator);
    expect(verdict).toEqual({ status: 'checked', schemaVersion: '1.12', patchCount: exported.patches.length, problems: [] });
    expect(exported.patches.length).toBeGreaterThan(0);
  });
});
