// Measures the rack editor on the 5,000-node, 200-rack example in headless Chromium: how long the
// app takes to open the plan, frame timing and main-thread long tasks while a node is dragged,
// and long tasks around the drop (worker analysis round trip, autosave, re-render).
// Run: npx vite build && npx tsx test/bench/editorDrag.bench.ts   (or: npm run bench editorDrag)
// A benchmark, not a test: it prints figures and never fails on a time limit.
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS as ARGS, ensurePreviewServer } from './previewServer';

const PORT = Number(process.env.BENCH_PORT ?? 4173);
const BASE = `http://127.0.0.1:${PORT}/`;

/** Starts recording rAF intervals and long tasks in the page; `collect` returns and resets them. */
// Plain source text: tsx would wrap named functions in a helper the page does not have.
const INSTRUMENT = `(() => {
  const bench = { frames: [], longTasks: [], recording: false };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (bench.recording) bench.longTasks.push(e.duration);
  }).observe({ type: 'longtask' });
  let last = performance.now();
  function tick(t) {
    if (bench.recording) bench.frames.push(t - last);
    last = t;
    requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
})()`;

async function instrument(page: Page): Promise<void> {
  await page.evaluate(INSTRUMENT);
}

async function record(page: Page, on: boolean): Promise<{ frames: number[]; longTasks: number[] }> {
  return page.evaluate((flag) => {
    const w = window as unknown as { __bench: { frames: number[]; longTasks: number[]; recording: boolean } };
    const out = { frames: w.__bench.frames, longTasks: w.__bench.longTasks };
    w.__bench.frames = [];
    w.__bench.longTasks = [];
    w.__bench.recording = flag;
    return out;
  }, on);
}

const q = (xs: number[], p: number) => (xs.length === 0 ? 0 : [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]);
const f = (n: number) => n.toFixed(1);

async function main() {
  const server = await ensurePreviewServer(PORT);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(BASE);
    await page.locator('g.node').first().waitFor();

    // 1. Opening the plan from the Examples menu: fetch, parse and validate in the worker, lay out, draw.
    const opens: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = Date.now();
      await page.getByLabel('Open an example plan').selectOption(i % 2 === 0 ? 'hyperscale-5000.json' : 'reference.json');
      const name = i % 2 === 0 ? 'Hyperscale 5000' : 'Reference cluster';
      await page.waitForFunction(
        (n) => (document.querySelector('input[aria-label="Plan name"]') as HTMLInputElement | null)?.value === n && document.querySelector('g.node'),
        name,
      );
      if (i % 2 === 0) opens.push(Date.now() - t0);
    }
    // 2. Opening the app with the 5,000-node plan as the saved plan (reload, IndexedDB restore).
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.getByLabel('Open an example plan').selectOption('hyperscale-5000.json');
    await page.waitForFunction(() => (document.querySelector('input[aria-label="Plan name"]') as HTMLInputElement | null)?.value === 'Hyperscale 5000');
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const reloads: number[] = [];
    const openTasks: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.reload();
      await page.waitForFunction(
        () =>
          (document.querySelector('input[aria-label="Plan name"]') as HTMLInputElement | null)?.value === 'Hyperscale 5000' && document.querySelector('g.node'),
      );
      reloads.push(await page.evaluate(() => performance.now()));
      await page.waitForTimeout(2000);
      openTasks.push(
        ...((await page.evaluate(
          `new Promise((resolve) => { const seen = []; const obs = new PerformanceObserver((list) => seen.push(...list.getEntries().map((e) => e.duration))); obs.observe({ type: 'longtask', buffered: true }); setTimeout(() => { obs.disconnect(); resolve(seen); }, 200); })`,
        )) as number[]),
      );
    }
    const problems = page.getByRole('tab', { name: 'Problems (0)' });
    await problems.waitFor();
    // The first analysis lands after the nodes are drawn; measure the drag once the page is quiet.
    await page.waitForFunction(() => !document.querySelector('header [role=status]')?.textContent?.includes('computing'));
    await page.waitForTimeout(1500);

    // 3. Dragging one node across three racks and back, 150 pointer moves, then dropping it.
    await instrument(page);
    const drags: { frames: number[]; longTasks: number[]; drop: number[]; dropMs: number }[] = [];
    for (let run = 0; run < 3; run++) {
      const id = `w-000${run + 1}`;
      const node = page.locator(`g.node[data-node="${id}"]`);
      const from = (await node.boundingBox())!;
      const target = (await page.locator('g.rack[data-rack="a1-r4"] rect.frame').boundingBox())!;
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await page.mouse.down();
      await record(page, true);
      const steps = 150;
      const fx = from.x + from.width / 2;
      const tx = target.x + target.width / 2;
      const u40 = target.y + (48 - 40 + 0.5) * (target.height / 48);
      for (let s = 1; s <= steps; s++) {
        const t = s / steps;
        // Across three racks, sweeping over occupied and free U slots as a hand does, ending at U40 of A1-R4.
        const x = fx + (tx - fx) * Math.min(1, t * 1.25);
        const y = t < 0.8 ? target.y + target.height * (0.9 - 0.7 * (t / 0.8)) : u40;
        await page.mouse.move(x, y);
      }
      const during = await record(page, true);
      await page.evaluate(`(() => {
        const log = window.__statusLog = [];
        const el = document.querySelector('header [role=status]');
        new MutationObserver(() => log.push([performance.now(), el.textContent.trim()])).observe(el, { subtree: true, childList: true, characterData: true });
        window.__dropAt = performance.now();
      })()`);
      await page.mouse.up();
      await page.waitForTimeout(2500);
      const moved = (await node.getAttribute('aria-label')) ?? '';
      if (!moved.includes('U40')) throw new Error(`the drop did not land: ${moved}`);
      const log = (await page.evaluate('[window.__dropAt, window.__statusLog]')) as [number, [number, string][]];
      const settled = log[1].filter(([, text]) => text === 'Saved').at(-1);
      const computed = log[1].filter(([, text]) => !text.includes('computing')).at(-1);
      const dropMs = Math.max(settled ? settled[0] - log[0] : NaN, computed ? computed[0] - log[0] : NaN);
      const after = await record(page, false);
      drags.push({ frames: during.frames, longTasks: during.longTasks, drop: after.longTasks, dropMs });
      await page.keyboard.press('Control+z');
      // Let the undo's analysis and save finish before the next drag is measured.
      await page.waitForTimeout(2000);
    }

    const frames = drags.flatMap((d) => d.frames);
    const dragTasks = drags.flatMap((d) => d.longTasks);
    const dropTasks = drags.flatMap((d) => d.drop);
    console.log('Rack editor on hyperscale-5000.json (5,000 nodes, 200 racks), headless Chromium, 1440x900');
    console.log(`  open from the Examples menu       ${opens.map((t) => `${t} ms`).join(', ')}`);
    console.log(`  open the app with it saved        ${reloads.map((t) => `${f(t)} ms`).join(', ')} (navigation start to nodes drawn)`);
    console.log(`  open: ${openTasks.length} long tasks over 3 loads, longest ${f(Math.max(0, ...openTasks))} ms (page start-up, restore, first analysis)`);
    console.log(
      `  drag: frame interval median ${f(q(frames, 0.5))} ms, p95 ${f(q(frames, 0.95))} ms, max ${f(Math.max(...frames))} ms over ${frames.length} frames`,
    );
    console.log(`  drag: long tasks (> 50 ms) ${dragTasks.length}${dragTasks.length ? `, longest ${f(Math.max(...dragTasks))} ms` : ''}`);
    console.log(
      `  drop: long tasks ${dropTasks.length}${dropTasks.length ? `, longest ${f(Math.max(...dropTasks))} ms` : ''}; drop to analysed and saved ${drags.map((d) => `${f(d.dropMs)} ms`).join(', ')}`,
    );
  } finally {
    await browser.close();
    if (server?.pid) process.kill(-server.pid);
  }
}

void main();
