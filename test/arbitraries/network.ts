/**
 * fast-check arbitraries for the network models.
 *
 *   mtuArb            an underlay MTU the schema accepts (1280-9216), biased to 1500 and 9000.
 *   cniEncapArb       any CNI encapsulation, including none.
 *   stackArb          any encapsulation stack (CNI × KubeSpan off/ipv4/ipv6 × Flannel MTU fix).
 *   layeredStackArb   a stack and the same stack with one more layer added (a CNI tunnel or KubeSpan),
 *                     for "adding encapsulation never raises goodput".
 *   nodeCountArb      a cluster size from 1 to 10,000 nodes.
 *   networkPlanArb    a valid plan with at least two nodes (from test/arbitraries/plan.ts).
 */
import fc from 'fast-check';
import type { CniEncap, EncapStack, KubeSpanFamily } from '../../src/models/network/encapsulation';
import type { Plan } from '../../src/plan/schema';
import { validPlanArbWith } from './plan';

export const mtuArb: fc.Arbitrary<number> = fc.oneof(fc.constantFrom(1280, 1500, 9000, 9216), fc.integer({ min: 1280, max: 9216 }));

export const cniEncapArb: fc.Arbitrary<CniEncap> = fc.constantFrom('none', 'flannel-vxlan', 'cilium-native', 'cilium-vxlan', 'cilium-geneve');
export const kubespanFamilyArb: fc.Arbitrary<KubeSpanFamily> = fc.constantFrom('off', 'ipv4', 'ipv6');

export const stackArb: fc.Arbitrary<EncapStack> = fc.record({
  cni: cniEncapArb,
  kubespan: kubespanFamilyArb,
  flannelMtuFitsKubeSpan: fc.boolean(),
});

const TUNNELS: CniEncap[] = ['flannel-vxlan', 'cilium-vxlan', 'cilium-geneve'];

/**
 * [inner, outer]: `outer` is `inner` plus one layer, in the same address family: a CNI tunnel
 * added to a stack without one, or KubeSpan (of the family already in use) added to a stack without it.
 */
export const layeredStackArb: fc.Arbitrary<[EncapStack, EncapStack]> = fc.oneof(
  fc
    .record({ tunnel: fc.constantFrom(...TUNNELS), kubespan: kubespanFamilyArb, fix: fc.boolean() })
    .map(({ tunnel, kubespan, fix }): [EncapStack, EncapStack] => [
      { cni: 'none', kubespan, flannelMtuFitsKubeSpan: fix },
      { cni: tunnel, kubespan, flannelMtuFitsKubeSpan: fix },
    ]),
  fc.record({ cni: cniEncapArb, fix: fc.boolean() }).map(({ cni, fix }): [EncapStack, EncapStack] => [
    { cni, kubespan: 'off', flannelMtuFitsKubeSpan: fix },
    { cni, kubespan: 'ipv4', flannelMtuFitsKubeSpan: fix },
  ]),
);

export const nodeCountArb: fc.Arbitrary<number> = fc.integer({ min: 1, max: 10_000 });

export const networkPlanArb: fc.Arbitrary<Plan> = validPlanArbWith({ maxRacks: 6, maxNodesPerRack: 4 }).filter((p) => p.nodes.length >= 2);
