// First: configures Zod before any parse (the worker runs under the same policy).
import '../src/security/zodWithoutEval';
import { serveJobs } from './jobRunner';
import { ENGINE_JOBS } from './jobs';

// The worker only serves the job table; all logic lives in the jobs and src/models.
serveJobs(ENGINE_JOBS);
