import type { Plan } from '../plan/schema';
import { physicalCapacity } from './physical/physicalCapacity';
import type { Report } from './report';

/** Runs every model on a valid plan. Pure: the same plan gives the same report, in a worker, a test or the CLI. */
export function evaluate(plan: Plan): Report {
  return {
    planName: plan.name,
    physical: physicalCapacity(plan),
  };
}
