import { expect, test, type Page } from '@playwright/test';

/**
 * The highlight link between the results and the rack view: hovering a finding or a headline
 * figure lights up what it concerns; clicking a rack narrows the Findings list to that rack.
 */
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/highlight-${name}.png` });

async function openApp(page: Page) {
  await page.goto('/');
  await expect(page.locator('g.node')).toHaveCount(12);
  await expect(page.locator('.results .body h2')).toBeVisible({ timeout: 30_000 });
}

async function openFindings(page: Page) {
  await page.getByRole('tab', { name: /^Findings/ }).click();
  await expect(page.getByRole('heading', { name: /^Findings/ })).toBeVisible();
}

test('hovering a finding highlights its rack in the rack view, and leaving it clears the highlight', async ({ page }) => {
  await openApp(page);
  await openFindings(page);
  const r1 = page.locator('g.rack[data-rack="r1"]');
  await expect(r1).not.toHaveClass(/highlighted/);
  // The reference plan's "after losing rack R1, longhorn cannot re-replicate" names rack r1.
  const finding = page.locator('li[data-rule="STORAGE-REREPLICATE"]').filter({ hasText: 'rack R1' });
  await finding.hover();
  await expect(r1).toHaveClass(/highlighted/);
  await expect(page.locator('g.rack[data-rack="r2"]')).not.toHaveClass(/highlighted/);
  await expect(page.locator('.highlight-caption')).toContainText('STORAGE-REREPLICATE');
  await shot(page, 'finding-hover');
  await page.locator('.headline').hover();
  await expect(r1).not.toHaveClass(/highlighted/);
});

test('hovering a headline figure highlights what it is about: etcd quorum lights up the control planes', async ({ page }) => {
  await openApp(page);
  await page.locator('.headline [data-figure="etcd-quorum"]').hover();
  for (const id of ['cp-01', 'cp-02', 'cp-03']) await expect(page.locator(`g.node[data-node="${id}"]`)).toHaveClass(/highlighted/);
  await expect(page.locator('g.node[data-node="w-0001"]')).not.toHaveClass(/highlighted/);
  await shot(page, 'figure-hover');
  // KubeSpan is about the whole cluster: nothing is singled out.
  await page.locator('.headline [data-figure="kubespan"]').hover();
  await expect(page.locator('g.node.highlighted')).toHaveCount(0);
});

test('clicking a rack filters the findings to it, with a visible way back to all', async ({ page }) => {
  await openApp(page);
  await openFindings(page);
  const all = await page.locator('.results li[data-rule]').count();
  await expect(page.locator('li[data-rule="STORAGE-REREPLICATE"]')).toHaveCount(2);
  // An empty slot high in R2 (U30): a click on the rack, not on a node.
  const frame = (await page.locator('g.rack[data-rack="r2"] rect.frame').boundingBox())!;
  await page.mouse.click(frame.x + frame.width / 2, frame.y + (42 - 30 + 0.5) * (frame.height / 42));
  const filter = page.locator('.rack-filter');
  await expect(filter).toContainText('Showing findings for rack R2');
  // Both STORAGE-REREPLICATE findings are about R1 (the rack and st-01 in it), so R2's list drops them.
  await expect(page.locator('li[data-rule="STORAGE-REREPLICATE"]')).toHaveCount(0);
  const shown = await page.locator('.results li[data-rule]').count();
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(all);
  await expect(filter).toContainText(`(${shown} of ${all})`);
  await shot(page, 'rack-filter');
  await filter.getByRole('button', { name: 'Show all' }).click();
  await expect(filter).toHaveCount(0);
  await expect(page.locator('.results li[data-rule]')).toHaveCount(all);
});

for (const theme of ['light', 'dark'] as const) {
  for (const width of [1440, 800] as const) {
    test(`rack filter and finding hover at ${width} px, ${theme}: the filter note fits its panel`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width, height: 900 });
      await openApp(page);
      await openFindings(page);
      const frame = (await page.locator('g.rack[data-rack="r1"] rect.frame').boundingBox())!;
      await page.mouse.click(frame.x + frame.width / 2, frame.y + (42 - 30 + 0.5) * (frame.height / 42));
      const filter = page.locator('.rack-filter');
      await expect(filter).toContainText('Showing findings for rack R1');
      const panel = (await page.locator('.side').boundingBox())!;
      const note = (await filter.boundingBox())!;
      expect(note.x + note.width).toBeLessThanOrEqual(panel.x + panel.width + 1);
      await page.locator('li[data-rule="STORAGE-REREPLICATE"]').filter({ hasText: 'rack R1' }).hover();
      await expect(page.locator('g.rack[data-rack="r1"]')).toHaveClass(/highlighted/);
      await shot(page, `filter-hover-${theme}-${width}`);
      await page.locator('.headline [data-figure="etcd-quorum"]').hover();
      await expect(page.locator('g.node[data-node="cp-01"]')).toHaveClass(/highlighted/);
      await shot(page, `figure-hover-${theme}-${width}`);
    });
  }
}
