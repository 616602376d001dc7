import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';

/**
 * Editing a hardware profile as a planner would: a disk's size and count with the reason a bad
 * value is refused, the CPU class, and a real fio result (test/plan/fixtures/fio-fdatasync.json,
 * fio 3.33 with --fdatasync=1) imported through the file chooser, which moves the control-plane
 * write latency in the headline. Screenshots go to test-results/screens/hardware-*.png.
 */
const FIO = fileURLToPath(new URL('../plan/fixtures/fio-fdatasync.json', import.meta.url));
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/hardware-${name}.png` });
const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' });
const writeP99 = (page: Page) => page.locator('[data-figure="write-p99"] .value');
const undoButton = (page: Page) => page.getByRole('button', { name: 'Undo' });

async function openProfile(page: Page) {
  await page.goto('/');
  await expect(page.locator('g.node')).toHaveCount(12);
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.locator('button[data-hardware="cp-1u-nvme"]').click();
  await expect(inspector(page).getByRole('heading', { name: /Profile Control plane 1U \(16c/ })).toBeVisible();
}

/** The headline's write p99 in ms, from its text ("850 µs", "21.9 ms"). */
async function p99Ms(page: Page): Promise<number> {
  const text = (await writeP99(page).innerText()).trim();
  const m = /([\d.,]+)\s*(µs|ms|s)\b/.exec(text);
  if (!m) throw new Error(`no latency in "${text}"`);
  return Number(m[1].replace(/,/g, '')) * { µs: 1e-3, ms: 1, s: 1000 }[m[2] as 'µs' | 'ms' | 's'];
}

test('edit a disk, change the CPU class and import a real fio result: the write latency follows, undo restores', async ({ page }) => {
  await openProfile(page);
  const disk = inspector(page).getByRole('group', { name: 'Disk 1' });
  await expect(disk.getByLabel('Class')).toHaveValue('nvme-enterprise');

  // An out-of-range count is refused as it is typed, naming the field and the range; nothing changes.
  const count = disk.getByLabel('Count');
  await count.fill('65');
  await expect(count).toHaveAttribute('aria-invalid', 'true');
  await expect(disk.getByRole('alert')).toContainText(/disks\[0\]\.count: .*64/);
  await count.press('Enter');
  await expect(undoButton(page)).toBeDisabled();
  await disk.getByRole('alert').scrollIntoViewIfNeeded();
  await shot(page, 'disk-refused');
  await count.press('Escape');
  await expect(count).toHaveValue('2');

  // A valid size applies on Enter as one undo step.
  const size = disk.getByLabel('Size (GB)');
  await size.fill('1920');
  await size.press('Enter');
  await expect(undoButton(page)).toHaveAttribute('title', /Undo: Change capacityGB of disk 1 of Control plane 1U/);

  await inspector(page).getByLabel('CPU class').selectOption('performance');
  await expect(inspector(page).getByText('16 cores × 1.3 = 20.8 reference cores')).toBeVisible();
  await inspector(page).getByLabel('CPU class').scrollIntoViewIfNeeded();
  await shot(page, 'cpu-class');
  await expect(undoButton(page)).toHaveAttribute('title', /Undo: Change cpuClass of Control plane 1U/);

  // The class default: enterprise NVMe commits in well under a millisecond.
  await expect(writeP99(page)).toHaveText(/µs/);
  const before = await p99Ms(page);
  expect(before).toBeLessThan(1);

  // A file that is not fio's output is refused naming what is wrong, and nothing changes.
  const chooser = inspector(page).getByLabel('fio JSON file');
  await chooser.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"jobs": ') });
  await expect(inspector(page).getByRole('alert')).toContainText('notes.json: not JSON');
  await chooser.setInputFiles({
    name: 'random-read.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"jobs": [{"jobname": "rr", "job options": {"rw": "randread"}}]}'),
  });
  await expect(inspector(page).getByRole('alert')).toContainText('random-read.json: no job ran with --fdatasync=1');
  await expect(inspector(page).getByRole('alert')).toContainText('Nothing was changed.');

  // The real fixture: the preview shows what was read, from which job, and what it will change.
  const [fileChooser] = await Promise.all([page.waitForEvent('filechooser'), inspector(page).getByRole('button', { name: 'Import fio result…' }).click()]);
  await fileChooser.setFiles(FIO);
  const preview = inspector(page).getByRole('region', { name: 'fio result' });
  await expect(preview).toContainText('fio-fdatasync.json');
  await expect(preview.locator('[data-fio-from="fsync"]')).toContainText('fsync p50 / p99 from job etcd-wal, 2300 B blocks, 1,823 syncs');
  await expect(preview.locator('tr[data-figure="fsyncMedianMs"]')).toContainText('40 µs (class default)');
  await expect(preview.locator('tr[data-figure="fsyncMedianMs"]')).toContainText('518 µs (measured)');
  await expect(preview.locator('tr[data-figure="fsyncP99Ms"]')).toContainText('20.8 ms (measured)');
  await expect(preview.locator('tr[data-figure="randWriteIops"]')).toContainText('200,000 IOPS (class default)');
  await expect(preview).toContainText('fsync p99 above 10 ms');
  await expect(preview).toContainText("etcd's WAL is on this disk on 3 control-plane nodes");
  await preview.scrollIntoViewIfNeeded();
  await shot(page, 'fio-preview');

  await preview.getByRole('button', { name: 'Apply to disk 1' }).click();
  await expect(undoButton(page)).toHaveAttribute('title', 'Undo: Measure disk 1 of Control plane 1U (16c, 64 GiB, NVMe) (fio fio-fdatasync.json)');
  await expect(disk.locator('[data-disk-figures]')).toContainText('Measured (fio fio-fdatasync.json): fsync p50 518 µs, p99 20.8 ms');
  // The models read the measured disk: every control-plane member now waits on a 20.8 ms fsync p99.
  await expect(writeP99(page)).toHaveText(/\d ms/);
  const after = await p99Ms(page);
  expect(after).toBeGreaterThan(20);
  expect(after).toBeLessThan(40);
  test.info().annotations.push({ type: 'write p99', description: `class default ${before} ms, fio fixture ${after} ms` });
  await inspector(page).getByRole('heading', { name: 'Disks' }).scrollIntoViewIfNeeded();
  await shot(page, 'measured');

  // One undo takes the measurement away and the latency back; three restore the original profile.
  await undoButton(page).click();
  await expect(disk.locator('[data-disk-figures]')).toContainText('Class figures');
  await expect(writeP99(page)).toHaveText(/µs/);
  await undoButton(page).click();
  await undoButton(page).click();
  await expect(inspector(page).getByLabel('CPU class')).toHaveValue('balanced');
  await expect(disk.getByLabel('Size (GB)')).toHaveValue('960');
  await expect(undoButton(page)).toBeDisabled();
});

test('clear a measurement, add and remove a disk', async ({ page }) => {
  await openProfile(page);
  await inspector(page).getByLabel('fio JSON file').setInputFiles(FIO);
  await inspector(page).getByRole('button', { name: 'Apply to disk 1' }).click();
  const disk = inspector(page).getByRole('group', { name: 'Disk 1' });
  await disk.getByRole('button', { name: 'Clear measurement' }).click();
  await expect(undoButton(page)).toHaveAttribute('title', /Undo: Clear the measurement of disk 1/);
  await expect(disk.locator('[data-disk-figures]')).toContainText('Class figures: fsync p50 40 µs, p99 150 µs');

  await inspector(page).getByRole('button', { name: 'Add disk' }).click();
  const second = inspector(page).getByRole('group', { name: 'Disk 2' });
  await expect(second.getByLabel('Purpose')).toHaveValue('data');
  // A measurement aimed at the new data disk says it will not move etcd but will bound rebuilds.
  await inspector(page).getByLabel('For').selectOption('1');
  await inspector(page).getByLabel('fio JSON file').setInputFiles(FIO);
  await expect(inspector(page).getByRole('region', { name: 'fio result' })).toContainText(
    'etcd is on disk 1, so the commit latency will not change; a measured sequential write bounds',
  );
  await inspector(page).getByRole('button', { name: 'Cancel' }).click();
  await second.getByLabel('Class').selectOption('hdd');
  await expect(undoButton(page)).toHaveAttribute('title', /Undo: Change class of disk 2/);
  await second.getByRole('button', { name: 'Remove disk 2' }).click();
  await expect(second).toHaveCount(0);
  await expect(disk.getByRole('button', { name: 'Remove disk 1' })).toBeDisabled();

  // A worker profile's disk can carry a measurement too, but the preview says it will not move etcd.
  await page.locator('button[data-hardware="worker-1u"]').click();
  await inspector(page).getByLabel('fio JSON file').setInputFiles(FIO);
  await expect(inspector(page).getByRole('region', { name: 'fio result' })).toContainText('No control-plane node uses this profile yet');
});

for (const width of [1440, 800]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`hardware inspector with a measured disk at ${width} px, ${scheme}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await openProfile(page);
      await inspector(page).getByLabel('fio JSON file').setInputFiles(FIO);
      const preview = inspector(page).getByRole('region', { name: 'fio result' });
      await expect(preview.locator('tr[data-figure="fsyncP99Ms"]')).toContainText('20.8 ms');
      await preview.scrollIntoViewIfNeeded();
      await shot(page, `${width}-${scheme}`);
    });
  }
}
