import { expect, test, type Page } from '@playwright/test';

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/drills-upgrade-${name}.png`, fullPage: false });

async function openExample(page: Page, file: string) {
  await page.getByLabel('Open an example plan').selectOption(file);
  await expect(page.locator('.results .body h2')).toBeVisible({ timeout: 30_000 });
}

for (const [width, scheme] of [
  [1440, 'light'],
  [1440, 'dark'],
  [800, 'light'],
  [800, 'dark'],
] as const) {
  test(`rolling-upgrade drill and sweep heat map at ${width} px, ${scheme}: reference upgrades safely in 60 min; anti-patterns is unsafe at step 1 and its heat map opens rack r1`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    await expect(page.locator('g.node')).toHaveCount(12);
    await page.getByRole('tab', { name: 'Drills' }).click();

    const section = page.getByRole('region', { name: 'Rolling upgrade' });
    await section.getByRole('button', { name: 'Run rolling-upgrade drill' }).click();
    await expect(section.getByTestId('upgrade-verdict')).toContainText('Safe: 12 steps');
    await expect(section.getByTestId('upgrade-duration')).toHaveText('60 min');
    await expect(section.getByRole('table', { name: 'Upgrade steps' }).locator('tbody tr:not(.role-head)')).toHaveCount(12);
    await expect(section.locator('tr.role-head')).toHaveText(['Control planes, 1 at a time', 'Storage nodes, 1 at a time', 'Workers, 1 at a time']);
    await expect(section.locator('tr.unsafe')).toHaveCount(0);
    await section.getByRole('heading', { name: 'Rolling upgrade' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, `reference-${width}-${scheme}`);

    await openExample(page, 'anti-patterns.json');
    await page.getByRole('tab', { name: 'Drills' }).click();
    await expect(section.getByText('The plan changed since this run')).toBeVisible();
    await section.getByRole('button', { name: 'Run again' }).click();
    await expect(section.getByTestId('upgrade-verdict')).toContainText(/Unsafe at step 1 of \d+ \(controlplane cp-01\): etcd loses quorum/);
    await expect(section.locator('tr.unsafe').first()).toContainText('✗ unsafe');
    await expect(section.locator('tr.why').first()).toContainText('etcd loses quorum');
    await section.locator('.steps').screenshot({ path: `test-results/screens/drills-upgrade-steps-${width}-${scheme}.png` });

    await page.getByRole('button', { name: 'Run sweep' }).click();
    const heat = page.getByRole('region', { name: 'Sweep heat map' });
    await expect(heat.locator('g.cell[data-rack="r1"]')).toHaveAttribute('data-level', 'quorumLost');
    await expect(heat.getByRole('list', { name: 'Heat map legend' })).toContainText('quorum lost');
    await expect(heat.getByRole('list', { name: 'Heat map legend' })).toContainText('tolerated');
    await heat.getByRole('heading', { name: 'Racks by blast radius' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, `heatmap-${width}-${scheme}`);

    await heat.locator('g.cell[data-rack="r1"]').click();
    await expect(page.getByRole('list', { name: 'Failed components' })).toContainText('rack:r1');
    await expect(page.getByRole('region', { name: 'Drill health' })).toContainText('etcd quorum lost');

    await page.getByRole('button', { name: 'Export as LitmusChaos experiment' }).click();
    const litmus = page.getByLabel('LitmusChaos YAML');
    await expect(litmus).toContainText('kind: ChaosEngine');
    await expect(litmus).toContainText('name: node-drain');
    await expect(litmus).toContainText('name: TARGET_NODE');
    await litmus.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shot(page, `litmus-${width}-${scheme}`);
  });
}
