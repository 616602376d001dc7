import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/findings-${name}.png` });

async function openAntiPatterns(page: Page) {
  await page.goto('/');
  await expect(page.locator('g.node')).toHaveCount(12);
  await page.getByLabel('Open an example plan').selectOption('anti-patterns.json');
  await expect(page.getByLabel('Plan name')).toHaveValue('Anti-patterns');
  await page.getByRole('tab', { name: /^Findings/ }).click();
  await expect(page.getByRole('tab', { name: /^Findings: \d+ errors/ })).not.toHaveAttribute('aria-label', /^Findings: 0 errors/);
}

test('the anti-pattern plan reads as broken: errors in the tab, the header and on the racks', async ({ page }) => {
  await openAntiPatterns(page);
  const tab = page.getByRole('tab', { name: /^Findings/ });
  const label = await tab.getAttribute('aria-label');
  const errors = Number(/Findings: (\d+) errors/.exec(label ?? '')![1]);
  expect(errors).toBeGreaterThanOrEqual(10);
  await expect(page.locator('header button.findings')).toContainText(String(errors));
  await expect(page.locator('button[data-figure="findings"]')).toContainText(`${errors} errors`);
  const list = page.getByRole('region', { name: 'Errors' });
  await expect(list.locator('li[data-rule="RA-CP-RACKS"]')).toContainText('control planes cp-01 and cp-02 share rack R1');
  // Racks an error names are marked in the rack view.
  await expect(page.locator('g.rack[data-rack="r1"]')).toHaveClass(/has-error/);
  await expect(page.locator('g.rack[data-rack="r2"]')).toHaveClass(/has-error/);
  // Filtering: errors only, then a text filter.
  await page.getByRole('checkbox', { name: /^Warnings/ }).uncheck();
  await expect(page.getByRole('region', { name: 'Warnings' })).toHaveCount(0);
  await page.getByLabel('Filter findings').fill('KubeSpan');
  await expect(list.locator('li')).toHaveCount(
    await list
      .locator('li')
      .filter({ hasText: /kubespan/i })
      .count(),
  );
  await page.getByLabel('Filter findings').fill('');
  await page.getByRole('checkbox', { name: /^Warnings/ }).check();
  await shot(page, 'anti-patterns-1440');
});

test('selecting a finding highlights its nodes and rack; its fix makes it go, undo brings it back', async ({ page }) => {
  await openAntiPatterns(page);
  const item = page.locator('li[data-rule="RA-CP-RACKS"]').first();
  await item.getByRole('button').first().click();
  await expect(item).toContainText('losing rack R1 loses quorum: 2 of 2 members are in it');
  await expect(page.locator('g.node[data-node="cp-01"]')).toHaveClass(/highlighted/);
  await expect(page.locator('g.node[data-node="cp-02"]')).toHaveClass(/highlighted/);
  await expect(page.locator('g.rack[data-rack="r1"]')).toHaveClass(/highlighted/);
  await expect(page.getByRole('status').filter({ hasText: 'Highlighted: RA-CP-RACKS' })).toBeVisible();
  await shot(page, 'selected');
  const fix = item.getByRole('button', { name: /^Fix: Move cp-02 to rack R\d/ });
  await fix.click();
  await expect(page.locator('g.node[data-node="cp-02"]')).toHaveAttribute('aria-label', /controlplane/);
  await expect(page.locator('li[data-rule="RA-CP-RACKS"]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /^Undo: Move cp-02 to rack R\d$/);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('li[data-rule="RA-CP-RACKS"]')).toHaveCount(1);
  await expect(page.locator('li[data-rule="RA-CP-RACKS"]')).toContainText('share rack R1');
});

test('a setting fix (KubePrism) goes and comes back with undo; screens at 800 px and in dark mode', async ({ page }) => {
  await openAntiPatterns(page);
  const item = page.locator('li[data-rule="RA-KUBEPRISM"]');
  await item.getByRole('button').first().click();
  await item.getByRole('button', { name: 'Fix: Turn KubePrism on' }).click();
  await expect(page.locator('li[data-rule="RA-KUBEPRISM"]')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.locator('li[data-rule="RA-KUBEPRISM"]')).toHaveCount(1);
  await page.setViewportSize({ width: 800, height: 900 });
  await shot(page, 'anti-patterns-800');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await shot(page, 'anti-patterns-1440-dark');
  await page.setViewportSize({ width: 800, height: 900 });
  await shot(page, 'anti-patterns-800-dark');
});

test('a plan with every node deleted does not read as fine', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('g.node')).toHaveCount(12);
  for (const [i, first] of ['cp-01', 'cp-02', 'cp-03'].entries()) {
    // Ctrl+A selects every node in the current rack; three racks, three rounds.
    await page.locator(`g.node[data-node="${first}"]`).click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await expect(page.locator('g.node')).toHaveCount(12 - 4 * (i + 1));
  }
  await page.getByRole('tab', { name: /^Findings/ }).click();
  await expect(page.getByRole('tab', { name: /^Findings/ })).not.toHaveAttribute('aria-label', /^Findings: 0 errors/);
  await expect(page.locator('li[data-rule="RA-CP-COUNT"]')).toContainText('the plan has no control-plane nodes');
});

test('the printable report opens from the app and prints page by page (PDF via Chromium, pdftoppm to PNG)', async ({ page, context }) => {
  await openAntiPatterns(page);
  const [report] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Report', exact: true }).click()]);
  await report.waitForLoadState();
  await expect(report.getByRole('heading', { name: 'Plan report: Anti-patterns' })).toBeVisible();
  for (const h of ['Bill of materials', 'Control-plane sizing', 'Findings', 'Key predictions', 'Elevations']) {
    await expect(report.getByRole('heading', { name: h, exact: true })).toBeVisible();
  }
  await expect(report.getByText('R1 (error)')).toBeVisible();
  await expect(report.locator('script')).toHaveCount(0);
  const dir = 'test-results/screens/report';
  mkdirSync(dir, { recursive: true });
  await report.emulateMedia({ media: 'print' });
  await report.pdf({ path: `${dir}/anti-patterns.pdf`, format: 'A4', printBackground: true, preferCSSPageSize: true });
  execFileSync('pdftoppm', ['-r', '60', '-png', `${dir}/anti-patterns.pdf`, `${dir}/page`]);
  const pages = readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png'));
  // Summary and bill of materials, sizing, findings, predictions, then the elevations on their own page.
  expect(pages.length).toBeGreaterThanOrEqual(4);
  expect(pages.length).toBeLessThanOrEqual(10);
});
