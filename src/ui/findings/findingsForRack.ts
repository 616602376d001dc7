import type { Finding } from '../../models/finding';

/**
 * The findings that concern rack `rackId`: those naming the rack, or naming a node in it
 * (`rackOfNode` maps node id to rack id). Order is kept. A finding that names neither (a
 * cluster setting) does not concern any one rack and is left out.
 */
export function findingsForRack<F extends Pick<Finding, 'subjects'>>(findings: readonly F[], rackId: string, rackOfNode: ReadonlyMap<string, string>): F[] {
  return findings.filter((f) => (f.subjects?.racks ?? []).includes(rackId) || (f.subjects?.nodes ?? []).some((n) => rackOfNode.get(n) === rackId));
}
