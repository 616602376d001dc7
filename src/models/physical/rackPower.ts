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
  // Sums run device by device in the same order as a list of nodes then switches would (floating
  // point sums depend on it), but read the places directly: no device record per node, no
  // `includes` per node and feed. Switches are on every feed of the rack.
  const rackFeeds = rack.feeds;
  const switches = rack.tor.count;
  const switchShare = 1 / rackFeeds.length;
  const feeds: FeedLoad[] = [];
  for (const feed of rackFeeds) {
    const id = feed.id;
    let typicalW = 0;
    let peakW = 0;
    let failoverPeakW = 0;
    for (let i = 0; i < nodes.length; i++) {
      const p = nodes[i];
      const on = p.node.feeds;
      if (!hasFeed(on, id)) continue;
      const hw = p.hardware;
      const share = 1 / on.length;
      typicalW += hw.powerTypicalW * share;
      peakW += hw.powerPeakW * share;
      failoverPeakW += hw.powerPeakW;
    }
    for (let i = 0; i < switches; i++) {
      typicalW += switchPowerW * switchShare;
      peakW += switchPowerW * switchShare;
      failoverPeakW += switchPowerW;
    }
    feeds.push({ feed: id, capacityW: feed.capacityW, typicalW, peakW, failoverPeakW, peakUtilisation: peakW / feed.capacityW });
  }
  let typicalW = 0;
  let peakW = 0;
  for (let i = 0; i < nodes.length; i++) {
    const hw = nodes[i].hardware;
    typicalW += hw.powerTypicalW;
    peakW += hw.powerPeakW;
  }
  for (let i = 0; i < switches; i++) {
    typicalW += switchPowerW;
    peakW += switchPowerW;
  }
  const reasons: string[] = [];
  let verdict: FeedLossVerdict = 'survives';
  for (const f of feeds) {
    if (f.peakW > f.capacityW)
      reasons.push(`feed ${f.feed} is over capacity even with both feeds up: ${Math.round(f.peakW)} W peak > ${Math.round(f.capacityW)} W`);
  }
  if (rackFeeds.length === 1) {
    verdict = 'single-feed';
    reasons.push(`only feed ${rackFeeds[0].id}: losing it powers off the whole rack`);
  } else {
    for (const lost of feeds) {
      const other = feeds.find((f) => f.feed !== lost.feed) as FeedLoad;
      if (other.failoverPeakW > other.capacityW) {
        verdict = 'overloads';
        reasons.push(
          `losing feed ${lost.feed} puts ${Math.round(other.failoverPeakW)} W peak on feed ${other.feed} (capacity ${Math.round(other.capacityW)} W): its breaker trips and the rack goes dark`,
        );
        continue;
      }
      // Switches are on both feeds here, so only single-fed nodes can be stranded.
      const stranded: string[] = [];
      for (const p of nodes) {
        const on = p.node.feeds;
        if (on.length === 1 && on[0] === lost.feed) stranded.push(p.node.name);
      }
      if (stranded.length > 0) {
        if (verdict === 'survives') verdict = 'nodes-lose-power';
        reasons.push(
          `losing feed ${lost.feed} powers off ${stranded.length} single-fed device(s): ${stranded.slice(0, 5).join(', ')}${stranded.length > 5 ? ', …' : ''}`,
        );
      }
    }
  }
  return { feeds, typicalW, peakW, verdict, reasons };
}

/** `feeds.includes(id)` without the generic call: asked for every node and feed of every rack. */
function hasFeed(feeds: readonly FeedId[], id: FeedId): boolean {
  for (let i = 0; i < feeds.length; i++) if (feeds[i] === id) return true;
  return false;
}
