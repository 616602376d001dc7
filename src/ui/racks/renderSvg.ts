import { displayName, truncateName } from '../displayName';
import { select, type BaseType, type Selection } from 'd3';
import type { DragState } from '../../state/session.svelte';
import type { Elevation, NodeBox, RackBox, RowLabel } from './rackLayout';
import { feedMarkerBoxes, torBoxes, type LocalBox } from './failTargets';

type Root = Selection<SVGGElement, unknown, null, undefined>;

/** What a mark shows; an element is only touched when this changes (5,000 nodes stay cheap). */
const rackSignature = (d: RackBox) => `${d.x},${d.y},${d.heightU},${d.switchU},${d.torCount},${d.name},${d.feeds}`;
const nodeSignature = (d: NodeBox) => `${d.x},${d.y},${d.width},${d.height},${d.name},${d.role},${d.positionU},${d.feeds},${d.tors}`;
const SIG = '__rackplanSignature';
type Signed = Element & { [SIG]?: string };

/**
 * Joins the given racks, rows and nodes into the world group, keyed by id. Marks are entered
 * once and only updated when their signature changes; names go in with `.text()`, never as HTML.
 */
export function renderMarks(world: Root, layout: Elevation, rows: RowLabel[], racks: RackBox[], nodes: NodeBox[], showNodes: boolean): void {
  const g = layout.geometry;
  // About 7.2 px a character at 12 px semibold: a name longer than its room column is cut, whole on hover.
  world
    .select<SVGGElement>('g.rows')
    .selectAll<SVGTextElement, RowLabel>('text')
    .data(rows, (d) => d.id)
    .join('text')
    .attr('class', 'row-label')
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .text((d) => truncateName(displayName(d.text), Math.floor(d.maxWidth / 7.2)))
    .append('title')
    .text((d) => displayName(d.text));

  world
    .select<SVGGElement>('g.racks')
    .selectAll<SVGGElement, RackBox>('g.rack')
    .data(racks, (d) => d.id)
    .join((enter) => {
      const e = enter.append('g').attr('class', 'rack');
      e.append('text')
        .attr('class', 'rack-name')
        .attr('x', g.rackWidth / 2)
        .attr('y', -6)
        .attr('text-anchor', 'middle');
      e.append('rect').attr('class', 'frame').attr('width', g.rackWidth);
      e.append('rect')
        .attr('class', 'slots')
        .attr('x', 3)
        .attr('width', g.rackWidth - 6)
        .attr('fill', 'url(#u-slots)');
      e.append('g').attr('class', 'units');
      e.append('g').attr('class', 'tors');
      e.append('g').attr('class', 'feed-markers');
      return e;
    })
    .each(function (d) {
      const el = this as Signed;
      const sig = rackSignature(d);
      if (el[SIG] === sig) return;
      el[SIG] = sig;
      const rack = select(this);
      const name = displayName(d.name);
      rack.attr('transform', `translate(${d.x},${d.y})`).attr('data-rack', d.id).attr('aria-label', `Rack ${name}, ${d.heightU} U`);
      // About 6.5 px per character at 11 px: a long name is cut to the rack's width, whole on hover.
      const label = rack.select('text.rack-name');
      label.text(`${truncateName(name, Math.floor(g.rackWidth / 6.5) - d.feeds.length - 3)} · ${d.feeds}`);
      label.append('title').text(name);
      rack.select('rect.frame').attr('height', d.heightU * g.uPx);
      rack
        .select('rect.slots')
        .attr('y', d.switchU * g.uPx)
        .attr('height', (d.heightU - d.switchU) * g.uPx);
      // One mark per switch and per feed, so each can be failed by a click in fail mode.
      rack
        .select('g.tors')
        .selectAll<SVGGElement, LocalBox>('g.tor')
        .data(torBoxes(d, g), (b) => b.id)
        .join((enter) => {
          const t = enter.append('g').attr('class', 'tor');
          t.append('rect').attr('class', 'switches');
          t.append('text').attr('class', 'switch-label').attr('text-anchor', 'middle');
          return t;
        })
        .attr('data-tor', (b) => `${d.id}/${b.id}`)
        .attr('aria-label', (b) => `ToR ${b.id} of ${name}`)
        .each(function (b) {
          const t = select(this);
          t.select('rect').attr('x', b.x).attr('y', b.y).attr('width', b.width).attr('height', b.height);
          t.select('text')
            .attr('x', b.x + b.width / 2)
            .attr('y', b.y + b.height / 2 + 3)
            .text(b.height >= 8 ? `ToR ${b.id}` : '');
        });
      rack
        .select('g.feed-markers')
        .selectAll<SVGGElement, LocalBox>('g.feed-marker')
        .data(feedMarkerBoxes(d, g), (b) => b.id)
        .join((enter) => {
          const f = enter.append('g').attr('class', 'feed-marker');
          f.append('rect').attr('rx', 3);
          f.append('text').attr('text-anchor', 'middle');
          return f;
        })
        .attr('data-feed', (b) => `${d.id}/${b.id}`)
        .attr('aria-label', (b) => `Power feed ${b.id} of ${name}`)
        .each(function (b) {
          const f = select(this);
          f.select('rect').attr('x', b.x).attr('y', b.y).attr('width', b.width).attr('height', b.height);
          f.select('text')
            .attr('x', b.x + b.width / 2)
            .attr('y', b.y + b.height / 2 + 3)
            .text(`feed ${b.id}`);
        });
      // U numbers on the left rail, counted from the bottom: U1 and every fifth U.
      const marks = Array.from({ length: d.heightU }, (_, i) => i + 1).filter((u) => u === 1 || u % 5 === 0);
      rack
        .select('g.units')
        .selectAll('text')
        .data(marks)
        .join('text')
        .attr('class', 'u-number')
        .attr('x', -4)
        .attr('y', (u) => (d.heightU - u + 1) * g.uPx - 2)
        .attr('text-anchor', 'end')
        .text((u) => u);
    });

  world
    .select<SVGGElement>('g.nodes')
    .selectAll<SVGGElement, NodeBox>('g.node')
    .data(showNodes ? nodes : [], (d) => d.id)
    .join((enter) => {
      const e = enter.append('g').attr('class', 'node');
      e.append('rect').attr('class', 'body').attr('rx', 2);
      e.append('text').attr('class', 'node-name').attr('x', 5);
      e.append('text').attr('class', 'node-meta').attr('text-anchor', 'end');
      return e;
    })
    .each(function (d) {
      const el = this as Signed;
      const sig = nodeSignature(d);
      if (el[SIG] === sig) return;
      el[SIG] = sig;
      const node = select(this);
      const textY = Math.min(d.height / 2 + 3.5, 10);
      node
        .attr('transform', `translate(${d.x},${d.y})`)
        .attr('data-node', d.id)
        .attr('data-role', d.role)
        .attr('aria-label', `${d.name}, ${d.role}, U${d.positionU}, feeds ${d.feeds}, ToR ${d.tors}`);
      node.select('rect.body').attr('width', d.width).attr('height', d.height);
      node.select('text.node-name').attr('y', textY).text(d.name);
      node
        .select('text.node-meta')
        .attr('x', d.width - 4)
        .attr('y', textY)
        .text(`U${d.positionU} · ${d.feeds} · T:${d.tors}`);
    });
}

/** What the rack view marks for a drill at the scrubber's time; ids as in `DrillMoment`, switches and feeds as `rackId/A`. */
export interface FailureMarks {
  downNodes: readonly string[];
  degradedNodes: readonly string[];
  downRacks: readonly string[];
  recoveredNodes: readonly string[];
  recoveredRacks: readonly string[];
  failedTors: readonly string[];
  failedFeeds: readonly string[];
}

/**
 * Marks what a drill takes down (red), degrades (amber) and, after the repair, brings back
 * (green outline), so the rack view shows the blast radius at the scrubber's time.
 */
export function renderFailures(world: Root, marks: FailureMarks | null): void {
  const set = (ids: readonly string[] | undefined) => new Set(ids ?? []);
  const down = set(marks?.downNodes);
  const degraded = set(marks?.degradedNodes);
  const recovered = set(marks?.recoveredNodes);
  const racks = set(marks?.downRacks);
  const racksBack = set(marks?.recoveredRacks);
  const tors = set(marks?.failedTors);
  const feeds = set(marks?.failedFeeds);
  const nodes = world.select('g.nodes').selectAll<SVGGElement, NodeBox>('g.node');
  mark(nodes, 'failed', (d) => down.has(d.id));
  mark(nodes, 'degraded', (d) => degraded.has(d.id));
  mark(nodes, 'recovered', (d) => recovered.has(d.id));
  const rackMarks = world.select('g.racks').selectAll<SVGGElement, RackBox>('g.rack');
  mark(rackMarks, 'failed', (d) => racks.has(d.id));
  mark(rackMarks, 'recovered', (d) => racksBack.has(d.id));
  mark(world.select('g.racks').selectAll<SVGGElement, unknown>('g.tor'), 'failed', (_, el) => tors.has(el.getAttribute('data-tor') ?? ''));
  mark(world.select('g.racks').selectAll<SVGGElement, unknown>('g.feed-marker'), 'failed', (_, el) => feeds.has(el.getAttribute('data-feed') ?? ''));
}

/** Marks the selected nodes and the current rack among those drawn. */

export function renderSelection(world: Root, selected: ReadonlySet<string>, currentRackId: string | null): void {
  mark(world.select('g.nodes').selectAll<SVGGElement, NodeBox>('g.node'), 'selected', (d) => selected.has(d.id));
  mark(world.select('g.racks').selectAll<SVGGElement, RackBox>('g.rack'), 'current', (d) => d.id === currentRackId);
}

/**
 * What the findings mark in the rack view: racks an error-level finding names, and a highlighted
 * finding's nodes and racks (`racks` already includes the racks of its nodes).
 */
export interface FindingMarks {
  /** `namedRacks`: the racks the finding itself names; their nodes stay undimmed (the whole rack is the subject). */
  highlight: { nodes: ReadonlySet<string>; racks: ReadonlySet<string>; namedRacks?: ReadonlySet<string> } | null;
  errorRacks: ReadonlySet<string>;
}

/** Marks racks with an error (a red frame and name), and outlines a highlighted finding's nodes and racks while the rest dims. */
export function renderFindingMarks(world: Root, marks: FindingMarks): void {
  const h = marks.highlight;
  const root = world.node();
  if (root && root.classList.contains('highlighting') !== (h !== null)) root.classList.toggle('highlighting', h !== null);
  const racks = world.select('g.racks').selectAll<SVGGElement, RackBox>('g.rack');
  mark(racks, 'has-error', (d) => marks.errorRacks.has(d.id));
  mark(racks, 'highlighted', (d) => h !== null && h.racks.has(d.id));
  const nodes = world.select('g.nodes').selectAll<SVGGElement, NodeBox>('g.node');
  mark(nodes, 'highlighted', (d) => h !== null && h.nodes.has(d.id));
  mark(nodes, 'in-named-rack', (d) => h?.namedRacks?.has(d.rackId) ?? false);
}

/**
 * Sets or clears class `name` on each element, touching only those where it differs. d3's
 * `classed` writes every element's class list each time, and a class-list write invalidates the
 * element's style even when it changes nothing: after every edit the rack view re-marked
 * selection, failures and findings on all drawn nodes and the next frame restyled them all.
 */
function mark<E extends Element, D>(selection: Selection<E, D, BaseType, unknown>, name: string, on: (d: D, el: E) => boolean): void {
  selection.each(function (d) {
    const want = on(d, this);
    if (this.classList.contains(name) !== want) this.classList.toggle(name, want);
  });
}

interface Ghost {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  ok: boolean;
}

/**
 * Draws where a drag would drop: one outline per node at its snapped slot, green when the drop
 * is allowed and red with the reason when it is not.
 */
export function renderGhosts(world: Root, layout: Elevation, drag: DragState | null, placeHeightU: number): void {
  const g = layout.geometry;
  const ghosts: Ghost[] = [];
  if (drag && drag.kind !== 'box' && drag.target) {
    const rack = layout.rackById.get(drag.target.rackId);
    const ok = drag.target.problem === null;
    if (rack && drag.kind === 'place') {
      const top = drag.target.positionU + placeHeightU - 1;
      ghosts.push({ id: 'new', x: rack.x + 3, y: rack.y + (rack.heightU - top) * g.uPx + 1, width: g.rackWidth - 6, height: placeHeightU * g.uPx - 2, ok });
    } else if (rack && drag.kind === 'nodes') {
      for (const move of drag.target.moves) {
        const box = layout.nodeById.get(move.id);
        if (!box) continue;
        const top = move.positionU + box.heightU - 1;
        ghosts.push({ id: move.id, x: rack.x + 3, y: rack.y + (rack.heightU - top) * g.uPx + 1, width: box.width, height: box.height, ok });
      }
    }
  }
  world
    .select('g.ghosts')
    .selectAll<SVGRectElement, Ghost>('rect')
    .data(ghosts, (d) => d.id)
    .join('rect')
    .attr('class', (d) => (d.ok ? 'ghost ok' : 'ghost bad'))
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .attr('width', (d) => d.width)
    .attr('height', (d) => d.height)
    .attr('rx', 2);
}
