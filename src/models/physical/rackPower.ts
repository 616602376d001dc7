import type { FeedId, Rack } from '../../plan/schema';
import type { NodePlace } from '../topology';

/** Power on one feed of a rack, W. */
export interface FeedLoad {
  feed: FeedId;
  capacityW: number;
  /** Normal operation: dual-fed loads split evenly between the feeds. */
  typicalW: number;
  peakW: number;
  /** Peak load this feed carries when the other feed is lost (everything dual-fed moves here). */
  failoverPeakW: number;
  /** peakW / capacityW */
  peakUtilisation: number;
}

/** What losing one feed does to a rack. */
export type FeedLossVerdict =
  | 'survives'
  | 'overloads'
  | 'nodes-lose-power'
  | 'single-feed'
  /** A rack in a cloud site: the provider owns power, so feed loss is not the planner's to judge. */
  | 'provider-managed';

export interface RackPower {
  feeds: FeedLoad[];
  typicalW: number;
  peakW: number;
  /** Outcome of losing each feed in turn (A/B N-1); the worst one is `verdict`. */
  verdict: FeedLossVerdict;
  reasons: string[];
}

/**
 * Rack power per feed, and whether the rack rides through the loss of one feed (A/B N-1).
 *
 * Each device draws its typical and peak power (W, from its hardware profile). A device on both
 * feeds shares its load evenly (dual PSUs in load-sharing mode); on one feed it loads that feed
 * alone. Losing feed X moves every dual-fed device's whole load to the other feed Y, so the rack
 * survives iff peak(Y after failover) = Σ peak(dual-fed) + Σ peak(single-fed on Y) <= capacity(Y)
 * and no device is fed from X alone. Peak is used for failover because breakers trip on peaks.
 * Switches are dual-fed with `switchPowerW` each.
 */
export function rackPower(rack: Rack, nodes: readonly NodePlace[], switchPowerW: number): RackPower {
  const devices = [
    ...nodes.map((p) => ({ name: p.node.name, feeds: p.node.feeds, typ: p.hardware.powerTypicalW, peak: p.hardware.powerPeakW })),
    ...Array.from({ length: rack.tor.count }, (_, i) => ({
      name: `switch ${i === 0 ? 'A' : 'B'}`,
      feeds: rack.feeds.map((f) => f.id),
      typ: switchPowerW,
      peak: switchPowerW,
    })),
  ];
  const feeds: FeedLoad[] = rack.feeds.map((feed) => {
    let typicalW = 0;
    let peakW = 0;
    let failoverPeakW = 0;
    for (const d of devices) {
      if (!d.feeds.includes(feed.id)) continue;
      const share = 1 / d.feeds.length;
      typicalW += d.typ * share;
      peakW += d.peak * share;
      failoverPeakW += d.peak;
    }
    return { feed: feed.id, capacityW: feed.capacityW, typicalW, peakW, failoverPeakW, peakUtilisation: peakW / feed.capacityW };
  });
  const typicalW = devices.reduce((s, d) => s + d.typ, 0);
  const peakW = devices.reduce((s, d) => s + d.peak, 0);
  const reasons: string[] = [];
  let verdict: FeedLossVerdict = 'survives';
  for (const f of feeds) {
    if (f.peakW > f.capacityW)
      reasons.push(`feed ${f.feed} is over capacity even with both feeds up: ${Math.round(f.peakW)} W peak > ${Math.round(f.capacityW)} W`);
  }
  if (rack.feeds.length === 1) {
    verdict = 'single-feed';
    reasons.push(`only feed ${rack.feeds[0].id}: losing it powers off the whole rack`);
  } else {
    for (const lost of feeds) {
      const other = feeds.find((f) => f.feed !== lost.feed) as FeedLoad;
      const stranded = devices.filter((d) => d.feeds.length === 1 && d.feeds[0] === lost.feed);
      if (other.failoverPeakW > other.capacityW) {
        verdict = 'overloads';
        reasons.push(
          `losing feed ${lost.feed} puts ${Math.round(other.failoverPeakW)} W peak on feed ${other.feed} (capacity ${Math.round(other.capacityW)} W): its breaker trips and the rack goes dark`,
        );
      } else if (stranded.length > 0) {
        if (verdict === 'survives') verdict = 'nodes-lose-power';
        reasons.push(
          `losing feed ${lost.feed} powers off ${stranded.length} single-fed device(s): ${stranded
            .slice(0, 5)
            .map((d) => d.name)
            .join(', ')}${stranded.length > 5 ? ', …' : ''}`,
        );
      }
    }
  }
  return { feeds, typicalW, peakW, verdict, reasons };
}
