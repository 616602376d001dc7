import { expect, test, type Page } from '@playwright/test';

/**
 * No input is silently wrong in the editor: labels and taints are edited in the inspector with
 * the reason for a refusal shown as the user types, each commit is one undo step, and a rack
 * added to a row continues the row's names.
 */
const shot = (page: Page, name: string) => page.locator('section.inspector').screenshot({ path: `test-results/screens/editor-safety-${name}.png` });

async function openApp(page: Page) {
  await page.goto('/');
  await expect(page.locator('g.node')).toHaveCount(12);
}

test('labels and taints of a storage node: add, see an invalid key refused with the reason, undo restores', async ({ page }) => {
  await openApp(page);
  await page.locator('g.node[data-node="st-01"]').click();
  const labels = page.getByRole('region', { name: 'Labels' });
  const taints = page.getByRole('region', { name: 'Taints' });
  // The storage node carries the storage label and taint the reference architecture gives it.
  await expect(labels.getByRole('textbox', { name: 'Label key', exact: true })).toHaveCount(2);
  await expect(taints.getByRole('textbox', { name: 'Taint key', exact: true })).toHaveValue('node-role.kubernetes.io/storage');

  const key = labels.getByRole('textbox', { name: 'New label key' });
  const value = labels.getByRole('textbox', { name: 'New label value' });
  await key.fill('disk type');
  await expect(labels.getByRole('alert')).toContainText('label key: must be a Kubernetes label key');
  await expect(labels.getByRole('alert')).toContainText('got "disk type"');
  await expect(key).toHaveAttribute('aria-invalid', 'true');
  await expect(labels.getByRole('button', { name: 'Add' })).toBeDisabled();
  // Enter on a refused label changes nothing.
  await key.press('Enter');
  await expect(labels.getByRole('textbox', { name: 'Label key', exact: true })).toHaveCount(2);

  await key.fill('disktype');
  await value.fill('nvme');
  await expect(labels.getByRole('alert')).toHaveCount(0);
  await value.press('Enter');
  await expect(labels.getByRole('textbox', { name: 'Label key', exact: true })).toHaveCount(3);
  await expect(labels.getByRole('textbox', { name: 'Label key', exact: true }).last()).toHaveValue('disktype');
  await expect(key).toHaveValue('');

  const taintKey = taints.getByRole('textbox', { name: 'New taint key' });
  await taintKey.fill('node-role.kubernetes.io/storage');
  await expect(taints.getByRole('alert')).toContainText('already has a NoSchedule taint "node-role.kubernetes.io/storage"');
  await taintKey.fill('dedicated');
  await taints.getByRole('textbox', { name: 'New taint value' }).fill('ceph');
  await taints.getByRole('combobox', { name: 'New taint effect' }).selectOption('NoExecute');
  await taints.getByRole('button', { name: 'Add' }).click();
  await expect(taints.getByRole('textbox', { name: 'Taint key', exact: true })).toHaveCount(2);
  await expect(taints.getByRole('combobox', { name: 'Taint effect', exact: true }).last()).toHaveValue('NoExecute');

  // Screens of the edited inspector with a refusal showing, at both widths and in both themes.
  await labels.getByRole('textbox', { name: 'New label key' }).fill('-bad');
  for (const width of [1440, 800]) {
    for (const theme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: theme });
      await expect(labels.getByRole('alert')).toBeVisible();
      // The inspector scrolls; show the labels' refusal and the taints together.
      await taints.scrollIntoViewIfNeeded();
      await shot(page, `inspector-${width}-${theme}`);
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
  await labels.getByRole('textbox', { name: 'New label key' }).press('Escape');

  // Editing an existing label in place: the storage label's value, committed on leaving the box.
  const disk = labels.getByRole('textbox', { name: 'Label value', exact: true }).last();
  await disk.fill('ssd');
  await disk.press('Tab');
  await expect(labels.getByRole('textbox', { name: 'Label value', exact: true }).last()).toHaveValue('ssd');

  const undo = page.getByRole('button', { name: 'Undo' });
  await undo.click();
  await expect(labels.getByRole('textbox', { name: 'Label value', exact: true }).last()).toHaveValue('nvme');
  await undo.click();
  await expect(taints.getByRole('textbox', { name: 'Taint key', exact: true })).toHaveCount(1);
  await undo.click();
  await expect(labels.getByRole('textbox', { name: 'Label key', exact: true })).toHaveCount(2);
  await expect(labels.getByRole('textbox', { name: 'Label key', exact: true }).first()).toHaveValue('topology.kubernetes.io/zone');
  await expect(labels.getByRole('textbox', { name: 'Label key', exact: true }).last()).toHaveValue('node-role.kubernetes.io/storage');
});

test('a label added to a multiple selection lands on every selected node as one undo step', async ({ page }) => {
  await openApp(page);
  await page.locator('g.node[data-node="w-0001"]').click();
  await page.locator('g.node[data-node="w-0002"]').click({ modifiers: ['Shift'] });
  const bulk = page.getByRole('region', { name: 'Label all selected' });
  await bulk.getByRole('textbox', { name: 'New label key' }).fill('tier');
  await bulk.getByRole('textbox', { name: 'New label value' }).fill('gold');
  await bulk.getByRole('button', { name: 'Add' }).click();
  await expect(bulk.getByRole('textbox', { name: 'New label key' })).toHaveValue('');
  // Escape clears the selection (focus is on the button, not in a box), then one node is inspected.
  await page.keyboard.press('Escape');
  await page.locator('g.node[data-node="w-0002"]').click();
  const keys = page.getByRole('region', { name: 'Labels' }).getByRole('textbox', { name: 'Label key', exact: true });
  await expect(keys.last()).toHaveValue('tier');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(keys).toHaveCount(1);
});

test('"Add rack to this row" names the new rack after the row: R1-R3 → R4', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Rack' }).click();
  await page.getByRole('button', { name: 'Add rack to this row' }).click();
  await expect(page.locator('g.rack')).toHaveCount(4);
  await expect(page.locator('g.rack[aria-label^="Rack R4,"]')).toHaveCount(1);
  await expect(page.locator('g.rack[aria-label^="Rack Row 1"]')).toHaveCount(0);
});

test('a rack name with a right-to-left override shows escaped; a 120-character name is cut in the rack view, whole on hover', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Rack' }).click();
  const name = page.getByRole('textbox', { name: 'Rack name' });
  await name.fill('R\u202E1-kcar');
  await name.press('Enter');
  await expect(page.getByRole('heading', { name: 'Rack R⟨U+202E⟩1-kcar' })).toBeVisible();
  await expect(page.locator('g.rack[data-rack="r1"] text.rack-name')).toContainText('R⟨U+202E⟩1-kcar');
  await page.getByRole('tab', { name: 'Selection' }).click();
  await page.locator('g.node[data-node="w-0001"]').click();
  await expect(page.getByRole('combobox', { name: 'Rack' })).toContainText('R⟨U+202E⟩1-kcar');

  await page.getByRole('tab', { name: 'Rack' }).click();
  const long = `Rack ${'x'.repeat(115)}`;
  await name.fill(long);
  await name.press('Enter');
  const label = page.locator('g.rack[data-rack="r1"] text.rack-name');
  await expect(label.locator('title')).toHaveText(long);
  const shown = (await label.evaluate((el) => el.firstChild?.textContent ?? '')).split(' · ')[0];
  expect(shown.endsWith('…')).toBe(true);
  expect(shown.length).toBeLessThan(40);
  // The cut label ends before the next rack begins, so it neither covers R2 nor takes its clicks.
  const [a, b] = await Promise.all([label.boundingBox(), page.locator('g.rack[data-rack="r2"] rect.frame').boundingBox()]);
  expect(a!.x + a!.width).toBeLessThan(b!.x);
  await page.locator('.viewport').screenshot({ path: 'test-results/screens/editor-safety-long-rack-name.png' });
});
