import { z } from 'zod';

/**
 * Zod compiles fast object parsers with `new Function` when it may, and probes for that the first
 * time it parses. Under the app's Content-Security-Policy (no 'unsafe-eval') the probe fails and
 * Zod falls back, but the browser still reports a violation. Turning the compiler off up front
 * keeps the policy report clean (a real violation stands out) and gives the same parser
 * whether or not a page runs under the policy.
 */
z.config({ jitless: true });
