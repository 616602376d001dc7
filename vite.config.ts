import { svelte } from '@sveltejs/vite-plugin-svelte';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { sharedDataDir } from './src/cli/sharedData';
import { precompiledTalosSchemaModule } from './src/export/omni/precompileTalosSchema';
import { TALOS_SCHEMA_VERSIONS } from './src/export/omni/talosFormat';
import { CSP_HEADER, CSP_META } from './src/security/contentSecurityPolicy';

/**
 * Adds the Content-Security-Policy to the built page only: the dev server injects styles and its
 * HMR client inline, which a strict policy would (rightly) refuse.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'rackplan-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META }, injectTo: 'head-prepend' }],
  };
}

/**
 * `virtual:rackplan/talos-v<version>-validator.js`: the Talos config validator of one version,
 * compiled by Ajv here at build time (the app's policy, no 'unsafe-eval', forbids compiling in the
 * browser) from the schema in `../shared/data/talos-config-schemas/` beside the clone: the schemas
 * are read from there, never copied into the repository. Each version becomes a lazy chunk of the
 * engine worker. Built without that folder, the chunk only says so when loaded, and the export
 * dialog reports the patches as not schema-checked.
 */
function talosValidators(): Plugin {
  const pattern = /^virtual:rackplan\/talos-v(\d+\.\d+)-validator\.js$/;
  const schemas = join(sharedDataDir(dirname(fileURLToPath(import.meta.url))).dir, 'talos-config-schemas');
  return {
    name: 'rackplan-talos-validators',
    resolveId: (id) => (pattern.test(id) ? `\0${id}` : undefined),
    load(id) {
      const version = id.startsWith('\0') ? pattern.exec(id.slice(1))?.[1] : undefined;
      if (version === undefined) return undefined;
      if (!(TALOS_SCHEMA_VERSIONS as readonly string[]).includes(version)) throw new Error(`no Talos schema version ${version}`);
      const file = join(schemas, `talos-v${version}-config.schema.json`);
      if (!existsSync(file)) return `throw new Error(${JSON.stringify(`this build has no Talos ${version} schema: ${file} was absent when it was built`)});`;
      this.addWatchFile(file);
      return precompiledTalosSchemaModule(JSON.parse(readFileSync(file, 'utf8')));
    },
  };
}

export default defineConfig({
  plugins: [svelte(), contentSecurityPolicy(), talosValidators()],
  // Component tests mount Svelte in jsdom, which needs Svelte's client build, not its server one.
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  // Worker bundles get only these plugins in a build, not the page's.
  worker: { format: 'es', plugins: () => [talosValidators()] },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 2000 },
  // A busy port is not fatal: preview says so and takes the next free one (npm start -- --port N chooses).
  preview: { port: 4173, strictPort: false, headers: { 'Content-Security-Policy': CSP_HEADER } },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
    testTimeout: 60_000,
  },
});
