import type { FeedId } from '../../plan/schema';
import type { Topology } from '../topology';
import { nicLinkGbps, nicLinksBySwitch } from './paths';

/** What losing one top-of-rack switch does to its rack. Gbit/s. */
export interface TorFailureImpact {
  rackId: string;
  tor: FeedId;
  /** Nodes cabled only to the failed switch: cut off from the network. */
  isolatedNodeIds: string[];
  /** Nodes cabled to both switches: still reachable with the NIC links on the other switch. */
  degradedNodeIds: string[];
  /** Σ NIC capacity of the rack before and after the failure. */
  nicGbpsBefore: number;
  nicGbpsAfter: number;
  /** Rack uplink before and after: (switches − 1) × tor.uplinkGbps remains. */
  uplinkGbpsBefore: number;
  uplinkGbpsAfter: number;
}

/**
 * The effect of switch `tor` of rack `rackId` failing: which nodes are isolated (cabled to it
 * alone), which keep running on their other switch at reduced NIC capacity, and the rack's NIC
 * and uplink capacity before and after. A single-switch rack loses everything; a dual-switch rack
 * with dual-homed nodes loses half its links and half its uplink, and no node.
 * Example: a 2-ToR rack of dual-homed 2 × 25 GbE nodes loses ToR A: nodes keep 25 of 50 Gbit/s,
 * uplink 800 of 1600 Gbit/s.
 */
export function torFailureImpact(topology: Topology, rackId: string, tor: FeedId): TorFailureImpact {
  const rack = topology.rackById.get(rackId);
  if (!rack) throw new Error(`unknown rack "${rackId}"`);
  const isolated: string[] = [];
  const degraded: string[] = [];
  let before = 0;
  let after = 0;
  for (const p of topology.nodesByRack.get(rackId) ?? []) {
    const links = nicLinksBySwitch(p);
    const speed = nicLinkGbps(p);
    const other: FeedId = tor === 'A' ? 'B' : 'A';
    before += (links.A + links.B) * speed;
    after += links[other] * speed;
    if (links[tor] === 0) continue;
    if (links[other] === 0) isolated.push(p.node.id);
    else degraded.push(p.node.id);
  }
  const exists = tor === 'A' || rack.tor.count === 2;
  return {
    rackId,
    tor,
    isolatedNodeIds: isolated,
    degradedNodeIds: degraded,
    nicGbpsBefore: before,
    nicGbpsAfter: exists ? after : before,
    uplinkGbpsBefore: rack.tor.count * rack.tor.uplinkGbps,
    uplinkGbpsAfter: (exists ? rack.tor.count - 1 : rack.tor.count) * rack.tor.uplinkGbps,
  };
}
