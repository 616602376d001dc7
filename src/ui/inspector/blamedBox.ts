/**
 * Which box of a label or taint row a refusal blames: refusals name their box ("label key: …",
 * "taint effect: …"), so only that box is marked; a refusal naming none (a node-level limit) marks all.
 */
export function blamedBox(problem: string | null): 'key' | 'value' | 'effect' | 'all' | null {
  if (problem === null) return null;
  return (/^\w+ (key|value|effect):/.exec(problem)?.[1] as 'key' | 'value' | 'effect' | undefined) ?? 'all';
}

/** `aria-invalid` of `box` given the blamed box. */
export const invalidFor = (blamed: ReturnType<typeof blamedBox>, box: string): 'true' | 'false' => (blamed === box || blamed === 'all' ? 'true' : 'false');
