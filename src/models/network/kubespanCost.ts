import type { Hardware, Plan } from '../../plan/schema';
import { CPU_CLASS_SPEED } from '../controlPlane/assumptions';
import type { Framing } from './encapsulation';

/**
 * KubeSpan cost: the WireGuard full mesh's peers, tunnels and control traffic, and the CPU its
 * encryption takes. Facts (Talos docs and siderolabs/talos code, WireGuard whitepaper, via
 * src/models/README.md, Sources: Talos KubeSpan): full mesh on UDP 51820, peers per node n − 1, tunnels n(n − 1)/2, persistent
 * keepalive 25 s, rekey every 120 s (REKEY_AFTER_TIME), a peer is down 275 s after its last
 * handshake, discovery-service affiliates expire after a 30 min TTL.
 */

/** WireGuard message sizes, bytes (whitepaper §5.4): handshake initiation 148, response 92, keepalive (empty data message) 32. */
export const WIREGUARD_MESSAGE_BYTES = { initiation: 148, response: 92, keepalive: 32 } as const;
/** WireGuard REKEY_AFTER_TIME, s (whitepaper §6.1). */
export const REKEY_AFTER_S = 120;
/** Talos marks a KubeSpan peer down this long after its last handshake, s (Talos docs; src/models/README.md, Sources: Talos KubeSpan). */
export const PEER_DOWN_AFTER_S = 275;

/** WireGuard peers each node keeps in a full mesh of `nodes`: n − 1. `peersPerNode(100)` is 99. */
export function peersPerNode(nodes: number): number {
  return Math.max(0, nodes - 1);
}

/** WireGuard tunnels (node pairs) in a full mesh: n(n − 1)/2. `meshTunnels(100)` is 4950. */
export function meshTunnels(nodes: number): number {
  return nodes <= 1 ? 0 : (nodes * (nodes - 1)) / 2;
}

/** Background (non-data) traffic of one node's mesh. */
export interface MeshControlTraffic {
  peers: number;
  /** Keepalives sent per second, worst case (every peer idle): peers / keepaliveS. */
  keepalivesPerS: number;
  /** Handshakes initiated per second, worst case (every peer active): peers / 120 s. */
  handshakesPerS: number;
  /** Control bytes a node sends, bit/s: keepalives + its half of the handshakes, on the wire. */
  controlBitsPerS: number;
}

/**
 * Control traffic of one node in a mesh of `nodes`, bit/s of wire. Equation, with per-frame
 * bytes = message + UDP 8 + IP (20 or 40) + Ethernet 38:
 *   keepalive  = peers / keepaliveS × frame(32)
 *   handshakes = peers / 120 × (frame(148) + frame(92)) / 2   (each pair rekeys once per 120 s; a node initiates half)
 * Upper bound: an active peer sends data instead of keepalives, an idle one never rekeys, so
 * the two terms never both apply to the same peer. Example: 100 nodes, 25 s, IPv4: keepalives
 * 99/25 × 98 B × 8 = 3.1 kbit/s.
 */
export function meshControlTraffic(nodes: number, keepaliveS: number, ipv6 = false): MeshControlTraffic {
  const peers = peersPerNode(nodes);
  const frame = (msg: number) => msg + 8 + (ipv6 ? 40 : 20) + 38;
  const keepalivesPerS = peers / keepaliveS;
  const handshakesPerS = peers / REKEY_AFTER_S;
  const keepaliveBits = keepalivesPerS * frame(WIREGUARD_MESSAGE_BYTES.keepalive) * 8;
  const handshakeBits = (handshakesPerS * (frame(WIREGUARD_MESSAGE_BYTES.initiation) + frame(WIREGUARD_MESSAGE_BYTES.response)) * 8) / 2;
  return { peers, keepalivesPerS, handshakesPerS, controlBitsPerS: keepaliveBits + handshakeBits };
}

/** The CPU profile WireGuard runs on: the plan's editable per-core rates, scaled by the CPU class. */
export interface CryptoProfile {
  /** ChaCha20-Poly1305 bytes per second per core (plan `cryptoGBpsPerCore` × 1e9 × class speed). */
  cryptoBytesPerSPerCore: number;
  /** Packets per second one core's network stack handles (plan `packetsPerSecondPerCore` × class speed). */
  packetsPerSPerCore: number;
}

/**
 * The crypto profile of a hardware profile under a plan. Defaults 1.5 GB/s and 180 k packets/s
 * per balanced core (defaults.ts; src/models/README.md, Sources: WireGuard cost); class speed from `CPU_CLASS_SPEED`
 * (efficiency 0.6, balanced 1, performance 1.3).
 */
export function cryptoProfile(plan: Plan, hardware: Pick<Hardware, 'cpuClass'>): CryptoProfile {
  const speed = CPU_CLASS_SPEED[hardware.cpuClass];
  const ks = plan.cluster.kubespan;
  return { cryptoBytesPerSPerCore: ks.cryptoGBpsPerCore * 1e9 * speed, packetsPerSPerCore: ks.packetsPerSecondPerCore * speed };
}

/**
 * Core-seconds WireGuard spends per TCP segment on one side (encrypt or decrypt), s:
 * tunnelPackets / packetRate + encryptedBytes / cryptoRate. Each WireGuard packet pays one pass
 * through the stack (kernel WireGuard splits GSO batches into MTU-sized packets to encrypt them)
 * plus ChaCha20-Poly1305 over its bytes. Example, 1500 MTU, balanced core: 1/180 000 + 1420/1.5e9
 * = 5.56 µs + 0.95 µs = 6.50 µs.
 */
export function secondsPerSegment(frame: Framing, profile: CryptoProfile): number {
  return frame.tunnelPacketsPerSegment / profile.packetsPerSPerCore + frame.encryptedBytes / profile.cryptoBytesPerSPerCore;
}

/**
 * Cores a node spends on KubeSpan at a symmetric load of `gbps` goodput sent and `gbps` received:
 * 2 × (gbps × 1e9 / 8 / MSS) × secondsPerSegment. 0 without KubeSpan.
 * Example: 1 Gbit/s each way, 1500 MTU, balanced: 2 × 125e6/1368 × 6.50 µs = 1.19 cores.
 */
export function encryptionCores(gbps: number, frame: Framing, profile: CryptoProfile): number {
  if (frame.tunnelPacketsPerSegment === 0) return 0;
  return ((2 * gbps * 1e9) / 8 / frame.mssBytes) * secondsPerSegment(frame, profile);
}

/** Throughput ceilings of KubeSpan on one node, Gbit/s of goodput in one direction. */
export interface KubeSpanCeilings {
  /** One TCP flow: one core does its stack work and crypto serially: MSS × 8 / secondsPerSegment. */
  perFlowGbps: number;
  /** All cores (kernel WireGuard spreads encryption over every CPU): cores × perFlowGbps. */
  cryptoBoundGbps: number;
  /** The node's NIC after framing: nicGbps × efficiency. */
  nicGoodputGbps: number;
  /** min(cryptoBound, nicGoodput): the most a node can push through KubeSpan. */
  perNodeGbps: number;
  /** What binds the node: 'cpu' or 'nic'. */
  bound: 'cpu' | 'nic';
}

/**
 * Per-flow and per-node KubeSpan throughput ceilings against the NIC, Gbit/s. Per-flow: one
 * core (src/models/README.md, Sources: WireGuard cost: kernel WireGuard per flow tops out around a few Gbit/s per core without
 * GSO/GRO tuning). Per-node: every core, because kernel WireGuard parallelises encryption and
 * decryption across CPUs (wireguard.com/performance: "multi-threading"); capped by the NIC.
 * Example, 1500 MTU, balanced: one flow 1368 × 8 / 6.50 µs = 1.68 Gbit/s; 64 cores 108 Gbit/s,
 * so a 2 × 25 GbE node is NIC-bound at 50 × 0.901 = 45 Gbit/s.
 */
export function kubespanCeilings(frame: Framing, profile: CryptoProfile, cores: number, nicGbps: number): KubeSpanCeilings {
  const perFlowGbps = (frame.mssBytes * 8) / secondsPerSegment(frame, profile) / 1e9;
  const cryptoBoundGbps = perFlowGbps * cores;
  const nicGoodputGbps = nicGbps * frame.efficiency;
  return {
    perFlowGbps: Math.min(perFlowGbps, nicGoodputGbps),
    cryptoBoundGbps,
    nicGoodputGbps,
    perNodeGbps: Math.min(cryptoBoundGbps, nicGoodputGbps),
    bound: cryptoBoundGbps < nicGoodputGbps ? 'cpu' : 'nic',
  };
}

/**
 * RTT WireGuard adds, ms: a round trip crosses the tunnel twice and each crossing encrypts on
 * one side and decrypts on the other: 4 × secondsPerSegment for a full-sized packet (queueing
 * ignored). Example, 1500 MTU, balanced: 4 × 6.50 µs = 0.026 ms.
 */
export function kubespanAddedRttMs(frame: Framing, profile: CryptoProfile): number {
  return frame.tunnelPacketsPerSegment === 0 ? 0 : 4 * secondsPerSegment(frame, profile) * 1000;
}

/** What a discovery-service outage does to KubeSpan. */
export interface DiscoveryOutage {
  outageS: number;
  ttlS: number;
  /** Affiliate records expired from the service (outage longer than the TTL). */
  affiliatesExpire: boolean;
  /** Established tunnels with unchanged endpoints keep working. */
  establishedTunnelsKeepWorking: true;
  /** Seconds after an endpoint change (reboot into a new address, NAT rebinding) that the peer is down: 275 s. */
  movedPeerDownAfterS: number;
  summary: string;
}

/**
 * The effect of a discovery-service outage of `outageS` seconds with affiliate TTL `ttlS`.
 * Model: nodes learn peers' keys and endpoints only through discovery; WireGuard itself needs
 * no discovery while endpoints stay the same. During any outage, new or re-addressed nodes
 * cannot join the mesh, and a peer whose endpoint moved is down 275 s after its last handshake.
 * Past the TTL the service drops affiliates that could not refresh, so when it returns every
 * node must re-register before new members see them (assumption stated in the README).
 */
export function discoveryOutage(outageS: number, ttlS: number): DiscoveryOutage {
  const expire = outageS > ttlS;
  const summary = expire
    ? `an outage of ${Math.round(outageS / 60)} min outlives the ${Math.round(ttlS / 60)} min TTL: affiliates expire; established tunnels keep working, but no node can join, and a node whose address changes is cut off ${PEER_DOWN_AFTER_S} s after its last handshake until the service returns and nodes re-register`
    : `an outage of ${Math.round(outageS / 60)} min stays within the ${Math.round(ttlS / 60)} min TTL: established tunnels keep working; nodes that join or change address during it wait for the service`;
  return { outageS, ttlS, affiliatesExpire: expire, establishedTunnelsKeepWorking: true, movedPeerDownAfterS: PEER_DOWN_AFTER_S, summary };
}
