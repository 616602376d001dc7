import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedDataDir } from '../../src/cli/sharedData';

const shared = sharedDataDir(dirname(fileURLToPath(import.meta.url)));
const fixture = (name: string) => {
  if (!shared.exists) throw new Error(`../shared/data is absent (looked for ${shared.dir}): the Omni template fixtures live there`);
  return readFileSync(join(shared.dir, 'omni-template-fixtures', name));
};

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/omni-${name}.png` });

async function openApp(page: Page) {
  await page.goto('/');
  await expect(page.locator('g.node')).toHaveCount(12);
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
}

test('export the reference plan to Omni: read the preview, download the template', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Export to Omni…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Omni cluster template' });
  await expect(dialog.getByTestId('omni-export-facts')).toContainText("Omni's template checks: passed");
  await expect(dialog.getByTestId('omni-export-facts')).toContainText('Talos 1.12');
  // The worker loads the 1.12 schema on demand and checks all 20 patches of the reference export.
  await expect(dialog.getByTestId('talos-schema-verdict')).toHaveText('20 patches valid against the Talos 1.12 schema');
  const preview = dialog.getByRole('region', { name: 'Template preview' });
  await expect(preview).toContainText('kind: Cluster');
  await expect(preview).toContainText('name: reference');
  await expect(preview).toContainText('kind: NetworkDefaultActionConfig');
  await expect(preview.locator('.t-key').first()).toHaveText('kind');
  await expect(dialog.getByRole('table')).toContainText('reference-controlplane');
  await expect(dialog).toContainText('node-role.kubernetes.io/storage');
  await shot(page, 'export-1440-light');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: /^Download reference\.omni\.yaml/ }).click()]);
  expect(download.suggestedFilename()).toBe('reference.omni.yaml');
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text).toMatch(/^kind: Cluster\nname: reference\n/);
  expect(text.split('\n---\n')).toHaveLength(8);

  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'export-1440-dark');
  await page.setViewportSize({ width: 800, height: 900 });
  await shot(page, 'export-800-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await shot(page, 'export-800-light');
  await dialog.getByRole('button', { name: 'Close Omni export' }).click();
  await expect(dialog).toBeHidden();
});

/** Opens the reference example on another Talos version as a new plan, and its Omni export dialog. */
async function exportOnTalos(page: Page, talosVersion: string) {
  const plan = JSON.parse(readFileSync('public/examples/reference.json', 'utf8'));
  plan.name = `Reference on Talos ${talosVersion}`;
  plan.cluster.talosVersion = talosVersion;
  await page
    .getByLabel('Open plan file')
    .setInputFiles({ name: `talos-${talosVersion}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(plan)) });
  await expect(page.getByLabel('Plan name')).toHaveValue(plan.name);
  await page.getByRole('button', { name: 'Export to Omni…' }).click();
  return page.getByRole('dialog', { name: 'Omni cluster template' });
}

test('export on Talos 1.13 is checked against the 1.13 schema; on Talos 1.11, with no schema, it says so and still downloads', async ({ page }) => {
  await openApp(page);
  let dialog = await exportOnTalos(page, '1.13.0');
  await expect(dialog.getByTestId('talos-schema-verdict')).toHaveText(/^\d+ patches valid against the Talos 1\.13 schema$/);
  await expect(dialog.getByRole('region', { name: 'Template preview' })).toContainText('kind: KubeSpanConfig');
  await dialog.getByRole('button', { name: 'Close Omni export' }).click();

  dialog = await exportOnTalos(page, '1.11.5');
  const verdict = dialog.getByTestId('talos-schema-verdict');
  await expect(verdict).toContainText('No Talos configuration schema for Talos 1.11 (schemas: Talos 1.12, 1.13 and 1.14)');
  await expect(verdict).toContainText('The template can still be downloaded.');
  await shot(page, 'export-no-schema-1440-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'export-no-schema-1440-dark');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: /^Download reference\.omni\.yaml/ }).click()]);
  expect(readFileSync((await download.path())!, 'utf8')).toMatch(/talos:\n {2}version: v1\.11\.5\n/);
});

test('export when the schema cannot be downloaded: it says the patches are not checked, and the template still downloads', async ({ page }) => {
  await page.route('**/assets/talos-v1.12-validator-*.js', (route) => route.abort());
  await openApp(page);
  await page.getByRole('button', { name: 'Export to Omni…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Omni cluster template' });
  const verdict = dialog.getByTestId('talos-schema-verdict');
  await expect(verdict).toContainText('The Talos 1.12 schema could not be loaded');
  await expect(verdict).toContainText('the patches are not checked against it. The template can still be downloaded.');
  await page.setViewportSize({ width: 800, height: 900 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'export-unavailable-800-dark');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: /^Download reference\.omni\.yaml/ }).click()]);
  expect(download.suggestedFilename()).toBe('reference.omni.yaml');
});

test('import an Omni fixture template: it opens as a new plan, the open plan stays', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Import Omni template…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import an Omni cluster template' });

  await dialog
    .getByLabel('Omni template file')
    .setInputFiles({ name: 'cluster-invalid3.yaml', mimeType: 'application/yaml', buffer: fixture('cluster-invalid3.yaml') });
  await expect(dialog.getByRole('alert')).toContainText('custom name is not allowed in the controlplane');
  await expect(dialog.getByRole('button', { name: 'Open as a new plan' })).toBeDisabled();

  await dialog.getByLabel('Omni template file').setInputFiles({ name: 'cluster3.yaml', mimeType: 'application/yaml', buffer: fixture('cluster3.yaml') });
  await dialog.getByLabel('Rack count').fill('2');
  const summary = dialog.getByTestId('omni-import-summary');
  // cluster3: 1 control plane, 1 + 2 + 1 listed workers, a class of 1, and an Unlimited class (3 assumed).
  await expect(summary).toContainText('9 nodes (1 control plane) from 6 machine sets');
  await expect(summary).toContainText('in 2 racks');
  await shot(page, 'import-1440-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'import-1440-dark');
  await page.setViewportSize({ width: 800, height: 900 });
  await shot(page, 'import-800-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await shot(page, 'import-800-light');
  await page.setViewportSize({ width: 1440, height: 900 });
  await dialog.getByRole('button', { name: 'Open as a new plan' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Plan name')).toHaveValue('Imported my-first-cluster');
  await expect(page.locator('g.node')).toHaveCount(9);
  await expect(page.locator('g.rack')).toHaveCount(2);
  await shot(page, 'imported-plan-1440-light');
  await page.getByRole('button', { name: 'Plans' }).click();
  const plans = page.getByRole('dialog', { name: 'Plans' });
  await expect(plans).toContainText('Reference cluster');
  await expect(plans).toContainText('Imported my-first-cluster');
});
