import type { Finding } from '../../finding';
import type { PlanRule } from '../rule';

const SOURCE =
  'A/B power redundancy (Uptime Institute tiers: each device on two feeds, either feed able to carry the whole rack); breakers trip on peak draw. Rackplan rack power model (src/models/README.md, "Physical capacity")';

/**
 * Model findings from the rack power model: a feed over its capacity with both feeds up
 * (POWER-FEED-OVER-CAPACITY, error), and racks that do not ride through the loss of one feed
 * (POWER-FEED-LOSS: error when the other feed's breaker trips and the rack goes dark, warning for
 * single-feed racks and single-fed devices). Cloud racks are the provider's and are skipped.
 */
export const powerFeeds: PlanRule = {
  id: 'POWER-FEED',
  title: 'Racks survive the loss of one power feed',
  source: SOURCE,
  check({ plan, report }) {
    const out: Finding[] = [];
    const nodesOf = (rackId: string) => plan.nodes.filter((n) => n.rackId === rackId).map((n) => n.id);
    for (const r of report.physical.racks) {
      const p = r.power;
      if (p.verdict === 'provider-managed') continue;
      const over = p.feeds.filter((f) => f.peakW > f.capacityW);
      if (over.length > 0) {
        const worst = over.reduce((a, b) => (b.peakUtilisation > a.peakUtilisation ? b : a));
        out.push({
          ruleId: 'POWER-FEED-OVER-CAPACITY',
          severity: 'error',
          source: SOURCE,
          message: `rack ${r.name}: feed ${worst.feed} carries ${Math.round(worst.peakW)} W at peak on a ${Math.round(worst.capacityW)} W feed`,
          why: 'the breaker trips at peak load with every feed up, and the rack goes dark',
          figure: { label: `feed ${worst.feed} at peak`, value: Math.round(worst.peakUtilisation * 100), unit: '%' },
          subjects: { racks: [r.rackId], nodes: nodesOf(r.rackId) },
        });
      }
      if (p.verdict === 'survives') continue;
      const failover = p.feeds.reduce((a, b) => (b.failoverPeakW / b.capacityW > a.failoverPeakW / a.capacityW ? b : a));
      const severity = p.verdict === 'overloads' ? 'error' : 'warning';
      out.push({
        ruleId: 'POWER-FEED-LOSS',
        severity,
        source: SOURCE,
        message: p.verdict === 'single-feed' ? `rack ${r.name} has one power feed` : `rack ${r.name} does not survive losing one power feed`,
        why: p.reasons.filter((x) => !x.includes('even with both feeds up')).join('; ') || p.reasons.join('; '),
        figure:
          p.verdict === 'overloads'
            ? { label: `feed ${failover.feed} after failover`, value: Math.round((failover.failoverPeakW / failover.capacityW) * 100), unit: '%' }
            : undefined,
        subjects: { racks: [r.rackId], nodes: nodesOf(r.rackId) },
      });
    }
    return out;
  },
};
