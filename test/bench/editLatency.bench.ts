// Edit to updated results in headless Chromium on the built app: a 1,000-node plan (the first
// 1,000 nodes of the hyperscale sample) and the 5,000-node sample. Each edit moves one selected
// worker one U (Shift+Arrow); "updated" is the moment the toolbar stops saying "computing…"
// (the quick pass has arrived and the panels are drawn). Then ten edits 30 ms apart: how long
// after the last one the results settle, against a single edit's median.
// Run: npm run bench editLatency (needs the build; `npm run bench` builds first).
import { chromium, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fact, figure } from './figures';
import { CHROMIUM_ARGS as ARGS, ensurePreviewServer } from './previewServer';

const PORT = Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 4173);
const BASE = `http://127.0.0.1:${PORT}/`;

/**
 * In the page: presses Shift+`key` `count` times `gapMs` apart and resolves with the ms from the
 * first and from the last press until the status has said "computing…" and stopped saying it.
 * Plain source text: tsx would wrap named functions in a helper the page does not have.
 */
const EDITS = `(async ({ keys, gapMs }) => {
  const status = document.querySelector('header [role=status]');
  const busy = () => status.textContent.includes('computing');
  const press = (key) => window.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey: true, bubbles: true }));
  const first = performance.now();
  let last = first;
  let pressedAll = false;
  let seenBusy = false;
  const settled = new Promise((resolve) => {
    // Settled: after the last press, the status has said "computing…" and stopped saying it.
    const check = () => {
      if (busy()) seenBusy = pressedAll;
      else if (pressedAll && seenBusy) { obs.disconnect(); resolve(performance.now()); }
    };
    const obs = new MutationObserver(check);
    obs.observe(status, { subtree: true, childList: true, characterData: true });
  });
  for (let i = 0; i < keys.length; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, gapMs));
    last = performance.now();
    if (i === keys.length - 1) pressedAll = true;
    press(keys[i]);
  }
  if (busy()) seenBusy = true;
  const end = await Promise.race([settled, new Promise((r) => setTimeout(() => r(NaN), 20000))]);
  return { fromFirstMs: end - first, fromLastMs: end - last };
})`;

const LONG_TASKS = `(() => { window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask' }); })()`;

const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const f = (n: number) => n.toFixed(0);

async function openPlan(page: Page, name: string, json: string) {
  await page.getByLabel('Open plan file').setInputFiles({ name: `${name}.json`, mimeType: 'application/json', buffer: Buffer.from(json) });
  await page.waitForFunction((n) => (document.querySelector('input[aria-label="Plan name"]') as HTMLInputElement | null)?.value === n, name, {
    timeout: 60_000,
  });
  await page.waitForFunction(
    () =>
      !document.querySelector('header [role=status]')?.textContent?.includes('computing') &&
      !document.querySelector('header [role=status]')?.textContent?.includes('refining'),
    undefined,
    { timeout: 60_000 },
  );
}

/** Selects the first worker that can move one U, and returns the key that moves it and the one back. */
async function selectMovableWorker(page: Page): Promise<[string, string]> {
  const ids = await page.$$eval('g.node[data-role="worker"]', (els) => els.slice(0, 40).map((e) => e.getAttribute('data-node')!));
  for (const id of ids) {
    await page.locator(`g.node[data-node="${id}"]`).click();
    for (const [there, back] of [
      ['ArrowUp', 'ArrowDown'],
      ['ArrowDown', 'ArrowUp'],
    ]) {
      const r = (await page.evaluate(`${EDITS}({ keys: ['${there}'], gapMs: 0 })`)) as { fromLastMs: number };
      if (Number.isFinite(r.fromLastMs)) {
        await page.evaluate(`${EDITS}({ keys: ['${back}'], gapMs: 0 })`);
        return [there, back];
      }
    }
  }
  throw new Error('no worker could move one U');
}

async function measurePlan(page: Page, label: string) {
  const [there, back] = await selectMovableWorker(page);
  await page.evaluate(LONG_TASKS);
  const single: number[] = [];
  for (let i = 0; i < 16; i++) {
    const r = (await page.evaluate(`${EDITS}({ keys: ['${i % 2 ? back : there}'], gapMs: 0 })`)) as { fromLastMs: number };
    single.push(r.fromLastMs);
    // Let the refining pass finish, as a user pausing between edits would.
    await page.waitForTimeout(300);
  }
  const bursts: { fromFirstMs: number; fromLastMs: number }[] = [];
  for (let i = 0; i < 3; i++) {
    bursts.push(
      (await page.evaluate(`${EDITS}({ keys: ${JSON.stringify(Array.from({ length: 10 }, (_, k) => (k % 2 ? back : there)))}, gapMs: 30 })`)) as {
        fromFirstMs: number;
        fromLastMs: number;
      },
    );
    await page.waitForTimeout(500);
  }
  const longTasks = (await page.evaluate('window.__long')) as number[];
  const median = q(single, 0.5);
  const burstAfterLast = q(
    bursts.map((b) => b.fromLastMs),
    0.5,
  );
  figure(`browser.editToResults.${label}.medianMs`, median);
  figure(`browser.editToResults.${label}.p95Ms`, q(single, 0.95));
  figure(`browser.tenEdits.${label}.afterLastMs`, burstAfterLast);
  figure(
    `browser.tenEdits.${label}.fromFirstMs`,
    q(
      bursts.map((b) => b.fromFirstMs),
      0.5,
    ),
  );
  figure(`browser.tenEdits.${label}.ratioToOneEdit`, burstAfterLast / median);
  figure(`browser.edits.${label}.longestTaskMs`, Math.max(0, ...longTasks));
  console.log(`  ${label} nodes: edit → results median ${f(median)} ms, p95 ${f(q(single, 0.95))} ms over ${single.length} edits`);
  console.log(
    `  ${label} nodes: ten edits 30 ms apart settle ${f(burstAfterLast)} ms after the last (${(burstAfterLast / median).toFixed(2)} × one edit), ${f(
      q(
        bursts.map((b) => b.fromFirstMs),
        0.5,
      ),
    )} ms after the first`,
  );
  console.log(`  ${label} nodes: ${longTasks.length} long tasks on the main thread, longest ${f(Math.max(0, ...longTasks))} ms`);
}

async function main() {
  const server = await ensurePreviewServer(PORT);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  fact('chromium', browser.version());
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(BASE);
    await page.locator('g.node').first().waitFor();
    const hyperscale = JSON.parse(readFileSync('public/examples/hyperscale-5000.json', 'utf8'));
    const thousand = { ...hyperscale, name: 'Bench 1000', nodes: hyperscale.nodes.slice(0, 1000) };
    console.log(`Edit to updated results, headless Chromium ${browser.version()}, 1440x900`);
    await openPlan(page, 'Bench 1000', JSON.stringify(thousand));
    await measurePlan(page, '1000');
    await openPlan(page, 'Bench 5000', JSON.stringify({ ...hyperscale, name: 'Bench 5000' }));
    await measurePlan(page, '5000');
  } finally {
    await browser.close();
    if (server?.pid) process.kill(-server.pid);
  }
}

void main();
