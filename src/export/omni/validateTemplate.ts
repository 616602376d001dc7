import { configPatchProblems, type TalosDocumentCheck } from './configPatch';
import { compareSemver, isSemverError, parseSemver, parseTolerantSemver } from './semver';
import {
  documentLabel,
  type ClusterDocument,
  type Descriptors,
  type InlineContent,
  type KubernetesHealthCheck,
  type KubernetesManifest,
  type MachineDocument,
  type MachineSetDocument,
  type TemplateDocument,
  type TemplatePatch,
  type TemplateProblem,
} from './templateModel';
import YAML from 'yaml';

export interface ValidateOptions {
  /**
   * Reads a `file:` reference (relative to the template's folder); undefined when it cannot be
   * read. Absent (the app, which reads one file), every `file:` reference is reported unreadable.
   */
  readFile?: (path: string) => string | undefined;
  /** The Talos schema check of patch documents; absent, patches get Omni's structural checks only. */
  talosCheck?: TalosDocumentCheck;
}

/** Omni reserves this label and annotation prefix for itself. */
const SYSTEM_PREFIX = 'omni.sidero.dev/';
/** Omni names the control-plane machine set `<cluster>-control-planes`, so workers may not take the name. */
const CONTROL_PLANES_SUFFIX = 'control-planes';
/** Disk encryption through Omni's KMS arrived with Talos 1.5.0 (Omni `ClusterValidator.validateEncryption`). */
const ENCRYPTION_SINCE = { major: 1, minor: 5, patch: 0, pre: [] };

/**
 * Validates a loaded template with the checks of Omni's own validator (siderolabs/omni
 * `client/pkg/template/internal/models`, `List.Validate`), reporting every problem with its
 * document and field: the cluster name, Kubernetes and Talos versions (semver, Talos with a
 * leading v), disk encryption needing Talos >= 1.5.0, reserved label prefixes, patches (file or
 * inline, named, readable, and valid Talos config without Omni-owned fields), manifests and
 * healthchecks, control-plane-only and workers-only fields, machine sets with both machines and a
 * class, machine UUIDs and install disks, and across documents: exactly one Cluster and one
 * ControlPlane, unique Workers names, no machine in two sets, no unused Machine document, no
 * locked machine in the control plane. An empty list means Omni would accept the template.
 */
export function validateTemplate(documents: readonly TemplateDocument[], options: ValidateOptions = {}): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  documents.forEach((doc, i) => {
    const at = (field: string, message: string) => problems.push({ documentIndex: i + 1, document: documentLabel(doc), field, message });
    if (doc.kind === 'Cluster') validateCluster(doc, at, options);
    else if (doc.kind === 'Machine') validateMachine(doc, at, options);
    else validateMachineSet(doc, at, options);
  });
  problems.push(...validateAcrossDocuments(documents));
  return problems;
}

type Report = (field: string, message: string) => void;

function validateCluster(doc: ClusterDocument, at: Report, options: ValidateOptions): void {
  const name = doc.name ?? '';
  if (name === '') at('name', 'name is required');
  else if ([...name].some((c) => !/[\p{L}\p{Nd}_-]/u.test(c))) at('name', 'name should only contain letters, digits, dashes and underscores');
  const kube = doc.kubernetes?.version ?? '';
  if (kube === '') at('kubernetes.version', 'version is required');
  else {
    const v = parseTolerantSemver(kube);
    if (isSemverError(v)) at('kubernetes.version', `version should be in semver format: ${v.error}`);
  }
  const talos = doc.talos?.version ?? '';
  if (talos === '') at('talos.version', 'version is required');
  else {
    const v = parseTolerantSemver(talos);
    if (isSemverError(v)) at('talos.version', `version should be in semver format: ${v.error}`);
    if (!talos.startsWith('v')) at('talos.version', "version should start with 'v'");
  }
  if (doc.features?.diskEncryption) {
    const v = parseTolerantSemver(talos);
    if (isSemverError(v)) at('features.diskEncryption', `cannot check disk encryption support: Talos version ${JSON.stringify(talos)} is not semver`);
    else if (compareSemver(v, ENCRYPTION_SINCE) < 0) at('features.diskEncryption', 'disk encryption is supported only for Talos version >= 1.5.0');
  }
  validateDescriptors(doc, '', at);
  validatePatches(doc.patches, at, options);
  validateManifests(doc.kubernetes?.manifests, at, options);
  validateHealthchecks(doc.kubernetes?.healthchecks, at, options);
}

function validateMachineSet(doc: MachineSetDocument, at: Report, options: ValidateOptions): void {
  if (doc.kind === 'ControlPlane') {
    if (doc.name) at('name', 'custom name is not allowed in the controlplane');
    if (doc.bootstrapSpec) {
      if (!doc.bootstrapSpec.clusterUUID) at('bootstrapSpec.clusterUUID', 'clusterUUID is required in bootstrapSpec');
      if (!doc.bootstrapSpec.snapshot) at('bootstrapSpec.snapshot', 'snapshot is required in bootstrapSpec');
    }
    if (doc.updateStrategy) at('updateStrategy', 'updateStrategy is not allowed in the controlplane');
    if (doc.deleteStrategy) at('deleteStrategy', 'deleteStrategy is not allowed in the controlplane');
  } else {
    if (doc.name === CONTROL_PLANES_SUFFIX) at('name', `name "${CONTROL_PLANES_SUFFIX}" cannot be used in workers`);
    if (doc.bootstrapSpec) at('bootstrapSpec', 'bootstrapSpec is not allowed in workers');
  }
  validateDescriptors(doc, '', at);
  if ((doc.machines?.length ?? 0) > 0 && doc.machineClass) at('machineClass', 'machine set can not have both machines and machine class defined');
  if (doc.kernelArgs !== undefined && doc.machineClass) at('kernelArgs', 'kernelArgs cannot be defined for machine set since it uses machine class');
  doc.machines?.forEach((id, i) => {
    if (!isUuid(id)) at(`machines[${i}]`, `invalid machine ID ${JSON.stringify(id)}: not a UUID`);
  });
  validatePatches(doc.patches, at, options);
}

function validateMachine(doc: MachineDocument, at: Report, options: ValidateOptions): void {
  if (!doc.name) at('name', 'name is required for machine');
  else if (!isUuid(doc.name)) at('name', `invalid machine ID ${JSON.stringify(doc.name)}: not a UUID`);
  validateDescriptors(doc, '', at);
  if (doc.install?.disk && doc.install.diskSelector) at('install', 'install.disk and install.diskSelector are mutually exclusive');
  validatePatches(doc.patches, at, options);
}

function validateDescriptors(d: Descriptors, path: string, at: Report): void {
  for (const key of Object.keys(d.labels ?? {})) {
    if (key.startsWith(SYSTEM_PREFIX)) at(dot(path, 'labels'), `label "${key}" is invalid: prefix "${SYSTEM_PREFIX}" is reserved for internal use`);
  }
  for (const key of Object.keys(d.annotations ?? {})) {
    if (key.startsWith(SYSTEM_PREFIX)) at(dot(path, 'annotations'), `annotation "${key}" is invalid: prefix "${SYSTEM_PREFIX}" is reserved for internal use`);
  }
}

function validatePatches(patches: readonly TemplatePatch[] | undefined, at: Report, options: ValidateOptions): void {
  patches?.forEach((patch, i) => {
    const path = `patches[${i}]`;
    const label = patch.name || patch.file || patch.idOverride || `#${i + 1}`;
    const bad = (field: string, message: string) => at(dot(path, field), `patch "${label}": ${message}`);
    validateDescriptors(patch, path, at);
    if (patch.file && patch.inline) bad('', 'file and inline are mutually exclusive');
    if (!patch.file && !patch.inline) bad('', 'file or inline is required');
    if (patch.file) {
      const raw = options.readFile?.(patch.file);
      if (raw === undefined) bad('file', `failed to access ${JSON.stringify(patch.file)}: file not found`);
      else for (const e of configPatchProblems(raw, options.talosCheck)) bad('file', `failed to validate patch ${JSON.stringify(patch.file)}: ${e}`);
    } else if (patch.inline) {
      if (!patch.name && !patch.idOverride) bad('name', 'either name or idOverride is required for inline patches');
      for (const e of configPatchProblems(inlineText(patch.inline), options.talosCheck)) bad('inline', `failed to validate inline patch: ${e}`);
    }
  });
}

function validateManifests(manifests: readonly KubernetesManifest[] | undefined, at: Report, options: ValidateOptions): void {
  const names = new Set<string>();
  manifests?.forEach((m, i) => {
    const path = `kubernetes.manifests[${i}]`;
    const name = m.name || m.file || '';
    let ok = true;
    const bad = (field: string, message: string) => {
      ok = false;
      at(dot(path, field), message);
    };
    if (name === '') bad('name', 'kubernetes manifest name is empty');
    if (!m.mode) bad('mode', `kubernetes manifest ${JSON.stringify(name)} mode is not set`);
    if (m.file && m.inline) bad('', `kubernetes manifest ${JSON.stringify(name)}: file and inline are mutually exclusive`);
    if (!m.file && !m.inline) bad('', `kubernetes manifest ${JSON.stringify(name)}: file or inline is required`);
    validateDescriptors(m, path, (f, msg) => bad(f.slice(path.length + 1), msg));
    if (m.file && !m.inline && options.readFile?.(m.file) === undefined) bad('file', `failed to access ${JSON.stringify(m.file)}: file not found`);
    // Omni checks for duplicate names only among manifests that are otherwise valid.
    if (ok && names.has(name)) at(dot(path, 'name'), `duplicate manifest name ${JSON.stringify(name)}`);
    if (ok) names.add(name);
  });
}

function validateHealthchecks(checks: readonly KubernetesHealthCheck[] | undefined, at: Report, options: ValidateOptions): void {
  const ids = new Set<string>();
  checks?.forEach((h, i) => {
    const path = `kubernetes.healthchecks[${i}]`;
    const id = h.idOverride || h.name || '';
    let ok = true;
    const bad = (field: string, message: string) => {
      ok = false;
      at(dot(path, field), message);
    };
    if (id === '') bad('name', 'either name or idOverride is required for a healthcheck');
    if (h.job && h.file) bad('', `healthcheck ${JSON.stringify(id)}: job and file are mutually exclusive`);
    else if (!h.job && !h.file) bad('', `healthcheck ${JSON.stringify(id)}: job or file is required`);
    else if (h.file && options.readFile?.(h.file) === undefined)
      bad('file', `healthcheck ${JSON.stringify(id)}: failed to access ${JSON.stringify(h.file)}: file not found`);
    validateDescriptors(h, path, (f, msg) => bad(f.slice(path.length + 1), msg));
    if (ok && id !== '' && ids.has(id)) at(dot(path, 'name'), `duplicate healthcheck ${JSON.stringify(id)}`);
    if (ok && id !== '') ids.add(id);
  });
}

function validateAcrossDocuments(documents: readonly TemplateDocument[]): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const whole = (message: string, field = '') => problems.push({ documentIndex: 0, document: 'template', field, message });
  const clusters = documents.filter((d) => d.kind === 'Cluster');
  const controlPlanes = documents.filter((d): d is MachineSetDocument => d.kind === 'ControlPlane');
  const workers = documents.filter((d): d is MachineSetDocument => d.kind === 'Workers');
  const machines = documents.filter((d): d is MachineDocument => d.kind === 'Machine');
  if (clusters.length !== 1) whole(`template should contain 1 Cluster document, got ${clusters.length}`);
  if (controlPlanes.length !== 1) whole(`template should contain 1 ControlPlane document, got ${controlPlanes.length}`);

  const workersByName = new Map<string, number>();
  const setsByMachine = new Map<string, string[]>();
  for (const w of workers) {
    const name = w.name ?? '';
    workersByName.set(name, (workersByName.get(name) ?? 0) + 1);
    for (const id of w.machines ?? []) setsByMachine.set(id, [...(setsByMachine.get(id) ?? []), name || '(default)']);
  }
  for (const [name, count] of workersByName) {
    if (count > 1) whole(`duplicate Workers documents named ${JSON.stringify(name || '(default)')} (${count})`, 'Workers.name');
  }
  for (const [id, sets] of setsByMachine) {
    if (sets.length > 1)
      whole(`machine ${JSON.stringify(id)} is used in multiple Workers sets: ${sets.map((s) => JSON.stringify(s)).join(', ')}`, 'Workers.machines');
  }
  const cpMachines = new Set(controlPlanes.flatMap((c) => c.machines ?? []));
  const both = [...setsByMachine.keys()].filter((id) => cpMachines.has(id));
  if (both.length > 0) whole(`machines ${both.map((s) => JSON.stringify(s)).join(', ')} are used in both ControlPlane and Workers`, 'machines');
  const used = new Set([...cpMachines, ...setsByMachine.keys()]);
  machines.forEach((m) => {
    if (m.name && !used.has(m.name)) {
      problems.push({
        documentIndex: documents.indexOf(m) + 1,
        document: documentLabel(m),
        field: 'name',
        message: `machine ${JSON.stringify(m.name)} is not used in ControlPlane or Workers`,
      });
    }
  });
  const locked = new Set(machines.filter((m) => m.locked && m.name).map((m) => m.name));
  for (const id of cpMachines) {
    if (locked.has(id)) whole(`machine ${JSON.stringify(id)} is locked and used in the ControlPlane`, 'ControlPlane.machines');
  }
  return problems;
}

/** The bytes Omni hands to Talos: a string verbatim, documents as multi-document YAML. */
export function inlineText(inline: InlineContent): string {
  if ('text' in inline) return inline.text;
  return inline.documents.map((d) => YAML.stringify(d, { lineWidth: 0 })).join('---\n');
}

/** RFC 4122 text form, as Google's uuid.Parse accepts it (also with urn:uuid: or braces). */
export function isUuid(id: string): boolean {
  const bare = id.replace(/^urn:uuid:/i, '').replace(/^\{(.*)\}$/, '$1');
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(bare) || /^[0-9a-f]{32}$/i.test(bare);
}

function dot(path: string, field: string): string {
  return field ? (path ? `${path}.${field}` : field) : path;
}

/** Re-exported for callers that compare Talos versions (exporter, schema choice). */
export { parseSemver };
