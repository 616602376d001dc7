import type { OmniExport } from './exportTemplate';
import { TALOS_SCHEMA_VERSIONS, type TalosSchemaVersion } from './talosFormat';
import type { TalosKeyValidator } from './talosDocumentValidator';

export type LoadTalosValidator = (version: TalosSchemaVersion) => Promise<TalosKeyValidator>;

/** A schema problem in an exported patch, named the way a user finds it in the template. */
export interface TalosPatchProblem {
  /** The template document carrying the patch: `Cluster "web"`, `ControlPlane`, `Workers "storage-r1"`. */
  document: string;
  /** The patch's name (`rackplan-firewall`). */
  patch: string;
  /** The Talos document inside the patch: `v1alpha1 config`, `NetworkRuleConfig "apid-ingress"`. */
  talosDocument: string;
  /** Key path inside that Talos document (`machine.network.kubespan`), or `(document)`. */
  field: string;
  message: string;
}

/** The outcome of checking an export's Talos patches against the schema of its Talos version. */
export type TalosPatchVerdict =
  | { status: 'checked'; schemaVersion: TalosSchemaVersion; patchCount: number; problems: TalosPatchProblem[] }
  /** The plan's Talos version has no schema: nothing was checked, and `available` says what would be. */
  | { status: 'no-schema'; talosMinor: string; available: readonly TalosSchemaVersion[] }
  /** The schema exists but could not be loaded (its chunk failed to download, Ajv could not compile). */
  | { status: 'unavailable'; schemaVersion: TalosSchemaVersion; reason: string };

/**
 * Checks an export's patches against the schema of its Talos version, whose validator `load`
 * gives (compiled at run time in the CLI, at build time in the app). Never rejects: a version without a schema, or a schema that
 * cannot be loaded, is a verdict that says so, and the template stays exportable.
 */
export async function talosPatchVerdict(exported: Pick<OmniExport, 'patches' | 'format'>, load: LoadTalosValidator): Promise<TalosPatchVerdict> {
  const schemaVersion = exported.format.schemaVersion;
  if (!schemaVersion) return { status: 'no-schema', talosMinor: exported.format.minor, available: TALOS_SCHEMA_VERSIONS };
  let validate: TalosKeyValidator;
  try {
    validate = await load(schemaVersion);
  } catch (error) {
    return { status: 'unavailable', schemaVersion, reason: error instanceof Error ? error.message : String(error) };
  }
  return { status: 'checked', schemaVersion, patchCount: exported.patches.length, problems: talosPatchProblems(exported.patches, validate) };
}

/** Checks every document of every exported patch with one version's validator; problems in template order. */
export function talosPatchProblems(patches: OmniExport['patches'], validate: TalosKeyValidator): TalosPatchProblem[] {
  return patches.flatMap(({ document, patch }) =>
    patch.documents.flatMap((talosDoc) =>
      validate(talosDoc).map(({ path, message }) => ({ document, patch: patch.name, talosDocument: talosDocumentLabel(talosDoc), field: path, message })),
    ),
  );
}

/** `Workers "storage-r1" › patch "rackplan-storage" › v1alpha1 config › machine.sysctls: …` */
export function formatTalosPatchProblem(p: TalosPatchProblem): string {
  return `${p.document} › patch "${p.patch}" › ${p.talosDocument} › ${p.field}: ${p.message}`;
}

function talosDocumentLabel(doc: Record<string, unknown>): string {
  if (typeof doc.kind !== 'string') return 'v1alpha1 config';
  return typeof doc.name === 'string' ? `${doc.kind} "${doc.name}"` : doc.kind;
}
