import { expect, test, type Page } from '@playwright/test';

/**
 * What-if edits of the plan's settings from the Inspector (cluster, workload, reliability,
 * assumptions): each edit reaches the results, is one undo step, and a bad value is refused
 * with its reason. Screenshots go to test-results/screens/settings-*.png.
 */
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/settings-${name}.png` });

async function openApp(page: Page) {
  await page.goto('/');
  await expect(page.locator('g.node')).toHaveCount(12);
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
}

const inspectorTab = (page: Page, name: string) => page.getByRole('tablist', { name: 'Inspector tabs' }).getByRole('tab', { name, exact: true });
const resultsTab = (page: Page, name: string) => page.getByRole('tablist').filter({ hasNotText: 'Network settings' }).getByRole('tab', { name, exact: true });
const fabric = (page: Page) => page.getByRole('tabpanel').locator('dt', { hasText: 'Fabric' }).locator('xpath=following-sibling::dd');

test('enable KubeSpan from the Cluster tab: the Network results show it on, Undo turns it off', async ({ page }) => {
  await openApp(page);
  await inspectorTab(page, 'Cluster').click();
  await resultsTab(page, 'Network').click();
  await expect(fabric(page)).toContainText('KubeSpan off');
  await shot(page, 'cluster-tab');

  const enabled = page.getByRole('group', { name: 'KubeSpan' }).getByLabel('Enabled', { exact: true });
  await enabled.check();
  await expect(fabric(page)).toContainText('KubeSpan on (ipv4)');
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', 'Undo: Change cluster.kubespan.enabled');
  await shot(page, 'kubespan-on');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(enabled).not.toBeChecked();
  await expect(fabric(page)).toContainText('KubeSpan off');
});

test('an etcd heartbeat of 0 shows the reason under the field and changes nothing', async ({ page }) => {
  await openApp(page);
  await inspectorTab(page, 'Cluster').click();
  const heartbeat = page.getByRole('group', { name: 'etcd' }).getByLabel('Heartbeat (ms)');
  await expect(heartbeat).toHaveValue('100');
  await heartbeat.fill('0');
  await expect(heartbeat).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('cluster.etcd.heartbeatMs: must be 1-50000, got 0')).toBeVisible();
  await heartbeat.press('Enter');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await page.locator('#set-cluster-etcd-heartbeatMs-problem').scrollIntoViewIfNeeded();
  await shot(page, 'heartbeat-refused');

  // Escape drops the draft; a valid value applies on Enter as one undo step.
  await heartbeat.press('Escape');
  await expect(heartbeat).toHaveValue('100');
  await heartbeat.fill('150');
  await heartbeat.press('Enter');
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', 'Undo: Change cluster.etcd.heartbeatMs');
  await expect(heartbeat).toHaveAttribute('aria-invalid', 'false');
});

test("switch the storage provider to Ceph: the form shows Ceph's fields and the Storage results name it", async ({ page }) => {
  await openApp(page);
  await inspectorTab(page, 'Cluster').click();
  await resultsTab(page, 'Storage').click();
  const storage = page.getByRole('group', { name: 'Storage' });
  await storage.getByLabel('Provider').selectOption('ceph');
  await expect(storage.getByRole('group', { name: 'Pool' }).getByLabel('Type')).toHaveValue('replicated');
  await expect(storage.getByLabel('Failure domain')).toHaveValue('host');
  await expect(page.getByRole('tabpanel').locator('dt', { hasText: 'Provider' }).locator('xpath=following-sibling::dd')).toContainText('ceph');
  await storage.scrollIntoViewIfNeeded();
  await shot(page, 'ceph');

  await storage.getByRole('group', { name: 'Pool' }).getByLabel('Type').selectOption('erasure');
  await expect(storage.getByLabel('Data chunks (k)')).toHaveValue('2');
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(storage.getByLabel('Provider')).toHaveValue('longhorn');
});

test('Workload, Reliability and Assumptions tabs: add an etcd profile, override and reset a constant', async ({ page }) => {
  await openApp(page);
  await inspectorTab(page, 'Workload').click();
  const profile = page.getByRole('group', { name: 'Direct etcd load profile' });
  await profile.getByRole('button', { name: /^Add/ }).click();
  await expect(profile.getByLabel('Clients')).toHaveValue('100');
  await expect(page.getByRole('tab', { name: /^Findings/ })).toHaveAttribute('data-problems', '0');
  await profile.scrollIntoViewIfNeeded();
  await shot(page, 'workload');
  await profile.getByRole('button', { name: 'Remove' }).click();
  await expect(profile.getByLabel('Clients')).toHaveCount(0);

  await inspectorTab(page, 'Reliability').click();
  const years = page.getByLabel('Mission years');
  await expect(years).toHaveValue('1, 5');
  await years.fill('1, 3, 10');
  await years.press('Enter');
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', 'Undo: Change reliability.missionYears');
  await shot(page, 'reliability');

  await inspectorTab(page, 'Assumptions').click();
  const apply = page.getByRole('group', { name: 'Control plane' }).getByLabel('Apply (ms)');
  await expect(apply).toHaveAttribute('placeholder', '0.05');
  await apply.fill('0.2');
  await apply.press('Enter');
  await expect(page.getByText('1 override in this plan.')).toBeVisible();
  await shot(page, 'assumptions');
  await page.getByRole('button', { name: 'Reset Apply (ms)' }).click();
  await expect(apply).toHaveValue('');
  await expect(page.getByText('0 overrides in this plan.')).toBeVisible();
});
