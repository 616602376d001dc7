import { spawn, type ChildProcess } from 'node:child_process';

/** Chromium's flags for the browser benchmarks (the same as the end-to-end tests'). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

async function up(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

/**
 * The built app's preview server on `port`: reuses one already answering, else starts
 * `vite preview` and waits up to 20 s for it. Returns the process it started (to kill), or null.
 */
export async function ensurePreviewServer(port: number): Promise<ChildProcess | null> {
  const base = `http://127.0.0.1:${port}/`;
  if (await up(base)) return null;
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
  for (let i = 0; i < 100 && !(await up(base)); i++) await new Promise((r) => setTimeout(r, 200));
  return server;
}
