import { expect, test, type Page } from '@playwright/test';

const WIDTHS = [1440, 1024, 800, 600] as const;
const THEMES = ['light', 'dark'] as const;
const EXAMPLES = ['reference.json', 'enterprise.json', 'hybrid-burst.json', 'anti-patterns.json', 'hyperscale-5000.json'] as const;
const PANELS = ['Capacity', 'Network', 'Control plane', 'Storage', 'Reliability', 'Drills', 'Findings'] as const;

async function openExample(page: Page, file: string) {
  await page.getByLabel('Open an example plan').selectOption(file);
  await expect(page.locator('.results .body h2')).toBeVisible({ timeout: 30_000 });
}

/**
 * What the eye would catch: elements in the results pane wider than the pane (a cut-off column)
 * and pieces of text that overlap other text. Returns human-readable offenders.
 */
function layoutProblems(page: Page, rootSelector: string) {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel);
    if (!root) return [`${sel} missing`];
    const problems: string[] = [];
    const box = root.getBoundingClientRect();
    for (const el of root.querySelectorAll<HTMLElement | SVGElement>('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // Scrollers may hold wider content: they scroll it inside the panel.
      const scroller = el.parentElement?.closest('table, .scroll');
      if (!scroller && r.right > box.right + 1)
        problems.push(
          `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} "${(el.textContent ?? '').slice(0, 40)}" ends at ${Math.round(r.right)} px, pane ends at ${Math.round(box.right)} px`,
        );
    }
    const texts = [...root.querySelectorAll('svg text')]
      .map((t) => ({ t, r: t.getBoundingClientRect() }))
      .filter((x) => x.r.width > 0 && (x.t.textContent ?? '').trim());
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i].r;
        const b = texts[j].r;
        const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (overlapX > 1.5 && overlapY > 1.5 && texts[i].t.closest('svg') === texts[j].t.closest('svg')) {
          problems.push(`"${texts[i].t.textContent}" overlaps "${texts[j].t.textContent}"`);
        }
      }
    }
    return problems;
  }, rootSelector);
}

/**
 * The headline strip: every figure inside the strip (none cut off or scrolled out of view), and
 * no piece of text over another (a label over a value, one figure over the next).
 */
function headlineProblems(page: Page) {
  return page.evaluate(() => {
    const strip = document.querySelector('.headline');
    if (!strip) return ['.headline missing'];
    const s = strip.getBoundingClientRect();
    const problems: string[] = [];
    const figures = [...strip.querySelectorAll<HTMLElement>('[data-figure]')];
    if (figures.length === 0) problems.push('no headline figures');
    for (const f of figures) {
      const r = f.getBoundingClientRect();
      if (r.left < s.left - 1 || r.right > s.right + 1 || r.top < s.top - 1 || r.bottom > s.bottom + 1)
        problems.push(
          `${f.dataset.figure} lies outside the strip (${Math.round(r.left)}-${Math.round(r.right)} × ${Math.round(r.top)}-${Math.round(r.bottom)})`,
        );
    }
    const texts = [...strip.querySelectorAll<HTMLElement>('.label, .value, .word')]
      .map((t) => ({ t, r: t.getBoundingClientRect() }))
      .filter((x) => x.r.width > 0);
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i].r;
        const b = texts[j].r;
        if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1)
          problems.push(`"${texts[i].t.textContent}" overlaps "${texts[j].t.textContent}"`);
      }
    return problems;
  });
}

for (const theme of THEMES) {
  for (const width of WIDTHS) {
    test(`every panel of every example at ${width} px, ${theme}: nothing wider than its panel, no text over text`, async ({ page }) => {
      test.setTimeout(240_000);
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/');
      await expect(page.locator('.results .body h2')).toBeVisible({ timeout: 30_000 });
      const horizontal = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(horizontal, 'the page never scrolls sideways').toBeLessThanOrEqual(0);
      for (const file of EXAMPLES) {
        await openExample(page, file);
        for (const panel of PANELS) {
          // The Findings tab's name carries its counts.
          await page
            .locator('.results')
            .getByRole('tab', panel === 'Findings' ? { name: /^Findings/ } : { name: panel, exact: true })
            .click();
          await expect(page.locator('.results .body h2')).toBeVisible();
          await page.screenshot({
            path: `test-results/screens/dashboard-${theme}-${width}-${file.replace('.json', '')}-${panel.replace(' ', '-').toLowerCase()}.png`,
            fullPage: false,
          });
          expect(await layoutProblems(page, '.results .body'), `${file} ${panel}`).toEqual([]);
        }
        expect(await headlineProblems(page), `${file} headline`).toEqual([]);
      }
    });
  }
}

test('a chart exports as SVG and as PNG', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.results .body h2')).toBeVisible({ timeout: 30_000 });
  const figure = page.locator('figure.chart').first();
  const [svg] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: /as SVG/ }).click()]);
  expect(svg.suggestedFilename()).toMatch(/\.svg$/);
  const text = await (await svg.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'));
  expect(text).toContain('<svg');
  expect(text).not.toContain('var(--');
  const [png] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: /as PNG/ }).click()]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  const head = await (await png.createReadStream()).toArray().then((c) => Buffer.concat(c).subarray(0, 8));
  expect([...head]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
});

test('the theme toggle overrides the system theme and is kept for the session', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await expect(page.locator('.results .body h2')).toBeVisible({ timeout: 30_000 });
  const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const light = await bg();
  await page.getByRole('button', { name: /Theme: system/ }).click();
  await page.getByRole('button', { name: /Theme: light/ }).click();
  await expect(page.getByRole('button', { name: /Theme: dark/ })).toBeVisible();
  expect(await bg()).not.toBe(light);
  await page.reload();
  await expect(page.getByRole('button', { name: /Theme: dark/ })).toBeVisible();
  expect(await bg()).not.toBe(light);
});

test('the headline follows an edit: deleting a control-plane node changes the quorum figure, undo restores it', async ({ page }) => {
  await page.goto('/');
  const quorum = page.locator('[data-figure="etcd-quorum"]');
  await expect(quorum).toContainText('2 of 3 members', { timeout: 30_000 });
  await expect(page.locator('[data-figure="power-n1"]')).toContainText('fine');
  await page.locator('g.node[data-node="cp-01"]').click();
  await page.keyboard.press('Delete');
  await expect(quorum).toContainText('2 of 2 members');
  await expect(quorum).toContainText('fails');
  await page.screenshot({ path: 'test-results/screens/dashboard-headline-after-edit.png' });
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(quorum).toContainText('2 of 3 members');
  await quorum.click();
  await expect(page.getByRole('tab', { name: 'Control plane' })).toHaveAttribute('aria-selected', 'true');
});

/** Boxes of the minimap, the elevation's viewport and every rack drawn in it, in page px. */
function minimapOverlaps(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element) => el.getBoundingClientRect();
    const hit = (a: DOMRect, b: DOMRect) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
    const map = document.querySelector('.minimap');
    const viewport = document.querySelector('.rackview .viewport');
    if (!map || !viewport) return ['minimap or viewport missing'];
    const m = box(map);
    const v = box(viewport);
    const problems: string[] = [];
    if (hit(m, v)) problems.push('the minimap lies over the elevation');
    for (const rack of document.querySelectorAll('g.rack')) {
      const r = box(rack);
      // Racks outside the viewport are clipped away: only what is on screen can be covered.
      const onScreen = new DOMRect(
        Math.max(r.left, v.left),
        Math.max(r.top, v.top),
        Math.min(r.right, v.right) - Math.max(r.left, v.left),
        Math.min(r.bottom, v.bottom) - Math.max(r.top, v.top),
      );
      if (onScreen.width > 0 && onScreen.height > 0 && hit(onScreen, m)) problems.push(`the minimap covers rack ${rack.getAttribute('data-rack')}`);
    }
    return problems;
  });
}

for (const width of [1440, 800] as const) {
  for (const file of ['reference.json', 'hyperscale-5000.json'] as const) {
    test(`the minimap at ${width} px on ${file} covers no rack at Fit, zoomed in, or panned to the last rack`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/');
      await expect(page.locator('.results .body h2')).toBeVisible({ timeout: 30_000 });
      if (file !== 'reference.json') await openExample(page, file);
      const map = page.getByRole('button', { name: 'Map' });
      // Narrow screens start with it hidden; a planner who turns it on must still see every rack.
      if ((await map.getAttribute('aria-pressed')) !== 'true') await map.click();
      await expect(page.locator('.minimap')).toBeVisible();
      await page.getByRole('button', { name: 'Fit all racks' }).click();
      expect(await minimapOverlaps(page), 'at Fit').toEqual([]);
      await page.screenshot({ path: `test-results/screens/minimap-${width}-${file.replace('.json', '')}-fit.png` });
      // Zoom into the detail view and pan so the bottom-right corner of the world fills the view.
      for (let i = 0; i < 12; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
      const mapBox = (await page.locator('.minimap').boundingBox())!;
      await page.mouse.click(mapBox.x + mapBox.width - 2, mapBox.y + mapBox.height - 2);
      await expect(page.locator('svg.elevation')).toHaveAttribute('data-detail', 'true');
      expect(await page.locator('g.rack').count()).toBeGreaterThan(0);
      expect(await minimapOverlaps(page), 'zoomed in at the last rack').toEqual([]);
      await page.screenshot({ path: `test-results/screens/minimap-${width}-${file.replace('.json', '')}-corner.png` });
    });
  }
}
