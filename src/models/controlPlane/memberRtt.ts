import { rttMs } from '../network/paths';
import type { NodePlace, Topology } from '../topology';

/**
 * The symmetric RTT matrix of etcd members, ms, row-major in a Float64Array of n x n. Each entry
 * is the network model's path RTT (`network/paths.ts` `rttMs`: the latency class RTT plus switch
 * hops, or the most specific `rttOverrides` entry), so the control plane and the network report
 * agree on every number.
 */
export function memberRttMatrix(topology: Topology, places: readonly NodePlace[]): Float64Array {
  const n = places.length;
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = rttMs(topology, places[i].node.id, places[j].node.id);
      m[i * n + j] = v;
      m[j * n + i] = v;
    }
  }
  return m;
}
