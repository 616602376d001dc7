// @vitest-environment jsdom
import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it } from 'vitest';
import '../jsdomLayout';
import LineChartFixture from './LineChartFixture.svelte';

/** Rounds every number in an SVG string so snapshots do not depend on float noise. */
const rounded = (svg: string) =>
  svg
    .replace(/<!--[^>]*-->/g, '')
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
    .replace(/ class="svelte-[a-z0-9]+"/g, '');

describe('ChartFrame + Axis + LineMark + RuleMark', () => {
  it('draws a deterministic SVG for a fixed series', () => {
    const target = document.createElement('div');
    document.body.append(target);
    const app = mount(LineChartFixture, { target });
    flushSync();
    const svg = target.querySelector('svg');
    expect(svg?.getAttribute('aria-label')).toBe('Commit latency by members');
    expect(target.querySelector('path')?.getAttribute('d')).toMatch(/^M0,/);
    expect(rounded(svg?.outerHTML ?? '')).toMatchSnapshot();
    unmount(app);
  });
});
