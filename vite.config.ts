import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
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

export default defineConfig({
  plugins: [svelte(), contentSecurityPolicy()],
  // Component tests mount Svelte in jsdom, which needs Svelte's client build, not its server one.
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  worker: { format: 'es' },
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
