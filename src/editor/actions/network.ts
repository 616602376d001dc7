import { networkSchema, type NetworkSettings, type Plan } from '../../plan/schema';
import { done, refuse, type ActionResult } from '../action';
import { checkPart } from '../schemaCheck';

/** Changes network settings (MTU, RTT by latency class, switch hop latency). */
export function updateNetwork(plan: Plan, args: { patch: Partial<Omit<NetworkSettings, 'rttOverrides'>> }): ActionResult {
  const checked = checkPart(networkSchema, { ...plan.network, ...args.patch }, 'network');
  if ('problem' in checked) return refuse(checked.problem);
  return done({ ...plan, network: { ...checked.value, rttOverrides: plan.network.rttOverrides } }, `Change network ${Object.keys(args.patch).join(', ')}`);
}
