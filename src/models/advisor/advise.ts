import type { Plan } from '../../plan/schema';
import { compareFindings, type Finding } from '../finding';
import type { ModelReport } from '../report';
import { GUIDANCE } from './guidance/guidance';
import type { GuidanceItem } from './rule';
import { MODEL_RULES, RA_RULES } from './rules';

export interface Advice {
  findings: Finding[];
  guidance: GuidanceItem[];
}

/**
 * Every finding about a plan: each reference-architecture rule and model check run over the
 * models' report, plus the findings each model family reported itself (control plane, network,
 * storage), most severe first; and the guidance checklist with the plan's answers. Pure: reads
 * the report, recomputes no model.
 */
export function advise(plan: Plan, report: ModelReport): Advice {
  const input = { plan, report };
  const findings = [
    ...report.controlPlane.findings,
    ...report.network.findings,
    ...report.storage.findings,
    ...RA_RULES.flatMap((r) => r.check(input)),
    ...MODEL_RULES.flatMap((r) => r.check(input)),
  ].sort(compareFindings);
  const guidance = GUIDANCE.map((g) => ({ id: g.id, topic: g.topic, source: g.source, ...g.answer(input) }));
  return { findings, guidance };
}
