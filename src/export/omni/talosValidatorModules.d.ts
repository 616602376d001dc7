/**
 * The Talos validators compiled at build time (vite.config.ts generates each from the
 * schema with `precompiledTalosSchemaModule`): `definitions` by `$defs` name, `byKind` kind → name.
 */
declare module 'virtual:rackplan/talos-v*-validator.js' {
  export const definitions: Record<string, ((data: unknown) => boolean) & { errors?: import('ajv').ErrorObject[] | null }>;
  export const byKind: Record<string, string>;
}
