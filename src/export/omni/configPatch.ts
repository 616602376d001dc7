import YAML from 'yaml';
import { isMap } from './loadTemplate';

/**
 * Checks one Talos document against the Talos configuration schema: a known kind for its
 * apiVersion, no unknown keys, values of the right type. Returns one sentence per problem, each
 * naming the key path (`machine.network.kubespan: unknown key "running"`). Built from the Talos
 * JSON Schemas by `talosSchemaCheck`; absent where no schema is at hand (the app).
 */
export type TalosDocumentCheck = (document: Record<string, unknown>) => string[];

/**
 * Fields a config patch may not set, because Omni owns them (machine secrets, the cluster
 * identity and endpoint, the install disk and extensions): Omni's `forbiddenFields`
 * (siderolabs/omni `client/pkg/omni/resources/omni/config_patch.go`).
 */
export const OMNI_FORBIDDEN_FIELDS: readonly string[] = [
  'cluster.clusterName',
  'cluster.id',
  'cluster.controlPlane.endpoint',
  'cluster.token',
  'cluster.secret',
  'cluster.aescbcEncryptionSecret',
  'cluster.secretboxEncryptionSecret',
  'cluster.ca',
  'cluster.acceptedCAs',
  'cluster.serviceAccount',
  'machine.token',
  'machine.ca',
  'machine.type',
  'machine.install.disk',
  'machine.install.extensions',
  'machine.acceptedCAs',
];

/** Talos documents Omni refuses in a patch: it generates them itself, or does not support them. */
export const OMNI_FORBIDDEN_DOCUMENTS: readonly string[] = [
  'UnattendedInstallConfig',
  'DiscoveryIdentityConfig',
  'KubeClusterConfig',
  'KubeEtcdEncryptionConfig',
  'KubeAPIServerCAConfig',
  'KubeAggregatorCAConfig',
];

/** Fields of multi-document kinds a patch may not set. */
const DOCUMENT_FORBIDDEN_FIELDS: Record<string, readonly string[]> = {
  KubeServiceAccountConfig: ['issuer.privateKey'],
};

/** List elements a patch may not add: the Talos API `os:admin` role stays Omni's. */
const FORBIDDEN_ELEMENTS: Record<string, Record<string, readonly string[]>> = {
  '': { 'machine.features.kubernetesTalosAPIAccess.allowedRoles': ['os:admin'] },
  KubeTalosAPIAccessConfig: { allowedRoles: ['os:admin'] },
};

/** Top-level keys that mark a kind-less document as the legacy v1alpha1 machine config. */
const V1ALPHA1_KEYS = ['machine', 'cluster', 'debug', 'persist'];

/**
 * Validates the text of a Talos config patch the way Omni does before accepting it
 * (`omni.ValidateConfigPatch`): first Talos' own loader (each document a mapping; a kind-less
 * document is v1alpha1 only if it has machine, cluster, debug or persist, otherwise "missing
 * kind"; then "missing apiVersion"; no duplicate documents; the schema check), and only if that
 * passes, Omni's own rules (forbidden documents, fields and list elements). Returns sentences.
 */
export function configPatchProblems(text: string, talosCheck?: TalosDocumentCheck): string[] {
  let documents: unknown[];
  try {
    const parsed = YAML.parseAllDocuments(text, { uniqueKeys: true });
    const list = Array.isArray(parsed) ? parsed : [parsed];
    const errors = list.flatMap((d) => d.errors);
    if (errors.length > 0) return [`not valid YAML: ${errors[0].message.split('\n')[0]}`];
    documents = list.filter((d) => d.contents !== null).map((d) => d.toJS({ maxAliasCount: 100 }));
  } catch (error) {
    return [`not valid YAML: ${(error as Error).message.split('\n')[0]}`];
  }
  const loadErrors: string[] = [];
  const seen = new Set<string>();
  for (const [i, doc] of documents.entries()) {
    const at = documents.length > 1 ? `document ${i + 1}: ` : '';
    if (!isMap(doc)) {
      loadErrors.push(`${at}a config document must be a mapping`);
      continue;
    }
    const kind = typeof doc.kind === 'string' ? doc.kind : '';
    let apiVersion = typeof doc.apiVersion === 'string' ? doc.apiVersion : '';
    if (Object.keys(doc).some((k) => V1ALPHA1_KEYS.includes(k))) apiVersion = 'v1alpha1';
    if (!(apiVersion === 'v1alpha1' && kind === '')) {
      if (kind === '') {
        loadErrors.push(`${at}missing kind (a Talos document needs a kind and apiVersion, or machine/cluster keys for v1alpha1)`);
        continue;
      }
      if (apiVersion === '') {
        loadErrors.push(`${at}missing apiVersion in ${kind}`);
        continue;
      }
    }
    const id = `${apiVersion}/${kind}/${typeof doc.name === 'string' ? doc.name : ''}`;
    if (seen.has(id)) loadErrors.push(`${at}duplicate document ${id}`);
    seen.add(id);
    if (talosCheck) loadErrors.push(...talosCheck(doc).map((e) => `${at}${e}`));
  }
  if (loadErrors.length > 0) return loadErrors;

  const omniErrors: string[] = [];
  for (const doc of documents as Record<string, unknown>[]) {
    const kind = typeof doc.kind === 'string' ? doc.kind : '';
    if (OMNI_FORBIDDEN_DOCUMENTS.includes(kind)) {
      omniErrors.push(`the "${kind}" document is not allowed in the config patch`);
      continue;
    }
    const fields = kind === '' ? OMNI_FORBIDDEN_FIELDS : (DOCUMENT_FORBIDDEN_FIELDS[kind] ?? []);
    for (const field of fields) {
      if (getField(doc, field) !== undefined) omniErrors.push(`overriding "${field}" is not allowed in the config patch`);
    }
    for (const [field, forbidden] of Object.entries(FORBIDDEN_ELEMENTS[kind] ?? {})) {
      const value = getField(doc, field);
      if (!Array.isArray(value)) continue;
      for (const element of value) {
        if (forbidden.includes(element as string)) omniErrors.push(`element "${String(element)}" is not allowed in field "${field}"`);
      }
    }
  }
  return omniErrors;
}

/** The value at a dotted path, or undefined; a key present with a null value counts as present. */
function getField(doc: Record<string, unknown>, field: string): unknown {
  let obj: unknown = doc;
  for (const part of field.split('.')) {
    if (!isMap(obj) || !(part in obj)) return undefined;
    obj = obj[part];
  }
  return obj === undefined ? undefined : (obj ?? null);
}
