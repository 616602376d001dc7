// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { elevationSizePx, elevationSvg } from '../../../src/ui/racks/exportElevation';
import { enterprisePlan, referencePlan } from '../../../src/plan/samples/samples';

const parse = (svg: string) => new DOMParser().parseFromString(svg, 'image/svg+xml');

describe('elevationSvg(plan, { names, scale })', () => {
  it('elevationSvg(reference) at full detail has every node with its name, every rack name and the 1× size elevationSizePx gives', () => {
    const plan = referencePlan();
    const { svg, width, height } = elevationSvg(plan);
    const doc = parse(svg);
    expect({ width, height }).toEqual(elevationSizePx(plan));
    expect(doc.querySelectorAll('g.node')).toHaveLength(plan.nodes.length);
    expect(doc.querySelectorAll('text.node-name')).toHaveLength(plan.nodes.length);
    expect(doc.querySelectorAll('text.rack-name')).toHaveLength(plan.racks.length);
  });

  it('elevationSvg(enterprise, { names: false, scale: 0.31 }) keeps every node mark, drops node and rack names, and sizes row names for ~11 px in the file', () => {
    const plan = enterprisePlan();
    const doc = parse(elevationSvg(plan, { names: false, scale: 0.31 }).svg);
    expect(doc.querySelectorAll('g.node rect')).toHaveLength(plan.nodes.length);
    expect(doc.querySelectorAll('text.node-name, text.node-meta, text.rack-name')).toHaveLength(0);
    const rows = [...doc.querySelectorAll<SVGTextElement>('text.row-label')];
    expect(rows).toHaveLength(plan.rows.length);
    // 11 px / 0.31 ≈ 35.5 world px, within the band's (80 − 8) / 1.1 ≈ 65 px.
    for (const row of rows) expect(Number.parseFloat(row.style.fontSize)).toBeCloseTo(11 / 0.31, 1);
  });
});
