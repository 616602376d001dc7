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

test('fail a rack by clicking it, read the health, scrub the timeline, export Chaos Mesh, sweep and open the worst drill', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  // Clicking a node in the rack view makes its rack the current one.
  await page.locator('g.node[data-role="controlplane"]').first().click();
  await page.getByRole('tab', { name: 'Drills' }).click();
  await page.getByRole('button', { name: /^Fail rack / }).click();
  const health = page.getByRole('region', { name: 'Drill health' });
  await expect(health).toContainText('etcd quorum held: 2 of 3 members up');
  await expect(health).toContainText('machines healthy 8/12, 4 down');
  await expect(page.getByRole('list', { name: 'Failed components' })).toContainText('rack:');
  // The rack view marks the failed rack and its four nodes.
  await expect(page.locator('g.rack.failed')).toHaveCount(1);
  await expect(page.locator('g.node.failed')).toHaveCount(4);

  const status = page.getByRole('region', { name: 'Drill timeline' }).getByRole('status');
  await expect(status).toContainText(/^1 of \d+ events by t = 0 s$/);
  await page.getByLabel('Timeline scrubber').fill('400');
  // The scrubber ends at the last event (eviction at 50 + 300 s), so 400 clamps there.
  await expect(status).toContainText(/^6 of 6 events by t = 6 min$/);
  await expect(page.locator('ol.timeline li.past')).toContainText(['failure', 'NotReady', 'evicted']);
  await shot(page, 'drill-1440-light');

  await page.getByRole('button', { name: 'Export as Chaos Mesh experiment' }).click();
  await expect(page.getByLabel('Chaos Mesh YAML')).toContainText('kind: PodChaos');
  await expect(page.getByLabel('Chaos Mesh YAML')).toContainText('topology.kubernetes.io/zone');

  await page.getByLabel('also pairs of racks and feeds (N-2)').check();
  await page.getByRole('button', { name: 'Run sweep' }).click();
  const table = page.locator('table.sweep');
  await expect(table).toContainText('quorum lost');
  await expect(page.getByRole('button', { name: 'Run sweep' })).toBeEnabled();
  const worst = table.locator('tbody tr').first().getByRole('button');
  const worstId = (await worst.textContent()) ?? '';
  await worst.click();
  await expect(page.getByRole('list', { name: 'Failed components' })).toContainText(worstId.split(' + ')[0]);
  await expect(health).toContainText('etcd quorum lost');
  await page.setViewportSize({ width: 800, height: 900 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'drill-800-dark');
});
