import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  flannelFragmentation,
  fragmentSizes,
  framing,
  goodputEfficiency,
  kubespanMtu,
  stackOf,
  versionBefore,
} from '../../../src/models/network/encapsulation';
import { layeredStackArb, mtuArb, stackArb } from '../../arbitraries/network';

describe('goodputEfficiency', () => {
  it("goodputEfficiency(1500, 'none') is 1448/1538: MSS 1500 − 20 − 20 − 12, frame 1500 + 38", () => {
    expect(goodputEfficiency(1500, 'none')).toBeCloseTo(1448 / 1538, 12);
  });
  it("goodputEfficiency(1500, 'kubespan-ipv4') is 1368/1518: inner MTU 1420, WireGuard adds 60 B", () => {
    expect(goodputEfficiency(1500, 'kubespan-ipv4')).toBeCloseTo(1368 / 1518, 12);
  });
  it("goodputEfficiency(1500, 'kubespan-ipv6') is 1348/1538: MSS 1420 − 40 − 32, WireGuard adds 80 B", () => {
    expect(goodputEfficiency(1500, 'kubespan-ipv6')).toBeCloseTo(1348 / 1538, 12);
  });
  it("goodputEfficiency(1500, 'flannel-vxlan') is 1398/1538: VXLAN takes 50 B of the MTU", () => {
    expect(goodputEfficiency(1500, 'flannel-vxlan')).toBeCloseTo((1500 - 50 - 52) / 1538, 12);
  });
  it("goodputEfficiency(1500, 'cilium-native') equals 'none': native routing adds no header", () => {
    expect(goodputEfficiency(1500, 'cilium-native')).toBe(goodputEfficiency(1500, 'none'));
  });
  it("goodputEfficiency(1500, 'cilium-geneve') is 1398/1538 like VXLAN (Geneve without options)", () => {
    expect(goodputEfficiency(1500, 'cilium-geneve')).toBeCloseTo(1398 / 1538, 12);
  });
  it("goodputEfficiency(1500, 'flannel-vxlan+kubespan-ipv4', '1.14.0') is 1318/1518: Flannel MTU 1420 − 50 = 1370", () => {
    expect(goodputEfficiency(1500, 'flannel-vxlan+kubespan-ipv4', '1.14.0')).toBeCloseTo((1370 - 52) / 1518, 12);
  });
  it("goodputEfficiency(1500, 'flannel-vxlan+kubespan-ipv4', '1.13.2') fragments: 1398/(1518 + 198) = 1398/1716", () => {
    // Flannel keeps MTU 1450: its 1500 B VXLAN packet splits into 1420 + 100 B fragments to fit KubeSpan,
    // each gets 60 B of WireGuard and 38 B of Ethernet framing.
    expect(goodputEfficiency(1500, 'flannel-vxlan+kubespan-ipv4', '1.13.2')).toBeCloseTo(1398 / (1420 + 60 + 38 + (100 + 60 + 38)), 12);
  });
  it("goodputEfficiency(9000, 'none') is 8948/9038 and 'kubespan-ipv4' 8868/9018 (jumbo frames)", () => {
    expect(goodputEfficiency(9000, 'none')).toBeCloseTo(8948 / 9038, 12);
    expect(goodputEfficiency(9000, 'kubespan-ipv4')).toBeCloseTo((8920 - 52) / (8920 + 60 + 38), 12);
  });
});

describe('framing', () => {
  it('framing(1500, flannel inside KubeSpan before 1.14) reports 2 WireGuard packets per segment', () => {
    const f = framing(1500, stackOf('flannel-vxlan+kubespan-ipv4', '1.12.0'));
    expect(f.fragments).toBe('inside-kubespan');
    expect(f.tunnelPacketsPerSegment).toBe(2);
    expect(f.encryptedBytes).toBe(1420 + 100);
  });
  it('framing(1280, KubeSpan) fragments on the underlay: KubeSpan cannot go below 1280 + 60', () => {
    const f = framing(1280, stackOf('kubespan-ipv4'));
    expect(kubespanMtu(1280)).toBe(1280);
    expect(f.fragments).toBe('underlay');
    expect(f.packetsPerSegment).toBe(2);
  });
  it('efficiency is in (0, 1] for every stack and MTU', () => {
    fc.assert(
      fc.property(mtuArb, stackArb, (mtu, stack) => {
        const e = framing(mtu, stack).efficiency;
        return e > 0 && e <= 1;
      }),
      { numRuns: 500 },
    );
  });
  it('adding encapsulation never raises goodput efficiency', () => {
    fc.assert(
      fc.property(mtuArb, layeredStackArb, (mtu, [inner, outer]) => framing(mtu, outer).efficiency <= framing(mtu, inner).efficiency + 1e-12),
      { numRuns: 500 },
    );
  });
  it('the Talos 1.14 Flannel MTU fix never lowers goodput', () => {
    fc.assert(
      fc.property(
        mtuArb,
        fc.constantFrom('ipv4' as const, 'ipv6' as const),
        (mtu, fam) =>
          framing(mtu, { cni: 'flannel-vxlan', kubespan: fam, flannelMtuFitsKubeSpan: true }).efficiency >=
          framing(mtu, { cni: 'flannel-vxlan', kubespan: fam, flannelMtuFitsKubeSpan: false }).efficiency - 1e-12,
      ),
    );
  });
});

describe('fragmentSizes', () => {
  it('fragmentSizes(1500, 1420, false) is [1420, 100]: 1400 payload bytes (a multiple of 8), then 80', () => {
    expect(fragmentSizes(1500, 1420, false)).toEqual([20 + 1400, 20 + 80]);
  });
  it('fragmentSizes(n, mtu) keeps every payload byte and every fragment within the MTU', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 20_000 }), fc.integer({ min: 576, max: 9216 }), fc.boolean(), (n, mtu, v6) => {
        const f = fragmentSizes(n, mtu, v6);
        const hdr = n <= mtu ? 0 : v6 ? 48 : 20;
        const payload = f.reduce((s, x) => s + x - hdr, 0);
        return f.every((x) => x <= mtu) && (n <= mtu ? f[0] === n : payload === n - (v6 ? 40 : 20));
      }),
    );
  });
});

describe('flannelFragmentation', () => {
  it("flannelFragmentation(1500, '1.13.0', 'ipv4') costs 1 − (1398/1716)/(1318/1518) = 6.2 %", () => {
    const r = flannelFragmentation(1500, '1.13.0', 'ipv4');
    expect(r.fragments).toBe(true);
    expect(r.efficiencyLoss).toBeCloseTo(1 - 1398 / 1716 / (1318 / 1518), 12);
  });
  it("flannelFragmentation(1500, '1.14.0', 'ipv4') finds nothing", () => {
    expect(flannelFragmentation(1500, '1.14.0', 'ipv4').fragments).toBe(false);
  });
  it("versionBefore('1.9.3', '1.14.0') compares numerically", () => {
    expect(versionBefore('1.9.3', '1.14.0')).toBe(true);
    expect(versionBefore('1.14.0', '1.14.0')).toBe(false);
  });
});
