/**
 * Encapsulation and MTU: how many payload bytes a TCP segment carries through each overlay
 * stack, how many bytes (and packets) it costs on the wire, and the resulting goodput efficiency.
 *
 * Header sizes (RFC 791 / 8200 / 793 / 7348; WireGuard whitepaper §5.4):
 * IPv4 20 B, IPv6 40 B, TCP 20 B + 12 B timestamps (Linux default), UDP 8 B, VXLAN 8 B + inner
 * Ethernet 14 B (so VXLAN adds 50 B over IPv4, 70 B over IPv6), WireGuard data message 16 B header
 * + 16 B Poly1305 tag (60 B over IPv4, 80 B over IPv6). Per-frame wire overhead 38 B: Ethernet
 * header 14 + FCS 4 + preamble 8 + inter-frame gap 12 (IEEE 802.3). KubeSpan's interface MTU is
 * the underlay MTU − 80, at least 1280 (Talos docs; src/models/README.md, Sources: Talos KubeSpan); Talos 1.14+ lowers Flannel's
 * MTU to the KubeSpan MTU − 50, earlier versions leave it at underlay − 50 so VXLAN packets are
 * fragmented to fit the tunnel (src/models/README.md, Sources: Talos KubeSpan).
 */

export type CniEncap = 'none' | 'flannel-vxlan' | 'cilium-native' | 'cilium-vxlan' | 'cilium-geneve';
export type KubeSpanFamily = 'off' | 'ipv4' | 'ipv6';

/** An encapsulation stack: the CNI's own encapsulation, optionally inside KubeSpan. */
export interface EncapStack {
  cni: CniEncap;
  kubespan: KubeSpanFamily;
  /** True on Talos ≥ 1.14, where Flannel's MTU is lowered to fit inside KubeSpan. */
  flannelMtuFitsKubeSpan: boolean;
}

/** Named stacks, e.g. `'kubespan-ipv4'`, `'flannel-vxlan+kubespan-ipv4'`, `'cilium-native'`. */
export type EncapName = CniEncap | `kubespan-${'ipv4' | 'ipv6'}` | `${Exclude<CniEncap, 'none'>}+kubespan-${'ipv4' | 'ipv6'}`;

/** What one full-sized TCP segment costs through a stack. */
export interface Framing {
  /** MTU the pods' (or host's) TCP stack sees, bytes. */
  innerMtu: number;
  /** TCP payload per segment, bytes: innerMtu − IP − 20 (TCP) − 12 (timestamps). */
  mssBytes: number;
  /** Bytes on the wire per segment, all frames, including the 38 B per-frame Ethernet overhead. */
  wireBytes: number;
  /** Frames on the wire per segment (more than 1 when something fragments). */
  packetsPerSegment: number;
  /** Bytes WireGuard encrypts per segment (0 without KubeSpan). */
  encryptedBytes: number;
  /** WireGuard messages per segment (0 without KubeSpan). */
  tunnelPacketsPerSegment: number;
  /** mssBytes / wireBytes, in (0, 1]. */
  efficiency: number;
  /** Where packets are fragmented, if anywhere. */
  fragments: 'none' | 'inside-kubespan' | 'underlay';
}

export const ETHERNET_WIRE_OVERHEAD_BYTES = 38;
export const TCP_HEADER_BYTES = 20 + 12;
export const KUBESPAN_MTU_OVERHEAD_BYTES = 80;
export const KUBESPAN_MIN_MTU = 1280;
/** Talos version that lowers Flannel's MTU inside KubeSpan (src/models/README.md, Sources: Talos KubeSpan). */
export const FLANNEL_KUBESPAN_MTU_FIX = '1.14.0';

const ipHeader = (v6: boolean) => (v6 ? 40 : 20);
const wireguardOverhead = (v6: boolean) => ipHeader(v6) + 8 + 32;
const tunnelOverhead = (cni: CniEncap, v6: boolean) =>
  cni === 'flannel-vxlan' || cni === 'cilium-vxlan' || cni === 'cilium-geneve' ? ipHeader(v6) + 8 + 8 + 14 : 0;

/** KubeSpan interface MTU for an underlay MTU, bytes: max(1280, mtu − 80). `kubespanMtu(1500)` is 1420. */
export function kubespanMtu(underlayMtu: number): number {
  return Math.max(KUBESPAN_MIN_MTU, underlayMtu - KUBESPAN_MTU_OVERHEAD_BYTES);
}

/**
 * Sizes of the IP fragments a packet of `packetBytes` becomes on a link of `mtu`, bytes.
 * Each fragment repeats the IP header (IPv6 adds an 8 B fragment header) and carries a multiple
 * of 8 payload bytes (RFC 791 / 8200). `fragmentSizes(1500, 1420, false)` is [1420, 100].
 */
export function fragmentSizes(packetBytes: number, mtu: number, v6: boolean): number[] {
  if (packetBytes <= mtu) return [packetBytes];
  const header = v6 ? 48 : 20;
  const payload = packetBytes - ipHeader(v6);
  const perFragment = Math.floor((mtu - header) / 8) * 8;
  const sizes: number[] = [];
  for (let left = payload; left > 0; left -= perFragment) sizes.push(header + Math.min(perFragment, left));
  return sizes;
}

/**
 * Framing of one full-sized TCP segment through a stack on an underlay of `underlayMtu` bytes.
 * Algorithm: choose the pod MTU (underlay, or KubeSpan MTU, minus the CNI tunnel), build the
 * inner packet, add the CNI tunnel header, fragment to the KubeSpan MTU if it does not fit
 * (Flannel before Talos 1.14), add WireGuard to each piece, fragment to the underlay if needed,
 * then add 38 B per frame. Inner traffic is IPv4 unless KubeSpan runs over IPv6 (then all IPv6).
 *
 * Example: `framing(1500, kubespan ipv4)`: inner MTU 1420, MSS 1420 − 20 − 32 = 1368, one frame
 * of 1420 + 60 + 38 = 1518 B, efficiency 1368/1518 = 0.901.
 */
export function framing(underlayMtu: number, stack: EncapStack): Framing {
  const v6 = stack.kubespan === 'ipv6';
  const ks = stack.kubespan !== 'off';
  const tunnel = tunnelOverhead(stack.cni, v6);
  const ksMtu = kubespanMtu(underlayMtu);
  const cniSeesKubeSpan = ks && (stack.cni !== 'flannel-vxlan' || stack.flannelMtuFitsKubeSpan);
  const innerMtu = (cniSeesKubeSpan ? ksMtu : underlayMtu) - tunnel;
  const mssBytes = innerMtu - ipHeader(v6) - TCP_HEADER_BYTES;
  let packets = [innerMtu + tunnel];
  let fragments: Framing['fragments'] = 'none';
  let encryptedBytes = 0;
  let tunnelPackets = 0;
  if (ks) {
    const pieces = packets.flatMap((p) => fragmentSizes(p, ksMtu, v6));
    if (pieces.length > packets.length) fragments = 'inside-kubespan';
    encryptedBytes = pieces.reduce((s, p) => s + p, 0);
    tunnelPackets = pieces.length;
    packets = pieces.map((p) => p + wireguardOverhead(v6));
  }
  const frames = packets.flatMap((p) => fragmentSizes(p, underlayMtu, v6));
  if (frames.length > packets.length) fragments = 'underlay';
  const wireBytes = frames.reduce((s, f) => s + f + ETHERNET_WIRE_OVERHEAD_BYTES, 0);
  return {
    innerMtu,
    mssBytes,
    wireBytes,
    packetsPerSegment: frames.length,
    encryptedBytes,
    tunnelPacketsPerSegment: tunnelPackets,
    efficiency: mssBytes / wireBytes,
    fragments,
  };
}

/** Parses a stack name; Flannel inside KubeSpan follows `talosVersion` (default: fixed). */
export function stackOf(name: EncapName, talosVersion = FLANNEL_KUBESPAN_MTU_FIX): EncapStack {
  const [first, second] = name.split('+');
  const ksPart = first.startsWith('kubespan-') ? first : second;
  const cni = (first.startsWith('kubespan-') ? 'none' : first) as CniEncap;
  const kubespan = (ksPart ? ksPart.slice('kubespan-'.length) : 'off') as KubeSpanFamily;
  return { cni, kubespan, flannelMtuFitsKubeSpan: !versionBefore(talosVersion, FLANNEL_KUBESPAN_MTU_FIX) };
}

/**
 * Goodput efficiency of a named stack: TCP payload bytes per wire byte, in (0, 1].
 * `goodputEfficiency(1500, 'none')` is 1448/1538 = 0.941; `'kubespan-ipv4'` is 1368/1518 = 0.901;
 * `'flannel-vxlan+kubespan-ipv4'` on Talos 1.13 is 1398/1716 = 0.815 (fragmented).
 */
export function goodputEfficiency(underlayMtu: number, name: EncapName, talosVersion?: string): number {
  return framing(underlayMtu, stackOf(name, talosVersion)).efficiency;
}

/** The plan's CNI as an encapsulation: Flannel is always VXLAN; Cilium per its mode. */
export function cniEncapOf(cni: { name: 'flannel' | 'cilium'; mode: 'vxlan' | 'native' | 'geneve' }): CniEncap {
  if (cni.name === 'flannel') return 'flannel-vxlan';
  return cni.mode === 'native' ? 'cilium-native' : cni.mode === 'vxlan' ? 'cilium-vxlan' : 'cilium-geneve';
}

/**
 * The Flannel-over-KubeSpan fragmentation case: Flannel VXLAN inside KubeSpan on a Talos version
 * before 1.14. Cost = 1 − fragmented efficiency / fixed efficiency, and the WireGuard packet count
 * per segment (2 instead of 1 at 1500 B), which halves the packet-rate-bound throughput.
 */
export function flannelFragmentation(
  underlayMtu: number,
  talosVersion: string,
  kubespan: KubeSpanFamily,
): { fragments: boolean; efficiencyLoss: number; tunnelPacketsPerSegment: number } {
  if (kubespan === 'off') return { fragments: false, efficiencyLoss: 0, tunnelPacketsPerSegment: 0 };
  const broken = framing(underlayMtu, { cni: 'flannel-vxlan', kubespan, flannelMtuFitsKubeSpan: !versionBefore(talosVersion, FLANNEL_KUBESPAN_MTU_FIX) });
  const fixed = framing(underlayMtu, { cni: 'flannel-vxlan', kubespan, flannelMtuFitsKubeSpan: true });
  return {
    fragments: broken.fragments !== 'none',
    efficiencyLoss: 1 - broken.efficiency / fixed.efficiency,
    tunnelPacketsPerSegment: broken.tunnelPacketsPerSegment,
  };
}

/** True when semver `a` is older than `b` (x.y.z, numeric). */
export function versionBefore(a: string, b: string): boolean {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) < (pb[i] ?? 0);
  }
  return false;
}
