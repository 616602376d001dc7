import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../../../src/export/omni/loadTemplate';
import { formatProblem, type TemplateProblem } from '../../../src/export/omni/templateModel';
import { validateTemplate } from '../../../src/export/omni/validateTemplate';
import { anyVersionCheck, fixture, fixtureFiles, templateFixtures } from './sharedData';

/** A reason EXPECTED.md lists: the document it names, the field, and words of the message. */
interface Reason {
  document: RegExp;
  field: RegExp;
  message: RegExp;
}
const r = (document: RegExp, field: RegExp, message: RegExp): Reason => ({ document, field, message });

/** The verdicts of Omni's own validator, from `../shared/data/omni-template-fixtures/EXPECTED.md`. */
const LOAD_FAILURES: Record<string, Reason[]> = {
  'cluster-bad-yaml1.yaml': [r(/^Cluster/, /^containerd$/, /not found|unknown/)],
  'cluster-bad-yaml2.yaml': [r(/./, /^kind$/, /unknown model kind "FunnyCluster"/)],
  'cluster-bad-yaml3.yaml': [r(/./, /^kind$/, /kind field not found/)],
};

const VALID = [
  'cluster1.yaml',
  'cluster2.yaml',
  'cluster3.yaml',
  'cluster-with-kernel-args.yaml',
  'cluster-with-manifests.yaml',
  'cluster-with-healthchecks.yaml',
  'cluster-inline-bytes.yaml',
  'cluster-valid-bootstrapspec.yaml',
  'export-cluster-template.yaml',
];

const INVALID: Record<string, Reason[]> = {
  'cluster-invalid-manifests1.yaml': [r(/^Cluster/, /^kubernetes\.manifests\[0\]\.mode$/, /"missing-mode" mode is not set/)],
  'cluster-invalid-manifests2.yaml': [r(/^Cluster/, /^kubernetes\.manifests\[0\]$/, /file and inline are mutually exclusive/)],
  'cluster-invalid-manifests3.yaml': [r(/^Cluster/, /^kubernetes\.manifests\[0\]\.name$/, /name is empty/)],
  'cluster-invalid1.yaml': [
    r(/^Cluster/, /^name$/, /only contain letters, digits, dashes and underscores/),
    r(/^Cluster/, /^kubernetes\.version$/, /semver/),
    r(/^Cluster/, /^talos\.version$/, /semver/),
    r(/^Cluster/, /^patches\[0\]\.file$/, /does-not-exist\.yaml.*not found/),
    r(/^Cluster/, /^patches\[1\]\.name$/, /either name or idOverride is required/),
    r(/^ControlPlane$/, /^updateStrategy$/, /not allowed in the controlplane/),
    r(/^ControlPlane$/, /^deleteStrategy$/, /not allowed in the controlplane/),
    r(/^ControlPlane$/, /^patches\[0\]\.file$/, /patches\/invalid\.yaml.*missing kind/),
    r(/^ControlPlane$/, /^patches\[1\]\.inline$/, /kubespan-enabled.*machine\.network\.kubespan: unknown key "running"/),
    r(/^template$/, /machines/, /4aed1106-6f44-4be9-9796-d4b5b0b5b0b0.*both ControlPlane and Workers/),
    r(/^Machine "630d882a/, /^name$/, /not used in ControlPlane or Workers/),
    r(/^template$/, /ControlPlane/, /430d882a-51a8-48b3-ae00-90c5b0b5b0b0.*locked/),
  ],
  'cluster-invalid2.yaml': [
    r(/^Cluster/, /^name$/, /name is required/),
    r(/^Cluster/, /^kubernetes\.version$/, /version is required/),
    r(/^Cluster/, /^talos\.version$/, /version is required/),
    r(/^Cluster/, /^patches\[0\]$/, /file or inline is required/),
    r(/^ControlPlane$/, /^patches\[0\]\.file$/, /patches\/prohibited\.yaml.*"machine\.token" is not allowed/),
    r(/^template$/, /^$/, /1 ControlPlane document, got 2/),
  ],
  'cluster-invalid3.yaml': [
    r(/^ControlPlane$/, /^name$/, /custom name is not allowed/),
    r(/^template$/, /Workers/, /duplicate Workers documents named "additional-1"/),
    r(/^template$/, /Workers/, /b1ed45d8-4e79-4a07-a29a-b1b075843d41.*multiple Workers sets/),
  ],
  'cluster-invalid4.yaml': [
    r(/^Cluster/, /^features\.diskEncryption$/, /Talos version >= 1\.5\.0/),
    r(/^Workers/, /^machineClass$/, /both machines and machine class/),
  ],
  'cluster-invalid-bootstrapspec.yaml': [
    r(/^ControlPlane$/, /^bootstrapSpec\.clusterUUID$/, /clusterUUID is required/),
    r(/^ControlPlane$/, /^bootstrapSpec\.snapshot$/, /snapshot is required/),
    r(/^Workers/, /^bootstrapSpec$/, /not allowed in workers/),
  ],
};

function verdict(file: string): { stage: 'load' | 'validate'; problems: TemplateProblem[] } {
  const loaded = loadTemplate(fixture(file));
  if (!loaded.ok) return { stage: 'load', problems: loaded.problems };
  return { stage: 'validate', problems: validateTemplate(loaded.documents, { readFile: fixtureFiles, talosCheck: anyVersionCheck() }) };
}

/** Each expected reason is matched by a distinct reported problem. */
function expectReasons(problems: TemplateProblem[], reasons: Reason[]): void {
  const unmatched = reasons.filter(
    (reason) => !problems.some((p) => reason.document.test(p.document) && reason.field.test(p.field) && reason.message.test(p.message)),
  );
  expect(
    unmatched.map((u) => `${u.document} ${u.field} ${u.message}`),
    `reported:\n${problems.map(formatProblem).join('\n')}`,
  ).toEqual([]);
  expect(problems.length).toBe(reasons.length);
}

describe('Omni template fixtures (../shared/data/omni-template-fixtures, EXPECTED.md)', () => {
  it('every fixture has a verdict here, so a new fixture cannot slip by unchecked', () => {
    expect(templateFixtures().sort()).toEqual([...Object.keys(LOAD_FAILURES), ...VALID, ...Object.keys(INVALID)].sort());
  });

  for (const [file, reasons] of Object.entries(LOAD_FAILURES)) {
    it(`loadTemplate(${file}) fails to load, naming the document and field`, () => {
      const v = verdict(file);
      expect(v.stage).toBe('load');
      expectReasons(v.problems, reasons);
    });
  }

  for (const file of VALID) {
    it(`validateTemplate(${file}) accepts it`, () => {
      const v = verdict(file);
      expect(v.problems.map(formatProblem)).toEqual([]);
      expect(v.stage).toBe('validate');
    });
  }

  for (const [file, reasons] of Object.entries(INVALID)) {
    it(`validateTemplate(${file}) reports every reason Omni reports, naming document and field`, () => {
      const v = verdict(file);
      expect(v.stage).toBe('validate');
      expectReasons(v.problems, reasons);
    });
  }
});

describe('validateTemplate without the Talos schema (the app)', () => {
  it('validateTemplate(cluster-invalid2) still finds the forbidden machine.token, which needs no schema', () => {
    const loaded = loadTemplate(fixture('cluster-invalid2.yaml'));
    if (!loaded.ok) throw new Error('fixture should load');
    const problems = validateTemplate(loaded.documents, { readFile: fixtureFiles });
    expect(problems.some((p) => /"machine\.token" is not allowed/.test(p.message))).toBe(true);
  });

  it('validateTemplate(template with a file patch) reports the file unreadable when no reader is given', () => {
    const loaded = loadTemplate(fixture('cluster1.yaml'));
    if (!loaded.ok) throw new Error('fixture should load');
    const problems = validateTemplate(loaded.documents, {});
    expect(problems.filter((p) => /failed to access/.test(p.message)).map((p) => p.field)).toEqual(['patches[0].file', 'patches[1].file', 'patches[0].file']);
  });
});
