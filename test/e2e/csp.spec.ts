import { expect, test } from '@playwright/test';

/**
 * Records every Content-Security-Policy violation the page reports, from before any app code runs,
 * so a flow that needs something the policy forbids fails here instead of breaking silently.
 */
const RECORD_VIOLATIONS = () => {
  const w = window as unknown as { cspViolations: string[] };
  w.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`),
  );
};
const violations = (page: import('@playwright/test').Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

test('the built page carries a strict policy and the app works under it: no violation in the main flows', async ({ page }) => {
  await page.addInitScript(RECORD_VIOLATIONS);
  const response = await page.goto('/');
  const header = response?.headers()['content-security-policy'] ?? '';
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const policy of [header, meta ?? '']) {
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("default-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*('unsafe-inline'|'unsafe-eval'|https?:|\*)/);
    expect(policy).not.toMatch(/https?:\/\//);
  }
  expect(header).toContain("frame-ancestors 'none'");

  // The engine worker runs (results and findings appear), an example loads, a chart exports as PNG.
  await expect(page.locator('g.node')).toHaveCount(12);
  await expect(page.getByRole('tab', { name: /^Findings/ })).toHaveAttribute('data-problems', '0', { timeout: 30_000 });
  await page.getByLabel('Open an example plan').selectOption('enterprise.json');
  await expect(page.locator('.results .body h2')).toBeVisible({ timeout: 30_000 });
  const figure = page.locator('figure.chart').first();
  const [png] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: /as PNG/ }).click()]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  await page.getByRole('button', { name: 'Export to Omni…' }).click();
  await expect(page.getByRole('dialog', { name: 'Omni cluster template' }).getByTestId('omni-export-facts')).toContainText("Omni's template checks");
  expect(await violations(page)).toEqual([]);
});

test('an injected inline script is refused by the policy and reported', async ({ page }) => {
  await page.addInitScript(RECORD_VIOLATIONS);
  await page.goto('/');
  await expect(page.locator('g.node')).toHaveCount(12);
  // What an HTML-injection bug would do: put a script element with inline code into the page.
  const ran = await page.evaluate(async () => {
    const w = window as unknown as { injectedRan?: boolean };
    const s = document.createElement('script');
    s.textContent = 'window.injectedRan = true';
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 100));
    return w.injectedRan === true;
  });
  expect(ran).toBe(false);
  expect((await violations(page)).some((v) => v.startsWith('script-src'))).toBe(true);
});
