import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/**
 * The engine worker made to fail, without test hooks in the app: the worker script is served
 * with a prelude that wraps its message listener. A message carrying MARKER (a plan name, a
 * file's text) makes the worker throw (an uncaught error, as a crashing worker raises) or
 * never answer (a hung worker). Every other message reaches the real engine.
 */
const MARKER = 'BREAK-ENGINE';
const WORKER = '**/assets/engine.worker-*.js';
type Mode = 'throw' | 'hang';

const prelude = (mode: Mode) => `
const listen = self.addEventListener.bind(self);
self.addEventListener = (type, listener, options) => listen(type, type !== 'message' ? listener : (event) => {
  let text = '';
  try { text = JSON.stringify(event.data); } catch { text = ''; }
  if (!text.includes(${JSON.stringify(MARKER)})) return listener(event);
  ${mode === 'throw' ? "throw new Error('injected failure in the engine worker');" : '// never answer'}
}, options);
`;

/**
 * Breaks the first engine worker the page starts, and only that one: after a failure the pool
 * starts a fresh worker as soon as a queued job needs one, which may be before the test "repairs"
 * the engine, and that replacement must be the working script, as it is for a real user. Not
 * cached, so no later worker can be served the broken copy.
 */
async function breakWorker(page: Page, mode: Mode) {
  await page.route(
    WORKER,
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: prelude(mode) + (await response.text()), headers: { ...response.headers(), 'cache-control': 'no-store' } });
    },
    { times: 1 },
  );
}

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/engine-${name}.png` });

async function openApp(page: Page) {
  await page.goto('/');
  await expect(page.locator('g.node')).toHaveCount(12);
  await expect(page.getByRole('tab', { name: /^Findings/ })).toHaveAttribute('data-problems', '0');
}

/** Screens of the error state at both widths, light and dark, for review. */
async function shots(page: Page, name: string) {
  for (const [width, scheme] of [
    [1440, 'light'],
    [800, 'light'],
    [1440, 'dark'],
    [800, 'dark'],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await shot(page, `${name}-${width}-${scheme}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
}

for (const mode of ['throw', 'hang'] as const) {
  test(`a worker that ${mode === 'throw' ? 'throws' : 'hangs'} on an analysis: the results pane says so, marks the old results stale and retries`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await breakWorker(page, mode);
    await openApp(page);
    await expect(page.getByText('every rack survives losing one feed')).toBeVisible();

    await page.getByLabel('Plan name').fill(`${MARKER} plan`);
    await page.getByLabel('Plan name').press('Enter');
    const failure = page.getByRole('alert').filter({ hasText: 'Analysis failed:' });
    // A hung worker is given up on after the pool's stall time (10 s).
    await expect(failure).toBeVisible({ timeout: 20_000 });
    await expect(failure).toContainText(mode === 'throw' ? 'the engine worker stopped' : 'the engine did not answer for 10 s');
    await expect(failure).toContainText('may be out of date');
    await expect(page.getByText('every rack survives losing one feed')).toBeVisible();
    await expect(page.locator('header.toolbar [role=status]').filter({ hasText: 'analysis failed' })).toBeVisible();
    await shots(page, `results-${mode}`);

    // The way out: once the engine works again (a fresh worker is started), Retry recovers.
    await page.unroute(WORKER);
    await failure.getByRole('button', { name: 'Retry analysis' }).click();
    await expect(failure).toBeHidden({ timeout: 20_000 });
    await expect(page.locator('header.toolbar [role=status]').filter({ hasText: 'analysis failed' })).toBeHidden();
    await expect(page.getByText('every rack survives losing one feed')).toBeVisible();
  });

  test(`a worker that ${mode === 'throw' ? 'throws' : 'hangs'} reading an imported file: "Reading…" ends in an error with Retry`, async ({ page }) => {
    test.setTimeout(90_000);
    await breakWorker(page, mode);
    await openApp(page);
    const plan = JSON.parse(readFileSync('public/examples/hybrid-burst.json', 'utf8'));
    plan.name = `${MARKER} import`;
    const file = { name: 'burst.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(plan)) };
    await page.getByLabel('Open plan file').setInputFiles(file);
    const alert = page.getByRole('alert', { name: 'Import problems' });
    await expect(alert).toContainText('Could not open burst.json', { timeout: 20_000 });
    await expect(alert).toContainText(mode === 'throw' ? 'the engine worker stopped' : 'the engine did not answer');
    await expect(page.getByRole('status')).not.toContainText('Reading');
    await expect(page.getByLabel('Plan name')).toHaveValue('Reference cluster');
    await shots(page, `import-${mode}`);

    await page.unroute(WORKER);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByLabel('Plan name')).toHaveValue(`${MARKER} import`, { timeout: 20_000 });
    await expect(page.locator('g.node')).toHaveCount(32);
    await expect(alert).toBeHidden();
  });
}
