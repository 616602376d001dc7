import { svgToPng } from '../svgToPng';
import { select, type Selection } from 'd3';
import type { Plan } from '../../plan/schema';
import { layoutElevation, type Elevation, type RowLabel } from './rackLayout';
import { placeRowLabels } from './rowLabels';
import { renderMarks } from './renderSvg';
import { OVERVIEW_SCALE, type PngChoice } from './pngSizes';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The theme's look as plain CSS, so the exported file renders the same anywhere. */
const EXPORT_STYLE = `
  text { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
  .row-label { font-size: 12px; font-weight: 600; fill: #374151; }
  .rack-name { font-size: 11px; fill: #374151; }
  .frame { fill: #f3f4f6; stroke: #1f2937; stroke-width: 3; }
  .switches { fill: #4b5563; }
  .switch-label { font-size: 8.5px; fill: white; }
  .feed-marker rect { fill: #f3f4f6; stroke: #1f2937; stroke-width: 1; }
  .feed-marker text { font-size: 8.5px; fill: #374151; }
  .u-number { font-size: 8px; fill: #6b7280; }
  .node rect { stroke: rgb(0 0 0 / 0.25); }
  .node[data-role='controlplane'] rect { fill: #3b82f6; }
  .node[data-role='worker'] rect { fill: #10b981; }
  .node[data-role='storage'] rect { fill: #f59e0b; }
  .node-name { font-size: 9px; fill: white; font-weight: 600; }
  .node-meta { font-size: 8px; fill: rgb(255 255 255 / 0.9); }
`;

const PAD_PX = 24;

/** The elevation's size at 1× (every rack plus a margin), px: what the PNG choices scale. */
export function elevationSizePx(plan: Plan): { width: number; height: number } {
  const layout = layoutElevation(plan);
  return { width: Math.ceil(layout.width + PAD_PX * 2), height: Math.ceil(layout.height + PAD_PX * 2) };
}

/**
 * The whole elevation (every rack and node, full detail unless `names` is false) as a standalone
 * SVG document. It is built with the same d3 marks as the screen, in a detached element; names
 * go in as text.
 */
export function elevationSvg(
  plan: Plan,
  { names = true, scale = 1 }: { names?: boolean; scale?: number } = {},
): { svg: string; width: number; height: number } {
  const layout = layoutElevation(plan);
  const pad = PAD_PX;
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
  // Too small to read, node names and U numbers would only cost drawing time and file size.
  if (!names) world.selectAll('text.node-name, text.node-meta, text.u-number').remove();
  if (scale < OVERVIEW_SCALE) overviewLabels(world, layout, scale);
  return { svg: new XMLSerializer().serializeToString(svg), width, height };
}

/**
 * Labels for an overview export at `scale`: rack and switch names (unreadable at that size) go,
 * and row names grow to stay about 11 px in the file, within the band above their racks (the
 * rack view's overview rule, rowLabels.ts), cut to their room column.
 */
function overviewLabels(world: Selection<SVGGElement, unknown, null, undefined>, layout: Elevation, scale: number): void {
  world.selectAll('text.rack-name, text.switch-label').remove();
  // About 0.62 em a character for system-ui semibold: generous, so a cut name never overruns.
  const placed = new Map(placeRowLabels(layout.rows, scale, (t, px) => [...t].length * 0.62 * px).map((p) => [p.id, p]));
  world.selectAll<SVGTextElement, RowLabel>('text.row-label').each(function (d) {
    const label = placed.get(d.id);
    if (!label) return void this.remove();
    select(this).attr('y', label.baseline).style('font-size', `${label.fontPx}px`).text(label.text).append('title').text(label.fullText);
  });
}

/** An elevation PNG and what it took: its size in pixels and bytes, and the time to draw and encode it. */
export interface ElevationPng {
  blob: Blob;
  widthPx: number;
  heightPx: number;
  elapsedMs: number;
}

/**
 * The elevation as a PNG at `choice.scale` times its size, with node names only when the choice
 * says they are readable (see pngSizes.ts). The choice list keeps the scale within the browser's
 * canvas limits; a 5,000-node elevation at 2× is 83 M pixels and takes a while, which the
 * dialog says before export.
 */
export async function elevationPng(plan: Plan, choice: Pick<PngChoice, 'scale' | 'names'>): Promise<ElevationPng> {
  const started = performance.now();
  const { svg, width, height } = elevationSvg(plan, { names: choice.names, scale: choice.scale });
  const blob = await svgToPng(svg, width, height, choice.scale);
  return { blob, widthPx: Math.round(width * choice.scale), heightPx: Math.round(height * choice.scale), elapsedMs: performance.now() - started };
}
