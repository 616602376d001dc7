import type { FeedId, Hardware, Plan, PlanNode, Rack, Role } from '../schema';

type Base = Omit<Plan, 'sites' | 'rooms' | 'rows' | 'racks' | 'nodes' | 'hardware'>;

/**
 * Builds plans for the samples and tests: adds the location hierarchy and racks, then fills
 * racks bottom-up with nodes so positions never overlap. Output still goes through validation.
 */
export class PlanBuilder {
  readonly plan: Plan;
  private nextU = new Map<string, number>();
  private counters = new Map<Role, number>();

  constructor(base: Base, hardware: Hardware[]) {
    this.plan = { ...base, sites: [], rooms: [], rows: [], racks: [], hardware, nodes: [] };
  }

  site(id: string, name: string, kind: 'datacenter' | 'cloud' | 'edge' = 'datacenter', wanGbps = 10): this {
    this.plan.sites.push({ id, name, kind, wanGbps });
    return this;
  }

  room(id: string, name: string, siteId: string, coreGbps = 800): this {
    this.plan.rooms.push({ id, name, siteId, coreGbps });
    return this;
  }

  row(id: string, name: string, roomId: string, spineGbps = 400): this {
    this.plan.rows.push({ id, name, roomId, spineGbps });
    return this;
  }

  rack(id: string, rowId: string, opts: Partial<Omit<Rack, 'id' | 'rowId' | 'tor'>> & { tor?: Partial<Rack['tor']> } = {}): this {
    this.plan.racks.push({
      id,
      name: opts.name ?? id.toUpperCase(),
      rowId,
      heightU: opts.heightU ?? 42,
      // 208 V / 30 A three-phase at 80 % continuous load (NEC 210.19): 208 · 30 · √3 · 0.8 ≈ 8,650 W.
      feeds: opts.feeds ?? [
        { id: 'A', capacityW: 8600 },
        { id: 'B', capacityW: 8600 },
      ],
      tor: { count: 2, ports: 48, portGbps: 25, uplinkGbps: 800, heightU: 1, powerW: 350, ...opts.tor },
    });
    this.nextU.set(id, 1);
    return this;
  }

  /** Adds `count` nodes of one role and profile to a rack, stacked upwards from the lowest free U. */
  nodes(rackId: string, role: Role, hardwareId: string, count: number, extra: Partial<PlanNode> = {}): this {
    const hw = this.plan.hardware.find((h) => h.id === hardwareId);
    const rack = this.plan.racks.find((r) => r.id === rackId);
    if (!hw || !rack) throw new Error(`unknown hardware ${hardwareId} or rack ${rackId}`);
    for (let i = 0; i < count; i++) {
      const n = (this.counters.get(role) ?? 0) + 1;
      this.counters.set(role, n);
      const prefix = role === 'controlplane' ? 'cp' : role === 'worker' ? 'w' : 'st';
      const name = `${prefix}-${String(n).padStart(role === 'worker' ? 4 : 2, '0')}`;
      const positionU = this.nextU.get(rackId) ?? 1;
      this.nextU.set(rackId, positionU + hw.heightU);
      const tors: FeedId[] = rack.tor.count === 2 && hw.nics.count >= 2 ? ['A', 'B'] : ['A'];
      const feeds: FeedId[] = rack.feeds.length === 2 ? ['A', 'B'] : [rack.feeds[0].id];
      const labels: Record<string, string> = { 'topology.kubernetes.io/zone': rackId };
      if (role === 'storage') labels['node-role.kubernetes.io/storage'] = '';
      const taints = role === 'storage' ? [{ key: 'node-role.kubernetes.io/storage', value: '', effect: 'NoSchedule' as const }] : [];
      this.plan.nodes.push({ id: name, name, role, hardwareId, rackId, positionU, feeds, tors, labels, taints, ...extra });
    }
    return this;
  }

  build(): Plan {
    return this.plan;
  }
}
