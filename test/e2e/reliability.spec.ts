import { expect, test, type Page } from '@playwright/test';

/**
 * The Reliability tab: a simulation with its progress bar, a cancelled run, two placements side
 * by side, and every reliability input of the Inspector changing a figure on screen.
 * Screenshots go to test-results/screens/reliability-*.png.
 */
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/reliability-${name}.png`, fullPage: false });

async function openApp(page: Page) {
  await page.goto('/');
  await expect(page.locator('g.node')).toHaveCount(12);
}
const inspectorTab = (page: Page, name: string) => page.getByRole('tablist', { name: 'Inspector tabs' }).getByRole('tab', { name, exact: true });
const resultsTab = (page: Page, name: string) => page.getByRole('tablist').filter({ hasNotText: 'Network settings' }).getByRole('tab', { name, exact: true });
const status = (page: Page) => page.getByTestId('sim-status');
const cell = (page: Page, kind: string, col: string) => page.locator(`table.kinds tr[data-kind="${kind}"] td[data-col="${col}"]`);
const figure = (page: Page, id: string) => page.locator(`table.figures tr[data-figure="${id}"] td.num`).first();

async function budget(page: Page, trials: number) {
  await page.getByLabel('Trial budget').fill(String(trials));
  await page.getByLabel('Trial budget').press('Tab');
}

test("a simulation runs with its progress bar, converges or spends its budget, and names each figure's method", async ({ page }) => {
  await openApp(page);
  await resultsTab(page, 'Reliability').click();
  await expect(page.getByRole('progressbar', { name: 'Simulation progress' })).toBeVisible();
  await expect(status(page)).toContainText(/missions, (converged|stopped at the trial budget)/, { timeout: 60_000 });
  await expect(figure(page, 'quorum-1')).toContainText('%');
  await expect(page.locator('table.figures td.method.exact').first()).toContainText('exact Markov');
  await expect(page.locator('table.figures td.method.monte-carlo').first()).toContainText('Monte Carlo');
  await shot(page, 'run-1440');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'run-1440-dark');
  await page.setViewportSize({ width: 800, height: 900 });
  await shot(page, 'run-800-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await shot(page, 'run-800');
});

test('cancel stops a long run and keeps the figures so far', async ({ page }) => {
  await openApp(page);
  await resultsTab(page, 'Reliability').click();
  await expect(status(page)).toContainText(/missions, /, { timeout: 60_000 });
  await budget(page, 1_000_000);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(status(page)).toContainText(/Running: [\d,]+ of up to 1,000,000/);
  await expect.poll(async () => Number(await page.getByRole('progressbar', { name: 'Simulation progress' }).getAttribute('value'))).toBeGreaterThan(0);
  // The first round's figures arrive while the run goes on; cancel keeps them.
  await expect(page.getByRole('table', { name: 'Reliability figures' })).toBeVisible({ timeout: 60_000 });
  await expect(status(page)).toContainText('Running');
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(status(page)).toContainText('Cancelled; the figures below cover the first');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  await shot(page, 'cancelled');
});

test('compare: 3 control planes in 3 racks against 2 of them in one rack, replica counts and repair crews side by side', async ({ page }) => {
  await openApp(page);
  await resultsTab(page, 'Reliability').click();
  await expect(status(page)).toContainText(/missions, /, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const table = page.getByRole('table', { name: 'Compare variants' });
  await expect(table).toBeVisible({ timeout: 90_000 });
  await expect(table.locator('tr[data-variant="plan"]')).toContainText('this plan');
  await expect(table.locator('tr[data-variant="pair-cp"]')).toContainText('2 of the 3 control planes in one rack');
  await expect(table.locator('tr[data-variant="replicas-down"]')).toContainText('2 replicas');
  // Sharing a rack can only cost nines: its Δ is never positive.
  await expect(table.locator('tr[data-variant="pair-cp"] td').nth(4)).toContainText('-');
  await table.scrollIntoViewIfNeeded();
  await shot(page, 'compare');
});

test('every reliability input changes a reliability figure', async ({ page }) => {
  test.setTimeout(1_200_000);
  await openApp(page);
  await resultsTab(page, 'Reliability').click();
  await budget(page, 200);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(status(page)).toContainText('200 missions');
  await inspectorTab(page, 'Reliability').click();

  /** Sets a reliability field and waits until the watched cell shows something else. */
  async function change(path: string, value: string, watch: () => ReturnType<typeof cell>) {
    const before = await watch().textContent();
    const field = page.locator(`#set-reliability-${path}`);
    if (await field.evaluate((el) => el.tagName === 'SELECT')) await field.selectOption(value);
    else {
      await field.fill(value);
      await field.press('Enter');
    }
    await expect(watch()).not.toHaveText(before ?? '', { timeout: 60_000 });
    await expect(status(page)).toContainText('200 missions');
  }
  for (const kind of ['disk', 'node', 'tor', 'feed', 'rack', 'room', 'site']) {
    await change(`${kind}-annualFailureRate`, '3', () => cell(page, kind, 'failures'));
    await change(`${kind}-repairHours`, '30', () => cell(page, kind, 'p99'));
    await change(`${kind}-repairDistribution`, 'lognormal', () => cell(page, kind, 'p99'));
    await change(`${kind}-repairSigma`, '2', () => cell(page, kind, 'p99'));
  }
  await change('siteLink-repairHours', '30', () => cell(page, 'siteLink', 'p99'));
  await change('siteLink-repairDistribution', 'lognormal', () => cell(page, 'siteLink', 'p99'));
  await change('siteLink-repairSigma', '2', () => cell(page, 'siteLink', 'p99'));
  await change('capacityNeededPct', '99', () => figure(page, 'capacity-hours'));
  await change('repairCrew', 'serial', () => cell(page, 'disk', 'down'));
  await change('missionYears', '1, 3', () => page.locator('table.figures tr[data-figure^="quorum-"] td').nth(4));
  await expect(page.locator('table.figures tr[data-figure="quorum-3"]')).toContainText('within 3 y');
  await shot(page, 'inputs');

  // The site link fails only between sites: the two-site example shows its failures change.
  await page.getByLabel('Open an example plan').selectOption('hybrid-burst.json');
  await resultsTab(page, 'Reliability').click();
  await budget(page, 200);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(status(page)).toContainText('200 missions', { timeout: 60_000 });
  await inspectorTab(page, 'Reliability').click();
  await change('siteLink-annualFailureRate', '20', () => cell(page, 'siteLink', 'failures'));
});
