import { defineConfig } from 'vite';

/** Builds the command line into `dist/cli/plan.js`, runnable with `node dist/cli/plan.js <command>`. */
export default defineConfig({
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { output: { entryFileNames: 'plan.js', format: 'es' } },
  },
  ssr: { noExternal: true },
});
