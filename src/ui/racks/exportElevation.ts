import { svgToPng } from '../svgToPng';
import { select } from 'd3';
import type { Plan } from '../../plan/schema';
import { layoutElevation } from './rackLayout';
import { renderMarks } from './renderSvg';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The theme's look as plain CSS, so the exported file renders the same anywhere. */
const EXPORT_STYLE = `
  text { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
  .row-label { font-size: 12px; font-weight: 600; fill: #374151; }
  .rack-name { font-size: 11px; fill: #374151; }
  .frame { fill: #f3f4f6; stroke: #1f2937; stroke-width: 3; }
  .switches { fill: #4b5563; }
  .switch-label { font-size: 8.5px; fill: white; }
  .u-number { font-size: 8px; fill: #6b7280; }
  .node rect { stroke: rgb(0 0 0 / 0.25); }
  .node[data-role='controlplane'] rect { fill: #3b82f6; }
  .node[data-role='worker'] rect { fill: #10b981; }
  .node[data-role='storage'] rect { fill: #f59e0b; }
  .node-name { font-size: 9px; fill: white; font-weight: 600; }
  .node-meta { font-size: 8px; fill: rgb(255 255 255 / 0.9); }
`;

/**
 * The whole elevation (every rack and node, full detail) as a standalone SVG document. It is
 * built with the same d3 marks as the screen, in a detached element; names go in as text.
 */
export function elevationSvg(plan: Plan): { svg: string; width: number; height: number } {
  const layout = layoutElevation(plan);
  const pad = 24;
  const width = Math.ceil(layout.width + pad * 2);
  const height = Math.ceil(layout.height + pad * 2);
  const svg = document.createElementNS(SVG_NS, 'svg');
  const root = select(svg).attr('xmlns', SVG_NS).attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
  root.append('title').text(plan.name);
  root.append('style').text(EXPORT_STYLE);
  const pattern = root.append('defs').append('pattern').attr('id', 'u-slots').attr('width', 12).attr('height', 12).attr('patternUnits', 'userSpaceOnUse');
  pattern.append('rect').attr('width', 200).attr('height', 12).attr('fill', '#f3f4f6');
  pattern.append('line').attr('x1', 0).attr('y1', 11.5).attr('x2', 200).attr('y2', 11.5).attr('stroke', '#e2e5ea');
  root.append('rect').attr('width', width).attr('height', height).attr('fill', 'white');
  const world = root.append('g').attr('transform', `translate(${pad},${pad})`);
  for (const layer of ['rows', 'racks', 'nodes']) world.append('g').attr('class', layer);
  renderMarks(world, layout, layout.rows, layout.racks, layout.nodes, true);
  return { svg: new XMLSerializer().serializeToString(svg), width, height };
}

/** Browsers refuse canvases much beyond 16k pixels a side or ~250 M pixels in all. */
const MAX_SIDE = 16_000;
const MAX_AREA = 120_000_000;

/** Long side of the PNG by default, px: readable when attached to a ticket, a few MB at most. */
export const TICKET_LONG_SIDE_PX = 4096;

/**
 * The elevation as a PNG: at up to twice its size, but with its long side at most `longSidePx`
 * (a 5,000-node elevation at full size took 14 s to draw and weighed 5.8 MB) and within the
 * browser's canvas limits.
 */
export function elevationPng(plan: Plan, longSidePx = TICKET_LONG_SIDE_PX): Promise<Blob> {
  const { svg, width, height } = elevationSvg(plan);
  const scale = Math.min(2, longSidePx / Math.max(width, height), MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_AREA / (width * height)));
  return svgToPng(svg, width, height, scale);
}
