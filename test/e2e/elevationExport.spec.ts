import { expect, test, type Page } from '@playwright/test';
import { readFileSync, statSync } from 'node:fs';

/**
 * The 5,000-node elevation exported at every offered PNG resolution and as SVG. Time and file
 * size are logged for the closing note (speed is never asserted: the machine is shared); what is
 * asserted is that each file is the size the dialog promised, in pixels, before export.
 */
async function openHyperscale(page: Page) {
  await page.goto('/');
  await expect(page.locator('.results .body h2')).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Open an example plan').selectOption('hyperscale-5000.json');
  await expect(page.getByLabel('Plan name')).toHaveValue(/5,?000|Hyperscale/i, { timeout: 60_000 });
  await expect(page.locator('.results .body h2')).toBeVisible({ timeout: 60_000 });
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(buffer: Buffer): { width: number; height: number } {
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

test('the 5,000-node elevation exports at every PNG resolution the dialog offers, at the size it says, and as SVG', async ({ page }) => {
  test.setTimeout(600_000);
  await openHyperscale(page);
  await page.getByRole('button', { name: 'Export PNG…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the elevation as PNG' });
  await page.screenshot({ path: 'test-results/screens/elevation-png-dialog-1440.png' });
  const ids = await dialog.locator('label[data-choice]').evaluateAll((els) => els.map((e) => e.getAttribute('data-choice')!));
  expect(ids).toEqual(['long-1024', 'long-2048', 'long-4096', 'full', 'sharp']);
  const figures: string[] = [];
  for (const id of ids) {
    const choice = dialog.locator(`label[data-choice="${id}"]`);
    await choice.locator('input').check();
    const facts = (await choice.locator('.facts').textContent())!;
    const [, w, h] = /([\d,]+) × ([\d,]+) px/.exec(facts)!;
    const started = Date.now();
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), dialog.getByRole('button', { name: /^Export .* px PNG$/ }).click()]);
    const path = await file.path();
    // Kept to look at: the size a person would attach to a ticket.
    if (id === 'long-2048') await file.saveAs('test-results/screens/elevation-5000-export-2048.png');
    const wallMs = Date.now() - started;
    const buffer = readFileSync(path);
    expect(pngSize(buffer)).toEqual({ width: Number(w.replace(/,/g, '')), height: Number(h.replace(/,/g, '')) });
    await expect(dialog.getByRole('status')).toContainText('Exported');
    const said = (await dialog.getByRole('status').textContent())!.trim();
    figures.push(
      `${id}: ${w} × ${h} px, ${(statSync(path).size / 2 ** 20).toFixed(2)} MiB (estimated: ${/about ([^·]+)/.exec(facts)![1].trim()}), ${(wallMs / 1000).toFixed(1)} s to the download; app says "${said}"`,
    );
  }
  await page.screenshot({ path: 'test-results/screens/elevation-png-dialog-done-1440.png' });
  await dialog.getByRole('button', { name: 'Close PNG export' }).click();
  const started = Date.now();
  const [svg] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'Export SVG' }).click()]);
  const svgPath = await svg.path();
  figures.push(`svg: ${(statSync(svgPath).size / 2 ** 20).toFixed(2)} MiB, ${((Date.now() - started) / 1000).toFixed(1)} s to the download`);
  console.log(`5,000-node elevation export:\n  ${figures.join('\n  ')}`);
  test.info().annotations.push({ type: 'elevation export', description: figures.join('; ') });
});

for (const theme of ['light', 'dark'] as const)
  for (const width of [1440, 800] as const) {
    test(`the PNG export dialog at ${width} px, ${theme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/');
      await expect(page.locator('.results .body h2')).toBeVisible({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Export PNG…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export the elevation as PNG' });
      await expect(dialog.locator('label[data-choice]').first()).toBeVisible();
      const box = (await dialog.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `test-results/screens/elevation-png-dialog-${theme}-${width}.png` });
    });
  }

for (const theme of ['light', 'dark'] as const) {
  for (const width of [1440, 800] as const) {
    test(`the 5,000-node rack view at Fit, ${width} px, ${theme}: row labels are dropped, not drawn over racks, and return when zoomed in`, async ({
      page,
    }) => {
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width, height: 900 });
      await openHyperscale(page);
      await page.getByRole('button', { name: 'Fit all racks' }).click();
      // The overlap itself is checked for every sample at every zoom in test/ui/racks/rowLabels.test.ts;
      // here the app says what it dropped, and the screenshot is looked at.
      await expect(page.getByTestId('rows-unlabelled')).toBeVisible();
      await page.screenshot({ path: `test-results/screens/racks-fit-5000-${theme}-${width}.png` });
      for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
      await expect(page.getByTestId('rows-unlabelled')).toHaveCount(0);
      await page.screenshot({ path: `test-results/screens/racks-zoomed-5000-${theme}-${width}.png` });
    });
  }
}
