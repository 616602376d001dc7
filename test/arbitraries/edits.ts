import fc from 'fast-check';
import type { ActionResult } from '../../src/editor/action';
import { deleteNodes, duplicateNodes, moveNodesToRack, setRole, shiftNodes, updateNode } from '../../src/editor/actions/nodes';
import { updateRack } from '../../src/editor/actions/racks';
import { updateNetwork } from '../../src/editor/actions/network';
import { renamePlan } from '../../src/editor/actions/planSettings';
import type { Plan, Role } from '../../src/plan/schema';

const pick = <T>(items: readonly T[], i: number): T | undefined => (items.length === 0 ? undefined : items[i % items.length]);

/** One generated edit, as the editor makes them: a pure action on the current plan (null when it does not apply). */
export const editArb: fc.Arbitrary<[string, (plan: Plan) => ActionResult | null]> = fc.oneof(
  fc.tuple(fc.nat(), fc.constantFrom<Role>('controlplane', 'worker', 'storage')).map(([i, role]): [string, (p: Plan) => ActionResult | null] => [
    `setRole ${i} ${role}`,
    (p) => {
      const n = pick(p.nodes, i);
      return n ? setRole(p, { ids: [n.id], role }) : null;
    },
  ]),
  fc.tuple(fc.nat(), fc.integer({ min: -2, max: 2 })).map(([i, deltaU]): [string, (p: Plan) => ActionResult | null] => [
    `shift ${i} ${deltaU}`,
    (p) => {
      const n = pick(p.nodes, i);
      return n ? shiftNodes(p, { ids: [n.id], deltaU }) : null;
    },
  ]),
  fc.tuple(fc.nat(), fc.nat()).map(([i, r]): [string, (p: Plan) => ActionResult | null] => [
    `move ${i} to rack ${r}`,
    (p) => {
      const n = pick(p.nodes, i);
      const rack = pick(p.racks, r);
      return n && rack ? moveNodesToRack(p, { ids: [n.id], rackId: rack.id }) : null;
    },
  ]),
  fc.nat().map((i): [string, (p: Plan) => ActionResult | null] => [
    `rename node ${i}`,
    (p) => {
      const n = pick(p.nodes, i);
      return n ? updateNode(p, { id: n.id, patch: { name: `${n.name}-x` } }) : null;
    },
  ]),
  fc.nat().map((i): [string, (p: Plan) => ActionResult | null] => [
    `delete ${i}`,
    (p) => {
      const n = pick(p.nodes, i);
      return n ? deleteNodes(p, { ids: [n.id] }) : null;
    },
  ]),
  fc.nat().map((i): [string, (p: Plan) => ActionResult | null] => [
    `duplicate ${i}`,
    (p) => {
      const n = pick(p.nodes, i);
      return n ? duplicateNodes(p, { ids: [n.id] }) : null;
    },
  ]),
  fc.nat().map((r): [string, (p: Plan) => ActionResult | null] => [
    `rename rack ${r}`,
    (p) => {
      const rack = pick(p.racks, r);
      return rack ? updateRack(p, { id: rack.id, patch: { name: `${rack.name}-x` } }) : null;
    },
  ]),
  fc.integer({ min: 1280, max: 9000 }).map((mtu): [string, (p: Plan) => ActionResult | null] => [`mtu ${mtu}`, (p) => updateNetwork(p, { patch: { mtu } })]),
  fc.constant<[string, (p: Plan) => ActionResult | null]>(['rename plan', (p) => renamePlan(p, { name: `${p.name}!` })]),
);
