import 'reflect-metadata';

// Every test process: test mode, a fixed secret (no file under DATA_DIR), quiet logs.
process.env.NODE_ENV = 'test';
process.env.JWT_SECRET ??= 'test-secret-test-secret-test-secret-0123456789';
process.env.LOG_LEVEL ??= 'silent';
// jobs: idle workers poll twice a second and a failed job is retried at once (no backoff wait)
process.env.JOB_POLL_INTERVAL_MS ??= '500';
process.env.JOB_RETRY_DELAY_SECONDS ??= '0';
// one address (loopback) makes every login of a worker's whole run: its failures would add up
// across files; the limit itself is tested with addresses of its own (auth.e2e-spec)
process.env.LOGIN_FAILURES_PER_HOUR_PER_ADDRESS ??= '100000';
process.env.SIGNUP_PER_HOUR_PER_ADDRESS ??= '100000';
// sign-up is open and immediate (registerAgency returns the owner's token), as in development;
// apps started in production mode, where that is refused, pass SIGNUP=off and register their
// agencies through a test-mode app (errors.e2e-spec, http-edge.e2e-spec); sign-up by confirmation
// email is signup-confirmation.e2e-spec's
process.env.SIGNUP ??= 'open';
process.env.SIGNUP_CONFIRMATION ??= 'none';
// every operation runs compiled (graphql-jit) from its first run, so the whole suite checks the
// compiled path; test/e2e/execution.e2e-spec.ts checks the interpreted one gives the same answers
process.env.GRAPHQL_JIT_AFTER ??= '1';
