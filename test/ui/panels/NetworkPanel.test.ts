// @vitest-environment jsdom
import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it } from 'vitest';
import '../jsdomLayout';
import NetworkPanel from '../../../src/ui/panels/NetworkPanel.svelte';
import { evaluate } from '../../../src/models/evaluate';
import { SAMPLES } from '../../../src/plan/samples/samples';

describe('NetworkPanel', () => {
  for (const [file, build] of Object.entries(SAMPLES)) {
    it(`NetworkPanel({ plan: ${file} }) draws three mesh charts (tunnels, peers, kbit/s), the on/off comparison and the uplink chart`, () => {
      const plan = build();
      const report = evaluate(plan);
      const target = document.createElement('div');
      document.body.append(target);
      const app = mount(NetworkPanel, { target, props: { plan, report } });
      flushSync();
      const labels = [...target.querySelectorAll('svg')].map((s) => s.getAttribute('aria-label'));
      expect(labels).toHaveLength(5);
      for (const svg of [...target.querySelectorAll('svg')].slice(0, 3)) expect(svg.querySelectorAll('path').length).toBeGreaterThanOrEqual(1);
      expect(target.textContent).toContain('guidance: 100 nodes');
      unmount(app);
      target.remove();
    });
  }
});
