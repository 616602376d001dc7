// Cold `evaluate` in headless Chromium's V8, in a Web Worker as the app runs its models: the
// same method as evaluate.bench.ts (first run alone, then 30 runs after 10 warm-up runs, each on
// a fresh structural copy between task boundaries). The worker (browserEvaluate.worker.ts) is
// bundled here with Vite's build API and served to a blank page through Playwright's routing,
// so the app's Content-Security-Policy and UI play no part.
// Run: npm run bench browserEvaluate
import { chromium } from '@playwright/test';
import { build, type Rollup } from 'vite';
import { fact, figure } from './figures';
import { CHROMIUM_ARGS as ARGS } from './previewServer';
import type { BrowserEvaluateRequest, BrowserEvaluateResult } from './browserEvaluate.worker';

const SAMPLES_TIMED = ['enterprise.json', 'hyperscale-5000.json'];
const ORIGIN = 'http://rackplan-bench.invalid';
const f = (n: number) => n.toFixed(1);

async function workerBundle(): Promise<string> {
  const out = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      lib: { entry: new URL('./browserEvaluate.worker.ts', import.meta.url).pathname, formats: ['iife'], name: 'browserEvaluate' },
    },
  })) as Rollup.RolldownOutput[] | Rollup.RolldownOutput;
  const chunk = (Array.isArray(out) ? out[0] : out).output.find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('the worker bundle has no code');
  return chunk.code;
}

async function main() {
  const code = await workerBundle();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  fact('chromium', browser.version());
  try {
    const page = await browser.newPage();
    await page.route(`${ORIGIN}/**`, (route) => {
      const worker = route.request().url().endsWith('/worker.js');
      return route.fulfill({ status: 200, contentType: worker ? 'text/javascript' : 'text/html', body: worker ? code : '<!doctype html><title>bench</title>' });
    });
    await page.goto(`${ORIGIN}/`);
    console.log(
      `evaluate(plan) in a Web Worker of headless Chromium ${browser.version()}: the first run, then median / p95 (min) of 30 cold runs after 10 warm-up runs`,
    );
    for (const sample of SAMPLES_TIMED) {
      const request: BrowserEvaluateRequest = { sample, runs: 30, warmup: 10 };
      const r = (await page.evaluate(
        (req) =>
          new Promise((resolve, reject) => {
            const w = new Worker('/worker.js');
            w.onmessage = (e) => {
              w.terminate();
              resolve(e.data);
            };
            w.onerror = (e) => reject(new Error(e.message));
            w.postMessage(req);
          }),
        request,
      )) as BrowserEvaluateResult;
      figure(`browser.evaluate.${sample}.firstMs`, r.firstMs);
      figure(`browser.evaluate.${sample}.coldMs`, r.medianMs);
      figure(`browser.evaluate.${sample}.coldP95Ms`, r.p95Ms);
      figure(`browser.evaluate.${sample}.coldMinMs`, r.minMs);
      console.log(
        `  ${sample.padEnd(22)} ${String(r.nodes).padStart(5)} nodes  evaluate first ${f(r.firstMs)} ms, then ${f(r.medianMs)} / ${f(r.p95Ms)} (${f(r.minMs)}) ms`,
      );
    }
  } finally {
    await browser.close();
  }
}

await main();
