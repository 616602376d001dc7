/**
 * fast-check arbitraries for Omni cluster templates, for "never crashes" properties of the reader.
 *
 *   templateValueArb   one document as a JS value: mostly the right kinds and keys with values of
 *                      any type (strings YAML likes to reinterpret, numbers, nulls, nested maps and
 *                      lists), sometimes an unknown kind, key or a bare scalar.
 *   templateTextArb    a whole file: such documents joined with `---`, or, now and then, raw text
 *                      with YAML control characters in it.
 */
import fc from 'fast-check';
import YAML from 'yaml';
import { YAML_TRICKY_STRINGS } from './plan';

const KEYS = [
  'kind',
  'name',
  'kubernetes',
  'talos',
  'version',
  'features',
  'patches',
  'inline',
  'file',
  'idOverride',
  'machines',
  'machineClass',
  'size',
  'updateStrategy',
  'deleteStrategy',
  'upgradeStrategy',
  'rolling',
  'maxParallelism',
  'type',
  'bootstrapSpec',
  'clusterUUID',
  'snapshot',
  'locked',
  'install',
  'disk',
  'diskSelector',
  'kernelArgs',
  'systemExtensions',
  'labels',
  'annotations',
  'manifests',
  'mode',
  'healthchecks',
  'job',
  'interval',
  'backupConfiguration',
  'diskEncryption',
  'machine',
  'cluster',
  'network',
  'kubespan',
  'enabled',
  'apiVersion',
  'token',
  'omni.sidero.dev/x',
  'unknown',
];
const SCALARS = [
  ...YAML_TRICKY_STRINGS,
  'Cluster',
  'ControlPlane',
  'Workers',
  'Machine',
  'v1.12.0',
  'v1.3.0gamma.0',
  '1.34.1',
  'Unlimited',
  '∞',
  'Rolling',
  'Unset',
  'full',
  'one-time',
  '2h0m0s',
  '30s',
  '-1s',
  'patches/my-cp-patch.yaml',
  '../../etc/passwd',
  '430d882a-51a8-48b3-ae00-90c5b0b5b0b0',
  'machine:\n  token: x',
  'kind: KubeSpanConfig\napiVersion: v1alpha1',
  '{',
  '',
];

const scalarArb = fc.oneof(
  fc.constantFrom(...SCALARS),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 5_000_000_000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
);

const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalarArb, tie('map'), tie('list')),
  map: fc.dictionary(fc.constantFrom(...KEYS), tie('tree'), { maxKeys: 6 }),
  list: fc.array(tie('tree'), { maxLength: 4 }),
}));

export const templateValueArb = fc.oneof(
  fc
    .record({ kind: fc.constantFrom('Cluster', 'ControlPlane', 'Workers', 'Machine', 'FunnyCluster') })
    .chain((head) => fc.dictionary(fc.constantFrom(...KEYS), tree, { maxKeys: 8 }).map((rest) => ({ ...rest, ...head }))),
  tree,
);

export const templateTextArb = fc.oneof(
  { weight: 4, arbitrary: fc.array(templateValueArb, { minLength: 0, maxLength: 5 }).map((docs) => docs.map((d) => YAML.stringify(d)).join('---\n')) },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.constantFrom('a', ':', ' ', '\n', '-', '[', ']', '{', '}', '&', '*', '!', '|', '#', '"', "'", 'kind', 'Cluster'),
      maxLength: 80,
    }),
  },
);
