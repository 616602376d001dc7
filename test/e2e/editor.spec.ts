import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/**
 * The rack editor as a person uses it: drag and drop, box select, undo/redo, the keyboard,
 * share links and export. Each step leaves a screenshot in test-results/screens/ to look at.
 */
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/editor-${name}.png` });

async function openApp(page: Page) {
  await page.goto('/');
  await expect(page.locator('g.node')).toHaveCount(12);
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
}

/** The screen centre of slot `u` (1 = bottom) in a rack, read from the drawn frame. */
async function slot(page: Page, rackId: string, u: number, heightU = 42) {
  const box = (await page.locator(`g.rack[data-rack="${rackId}"] rect.frame`).boundingBox())!;
  const uPx = box.height / heightU;
  return { x: box.x + box.width / 2, y: box.y + (heightU - u + 0.5) * uPx };
}

async function dragTo(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 8, from.y + 8, { steps: 2 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

async function centre(page: Page, selector: string) {
  const box = (await page.locator(selector).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test('drag a profile from the palette into a free U; an occupied U is refused with its reason', async ({ page }) => {
  await openApp(page);
  await dragTo(page, await centre(page, 'button[data-hardware="worker-1u"]'), await slot(page, 'r1', 10));
  await expect(page.locator('g.node')).toHaveCount(13);
  const placed = page.locator('g.node[data-node="w-0007"]');
  await expect(placed).toHaveAttribute('aria-label', /w-0007, worker, U10/);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('w-0007');
  await shot(page, 'palette-drop');

  // While the profile hovers over st-01 the ghost and the reason show; the drop is refused.
  const target = await slot(page, 'r1', 4);
  await page.mouse.move(...(Object.values(await centre(page, 'button[data-hardware="worker-1u"]')) as [number, number]));
  await page.mouse.down();
  await page.mouse.move(target.x - 30, target.y, { steps: 4 });
  await page.mouse.move(target.x, target.y, { steps: 4 });
  await expect(page.getByText("Can't drop here: U4 overlaps st-01 in R1")).toBeVisible();
  await expect(page.locator('rect.ghost.bad')).toHaveCount(1);
  await shot(page, 'palette-refused-preview');
  await page.mouse.up();
  await expect(page.getByRole('alert').filter({ hasText: 'Not applied: U4 overlaps st-01 in R1' })).toBeVisible();
  await expect(page.locator('g.node')).toHaveCount(13);
});

test('drag a node to another rack is one undo step', async ({ page }) => {
  await openApp(page);
  const node = page.locator('g.node[data-node="w-0001"]');
  await dragTo(page, await centre(page, 'g.node[data-node="w-0001"]'), await slot(page, 'r2', 12));
  await expect(node).toHaveAttribute('aria-label', /U12/);
  await expect(page.getByLabel('Rack', { exact: true })).toHaveValue('r2');
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', 'Undo: Move w-0001 to R2 U12');
  await shot(page, 'node-moved');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(node).toHaveAttribute('aria-label', /U2/);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(node).toHaveAttribute('aria-label', /U12/);
});

test('box-select, delete, undo, redo', async ({ page }) => {
  await openApp(page);
  // A box from empty space left of R1 across R1 and R2 at U2-U3 catches four workers.
  const r1 = await slot(page, 'r1', 3);
  const r2 = await slot(page, 'r2', 2);
  await dragTo(page, { x: r1.x - 90, y: r1.y - 4 }, { x: r2.x + 10, y: r2.y + 3 });
  await expect(page.getByRole('heading', { name: '4 nodes selected' })).toBeVisible();
  await expect(page.locator('g.node.selected')).toHaveCount(4);
  await shot(page, 'box-selected');
  await page.keyboard.press('Delete');
  await expect(page.locator('g.node')).toHaveCount(8);
  await expect(page.locator('g.node[data-node="w-0001"]')).toHaveCount(0);
  await shot(page, 'deleted');
  await page.keyboard.press('Control+z');
  await expect(page.locator('g.node')).toHaveCount(12);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.locator('g.node')).toHaveCount(8);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('g.node')).toHaveCount(12);
  await shot(page, 'undone');
});

test('keyboard only: choose a profile, place it, move it up and into the next rack, duplicate, set role', async ({ page }) => {
  await openApp(page);
  // Tab into the palette, choose the worker profile with Enter, then work in the elevation.
  const worker = page.locator('button[data-hardware="worker-1u"]');
  await page.getByRole('button', { name: 'Redo' }).focus();
  for (let i = 0; i < 30 && !(await worker.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(worker).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(worker).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('n');
  const placed = page.locator('g.node[data-node="w-0007"]');
  await expect(placed).toHaveAttribute('aria-label', /U6/);
  await page.keyboard.press('Shift+ArrowUp');
  await page.keyboard.press('Shift+ArrowUp');
  await expect(placed).toHaveAttribute('aria-label', /U8/);
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByLabel('Rack', { exact: true })).toHaveValue('r2');
  await page.keyboard.press('Control+d');
  await expect(page.locator('g.node')).toHaveCount(14);
  await page.keyboard.press('s');
  await expect(page.locator('g.node[data-node="st-04"]')).toHaveCount(0);
  await expect(page.locator('g.node[data-node="w-0008"]')).toHaveAttribute('data-role', 'storage');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('w-0007');
  await shot(page, 'keyboard');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Move the selection to the previous / next rack');
  await shot(page, 'shortcuts');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);
});

test('a share link opened in a fresh page shows the same plan', async ({ page, browser }) => {
  await openApp(page);
  await dragTo(page, await centre(page, 'g.node[data-node="w-0001"]'), await slot(page, 'r3', 20));
  await page.getByLabel('Plan name').fill('Shared layout');
  await page.getByLabel('Plan name').press('Enter');
  await page.getByRole('button', { name: 'Share' }).click();
  const url = await page.getByLabel(/Share link/).inputValue();
  expect(url).toMatch(/#plan=2\.[A-Za-z0-9_-]+$/);
  await shot(page, 'share');

  const fresh = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await fresh.goto(url);
  await expect(fresh.getByLabel('Plan name')).toHaveValue('Shared layout');
  await expect(fresh.locator('g.node')).toHaveCount(12);
  await expect(fresh.locator('g.node[data-node="w-0001"]')).toHaveAttribute('aria-label', /U20/);
  expect(new URL(fresh.url()).hash).toBe('');
  await fresh.screenshot({ path: 'test-results/screens/editor-share-opened.png' });
  await fresh.context().close();
});

test('the elevation exports as an SVG that opens, and as a PNG', async ({ page }) => {
  await openApp(page);
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SVG' }).click()]);
  expect(svg.suggestedFilename()).toBe('reference-elevation.svg');
  // Saved with its extension, as a user's download is, so the browser opens it as an image.
  const path = test.info().outputPath('elevation.svg');
  await svg.saveAs(path);
  expect(readFileSync(path, 'utf8')).toContain('<svg');
  const viewer = await page.context().newPage();
  await viewer.goto(`file://${path}`);
  await expect(viewer.locator('g.node')).toHaveCount(12);
  await expect(viewer.locator('g.rack')).toHaveCount(3);
  await expect(viewer.locator('text.node-name').first()).toHaveText('cp-01');
  await viewer.screenshot({ path: 'test-results/screens/editor-exported-svg.png' });
  await viewer.close();
  await page.getByRole('button', { name: 'Export PNG…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the elevation as PNG' });
  const [png] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: /^Export .* px PNG$/ }).click()]);
  expect(png.suggestedFilename()).toBe('reference-elevation.png');
  expect(
    readFileSync(await png.path())
      .subarray(1, 4)
      .toString(),
  ).toBe('PNG');
});

test('named plans: new, rename, switch back, delete', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Plans' }).click();
  await page.getByRole('button', { name: 'New plan' }).click();
  await expect(page.getByLabel('Plan name')).toHaveValue('New plan');
  await expect(page.locator('g.rack')).toHaveCount(2);
  await expect(page.locator('g.node')).toHaveCount(0);
  await page.getByRole('button', { name: 'Plans' }).click();
  await page.getByRole('button', { name: 'Rename plan New plan' }).click();
  await page.getByLabel('New name for New plan').fill('Lab');
  await page.getByLabel('New name for New plan').press('Enter');
  await expect(page.getByLabel('Plan name')).toHaveValue('Lab');
  await expect(page.getByRole('button', { name: 'Open plan Reference cluster' })).toBeVisible();
  await shot(page, 'plans');
  await page.getByRole('button', { name: 'Open plan Reference cluster' }).click();
  await expect(page.getByLabel('Plan name')).toHaveValue('Reference cluster');
  await expect(page.locator('g.node')).toHaveCount(12);
  await page.getByRole('button', { name: 'Plans' }).click();
  await page.getByRole('button', { name: 'Delete plan Lab' }).click();
  await page.getByRole('button', { name: 'Really delete plan Lab' }).click();
  await expect(page.getByRole('button', { name: 'Open plan Lab' })).toHaveCount(0);
});

test('the hyperscale plan: overview canvas, minimap, a drag in the 5,000-node plan', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Open an example plan').selectOption('hyperscale-5000.json');
  await expect(page.getByLabel('Plan name')).toHaveValue('Hyperscale 5000');
  // Only racks near the view are in the DOM.
  expect(await page.locator('g.node').count()).toBeLessThan(600);
  const node = page.locator('g.node[data-node="w-0001"]');
  await dragTo(page, await centre(page, 'g.node[data-node="w-0001"]'), await slot(page, 'a1-r2', 40, 48));
  await expect(node).toHaveAttribute('aria-label', /U40/);
  await shot(page, 'hyperscale-drag');
  await page.getByRole('button', { name: 'Fit all racks' }).click();
  await expect(page.locator('svg.elevation')).toHaveAttribute('data-detail', 'false');
  await expect(page.locator('g.node')).toHaveCount(0);
  await shot(page, 'hyperscale-overview');
  await expect(page.getByRole('tab', { name: /^Findings/ })).toHaveAttribute('data-problems', '0');
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('dialog', { name: 'Share plan' }).getByLabel(/^Share link/)).toHaveValue(/#plan=2\./);
});
