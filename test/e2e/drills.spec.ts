import { expect, test, type Page } from '@playwright/test';

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/drills-${name}.png`, fullPage: false });

async function openApp(page: Page) {
  await page.goto('/');
  await expect(page.locator('g.node')).toHaveCount(12);
}

test('Capacity tab: workload capacity per role and the N+1 verdicts after losing a node and a rack', async ({ page }) => {
  for (const [width, scheme] of [
    [1440, 'light'],
    [800, 'dark'],
  ] as const) {
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

test('fail mode: click a rack to fail it, add a feed from the list and a degradation, save, reload, reopen and play past the repair', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await page.getByRole('tab', { name: 'Drills' }).click();
  // Fail mode (also key F, listed in the shortcuts overlay): a click fails a component instead of selecting it.
  await page.getByRole('button', { name: 'Fail mode' }).click();
  await expect(page.getByRole('button', { name: 'Fail mode' })).toHaveAttribute('aria-pressed', 'true');
  await page.locator('g.rack[data-rack="r1"] text.rack-name').click();
  await expect(page.getByRole('list', { name: 'Failed components' })).toContainText('rack-loss rack:r1');
  const health = page.getByRole('region', { name: 'Drill health' });
  await expect(health).toContainText('etcd quorum held: 2 of 3 members up');
  await expect(health).toContainText('machines healthy 8/12, 4 down');
  await expect(page.locator('g.rack.failed')).toHaveCount(1);
  await expect(page.locator('g.node.failed')).toHaveCount(4);
  // Nothing was selected by the click.
  await expect(page.locator('g.node.selected')).toHaveCount(0);
  // A click on a ToR switch fails that switch; a second click restores it.
  const torB = page.locator('g.tor[data-tor="r2/B"]');
  await torB.click();
  await expect(torB).toHaveClass(/failed/);
  await torB.click();
  await expect(torB).not.toHaveClass(/failed/);
  // The shortcuts overlay lists F; F turns fail mode off again.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Fail mode: a click in the rack view fails or restores');
  await page.keyboard.press('Escape');
  await page.keyboard.press('f');
  await expect(page.getByRole('button', { name: 'Fail mode' })).toHaveAttribute('aria-pressed', 'false');

  // The searchable list: every component with its chaos-tool action.
  await page.getByLabel('Find a component to fail').fill('feed B r2');
  await page
    .getByRole('list', { name: 'Matching components' })
    .getByRole('button', { name: /power-feed-loss feed B of rack R2/ })
    .click();
  await expect(page.getByRole('list', { name: 'Failed components' })).toContainText('feed:r2/B');
  await expect(page.locator('g.feed-marker.failed')).toHaveCount(1);

  // A degradation is checked as it is typed, naming the field and its range.
  await page.getByLabel('Degraded component').fill('rack:r3');
  await page.getByLabel('Added latency, ms').fill('20000');
  await expect(page.getByRole('alert').filter({ hasText: 'added latency' })).toContainText(
    'added latency: must be more than 0 and at most 10,000 ms, got 20000',
  );
  await expect(page.getByRole('button', { name: 'Add degradation' })).toBeDisabled();
  await page.getByLabel('Added latency, ms').fill('15');
  await page.getByRole('button', { name: 'Add degradation' }).click();
  // The value field clears for the next one without calling the empty field an error.
  await expect(page.getByRole('alert').filter({ hasText: 'added latency' })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Degraded components' })).toContainText('network-delay +15 ms on rack:r3');
  // R2's four nodes lost one of their two feeds, R3's four carry the added latency.
  await expect(page.locator('g.node.degraded')).toHaveCount(4 + 4);
  await page.getByLabel('Repair after, minutes').fill('2');
  await page.getByRole('region', { name: 'Degradations' }).scrollIntoViewIfNeeded();
  await shot(page, 'builder-1440-light');

  await page.getByLabel('Drill name').fill('Lose R1 at peak');
  await page.getByRole('button', { name: 'Save drill' }).click();
  const saved = page.getByRole('region', { name: 'Saved drills' });
  await expect(saved).toContainText('Lose R1 at peak');
  await expect(page.locator('header [role="status"]')).toContainText('Saved');
  await page.reload();
  await expect(page.locator('g.node')).toHaveCount(12);
  await page.getByRole('tab', { name: 'Drills' }).click();
  await page.getByRole('button', { name: 'Open drill Lose R1 at peak' }).click();
  await expect(page.getByRole('list', { name: 'Failed components' })).toContainText('rack:r1');
  await expect(page.getByRole('list', { name: 'Failed components' })).toContainText('feed:r2/B');
  await expect(page.getByRole('list', { name: 'Degraded components' })).toContainText('+15 ms on rack:r3');
  await expect(page.getByLabel('Repair after, minutes')).toHaveValue('2');
  await expect(health).toContainText('machines healthy');
  await expect(page.locator('g.node.failed')).toHaveCount(4);

  // The timeline: events on a d3 time axis; the rack view and the health panel follow the scrubber.
  const timeline = page.getByRole('region', { name: 'Drill timeline' });
  await expect(timeline.locator('g.event[data-kind="repair"]')).toHaveCount(1);
  await expect(timeline.getByRole('status')).toContainText(/^1 of \d+ events by t = 0 s$/);
  await expect(health).toContainText('4 lost nodes still show Ready; NotReady at t = 50 s');
  await shot(page, 'drill-1440-light');
  await page.getByLabel('Playback speed').selectOption('60');
  await page.getByRole('button', { name: 'Play the timeline' }).click();
  await expect(health).toContainText('4 lost nodes NotReady; repair at t = 2 min');
  // At 60× the repair at 120 s comes about two real seconds in: the failed rack turns back to recovered.
  await expect(page.locator('g.node.recovered')).toHaveCount(4 + 8, { timeout: 10_000 });
  await expect(page.locator('g.node.failed')).toHaveCount(0);
  await expect(page.locator('g.rack.recovered')).toHaveCount(1);
  await expect(health).toContainText('failed components repaired at t = 2 min');
  await expect(page.locator('g.feed-marker.failed')).toHaveCount(0);
  // Scrubbing back to the start brings the failure back.
  await page.getByLabel('Timeline scrubber').fill('0');
  await expect(page.locator('g.node.failed')).toHaveCount(4);
  for (const [width, scheme] of [
    [1440, 'dark'],
    [800, 'light'],
    [800, 'dark'],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await timeline.scrollIntoViewIfNeeded();
    await shot(page, `drill-${width}-${scheme}`);
  }
});

test('a drill exports as Chaos Mesh; a sweep ranks failures and opens the worst as a drill', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await page.getByRole('tab', { name: 'Drills' }).click();
  await page.getByLabel('Find a component to fail').fill('rack R1');
  await page
    .getByRole('list', { name: 'Matching components' })
    .getByRole('button', { name: /rack-loss rack R1/ })
    .click();
  const health = page.getByRole('region', { name: 'Drill health' });
  await expect(health).toContainText('etcd quorum held: 2 of 3 members up');
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
});

test("opening another plan starts with no drill: the last plan's failures are not carried over", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await page.getByRole('tab', { name: 'Drills' }).click();
  await page.getByRole('button', { name: 'Fail mode' }).click();
  await page.locator('g.rack[data-rack="r1"] text.rack-name').click();
  await expect(page.getByRole('list', { name: 'Failed components' })).toContainText('rack:r1');
  await page.getByLabel('Open an example plan').selectOption('enterprise.json');
  await expect(page.getByLabel('Plan name')).toHaveValue('Enterprise');
  await expect(page.getByRole('list', { name: 'Failed components' })).toHaveCount(0);
  await expect(page.locator('g.rack.failed')).toHaveCount(0);
});
