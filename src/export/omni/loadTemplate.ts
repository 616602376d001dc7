import YAML from 'yaml';
import { parseGoDuration } from './goDuration';
import {
  documentLabel,
  TEMPLATE_KINDS,
  type ClusterDocument,
  type InlineContent,
  type KubernetesHealthCheck,
  type KubernetesManifest,
  type MachineClassSize,
  type MachineDocument,
  type MachineSetDocument,
  type StrategyConfig,
  type TemplateDocument,
  type TemplatePatch,
  type TemplateProblem,
} from './templateModel';

/** The largest template read, bytes: real templates are a few KiB; this bounds work on pasted text. */
export const MAX_TEMPLATE_BYTES = 4 * 2 ** 20;

export type LoadResult = { ok: true; documents: TemplateDocument[] } | { ok: false; problems: TemplateProblem[] };

/**
 * Reads an Omni cluster template the way Omni's loader does (`template.Load`): every YAML
 * document must be a mapping with a `kind` of Cluster, ControlPlane, Workers or Machine, and is
 * decoded strictly, so an unknown field, a wrong type, a bad duration, size, strategy or manifest
 * mode is an error. Unlike Omni, which stops at the first, it reports every load problem. Never throws.
 */
export function loadTemplate(text: string): LoadResult {
  if (text.length > MAX_TEMPLATE_BYTES) {
    return fail([{ documentIndex: 0, document: 'template', field: '', message: `is larger than ${MAX_TEMPLATE_BYTES / 2 ** 20} MiB` }]);
  }
  let docs: YAML.Document.Parsed[];
  try {
    docs = YAML.parseAllDocuments(text, { uniqueKeys: true, strict: true, prettyErrors: false }) as YAML.Document.Parsed[];
    if (!Array.isArray(docs)) docs = [docs];
  } catch (error) {
    return fail([{ documentIndex: 0, document: 'template', field: '', message: `is not valid YAML: ${(error as Error).message}` }]);
  }
  const problems: TemplateProblem[] = [];
  const documents: TemplateDocument[] = [];
  let index = 0;
  for (const doc of docs) {
    index++;
    if (doc.errors.length > 0) {
      problems.push({ documentIndex: index, document: 'document', field: '', message: `is not valid YAML: ${doc.errors[0].message.split('\n')[0]}` });
      continue;
    }
    // A trailing `---` or a comment after the last document yields an empty document: nothing to read.
    if (doc.contents === null) continue;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      problems.push({ documentIndex: index, document: 'document', field: '', message: `cannot be read: ${(error as Error).message.split('\n')[0]}` });
      continue;
    }
    const decoded = decodeDocument(value, index);
    if ('problems' in decoded) problems.push(...decoded.problems);
    else documents.push(decoded.document);
  }
  if (problems.length > 0) return fail(problems);
  return { ok: true, documents };
}

function fail(problems: TemplateProblem[]): LoadResult {
  return { ok: false, problems };
}

type Decoded = { document: TemplateDocument } | { problems: TemplateProblem[] };

function decodeDocument(value: unknown, index: number): Decoded {
  if (!isMap(value)) {
    return { problems: [{ documentIndex: index, document: 'document', field: '', message: 'must be a mapping with a kind' }] };
  }
  if (!('kind' in value)) return { problems: [{ documentIndex: index, document: 'document', field: 'kind', message: 'kind field not found' }] };
  const kind = value.kind;
  if (typeof kind !== 'string' || !(TEMPLATE_KINDS as readonly string[]).includes(kind)) {
    return {
      problems: [
        {
          documentIndex: index,
          document: 'document',
          field: 'kind',
          message: `unknown model kind ${JSON.stringify(kind)} (expected ${TEMPLATE_KINDS.join(', ')})`,
        },
      ],
    };
  }
  const reader = new FieldReader(index, kind);
  let document: TemplateDocument;
  if (kind === 'Cluster') document = readCluster(reader, value);
  else if (kind === 'Machine') document = readMachine(reader, value);
  else document = readMachineSet(reader, value, kind as 'ControlPlane' | 'Workers');
  reader.label = documentLabel(document);
  for (const p of reader.problems) p.document = reader.label;
  return reader.problems.length > 0 ? { problems: reader.problems } : { document };
}

/** Collects type errors with their field paths while reading one document. */
class FieldReader {
  readonly problems: TemplateProblem[] = [];
  label: string;
  constructor(
    readonly index: number,
    kind: string,
  ) {
    this.label = kind;
  }

  problem(field: string, message: string): undefined {
    this.problems.push({ documentIndex: this.index, document: this.label, field, message });
    return undefined;
  }

  /** Reports every key of `map` that `known` does not list (Omni decodes with KnownFields). */
  known(map: Record<string, unknown>, path: string, known: readonly string[]): void {
    for (const key of Object.keys(map)) {
      if (!known.includes(key)) this.problem(join(path, key), `field ${key} not found in type (unknown fields are errors)`);
    }
  }

  string(v: unknown, path: string): string | undefined {
    if (v === null || v === undefined) return undefined;
    // go-yaml decodes any scalar into a string field; only mappings and lists are refused.
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
    if (v instanceof Date) return v.toISOString();
    return this.problem(path, `must be a string, not ${describe(v)}`);
  }

  bool(v: unknown, path: string): boolean | undefined {
    if (v === null || v === undefined) return undefined;
    if (typeof v === 'boolean') return v;
    return this.problem(path, `must be true or false, not ${describe(v)}`);
  }

  uint32(v: unknown, path: string): number | undefined {
    if (v === null || v === undefined) return undefined;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0xffffffff) return v;
    return this.problem(path, `must be a whole number from 0 to 4294967295, not ${describe(v)}`);
  }

  durationSeconds(v: unknown, path: string): number | undefined {
    if (v === null || v === undefined) return undefined;
    const seconds = typeof v === 'string' ? parseGoDuration(v) : undefined;
    if (seconds === undefined) return this.problem(path, `must be a duration such as 30s or 2h0m0s, not ${describe(v)}`);
    return seconds;
  }

  stringList(v: unknown, path: string): string[] | undefined {
    if (v === null || v === undefined) return undefined;
    if (!Array.isArray(v)) return this.problem(path, `must be a list, not ${describe(v)}`);
    const out: string[] = [];
    v.forEach((item, i) => {
      const s = item === null ? '' : this.string(item, `${path}[${i}]`);
      if (s !== undefined) out.push(s);
    });
    return out;
  }

  stringMap(v: unknown, path: string): Record<string, string> | undefined {
    if (v === null || v === undefined) return undefined;
    if (!isMap(v)) return this.problem(path, `must be a mapping, not ${describe(v)}`);
    const out: Record<string, string> = {};
    for (const [k, item] of Object.entries(v)) out[k] = this.string(item, join(path, k)) ?? '';
    return out;
  }

  map(v: unknown, path: string, known: readonly string[]): Record<string, unknown> | undefined {
    if (v === null || v === undefined) return undefined;
    if (!isMap(v)) return this.problem(path, `must be a mapping, not ${describe(v)}`);
    this.known(v, path, known);
    return v;
  }

  list(v: unknown, path: string): unknown[] | undefined {
    if (v === null || v === undefined) return undefined;
    if (!Array.isArray(v)) return this.problem(path, `must be a list, not ${describe(v)}`);
    return v;
  }

  /** Omni's InlineContent: an explicit string kept verbatim, one mapping, or a list of mappings. */
  inline(v: unknown, path: string): InlineContent | undefined {
    if (v === null || v === undefined) return undefined;
    if (typeof v === 'string') return { text: v };
    if (isMap(v)) return { documents: [v] };
    if (Array.isArray(v)) {
      const documents: Record<string, unknown>[] = [];
      v.forEach((item, i) => {
        if (isMap(item)) documents.push(item);
        else this.problem(`${path}[${i}]`, `must be a mapping, not ${describe(item)}`);
      });
      return { documents };
    }
    return this.problem(path, `must be a string, a mapping or a list of mappings, not ${describe(v)}`);
  }
}

const DESCRIPTOR_KEYS = ['labels', 'annotations'] as const;
const PATCH_KEYS = ['name', 'idOverride', 'file', 'inline', ...DESCRIPTOR_KEYS];
const MANIFEST_KEYS = ['name', 'file', 'inline', 'mode', ...DESCRIPTOR_KEYS];
const HEALTHCHECK_KEYS = ['name', 'idOverride', 'job', 'file', 'interval', ...DESCRIPTOR_KEYS];
const CLUSTER_KEYS = ['kind', 'systemExtensions', 'name', 'kubernetes', 'talos', 'features', 'patches', 'kernelArgs', ...DESCRIPTOR_KEYS];
const MACHINE_SET_KEYS = [
  'kind',
  'systemExtensions',
  'name',
  'bootstrapSpec',
  'machines',
  'machineClass',
  'updateStrategy',
  'deleteStrategy',
  'upgradeStrategy',
  'patches',
  'kernelArgs',
  ...DESCRIPTOR_KEYS,
];
const MACHINE_KEYS = ['kind', 'systemExtensions', 'name', 'locked', 'install', 'patches', 'kernelArgs', ...DESCRIPTOR_KEYS];
const FEATURE_KEYS = [
  'diskEncryption',
  'enableWorkloadProxy',
  'useEmbeddedDiscoveryService',
  'disablePublicDiscoveryService',
  'enableNodeAuditSkip',
  'backupConfiguration',
];

function readDescriptors(r: FieldReader, m: Record<string, unknown>, path = '') {
  const out: { labels?: Record<string, string>; annotations?: Record<string, string> } = {};
  const labels = r.stringMap(m.labels, join(path, 'labels'));
  const annotations = r.stringMap(m.annotations, join(path, 'annotations'));
  if (labels) out.labels = labels;
  if (annotations) out.annotations = annotations;
  return out;
}

function readPatches(r: FieldReader, v: unknown, path: string): TemplatePatch[] | undefined {
  const list = r.list(v, path);
  if (!list) return undefined;
  return list.map((item, i) => {
    const p = `${path}[${i}]`;
    // A null list item decodes to an empty patch in go-yaml, which validation then refuses.
    const m = item === null ? {} : r.map(item, p, PATCH_KEYS);
    if (!m) return {};
    return compact<TemplatePatch>({
      name: r.string(m.name, `${p}.name`),
      idOverride: r.string(m.idOverride, `${p}.idOverride`),
      file: r.string(m.file, `${p}.file`),
      inline: r.inline(m.inline, `${p}.inline`),
      ...readDescriptors(r, m, p),
    });
  });
}

function readCluster(r: FieldReader, m: Record<string, unknown>): ClusterDocument {
  r.known(m, '', CLUSTER_KEYS);
  const kube = r.map(m.kubernetes, 'kubernetes', ['version', 'manifests', 'healthchecks']);
  const talos = r.map(m.talos, 'talos', ['version']);
  const features = r.map(m.features, 'features', FEATURE_KEYS);
  const backup = features ? r.map(features.backupConfiguration, 'features.backupConfiguration', ['interval']) : undefined;
  const name = r.string(m.name, 'name');
  return compact<ClusterDocument>({
    kind: 'Cluster',
    name,
    ...readDescriptors(r, m),
    kubernetes: kube
      ? compact({
          version: r.string(kube.version, 'kubernetes.version'),
          manifests: readManifests(r, kube.manifests, 'kubernetes.manifests'),
          healthchecks: readHealthchecks(r, kube.healthchecks, 'kubernetes.healthchecks'),
        })
      : undefined,
    talos: talos ? compact({ version: r.string(talos.version, 'talos.version') }) : undefined,
    features: features
      ? compact({
          diskEncryption: r.bool(features.diskEncryption, 'features.diskEncryption'),
          enableWorkloadProxy: r.bool(features.enableWorkloadProxy, 'features.enableWorkloadProxy'),
          useEmbeddedDiscoveryService: r.bool(features.useEmbeddedDiscoveryService, 'features.useEmbeddedDiscoveryService'),
          disablePublicDiscoveryService: r.bool(features.disablePublicDiscoveryService, 'features.disablePublicDiscoveryService'),
          enableNodeAuditSkip: r.bool(features.enableNodeAuditSkip, 'features.enableNodeAuditSkip'),
          backupConfiguration: backup ? compact({ intervalSeconds: r.durationSeconds(backup.interval, 'features.backupConfiguration.interval') }) : undefined,
        })
      : undefined,
    patches: readPatches(r, m.patches, 'patches'),
    systemExtensions: r.stringList(m.systemExtensions, 'systemExtensions'),
    kernelArgs: r.stringList(m.kernelArgs, 'kernelArgs'),
  });
}

function readManifests(r: FieldReader, v: unknown, path: string): KubernetesManifest[] | undefined {
  const list = r.list(v, path);
  if (!list) return undefined;
  return list.map((item, i) => {
    const p = `${path}[${i}]`;
    const m = item === null ? {} : r.map(item, p, MANIFEST_KEYS);
    if (!m) return {};
    let mode: KubernetesManifest['mode'];
    const modeText = r.string(m.mode, `${p}.mode`);
    if (modeText === 'full' || modeText === 'one-time') mode = modeText;
    else if (modeText !== undefined) r.problem(`${p}.mode`, `unknown mode name ${JSON.stringify(modeText)} (full or one-time)`);
    return compact<KubernetesManifest>({
      name: r.string(m.name, `${p}.name`),
      file: r.string(m.file, `${p}.file`),
      inline: r.inline(m.inline, `${p}.inline`),
      mode,
      ...readDescriptors(r, m, p),
    });
  });
}

function readHealthchecks(r: FieldReader, v: unknown, path: string): KubernetesHealthCheck[] | undefined {
  const list = r.list(v, path);
  if (!list) return undefined;
  return list.map((item, i) => {
    const p = `${path}[${i}]`;
    const m = item === null ? {} : r.map(item, p, HEALTHCHECK_KEYS);
    if (!m) return {};
    return compact<KubernetesHealthCheck>({
      name: r.string(m.name, `${p}.name`),
      idOverride: r.string(m.idOverride, `${p}.idOverride`),
      job: r.inline(m.job, `${p}.job`),
      file: r.string(m.file, `${p}.file`),
      intervalSeconds: r.durationSeconds(m.interval, `${p}.interval`),
      ...readDescriptors(r, m, p),
    });
  });
}

function readStrategy(r: FieldReader, v: unknown, path: string): StrategyConfig | undefined {
  const m = r.map(v, path, ['type', 'rolling']);
  if (!m) return undefined;
  let type: StrategyConfig['type'];
  const typeText = r.string(m.type, `${path}.type`);
  if (typeText === 'Unset' || typeText === 'Rolling') type = typeText;
  else if (typeText !== undefined) r.problem(`${path}.type`, `invalid update strategy type ${JSON.stringify(typeText)} (Unset or Rolling)`);
  const rolling = r.map(m.rolling, `${path}.rolling`, ['maxParallelism']);
  return compact<StrategyConfig>({
    type,
    rolling: rolling ? compact({ maxParallelism: r.uint32(rolling.maxParallelism, `${path}.rolling.maxParallelism`) }) : undefined,
  });
}

/** Omni's machine class size: a count, or `Unlimited` (also written `unlimited`, `∞`, `infinity`). */
function readSize(r: FieldReader, v: unknown, path: string): MachineClassSize | undefined {
  if (v === null || v === undefined) return undefined;
  const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v : undefined;
  if (text === undefined) return r.problem(path, `invalid machine count ${describe(v)}`);
  if (['Unlimited', 'unlimited', '∞', 'infinity'].includes(text)) return 'Unlimited';
  if (/^\d+$/.test(text) && Number(text) <= 0xffffffff) return Number(text);
  return r.problem(path, `invalid machine count ${JSON.stringify(text)}: a whole number or Unlimited`);
}

function readMachineSet(r: FieldReader, m: Record<string, unknown>, kind: 'ControlPlane' | 'Workers'): MachineSetDocument {
  r.known(m, '', MACHINE_SET_KEYS);
  const bootstrap = r.map(m.bootstrapSpec, 'bootstrapSpec', ['clusterUUID', 'snapshot']);
  const machineClass = r.map(m.machineClass, 'machineClass', ['name', 'size']);
  return compact<MachineSetDocument>({
    kind,
    name: r.string(m.name, 'name'),
    ...readDescriptors(r, m),
    // An empty bootstrapSpec mapping is still "given" (Omni keeps a non-nil pointer), so it is kept.
    bootstrapSpec: bootstrap
      ? {
          clusterUUID: r.string(bootstrap.clusterUUID, 'bootstrapSpec.clusterUUID') ?? '',
          snapshot: r.string(bootstrap.snapshot, 'bootstrapSpec.snapshot') ?? '',
        }
      : undefined,
    machines: r.stringList(m.machines, 'machines'),
    machineClass: machineClass
      ? compact({ name: r.string(machineClass.name, 'machineClass.name'), size: readSize(r, machineClass.size, 'machineClass.size') })
      : undefined,
    updateStrategy: readStrategy(r, m.updateStrategy, 'updateStrategy'),
    deleteStrategy: readStrategy(r, m.deleteStrategy, 'deleteStrategy'),
    upgradeStrategy: readStrategy(r, m.upgradeStrategy, 'upgradeStrategy'),
    patches: readPatches(r, m.patches, 'patches'),
    systemExtensions: r.stringList(m.systemExtensions, 'systemExtensions'),
    kernelArgs: r.stringList(m.kernelArgs, 'kernelArgs'),
  });
}

function readMachine(r: FieldReader, m: Record<string, unknown>): MachineDocument {
  r.known(m, '', MACHINE_KEYS);
  const install = r.map(m.install, 'install', ['disk', 'diskSelector']);
  return compact<MachineDocument>({
    kind: 'Machine',
    name: r.string(m.name, 'name'),
    ...readDescriptors(r, m),
    locked: r.bool(m.locked, 'locked'),
    install: install
      ? compact({ disk: r.string(install.disk, 'install.disk'), diskSelector: r.string(install.diskSelector, 'install.diskSelector') })
      : undefined,
    patches: readPatches(r, m.patches, 'patches'),
    systemExtensions: r.stringList(m.systemExtensions, 'systemExtensions'),
    kernelArgs: r.stringList(m.kernelArgs, 'kernelArgs'),
  });
}

export function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof Uint8Array);
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (isMap(v)) return 'a mapping';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}

function join(path: string, key: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) key = `[${JSON.stringify(key)}]`;
  else if (path) key = `.${key}`;
  return `${path}${key}`;
}

/** Drops undefined fields so documents compare and print cleanly. */
function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
