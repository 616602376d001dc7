import { expect, test, type Page } from '@playwright/test';

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/drills-${name}.png`, fullPage: false });

async function openApp(page: Page) {
  await page.goto('/');
  await expect(page.locator('g.node')).toHaveCount(12);
}

test('Capacity tab: workload capacity per role and the N+1 verdicts after losing a node and a rack', async ({ page }) => {
  for (const [width, scheme] of [[1440, 'light'], [800, 'dark']] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await openApp(page);
    await page.getByRole('tab', { name: 'Capacity' }).click();
    const table = page.locator('table.workload-headroom');
    await expect(table).toContainText('all nodes up');
    await expect(table).toContainText('rack R1 lost');
    await expect(table).toContainText('every pod fits');
    await expect(page.locator('table.workload-roles')).toContainText('Worker');
    await page.getByRole('heading', { name: 'Workload capacity' }).scrollIntoViewIfNeeded();
    await shot(page, `capacity-${width}-${scheme}`);
  }
});
