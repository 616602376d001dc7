import { describe, expect, it } from 'vitest';
import { readPlan, writePlan, YAML_END } from '../../src/plan/io';
import { referencePlan } from '../../src/plan/samples/samples';
import { validatePlan } from '../../src/plan/validate';

const plan = referencePlan();
const json = writePlan(plan, 'json');
const yaml = writePlan(plan, 'yaml');

describe('readPlan on hostile and damaged input', () => {
  it('readPlan(JSON with a key given twice) names the key and its line', () => {
    const text = json.replace('"name": "Reference cluster",', '"name": "Reference cluster",\n  "name": "Other",');
    expect(readPlan(text, 'json')).toEqual({ ok: false, issues: [{ path: 'name', message: 'is given twice (line 4); a key may appear once per object' }] });
  });

  it('readPlan(JSON with a node label given twice) names the node and the label', () => {
    const doc = JSON.parse(json);
    doc.nodes[2].labels = { app: 'a' };
    const text = JSON.stringify(doc, null, 2).replace('"app": "a"', '"app": "a", "app": "b"');
    expect(readPlan(text, 'json').issues[0].path).toBe('nodes[2].labels.app');
  });

  it('readPlan(YAML with a key given twice) is an error at its line', () => {
    const result = readPlan('version: 1\nname: a\nname: b\n', 'yaml');
    expect(result.issues).toEqual([{ path: '(file)', message: expect.stringMatching(/^is not valid YAML at line 3, column 1: duplicated mapping key/) }]);
  });

  it('readPlan keeps a "__proto__" label key as data and refuses it by name, in JSON and YAML', () => {
    const doc = JSON.parse(json);
    const text = JSON.stringify(doc).replace('"labels":{', '"labels":{"__proto__":"x",');
    const fromJson = readPlan(text, 'json');
    expect(fromJson.ok).toBe(false);
    expect(fromJson.issues).toEqual([{ path: 'nodes[0].labels.__proto__', message: expect.stringMatching(/refused rather than silently dropped/) }]);
    const fromYaml = readPlan(yaml.replace(/labels:\n/, 'labels:\n      __proto__: x\n'), 'yaml');
    expect(fromYaml.ok).toBe(false);
    expect(fromYaml.issues[0].path).toBe('nodes[0].labels.__proto__');
  });

  it('readPlan(YAML with an unknown tag) is an error naming the tag and line', () => {
    const result = readPlan(yaml.replace('name: Reference cluster', 'name: !secret Reference cluster'), 'yaml');
    expect(result.issues).toEqual([{ path: '(file)', message: expect.stringMatching(/^is not valid YAML at line \d+, column \d+: unknown tag !<!secret>/) }]);
  });

  it('readPlan(YAML with 128 small aliases) reads: the limit is on expansion, not on count', () => {
    const lines = ['version: 1', 'x-zone: &zone { topology.kubernetes.io/zone: a }', 'list:'];
    for (let i = 0; i < 128; i++) lines.push('  - *zone');
    const result = readPlan(`${lines.join('\n')}\n`, 'yaml');
    // It fails as a plan (x-zone is no plan field), not as an alias attack.
    expect(result.issues.some((i) => /aliases/.test(i.message))).toBe(false);
  });

  it(`readPlan(Rackplan YAML cut at a line break) is an error: its "${YAML_END}" line is missing`, () => {
    const lines = yaml.split('\n');
    const cut = lines.slice(0, lines.length - 8).join('\n');
    expect(readPlan(cut, 'yaml')).toEqual({
      ok: false,
      issues: [{ path: '(file)', message: expect.stringMatching(/without its "# end of plan" line: the file was cut short/) }],
    });
  });

  it('readPlan(a file leaving out defaulted fields) opens and lists each default it filled', () => {
    const doc = JSON.parse(json);
    delete doc.nodes[8].tors;
    delete doc.nodes[8].taints;
    const result = readPlan(JSON.stringify(doc), 'json');
    expect(result.ok).toBe(true);
    expect(result.filled).toEqual([
      { path: 'nodes[8].tors', value: ['A'] },
      { path: 'nodes[8].taints', value: [] },
    ]);
    expect(readPlan(json, 'json').filled).toBeUndefined();
  });

  it('validatePlan names an id used by a node and a rack, the clash rttOverrides could not resolve', () => {
    const doc = JSON.parse(json);
    doc.nodes[0].id = doc.racks[1].id;
    expect(validatePlan(doc).issues).toContainEqual({
      path: 'nodes[0].id',
      message: `"${doc.racks[1].id}" is also racks[1].id; ids must be unique across sites, rooms, rows, racks, hardware and nodes (rttOverrides name them by id alone)`,
    });
  });

  it('validatePlan refuses Flannel with the Cilium mode "native"', () => {
    const doc = JSON.parse(json);
    doc.cluster.cni = { name: 'flannel', mode: 'native' };
    expect(validatePlan(doc).issues).toEqual([
      { path: 'cluster.cni.mode', message: 'Flannel runs "vxlan" here; "native" is a Cilium mode, got "native" with Flannel' },
    ]);
  });
});
