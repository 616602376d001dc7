import { applyMutation, type Mutation } from './plan';

/**
 * `applyMutation(doc, m).doc`, or `doc` unchanged when the mutation cannot apply to it. Chained
 * mutations reach documents the mutation generator was not written for (a node list whose items
 * an earlier mutation replaced by non-objects), where it throws; such a step then changes nothing.
 */
export function mutated(doc: unknown, m: Mutation): unknown {
  try {
    return applyMutation(doc, m).doc;
  } catch {
    return doc;
  }
}
