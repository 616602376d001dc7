// Cold `evaluate` in headless Chromium's V8, in a Web Worker as the app runs its models: the
// same method as evaluate.bench.ts (first run alone, then 30 runs after 10 warm-up runs, each on
// a fresh structural copy between task boundaries). The worker (browserEvaluate.worker.ts) is
// bundled here with Vite's build API and served to a blank page through Playwright's routing,
// so the app's Content-Security-Policy and UI play no part.
// Run: npm run bench browserEvaluate
import { chromium, type Page } from '@playwright/test';
import { build, type Plugin, type Rollup } from 'vite';
import { fact, figure } from './figures';
import { alternate, baselineTree, ISSUE_9_BASELINE, recordComparison, takeTurns, type TurnTaker } from './issueBaseline';
import { CHROMIUM_ARGS as ARGS } from './previewServer';
import { summary } from './timing';
import type { BrowserEvaluateRequest, BrowserEvaluateResult, BrowserTurnRequest } from './browserEvaluate.worker';

const SAMPLES_TIMED = ['enterprise.json', 'hyperscale-5000.json'];
const ORIGIN = 'http://rackplan-bench.invalid';
const f = (n: number) => n.toFixed(1);

/**
 * The worker bundle. With `modelsRoot`, the worker's own imports of `../../src/…` (the models and
 * the samples) come from that tree instead, the issue's baseline, and everything else (the timing
 * loop) stays this checkout's, so the two bundles differ only in the models they time.
 */
async function workerBundle(modelsRoot?: string): Promise<string> {
  const entry = new URL('./browserEvaluate.worker.ts', import.meta.url).pathname;
  const models: Plugin = {
    name: 'baseline-models',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!modelsRoot || importer !== entry || !source.startsWith('../../src/')) return null;
      return `${modelsRoot}/${source.slice('../../'.length)}.ts`;
    },
  };
  const out = (await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [models],
    build: {
      write: false,
      lib: { entry, formats: ['iife'], name: 'browserEvaluate' },
    },
  })) as Rollup.RolldownOutput[] | Rollup.RolldownOutput;
  const chunk = (Array.isArray(out) ? out[0] : out).output.find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('the worker bundle has no code');
  return chunk.code;
}

/** One worker's cold runs of `request.sample`, from the script at `path`. */
function runWorker(page: Page, path: string, request: BrowserEvaluateRequest): Promise<BrowserEvaluateResult> {
  return page.evaluate(
    ({ path, req }) =>
      new Promise<BrowserEvaluateResult>((resolve, reject) => {
        const w = new Worker(path);
        w.onmessage = (e) => {
          w.terminate();
          resolve(e.data as BrowserEvaluateResult);
        };
        w.onerror = (e) => reject(new Error(e.message));
        w.postMessage(req);
      }),
    { path, req: request },
  );
}

async function main() {
  const code = await workerBundle();
  const tree = baselineTree();
  const baselineCode = 'root' in tree ? await workerBundle(tree.root) : null;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  fact('chromium', browser.version());
  try {
    const page = await browser.newPage();
    await page.route(`${ORIGIN}/**`, (route) => {
      const url = route.request().url();
      const script = url.endsWith('/worker.js') ? code : url.endsWith('/baseline.js') ? baselineCode : null;
      return route.fulfill({ status: 200, contentType: script ? 'text/javascript' : 'text/html', body: script ?? '<!doctype html><title>bench</title>' });
    });
    await page.goto(`${ORIGIN}/`);
    console.log(
      `evaluate(plan) in a Web Worker of headless Chromium ${browser.version()}: the first run, then median / p95 (min) of 30 cold runs after 10 warm-up runs`,
    );
    for (const sample of SAMPLES_TIMED) {
      const request: BrowserEvaluateRequest = { sample, runs: 30, warmup: 10 };
      const r = await runWorker(page, '/worker.js', request);
      figure(`browser.evaluate.${sample}.firstMs`, r.firstMs);
      figure(`browser.evaluate.${sample}.coldMs`, r.medianMs);
      figure(`browser.evaluate.${sample}.coldP95Ms`, r.p95Ms);
      figure(`browser.evaluate.${sample}.coldMinMs`, r.minMs);
      console.log(
        `  ${sample.padEnd(22)} ${String(r.nodes).padStart(5)} nodes  evaluate first ${f(r.firstMs)} ms, then ${f(r.medianMs)} / ${f(r.p95Ms)} (${f(r.minMs)}) ms`,
      );
    }
    await freshWorkers(page);
    if (baselineCode === null) console.log(`baseline comparison skipped: ${'missing' in tree ? tree.missing : ''}`);
    else await baselineComparison(page);
  } finally {
    await browser.close();
  }
}

/** Fresh workers whose medians the spread compares, and the cold runs each makes after warming up. */
const FRESH_WORKERS = 4;
const FRESH_RUNS = 20;
const FRESH_WARMUP = 10;

/**
 * The 5,000-node plan's cold median in several fresh Web Workers, and the slowest over the
 * fastest. Each worker's JIT warms up on its own, and one that settles on code it keeps throwing
 * away (a deoptimisation loop) stays slow for its whole life: in 6 of 10 fresh workers a keyed
 * read in `transferTime` did, and those ran evaluate about 1.5 times slower than the others,
 * which one worker's figure cannot show. The workers take turns, one cold run each, the order
 * rotating by one every round, so a slow spell of the machine falls on all of them alike and the
 * spread is the workers' own.
 */
async function freshWorkers(page: Page) {
  const { sample } = ISSUE_9_BASELINE;
  const workers: TurnTaker[] = [];
  for (let i = 0; i < FRESH_WORKERS; i++) workers.push(await turnTaker(page, '/worker.js', sample));
  const times = await takeTurns(workers, FRESH_WARMUP, FRESH_RUNS);
  await Promise.all(workers.map((w) => w.stop()));
  const medians = times.map((t) => summary(t).medianMs);
  const spread = Math.max(...medians) / Math.min(...medians);
  figure(`browser.evaluate.${sample}.freshWorkerSpread`, spread);
  console.log(
    `  ${FRESH_WORKERS} fresh workers taking turns, cold median of ${FRESH_RUNS} runs each after ${FRESH_WARMUP}: ${medians.map(f).join(', ')} ms; slowest / fastest ${spread.toFixed(2)}`,
  );
}

/** A Web Worker of the script at `path` that answers one cold run of `sample` per turn (issueBaseline.ts). */
async function turnTaker(page: Page, path: string, sample: string): Promise<TurnTaker> {
  const key = await page.evaluate((script) => {
    const w = new Worker(script);
    const all = ((window as unknown as { benchWorkers?: Worker[] }).benchWorkers ??= []);
    all.push(w);
    return all.length - 1;
  }, path);
  const request: BrowserTurnRequest = { sample, turn: true };
  return {
    run: () =>
      page.evaluate(
        ({ key, request }) =>
          new Promise<number>((resolve, reject) => {
            const w = (window as unknown as { benchWorkers: Worker[] }).benchWorkers[key];
            w.onmessage = (e) => resolve(e.data as number);
            w.onerror = (e) => reject(new Error(e.message));
            w.postMessage(request);
          }),
        { key, request },
      ),
    stop: () => page.evaluate((key) => (window as unknown as { benchWorkers: Worker[] }).benchWorkers[key].terminate(), key),
  };
}

/**
 * The cold figure as a ratio to the code issue #9 was filed against (`issueBaseline.ts`), as
 * evaluate.bench.ts does in Node: a Web Worker of that code and one of ours take turns, one cold
 * run each, and the ratio is the median of the turns' ratios.
 */
async function baselineComparison(page: Page) {
  const { sample } = ISSUE_9_BASELINE;
  recordComparison(
    'browser.evaluate',
    sample,
    await alternate(async () => [await turnTaker(page, '/baseline.js', sample), await turnTaker(page, '/worker.js', sample)]),
  );
}

await main();
