import { describe, expect, it } from 'vitest';
import { configPatchProblems } from '../../../src/export/omni/configPatch';
import { talosCheckFor } from './sharedData';

describe('configPatchProblems(text, talosCheck)', () => {
  it('configPatchProblems(machine.token) refuses the Omni-owned field', () => {
    expect(configPatchProblems('machine:\n  token: x\n')).toEqual(['overriding "machine.token" is not allowed in the config patch']);
  });

  it('configPatchProblems(machine.install.disk and cluster.clusterName) names both', () => {
    expect(configPatchProblems('machine:\n  install:\n    disk: /dev/sda\ncluster:\n  clusterName: x\n')).toHaveLength(2);
  });

  it('configPatchProblems(a KubeClusterConfig document) refuses the whole document', () => {
    expect(configPatchProblems('apiVersion: v1alpha1\nkind: KubeClusterConfig\nname: x\n')[0]).toMatch(/"KubeClusterConfig" document is not allowed/);
  });

  it('configPatchProblems(allowedRoles with os:admin) refuses the element', () => {
    const text = 'machine:\n  features:\n    kubernetesTalosAPIAccess:\n      allowedRoles: [os:reader, os:admin]\n';
    expect(configPatchProblems(text)).toEqual(['element "os:admin" is not allowed in field "machine.features.kubernetesTalosAPIAccess.allowedRoles"']);
  });

  it('configPatchProblems(a document without kind or machine/cluster keys) is "missing kind"; with kind but no apiVersion, "missing apiVersion"', () => {
    expect(configPatchProblems('spaceship:\n  deployed: true\n')[0]).toMatch(/^missing kind/);
    expect(configPatchProblems('kind: KubeSpanConfig\nenabled: true\n')[0]).toMatch(/^missing apiVersion/);
  });

  it('configPatchProblems(KubeSpanConfig, 1.12 schema) is an unknown kind; with the 1.13 schema it passes', () => {
    const text = 'apiVersion: v1alpha1\nkind: KubeSpanConfig\nenabled: true\n';
    expect(configPatchProblems(text, talosCheckFor('1.12'))).toEqual(['kind: unknown document kind "KubeSpanConfig"']);
    expect(configPatchProblems(text, talosCheckFor('1.13'))).toEqual([]);
  });

  it('configPatchProblems(machine.network.kubespan, 1.13 schema) is refused: 1.13 moved KubeSpan to its own document', () => {
    expect(configPatchProblems('machine:\n  network:\n    kubespan:\n      enabled: true\n', talosCheckFor('1.13'))).toEqual([
      'machine: unknown key "network"',
    ]);
    expect(configPatchProblems('machine:\n  network:\n    kubespan:\n      enabled: true\n', talosCheckFor('1.12'))).toEqual([]);
  });
});
