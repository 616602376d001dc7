import { chromium, expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM } from '../../playwright.config';

/**
 * No edit is ever lost: opening never replaces a plan, the last edit survives closing the
 * browser, versions can be restored, and two tabs never overwrite each other silently.
 */
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/safety-${name}.png` });
const BASE = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4173)}`;

async function openApp(page: Page) {
  await page.goto('/');
  await expect(page.locator('g.node')).toHaveCount(12);
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
}

async function rename(page: Page, name: string) {
  const input = page.getByLabel('Plan name');
  await input.fill(name);
  await input.press('Enter');
}

const plansButton = (page: Page) => page.getByRole('button', { name: 'Plans', exact: true });

test('a named plan stays in the list, with its edits, after opening an example and a file', async ({ page }) => {
  await openApp(page);
  await rename(page, 'My DC plan');
  await page.locator('g.node[data-node="w-0001"]').click();
  await page.getByLabel('Role').selectOption('storage');
  await expect(page.locator('header [role="status"]')).toContainText('Saved');

  await page.getByLabel('Open an example plan').selectOption('enterprise.json');
  await expect(page.getByLabel('Plan name')).toHaveValue('Enterprise');
  await expect(page.getByRole('status').filter({ hasText: 'from the example enterprise.json as a new plan; "My DC plan" is still in Plans' })).toBeVisible();

  const text = readFileSync('public/examples/enterprise.json', 'utf8');
  await page.getByLabel('Open plan file').setInputFiles({ name: 'enterprise.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  // The same plan twice gets a name of its own, so the list never holds two plans one name.
  await expect(page.getByLabel('Plan name')).toHaveValue('Enterprise (2)');
  await shot(page, 'opened-file');

  await plansButton(page).click();
  const menu = page.getByRole('dialog', { name: 'Plans' });
  await expect(menu.getByRole('button', { name: /^Open plan / })).toHaveCount(3);
  await expect(menu.locator('li', { hasText: 'Enterprise (2)' })).toContainText('from enterprise.json');
  await expect(menu.locator('li', { has: page.getByRole('button', { name: 'Open plan Enterprise', exact: true }) })).toContainText(
    'from the example enterprise.json',
  );
  await shot(page, 'plan-list');
  await menu.getByRole('button', { name: 'Open plan My DC plan' }).click();
  await expect(page.getByLabel('Plan name')).toHaveValue('My DC plan');
  await expect(page.locator('g.node[data-node="w-0001"]')).toHaveAttribute('data-role', 'storage');
  // Opening another plan dropped the selection that belonged to the previous one.
  await expect(page.locator('g.node.selected')).toHaveCount(0);
});

test('restore an older version from the version list, as one undoable step', async ({ page }) => {
  await openApp(page);
  await rename(page, 'Step one');
  await expect(page.locator('header [role="status"]')).toContainText('Saved');
  await rename(page, 'Step two');
  await expect(page.locator('header [role="status"]')).toContainText('Saved');

  await plansButton(page).click();
  const versions = page.getByRole('region', { name: 'Saved versions' });
  await expect(versions.locator('li')).toHaveCount(3);
  await expect(versions.locator('li').nth(0)).toContainText('Renamed to "Step two"');
  await expect(versions.locator('li').nth(1)).toContainText('Renamed to "Step one"');
  await expect(versions.locator('li').nth(2)).toContainText('First saved version');
  await shot(page, 'versions');
  await versions
    .locator('li')
    .nth(1)
    .getByRole('button', { name: /^Restore/ })
    .click();
  await expect(page.getByLabel('Plan name')).toHaveValue('Step one');
  await expect(page.getByRole('status').filter({ hasText: 'Restored the version saved at' })).toBeVisible();
  await expect(page.locator('header [role="status"]')).toContainText('Saved');
  await page.reload();
  await expect(page.getByLabel('Plan name')).toHaveValue('Step one');

  await plansButton(page).click();
  await versions
    .locator('li')
    .nth(3)
    .getByRole('button', { name: /^Open version/ })
    .click();
  await expect(page.getByLabel('Plan name')).toHaveValue(/^Reference cluster \(/);
});

test('an edit followed at once by closing the browser is kept', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rackplan-profile-'));
  const launch = () => chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, baseURL: BASE, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    let context = await launch();
    let page = context.pages()[0] ?? (await context.newPage());
    await openApp(page);
    await rename(page, 'Closed at once');
    await context.close();

    context = await launch();
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await expect(page.getByLabel('Plan name')).toHaveValue('Closed at once');
    await context.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('two tabs on one plan: the idle tab follows, a stale edit is never saved over the other', async ({ context }) => {
  const a = await context.newPage();
  await openApp(a);
  const b = await context.newPage();
  await b.goto('/');
  await expect(b.getByLabel('Plan name')).toHaveValue('Reference cluster');

  // A renames; B is idle, so it follows A's save.
  await rename(a, 'Renamed in A');
  await expect(a.locator('header [role="status"]')).toContainText('Saved');
  await expect(b.getByLabel('Plan name')).toHaveValue('Renamed in A');
  await expect(b.getByRole('status').filter({ hasText: 'Updated with the changes saved in another tab' })).toBeVisible();

  // B edits from the followed plan: saved, and A follows in turn.
  await b.locator('g.node[data-node="w-0001"]').click();
  await b.getByLabel('Role').selectOption('storage');
  await expect(b.locator('header [role="status"]')).toContainText('Saved');
  await expect(a.locator('g.node[data-node="w-0001"]')).toHaveAttribute('data-role', 'storage');
  await expect(a.getByLabel('Plan name')).toHaveValue('Renamed in A');

  // A tab that cannot hear the others (no BroadcastChannel, as in a frozen tab) opens the plan;
  // A saves again; that tab's next edit finds the newer save and overwrites nothing.
  const c = await context.newPage();
  await c.addInitScript(() => {
    delete (window as { BroadcastChannel?: unknown }).BroadcastChannel;
  });
  await c.goto('/');
  await expect(c.getByLabel('Plan name')).toHaveValue('Renamed in A');
  await rename(a, 'Second rename in A');
  await expect(a.locator('header [role="status"]')).toContainText('Saved');
  await rename(c, 'Rename in C');
  const conflict = c.getByRole('alert', { name: 'Save conflict' });
  await expect(conflict).toContainText('another tab saved “Second rename in A”');
  await expect(c.locator('header [role="status"]')).toContainText('Not saved: changed in another tab');
  await shot(c, 'conflict');
  await conflict.getByRole('button', { name: 'Keep mine as a new plan' }).click();
  await expect(c.getByLabel('Plan name')).toHaveValue('Rename in C (this tab)');
  await plansButton(c).click();
  const menu = c.getByRole('dialog', { name: 'Plans' });
  await expect(menu.getByRole('button', { name: 'Open plan Second rename in A' })).toBeVisible();
  await expect(menu.getByRole('button', { name: 'Open plan Rename in C (this tab)' })).toBeVisible();
  await expect(a.getByLabel('Plan name')).toHaveValue('Second rename in A');
});

test('the 5,000-node plan round-trips through a share link', async ({ page, browser }) => {
  await openApp(page);
  await page.getByLabel('Open an example plan').selectOption('hyperscale-5000.json');
  await expect(page.getByLabel('Plan name')).toHaveValue('Hyperscale 5000');
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share plan' });
  const link = dialog.getByLabel(/^Share link/);
  await expect(link).toHaveValue(/#plan=2\./);
  const url = await link.inputValue();
  expect(url.length).toBeLessThan(64_000);
  await shot(page, 'share-5000');

  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(url);
  await expect(fresh.getByLabel('Plan name')).toHaveValue('Hyperscale 5000');
  await expect(fresh.getByText(/^5,?000 \(/)).toBeVisible();
  await expect(fresh.getByRole('status').filter({ hasText: 'from a shared link as a new plan' })).toBeVisible();
  await expect(fresh.getByRole('tab', { name: /^Findings/ })).toHaveAttribute('data-problems', '0');
  await other.close();
});

test('a compression bomb pasted into an open tab is refused within a second, the plan intact', async ({ page }) => {
  await openApp(page);
  await rename(page, 'Keep me');
  await expect(page.locator('header [role="status"]')).toContainText('Saved');
  // 300 MB of spaces deflate to about 300 KB: the size of link the issue reported freezing the page.
  const bomb = deflateSync(Buffer.alloc(300 * 2 ** 20, 0x20), { level: 9 }).toString('base64url');
  // Timed in the page, from pasting the link to the refusal on screen.
  const elapsedMs = await page.evaluate(
    (hash) =>
      new Promise<number>((resolve) => {
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (document.querySelector('[aria-label="Import problems"]')) {
            observer.disconnect();
            resolve(performance.now() - started);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
        location.hash = hash;
      }),
    `plan=${bomb}&utm_source=chat`,
  );
  const alert = page.getByRole('alert', { name: 'Import problems' });
  await expect(alert).toContainText('this link expands to more than 2 MB');
  expect(elapsedMs).toBeLessThan(1_000);
  await expect(page.getByLabel('Plan name')).toHaveValue('Keep me');
  await expect(page.locator('g.node')).toHaveCount(12);
  await shot(page, 'bomb-refused');

  // A link cut after "plan=" says it holds no plan; other fragments are ignored.
  await page.getByRole('button', { name: 'Dismiss import problems' }).click();
  await page.evaluate(() => {
    location.hash = 'plan=';
  });
  await expect(alert).toContainText('holds no plan');
  await page.getByRole('button', { name: 'Dismiss import problems' }).click();
  await page.evaluate(() => {
    location.hash = 'section-2';
  });
  await expect(alert).toHaveCount(0);
  await expect(page.getByLabel('Plan name')).toHaveValue('Keep me');
});
