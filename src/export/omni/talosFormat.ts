import { isSemverError, parseSemver } from './semver';

/** Talos minor versions whose configuration JSON Schema we check exported patches against. */
export const TALOS_SCHEMA_VERSIONS = ['1.12', '1.13', '1.14'] as const;
export type TalosSchemaVersion = (typeof TALOS_SCHEMA_VERSIONS)[number];

/** `1.12, 1.13 and 1.14`: the versions with a schema, for sentences that say which exist. */
export function availableTalosSchemas(versions: readonly string[] = TALOS_SCHEMA_VERSIONS): string {
  return versions.length <= 1 ? versions.join('') : `${versions.slice(0, -1).join(', ')} and ${versions[versions.length - 1]}`;
}

export interface TalosFormat {
  /** `1.12`: the plan's Talos minor version. */
  minor: string;
  /**
   * KubeSpan as its own `KubeSpanConfig` document (Talos 1.13 moved it out of
   * `machine.network.kubespan`, siderolabs/talos 8184927 "implement KubeSpan multi-document
   * configuration"); before 1.13 it is a key of the v1alpha1 machine config.
   */
  kubeSpanDocument: boolean;
  /** `machine.install.extraKernelArgs` exists (its schema drops it from Talos 1.13, where the UKI command line rules). */
  installKernelArgs: boolean;
  /** The schema to check patches against, or undefined when we have none for this version. */
  schemaVersion: TalosSchemaVersion | undefined;
}

/** The document format of a Talos version (`1.12.0`, `v1.13.2`): which documents carry what. */
export function talosFormat(version: string): TalosFormat {
  const v = parseSemver(version.replace(/^v/, ''));
  const major = isSemverError(v) ? 0 : v.major;
  const minorNumber = isSemverError(v) ? 0 : v.minor;
  const minor = `${major}.${minorNumber}`;
  return {
    minor,
    kubeSpanDocument: major > 1 || (major === 1 && minorNumber >= 13),
    installKernelArgs: major === 1 && minorNumber < 13,
    schemaVersion: (TALOS_SCHEMA_VERSIONS as readonly string[]).includes(minor) ? (minor as TalosSchemaVersion) : undefined,
  };
}
