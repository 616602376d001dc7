// @vitest-environment jsdom
import { flushSync, mount, unmount, type Component } from 'svelte';
import { describe, expect, it } from 'vitest';
import '../jsdomLayout';
import CapacityPanel from '../../../src/ui/panels/CapacityPanel.svelte';
import NetworkPanel from '../../../src/ui/panels/NetworkPanel.svelte';
import StoragePanel from '../../../src/ui/panels/StoragePanel.svelte';
import ControlPlanePanel from '../../../src/ui/panels/ControlPlanePanel.svelte';
import type { PanelProps } from '../../../src/ui/panels/registry';
import { evaluate } from '../../../src/models/evaluate';
import { SAMPLES } from '../../../src/plan/samples/samples';

/** Rounds every number in an SVG string to 0.1 so snapshots do not depend on float noise. */
const rounded = (svg: string) =>
  svg
    .replace(/<!--[^>]*-->/g, '')
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
    .replace(/ class="svelte-[a-z0-9]+"/g, '');

function charts(panel: Component<PanelProps>, file: keyof typeof SAMPLES) {
  const plan = SAMPLES[file]();
  const report = evaluate(plan);
  const target = document.createElement('div');
  document.body.append(target);
  const app = mount(panel, { target, props: { plan, report } });
  flushSync();
  const svgs = [...target.querySelectorAll('svg')];
  return {
    svgs,
    target,
    done: () => {
      unmount(app);
      target.remove();
    },
  };
}

describe('chart snapshots', () => {
  it('CapacityPanel(anti-patterns: single-feed racks at several times their feed) draws the overload in its own half-band with its share, and the breaker label above the bars', () => {
    const { svgs, done } = charts(CapacityPanel, 'anti-patterns.json');
    const feed = svgs[0];
    const red = [...feed.querySelectorAll('rect[fill="var(--bad)"]')];
    expect(red.length).toBeGreaterThan(0);
    // Every overloaded bar is labelled with its share and no blue bar shares its pixels.
    const blue = [...feed.querySelectorAll('rect[fill="var(--accent)"]')];
    for (const r of red) {
      const y = Number(r.getAttribute('y'));
      expect(blue.some((b) => Number(b.getAttribute('y')) === y)).toBe(false);
    }
    expect([...feed.querySelectorAll('text.value')].some((t) => /\d+ % of limit/.test(t.textContent ?? ''))).toBe(true);
    const breaker = [...feed.querySelectorAll('text')].find((t) => t.textContent?.startsWith('breaker limit'));
    expect(Number(breaker?.getAttribute('y'))).toBeLessThan(0);
    expect(rounded(feed.outerHTML)).toMatchSnapshot();
    done();
  });

  it('NetworkPanel(enterprise: 129 nodes, past the 100-node guidance) draws one unit per mesh chart and never overlaps "this plan" with the guidance label', () => {
    const { svgs, done } = charts(NetworkPanel, 'enterprise.json');
    const mesh = svgs.slice(0, 3);
    expect(mesh.map((s) => [...s.querySelectorAll('text.axis-label')].map((t) => t.textContent))).toEqual([
      ['nodes in the cluster', 'tunnels'],
      ['nodes in the cluster', 'peers'],
      ['nodes in the cluster', 'kbit/s'],
    ]);
    for (const s of mesh) {
      const guidance = [...s.querySelectorAll('text')].find((t) => t.textContent === 'guidance: 100 nodes');
      const plan = [...s.querySelectorAll('text')].find((t) => t.textContent === 'this plan: 129');
      expect(guidance?.getAttribute('y')).not.toBe(plan?.getAttribute('y'));
    }
    for (const s of svgs) expect(rounded(s.outerHTML)).toMatchSnapshot();
    done();
  });

  it('StoragePanel(reference) draws the rebuild timeline in minutes when the longest span is under 3 hours', () => {
    const { svgs, target, done } = charts(StoragePanel, 'reference.json');
    const caption = [...target.querySelectorAll('figcaption .title')].map((c) => c.textContent ?? '').find((t) => t.startsWith('From the failure'));
    expect(caption).toMatch(/minutes|hours|days|seconds/);
    for (const s of svgs) expect(rounded(s.outerHTML)).toMatchSnapshot();
    done();
  });

  it('ControlPlanePanel(reference) gives every member count its own categorical colour and an end label', () => {
    const { svgs, done } = charts(ControlPlanePanel, 'reference.json');
    const tp = svgs.find((s) => s.getAttribute('aria-label')?.startsWith('Closed-loop'));
    const strokes = [...(tp?.querySelectorAll('path[stroke^="var(--cat-"]') ?? [])].map((p) => p.getAttribute('stroke'));
    expect(new Set(strokes).size).toBe(strokes.length);
    expect(strokes.length).toBeGreaterThanOrEqual(3);
    for (const s of svgs) expect(rounded(s.outerHTML)).toMatchSnapshot();
    done();
  });
});
