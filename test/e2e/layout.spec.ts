import { expect, test } from '@playwright/test';

test('Layout tab: add, rename, reorder and remove a rack and a room, each one undo step', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('g.rack')).toHaveCount(3);
  await page.getByRole('tab', { name: 'Layout' }).click();
  const tree = page.getByRole('list', { name: 'Plan layout' });

  await page.getByRole('button', { name: 'Add rack to Row 1' }).click();
  await expect(page.locator('g.rack')).toHaveCount(4);
  const newRack = tree.getByRole('textbox', { name: 'Rack', exact: true }).last();
  await newRack.fill('Spare rack');
  await newRack.press('Enter');
  await expect(page.locator('g.rack').filter({ hasText: 'Spare rack' })).toHaveCount(1);

  await page.getByRole('button', { name: 'Move rack Spare rack left' }).click();
  await expect(tree.getByRole('textbox', { name: 'Rack', exact: true }).nth(2)).toHaveValue('Spare rack');

  await page.getByRole('button', { name: 'Add room to DC 1' }).click();
  await expect(tree.getByRole('textbox', { name: 'Room', exact: true })).toHaveCount(2);
  await page.screenshot({ path: 'test-results/screens/layout-edited.png' });

  await page.getByRole('button', { name: 'Remove rack Spare rack' }).click();
  await expect(page.locator('g.rack')).toHaveCount(3);

  const undo = page.getByRole('button', { name: 'Undo' });
  await undo.click();
  await expect(page.locator('g.rack').filter({ hasText: 'Spare rack' })).toHaveCount(1);
  await undo.click();
  await expect(tree.getByRole('textbox', { name: 'Room', exact: true })).toHaveCount(1);
  await undo.click();
  await expect(tree.getByRole('textbox', { name: 'Rack', exact: true }).nth(3)).toHaveValue('Spare rack');
  await undo.click();
  await undo.click();
  await expect(page.locator('g.rack')).toHaveCount(3);
  await expect(undo).toBeDisabled();
});
