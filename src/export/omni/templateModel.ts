/**
 * The documents of an Omni cluster template, as Omni's template loader reads them
 * (siderolabs/omni `client/pkg/template/internal/models`): one `Cluster`, one `ControlPlane`,
 * any number of `Workers` and `Machine` documents, in one multi-document YAML file.
 * Docs: https://omni.siderolabs.com/reference/cluster-templates
 */

export type TemplateKind = 'Cluster' | 'ControlPlane' | 'Workers' | 'Machine';
export const TEMPLATE_KINDS: readonly TemplateKind[] = ['Cluster', 'ControlPlane', 'Workers', 'Machine'];

/** User labels and annotations a document may carry; the `omni.sidero.dev/` prefix is Omni's own. */
export interface Descriptors {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/**
 * Inline content of a patch, manifest or healthcheck: a YAML string kept verbatim, or one or more
 * documents given as YAML mappings (Omni accepts a map, a list of maps or a string).
 */
export type InlineContent = { text: string } | { documents: Record<string, unknown>[] };

export interface TemplatePatch extends Descriptors {
  name?: string;
  idOverride?: string;
  file?: string;
  inline?: InlineContent;
}

export interface KubernetesManifest extends Descriptors {
  name?: string;
  file?: string;
  inline?: InlineContent;
  mode?: 'full' | 'one-time';
}

export interface KubernetesHealthCheck extends Descriptors {
  name?: string;
  idOverride?: string;
  job?: InlineContent;
  file?: string;
  /** Re-check interval while an upgrade is held, seconds (a Go duration such as `30s` in YAML). */
  intervalSeconds?: number;
}

/** A list Omni tells apart from an absent one: `[]` means "explicitly none", absent means "inherit". */
export type OptionalList = string[] | undefined;

export interface ClusterDocument extends Descriptors {
  kind: 'Cluster';
  name?: string;
  kubernetes?: { version?: string; manifests?: KubernetesManifest[]; healthchecks?: KubernetesHealthCheck[] };
  talos?: { version?: string };
  features?: {
    diskEncryption?: boolean;
    enableWorkloadProxy?: boolean;
    useEmbeddedDiscoveryService?: boolean;
    disablePublicDiscoveryService?: boolean;
    enableNodeAuditSkip?: boolean;
    /** etcd backup interval, seconds (a Go duration such as `2h0m0s` in YAML); 0 turns backups off. */
    backupConfiguration?: { intervalSeconds?: number };
  };
  patches?: TemplatePatch[];
  systemExtensions?: OptionalList;
  kernelArgs?: OptionalList;
}

/** `Unlimited` takes every machine the class matches; a number takes that many. */
export type MachineClassSize = number | 'Unlimited';

export interface StrategyConfig {
  type?: 'Unset' | 'Rolling';
  rolling?: { maxParallelism?: number };
}

export interface MachineSetDocument extends Descriptors {
  kind: 'ControlPlane' | 'Workers';
  name?: string;
  bootstrapSpec?: { clusterUUID?: string; snapshot?: string };
  machines?: string[];
  machineClass?: { name?: string; size?: MachineClassSize };
  updateStrategy?: StrategyConfig;
  deleteStrategy?: StrategyConfig;
  upgradeStrategy?: StrategyConfig;
  patches?: TemplatePatch[];
  systemExtensions?: OptionalList;
  kernelArgs?: OptionalList;
}

export interface MachineDocument extends Descriptors {
  kind: 'Machine';
  name?: string;
  locked?: boolean;
  install?: { disk?: string; diskSelector?: string };
  patches?: TemplatePatch[];
  systemExtensions?: OptionalList;
  kernelArgs?: OptionalList;
}

export type TemplateDocument = ClusterDocument | MachineSetDocument | MachineDocument;

/** One problem, as Omni's loader or validator would report it: which document, which field, what. */
export interface TemplateProblem {
  /** 1-based position of the document in the file; 0 for problems of the template as a whole. */
  documentIndex: number;
  /** `Cluster "web"`, `ControlPlane`, `Workers "storage"`, `Machine "430d…"`, or `template`. */
  document: string;
  /** Field path inside the document (`talos.version`, `patches[1].inline`); empty for the whole document. */
  field: string;
  message: string;
}

/** How a document is named in problems, the way Omni's errors name it. */
export function documentLabel(doc: TemplateDocument | undefined, kindHint?: string): string {
  if (!doc) return kindHint ?? 'document';
  if (doc.kind === 'ControlPlane') return 'ControlPlane';
  if (doc.kind === 'Workers') return doc.name ? `Workers "${doc.name}"` : 'Workers (default)';
  return doc.name ? `${doc.kind} "${doc.name}"` : doc.kind;
}

/** `Cluster "web" › talos.version: version is required` */
export function formatProblem(p: TemplateProblem): string {
  const where = p.documentIndex > 0 ? `document ${p.documentIndex} (${p.document})` : p.document;
  return `${where}${p.field ? ` › ${p.field}` : ''}: ${p.message}`;
}
