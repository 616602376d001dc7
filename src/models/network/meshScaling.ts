import { meshControlTraffic, meshTunnels, peersPerNode } from './kubespanCost';

/** The reference architecture's KubeSpan size guidance (RA-KUBESPAN-SIZE): not generally above 100 nodes. */
export const KUBESPAN_GUIDANCE_NODES = 100;

/** Node counts the mesh curve is drawn at: 10 to 5,000 on a 1-2-5 log scale. */
export const MESH_CURVE_NODES = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000] as const;

/** One point of the mesh scaling curve. */
export interface MeshPoint {
  nodes: number;
  peersPerNode: number;
  tunnels: number;
  /** Worst-case keepalive + rekey traffic one node sends, kbit/s. */
  controlKbpsPerNode: number;
  /** Worst-case keepalive + rekey traffic of the whole cluster, Mbit/s. */
  controlMbpsCluster: number;
  /**
   * Peer updates per hour across the cluster when each node changes membership or endpoint
   * `eventsPerNodePerHour` times an hour: every event reconfigures the other n − 1 nodes.
   */
  peerUpdatesPerHour: number;
  /** Tunnels relative to a 100-node mesh (4950): the quadratic cost the guidance avoids. */
  tunnelsVsGuidance: number;
}

/**
 * The KubeSpan mesh scaling curve: per node the state grows as n − 1 and cluster-wide as
 * n(n − 1)/2; control traffic per node grows linearly and for the cluster quadratically; every
 * membership or endpoint change (a reboot, an upgrade, a cloud node scaling in) updates n − 1
 * peers. At 100 nodes a node keeps 99 peers and the cluster 4,950 tunnels; at 5,000 nodes,
 * 4,999 peers and ~12.5 million tunnels, 2,525 × the guidance point. `eventsPerNodePerHour`
 * defaults to 1/24 (one reboot or upgrade per node per day, an assumption).
 */
export function meshScalingCurve(
  keepaliveS: number,
  ipv6 = false,
  eventsPerNodePerHour = 1 / 24,
  nodeCounts: readonly number[] = MESH_CURVE_NODES,
): MeshPoint[] {
  const base = meshTunnels(KUBESPAN_GUIDANCE_NODES);
  return nodeCounts.map((n) => {
    const control = meshControlTraffic(n, keepaliveS, ipv6);
    return {
      nodes: n,
      peersPerNode: peersPerNode(n),
      tunnels: meshTunnels(n),
      controlKbpsPerNode: control.controlBitsPerS / 1e3,
      controlMbpsCluster: (control.controlBitsPerS * n) / 1e6,
      peerUpdatesPerHour: n * eventsPerNodePerHour * peersPerNode(n),
      tunnelsVsGuidance: meshTunnels(n) / base,
    };
  });
}
