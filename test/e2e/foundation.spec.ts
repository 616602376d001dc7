import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/foundation-${name}.png` });

async function openApp(page: Page) {
  await page.goto('/');
  await expect(page.locator('g.node')).toHaveCount(12);
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
}

test('the default plan renders racks, nodes and physical capacity', async ({ page }) => {
  await openApp(page);
  await expect(page.getByLabel('Plan name')).toHaveValue('Reference cluster');
  await expect(page.locator('g.rack')).toHaveCount(3);
  await expect(page.locator('g.node[data-role="controlplane"]')).toHaveCount(3);
  await expect(page.getByText('every rack survives losing one feed')).toBeVisible();
  await expect(page.getByRole('tab', { name: /^Findings/ })).toHaveAttribute('data-problems', '0');
  await shot(page, 'default');
});

test('importing a broken file shows the field-path error and leaves the plan untouched', async ({ page }) => {
  await openApp(page);
  const broken = JSON.parse(readFileSync('public/examples/enterprise.json', 'utf8'));
  broken.racks[3].heightU = 0;
  await page.getByLabel('Open plan file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  const alert = page.getByRole('alert', { name: 'Import problems' });
  await expect(alert).toContainText('racks[3].heightU');
  await expect(alert).toContainText('must be 1-60, got 0');
  await expect(alert).toContainText('Your current plan is unchanged');
  await expect(page.getByLabel('Plan name')).toHaveValue('Reference cluster');
  await expect(page.locator('g.node')).toHaveCount(12);
  await shot(page, 'import-error');

  await page
    .getByLabel('Open plan file')
    .setInputFiles({ name: 'bad.yaml', mimeType: 'application/yaml', buffer: Buffer.from('version: 1\nname: [unclosed\n') });
  await expect(alert).toContainText('(file)');
  await expect(alert).toContainText('not valid YAML');
  await expect(page.locator('g.node')).toHaveCount(12);
});

test('a plan file dropped on the window opens as a new plan beside the open one', async ({ page }) => {
  await openApp(page);
  const text = readFileSync('public/examples/hybrid-burst.json', 'utf8');
  const dataTransfer = await page.evaluateHandle((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'hybrid.json', { type: 'application/json' }));
    return dt;
  }, text);
  await page.dispatchEvent('.app', 'dragover', { dataTransfer });
  await page.dispatchEvent('.app', 'drop', { dataTransfer });
  await expect(page.getByLabel('Plan name')).toHaveValue('Hybrid burst');
  await expect(page.locator('g.node')).toHaveCount(32);
  await expect(
    page.getByRole('status').filter({ hasText: 'Opened "Hybrid burst" from hybrid.json as a new plan; "Reference cluster" is still in Plans.' }),
  ).toBeVisible();
  await shot(page, 'dropped');
  await page.getByRole('button', { name: 'Plans', exact: true }).click();
  await page.getByRole('button', { name: 'Open plan Reference cluster' }).click();
  await expect(page.getByLabel('Plan name')).toHaveValue('Reference cluster');
  await expect(page.locator('g.node')).toHaveCount(12);
});

test('an edit survives a reload', async ({ page }) => {
  await openApp(page);
  const name = page.getByLabel('Plan name');
  await name.fill('Frankfurt build-out');
  await name.press('Enter');
  // Autosave stores each edit as soon as it settles.
  const status = page.locator('header [role="status"]');
  await expect(status).toContainText('Saved');
  await page.reload();
  await expect(page.getByLabel('Plan name')).toHaveValue('Frankfurt build-out');
  await expect(page.locator('g.node')).toHaveCount(12);
  await shot(page, 'after-reload');
});

test('undo and redo step through edits, from the buttons and the keyboard', async ({ page }) => {
  await openApp(page);
  const node = page.locator('g.node[data-node="w-0001"]');
  await node.click();
  await page.getByLabel('Role').selectOption('storage');
  await expect(node).toHaveAttribute('data-role', 'storage');
  await page.getByLabel('Plan name').fill('Edited');
  await page.getByLabel('Plan name').press('Enter');
  await shot(page, 'edited');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Plan name')).toHaveValue('Reference cluster');
  await expect(node).toHaveAttribute('data-role', 'storage');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(node).toHaveAttribute('data-role', 'worker');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();

  await page.locator('body').click({ position: { x: 5, y: 880 } });
  await page.keyboard.press('Control+y');
  await expect(node).toHaveAttribute('data-role', 'storage');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByLabel('Plan name')).toHaveValue('Edited');
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('Plan name')).toHaveValue('Reference cluster');
  await shot(page, 'undo-redo');
});

test('export JSON downloads the open plan', async ({ page }) => {
  await openApp(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  expect(download.suggestedFilename()).toBe('reference.json');
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(exported).toEqual(JSON.parse(readFileSync('public/examples/reference.json', 'utf8')));
  const [yaml] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export YAML' }).click()]);
  expect(yaml.suggestedFilename()).toBe('reference.yaml');
  expect(readFileSync(await yaml.path(), 'utf8')).toContain('name: Reference cluster');
});
