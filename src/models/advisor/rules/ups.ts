import { raSource, type PlanRule } from '../rule';

const ID = 'RA-UPS';

/**
 * RA-UPS: a UPS in the data center, with the NUT client extension shutting Talos down when its
 * reserve runs low. An info finding with the peak load the UPS must carry (the physical report's
 * total) and the power circuits the plan names.
 */
export const ups: PlanRule = {
  id: ID,
  title: 'UPS sized for the plan, NUT client installed',
  source: raSource(ID, 'keep a UPS in the data center, and let the NUT client extension shut Talos down cleanly when reserve power runs low.'),
  check({ plan, report }) {
    const t = report.physical.totals;
    if (t.nodes === 0) return [];
    const circuits = new Set(plan.racks.flatMap((r) => r.feeds.map((f) => f.circuit).filter((c): c is string => !!c)));
    return [
      {
        ruleId: ID,
        severity: 'info',
        source: this.source,
        message: `UPS: the plan draws ${(t.peakW / 1000).toFixed(1)} kW at peak (${(t.typicalW / 1000).toFixed(1)} kW typical); add the nut-client extension to every node`,
        why:
          circuits.size > 0
            ? `size the UPS behind circuits ${[...circuits].join(', ')} for the peak, plus the runtime for a clean shutdown`
            : 'the plan names no power circuits: size the UPS for the peak, plus the runtime for a clean shutdown',
        figure: { label: 'peak power', value: Math.round(t.peakW), unit: 'W' },
      },
    ];
  },
};
