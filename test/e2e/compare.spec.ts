import { expect, test, type Page } from '@playwright/test';

/** The app on the reference plan, saved once (its first version), ready to edit. */
async function openApp(page: Page) {
  await page.goto('/');
  await expect(page.locator('.results .body h2')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('header [role="status"]')).toContainText('Saved');
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/compare-${name}.png`, fullPage: false });
}

test('compare the reference plan with its first saved version after deleting a worker: figures, differences and changes', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await page.locator('g.node[data-node="w-0001"]').click();
  await page.keyboard.press('Delete');
  await expect(page.locator('g.node')).toHaveCount(11);
  await expect(page.locator('header [role="status"]')).toContainText('Saved');
  // The headline must describe the edited plan before it is read: its analysis may still be running.
  const strip = page.getByRole('region', { name: 'Headline' });
  await expect(strip).toHaveAttribute('aria-busy', 'false');
  await expect(strip).not.toHaveClass(/stale/);
  const headline = await page.locator('.headline [data-figure="workload-n1"] .value').textContent();

  await page.getByRole('button', { name: 'Compare…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare plans' });
  const picker = dialog.getByLabel('Compare this plan with');
  const first = await picker.locator('optgroup[label="Saved versions of this plan"] option').last().getAttribute('value');
  await picker.selectOption(first!);
  const table = dialog.getByTestId('compare-figures');
  await expect(table).toBeVisible({ timeout: 30_000 });

  // A is the saved version with 12 nodes, B the open plan with one worker fewer: the survivors carry more.
  const workload = table.locator('tr[data-figure="workload-n1"]');
  await expect(workload.locator('td').nth(1)).toContainText(headline!.replace(/^\W+/, '').trim());
  await expect(workload.locator('td').nth(2)).toHaveText(/^\+\d/);
  await expect(workload.locator('td').nth(3)).toHaveText('A better');
  // Quorum did not change: same text, a zero difference, neither better.
  const quorum = table.locator('tr[data-figure="etcd-quorum"]');
  await expect(quorum.locator('td').nth(0)).toContainText('2 of 3 members');
  await expect(quorum.locator('td').nth(1)).toContainText('2 of 3 members');
  await expect(quorum.locator('td').nth(3)).toHaveText('same');
  await expect(table.locator('tbody tr')).toHaveCount(await page.locator('.headline [data-figure]').count());

  await expect(dialog.getByRole('heading', { name: 'Nodes removed (1)' })).toBeVisible();
  await expect(dialog.locator('h4[data-changes="removed"] + ul')).toHaveText('w-0001');
  await shot(page, 'version-1440');

  // The other direction: this plan as A, so the same worker reads as added.
  await dialog.getByLabel('this plan as A (the baseline)').check();
  await expect(dialog.getByRole('heading', { name: 'Nodes added (1)' })).toBeVisible({ timeout: 30_000 });
  await expect(table.locator('tr[data-figure="workload-n1"] td').nth(3)).toHaveText('B better');

  // Comparing changed neither plan: the open plan keeps its 11 nodes and its undo step.
  await dialog.getByRole('button', { name: 'Close compare' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('g.node')).toHaveCount(11);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /Undo: /);
});

for (const theme of ['light', 'dark'] as const) {
  for (const width of [1440, 800] as const) {
    test(`compare dialog at ${width} px, ${theme}: fits the window, table scrolls inside`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width, height: 900 });
      await openApp(page);
      // Another plan beside this one: the enterprise example, then back to the reference plan.
      await page.getByLabel('Open an example plan').selectOption('enterprise.json');
      await expect(page.locator('header [role="status"]')).toContainText('Saved', { timeout: 30_000 });
      await page.getByRole('button', { name: 'Compare…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Compare plans' });
      const picker = dialog.getByLabel('Compare this plan with');
      const other = await picker.locator('optgroup[label="Other plans in this browser"] option').first().getAttribute('value');
      await picker.selectOption(other!);
      await expect(dialog.getByTestId('compare-figures')).toBeVisible({ timeout: 60_000 });
      const box = await dialog.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await shot(page, `plans-${theme}-${width}`);
    });
  }
}
