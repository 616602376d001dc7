import { refuse } from '../editor/action';
import { deleteNodes, duplicateNodes, moveNodes, moveNodesToRack, placeNode, setRole, shiftNodes } from '../editor/actions/nodes';
import { applyFix } from '../editor/actions/fixes';
import { firstFreeSlot, isNoopDrop, rackOrder } from '../editor/drop';
import type { FindingFix } from '../models/finding';
import { roleForHardware } from '../editor/naming';
import type { Plan, Role } from '../plan/schema';
import type { ActionResult } from '../editor/action';
import type { PlanDocument } from './planDocument.svelte';
import type { DragState, Session } from './session.svelte';

/** An edit that changes nothing and shows its reason (the action form of `refuse`). */
const refused = (_plan: Plan, reason: string) => refuse(reason);

/**
 * The editing commands the elevation, the keyboard and the inspector share. Each turns the
 * session's selection into one pure editor action and applies it to the document as one undo
 * step; the selection follows what the edit made (copies, placed nodes).
 */
export class Editor {
  constructor(
    private doc: PlanDocument,
    private session: Session,
    /** AppState.edit: the one way to change the plan. */
    private edit: <A>(action: (plan: Plan, args: A) => ActionResult, args: A) => boolean,
  ) {}

  private get plan(): Plan | null {
    return this.doc.plan;
  }

  private get selection(): string[] {
    return [...this.session.selectedNodeIds];
  }

  /** Applies the remedy a finding offers as one undo step; the finding's highlight is cleared, since the finding should go. */
  applyFix(fix: FindingFix): boolean {
    const plan = this.plan;
    if (!plan) return false;
    const applied = this.doc.apply(applyFix(plan, { fix }));
    if (applied) this.session.selectFinding(null);
    return applied;
  }

  deleteSelection(): void {
    const plan = this.plan;
    if (!plan || this.session.selectedNodeIds.size === 0) return;
    if (this.edit(deleteNodes, { ids: this.selection })) this.session.selectOnly(null);
  }

  duplicateSelection(): void {
    const plan = this.plan;
    if (!plan || this.session.selectedNodeIds.size === 0) return;
    const count = this.session.selectedNodeIds.size;
    if (this.edit(duplicateNodes, { ids: this.selection }) && this.plan) {
      this.session.select(this.plan.nodes.slice(-count).map((n) => n.id));
    }
  }

  setRoleOfSelection(role: Role): void {
    const plan = this.plan;
    if (plan && this.session.selectedNodeIds.size > 0) this.edit(setRole, { ids: this.selection, role });
  }

  moveSelectionBy(deltaU: number): void {
    const plan = this.plan;
    if (plan && this.session.selectedNodeIds.size > 0) this.edit(shiftNodes, { ids: this.selection, deltaU });
  }

  /** Moves the selection into the previous (-1) or next (+1) rack in drawing order. */
  moveSelectionToAdjacentRack(direction: -1 | 1): void {
    const plan = this.plan;
    const first = plan?.nodes.find((n) => this.session.selectedNodeIds.has(n.id));
    if (!plan || !first) return;
    const order = rackOrder(plan);
    const target = order[order.findIndex((r) => r.id === first.rackId) + direction];
    if (!target) {
      this.edit(refused, `there is no rack ${direction < 0 ? 'before' : 'after'} this one`);
      return;
    }
    if (this.edit(moveNodesToRack, { ids: this.selection, rackId: target.id })) this.session.currentRackId = target.id;
  }

  /**
   * Keyboard navigation: selects the node above or below in the same rack, or the node nearest
   * the same U in the previous or next rack. With nothing selected, selects the first node.
   */
  selectNeighbour(direction: 'up' | 'down' | 'left' | 'right'): void {
    const plan = this.plan;
    if (!plan || plan.nodes.length === 0) return;
    const current = plan.nodes.find((n) => this.session.selectedNodeIds.has(n.id));
    if (!current) {
      const rack = plan.racks.find((r) => r.id === this.session.currentRackId) ?? rackOrder(plan)[0];
      const first = plan.nodes.filter((n) => n.rackId === rack?.id).sort((a, b) => a.positionU - b.positionU)[0] ?? plan.nodes[0];
      this.selectNode(first.id, first.rackId);
      return;
    }
    let rackId = current.rackId;
    if (direction === 'left' || direction === 'right') {
      const order = rackOrder(plan);
      const i = order.findIndex((r) => r.id === current.rackId);
      for (let j = i + (direction === 'left' ? -1 : 1); j >= 0 && j < order.length; j += direction === 'left' ? -1 : 1) {
        if (plan.nodes.some((n) => n.rackId === order[j].id)) {
          rackId = order[j].id;
          break;
        }
      }
      if (rackId === current.rackId) return;
      const inRack = plan.nodes.filter((n) => n.rackId === rackId);
      const nearest = inRack.reduce((best, n) => (Math.abs(n.positionU - current.positionU) < Math.abs(best.positionU - current.positionU) ? n : best));
      this.selectNode(nearest.id, rackId);
      return;
    }
    const inRack = plan.nodes.filter((n) => n.rackId === rackId).sort((a, b) => a.positionU - b.positionU);
    const next = inRack[inRack.findIndex((n) => n.id === current.id) + (direction === 'up' ? 1 : -1)];
    if (next) this.selectNode(next.id, rackId);
  }

  selectNode(id: string, rackId: string): void {
    this.session.selectOnly(id);
    this.session.currentRackId = rackId;
  }

  /** Selects every node in the current rack. */
  selectAllInRack(): void {
    const plan = this.plan;
    const rackId = this.session.currentRackId ?? plan?.nodes.find((n) => this.session.selectedNodeIds.has(n.id))?.rackId;
    if (plan && rackId) this.session.select(plan.nodes.filter((n) => n.rackId === rackId).map((n) => n.id));
  }

  /** Places a node of a profile at a slot and selects it. */
  place(hardwareId: string, rackId: string, positionU: number): boolean {
    const plan = this.plan;
    const hw = plan?.hardware.find((h) => h.id === hardwareId);
    if (!plan || !hw) return false;
    if (!this.edit(placeNode, { hardwareId, rackId, positionU, role: roleForHardware(hw) })) return false;
    const node = this.plan?.nodes.at(-1);
    if (node) this.selectNode(node.id, rackId);
    return true;
  }

  /** Keyboard placement: the palette's profile into the current rack's lowest free slot. */
  placeInCurrentRack(hardwareId = this.session.paletteHardwareId): void {
    const plan = this.plan;
    if (!plan || !hardwareId) return;
    const rack = plan.racks.find((r) => r.id === this.session.currentRackId) ?? rackOrder(plan)[0];
    if (!rack) {
      this.edit(refused, 'add a rack first');
      return;
    }
    const u = firstFreeSlot(plan, rack, hardwareId);
    const hw = plan.hardware.find((h) => h.id === hardwareId);
    if (u === null) this.edit(refused, `no free ${hw?.heightU ?? 1} U slot in ${rack.name}`);
    else this.place(hardwareId, rack.id, u);
  }

  /** Ends a drag: one action on drop, or the reason it was refused. */
  drop(drag: DragState): void {
    const plan = this.plan;
    if (!plan || drag.kind === 'box' || !drag.target) return;
    const { target } = drag;
    if (target.problem) {
      this.edit(refused, target.problem);
      return;
    }
    if (drag.kind === 'place') {
      this.place(drag.hardwareId, target.rackId, target.positionU);
      return;
    }
    if (isNoopDrop(plan, target.moves)) return;
    if (this.edit(moveNodes, { moves: target.moves })) this.session.currentRackId = target.rackId;
  }
}
