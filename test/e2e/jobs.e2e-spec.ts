/**
 * Background jobs as an agency sees them: a job's record moves QUEUED → RUNNING (with progress)
 * → SUCCEEDED with its result, a failing job is retried and ends FAILED with its error, another
 * agency's job reads as null, portal users are refused, and the nightly schedule is registered.
 */
import { JobFailure, enqueueJob, reconcileInterruptedJobs } from '../../src/services/job.service';
import { pruneOutbox } from '../../src/services/outbound-email.service';
import { registerJob } from '../../src/jobs/registry';
import { msg } from '../../src/i18n';
import { startTestApp, TestApp } from '../support/app';
import { expectCode } from '../support/expect';
import { createClient, createUser, MISSING_ID, registerAgency, type AgencyActors } from '../support/factories';
import { actorContext, eventually } from '../support/jobs';

const JOB = /* GraphQL */ `query ($id: ID!) { job(id: $id) { id kind state progress progressMessage result error { code message } attempts createdAt startedAt finishedAt } }`;

// a job the test lets go when it has seen it RUNNING
let release: () => void = () => undefined;
const released = () => new Promise<void>((resolve) => (release = resolve));
let gate: Promise<void> = Promise.resolve();

registerJob<{ n: number }, { doubled: number }>({
  kind: 'test.double',
  retryLimit: 0,
  async run({ payload, progress }) {
    await progress(40, 'halfway');
    await gate;
    return { doubled: payload.n * 2 };
  },
});

let failingRuns = 0;
registerJob({
  kind: 'test.always-fails',
  retryLimit: 2,
  retryBackoff: false,
  async run() {
    failingRuns++;
    throw new JobFailure('EMAIL_NOT_SENT', msg('jobs.emailNotSent'));
  },
});

// a job that ends (failing) only when the test says so, after its app has shut down
let lateGate: Promise<void> = Promise.resolve();
let lateRelease: () => void = () => undefined;
registerJob({
  kind: 'test.ends-late',
  retryLimit: 0,
  async run() {
    await lateGate;
    throw new Error('ended after the shutdown');
  },
});

let t: TestApp;
let a: AgencyActors;
let b: AgencyActors;

beforeAll(async () => {
  t = await startTestApp();
  a = await registerAgency(t);
  b = await registerAgency(t);
});
afterAll(() => t?.close());

const readJob = async (id: string, token: string) => {
  const res = await t.gql(JOB, { id }, token);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.job;
};

describe('a one-off job', () => {
  it('is QUEUED, then RUNNING with its progress, then SUCCEEDED with its result', async () => {
    gate = released();
    const record = await enqueueJob(actorContext(t, { agencyId: a.agencyId, userId: a.ownerId }), 'test.double', { n: 21 });
    const queued = await readJob(record.id, a.ownerToken);
    // a committed job wakes this process's workers: it may already run when read, even be halfway
    expect(queued).toMatchObject({ id: record.id, kind: 'test.double', result: null, error: null, finishedAt: null });
    expect(['QUEUED', 'RUNNING']).toContain(queued.state);
    if (queued.state === 'QUEUED') expect(queued).toMatchObject({ progress: 0, startedAt: null });
    else expect([0, 40]).toContain(queued.progress);

    const running = await eventually(() => readJob(record.id, a.ownerToken), (j) => j.state === 'RUNNING' && j.progress === 40, 15_000, 'RUNNING at 40%');
    expect(running).toMatchObject({ progressMessage: 'halfway', attempts: 1, finishedAt: null });
    expect(running.startedAt).not.toBeNull();

    release();
    const done = await eventually(() => readJob(record.id, a.ownerToken), (j) => j.state === 'SUCCEEDED', 15_000, 'SUCCEEDED');
    expect(done).toMatchObject({ progress: 100, result: { doubled: 42 }, error: null, attempts: 1 });
    expect(new Date(done.finishedAt).getTime()).toBeGreaterThanOrEqual(new Date(done.startedAt).getTime());
  });

  it('enqueued in a transaction that rolls back leaves no record and no job', async () => {
    const ctx = actorContext(t, { agencyId: a.agencyId, userId: a.ownerId });
    let id = '';
    await expect(
      t.ds.transaction(async (manager) => {
        const tx = { ...ctx, manager } as typeof ctx;
        id = (await enqueueJob(tx, 'test.double', { n: 1 })).id;
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(id).not.toBe('');
    expect(await readJob(id, a.ownerToken)).toBeNull();
    const [{ count }] = await t.ds.query(`SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'test.double' AND data->>'recordId' = $1`, [id]);
    expect(count).toBe(0);
  });
});

describe('a failing job', () => {
  it('is retried, then FAILED with its error in the agency language', async () => {
    failingRuns = 0;
    const record = await enqueueJob(actorContext(t, { agencyId: a.agencyId, userId: a.ownerId }), 'test.always-fails', {});
    const failed = await eventually(() => readJob(record.id, a.ownerToken), (j) => j.state === 'FAILED', 20_000, 'FAILED');
    expect(failed).toMatchObject({ attempts: 3, result: null, error: { code: 'EMAIL_NOT_SENT', message: 'The mail server did not accept the email' } });
    expect(failed.finishedAt).not.toBeNull();
    expect(failingRuns).toBe(3);
  });
});

describe('job(id)', () => {
  it("is null for another agency's job and for no job at all", async () => {
    gate = Promise.resolve();
    const record = await enqueueJob(actorContext(t, { agencyId: a.agencyId, userId: a.ownerId }), 'test.double', { n: 2 });
    expect(await readJob(record.id, b.ownerToken)).toBeNull();
    expect(await readJob(MISSING_ID, a.ownerToken)).toBeNull();
    expect(await readJob('not-a-uuid', a.ownerToken)).toBeNull();
    expect((await readJob(record.id, a.ownerToken)).id).toBe(record.id);
  });

  it('is for agency staff: a manager reads it, a portal user gets FORBIDDEN', async () => {
    const record = await enqueueJob(actorContext(t, { agencyId: a.agencyId, userId: a.ownerId }), 'test.double', { n: 3 });
    const manager = await createUser(t, a.ownerToken, 'MANAGER');
    expect((await readJob(record.id, manager.token)).id).toBe(record.id);
    const client = await createClient(t, a.ownerToken);
    const portal = await createUser(t, a.ownerToken, 'CLIENT', client.id);
    expectCode(await t.gql(JOB, { id: record.id }, portal.token), 'FORBIDDEN');
    expectCode(await t.gql(JOB, { id: record.id }), 'UNAUTHENTICATED');
  });
});

describe('scheduled jobs', () => {
  it('registers the nightly pruning of finished job records as a cron schedule', async () => {
    expect(await t.services.queue.schedules()).toContainEqual({ name: 'jobs.prune', cron: '15 3 * * *' });
  });
});

describe('a run the queue gave up on', () => {
  // what pg-boss's maintenance does to a run that outlived its expiry or whose worker died
  const queueGivesUp = async (recordId: string, state: 'retry' | 'failed') => {
    const [{ bossJobId }] = await t.ds.query(`SELECT "bossJobId" FROM jobs WHERE id = $1`, [recordId]);
    await t.ds.query(`UPDATE pgboss.job SET state = $2 WHERE id = $1`, [bossJobId, state]);
  };

  it('reads FAILED with JOB_INTERRUPTED after the last attempt, QUEUED when a retry follows, and stays RUNNING while active', async () => {
    // earlier tests' jobs finish first: a run waiting on the new gate would hold a worker slot
    await eventually(
      async () => Number((await t.ds.query(`SELECT count(*) AS n FROM jobs WHERE kind = 'test.double' AND state IN ('QUEUED', 'RUNNING')`))[0].n),
      (n) => n === 0,
      15_000,
      'earlier jobs done',
    );
    gate = released();
    const finalRun = await enqueueJob(actorContext(t, { agencyId: a.agencyId, userId: a.ownerId }), 'test.double', { n: 6 });
    const retried = await enqueueJob(actorContext(t, { agencyId: b.agencyId, userId: b.ownerId }), 'test.double', { n: 7 });
    try {
      await eventually(() => readJob(finalRun.id, a.ownerToken), (j) => j.state === 'RUNNING', 15_000, 'RUNNING');
      await eventually(() => readJob(retried.id, b.ownerToken), (j) => j.state === 'RUNNING', 15_000, 'RUNNING');

      // both are active in the queue: nothing to reconcile
      const idle = await reconcileInterruptedJobs(t.services);
      expect((await readJob(finalRun.id, a.ownerToken)).state).toBe('RUNNING');
      expect(idle).toEqual({ requeued: 0, failed: 0 });

      await queueGivesUp(finalRun.id, 'failed');
      await queueGivesUp(retried.id, 'retry');
      expect(await reconcileInterruptedJobs(t.services)).toEqual({ requeued: 1, failed: 1 });
      const failed = await readJob(finalRun.id, a.ownerToken);
      expect(failed).toMatchObject({ state: 'FAILED', error: { code: 'JOB_INTERRUPTED' } });
      expect(failed.finishedAt).not.toBeNull();
      expect((await readJob(retried.id, b.ownerToken)).state).toBe('QUEUED');
    } finally {
      release();
    }
  });

  it('is reconciled every five minutes', async () => {
    expect(await t.services.queue.schedules()).toContainEqual({ name: 'jobs.reconcile', cron: '*/5 * * * *' });
  });
});

describe('the outbox', () => {
  it('forgets emails that are no longer waiting after 90 days, and keeps the waiting and the recent ones', async () => {
    const insert = (agencyId: string, status: string, daysAgo: number) =>
      t.ds.query(
        `INSERT INTO outbound_emails ("agencyId", "to", subject, text, status, "createdAt")
         VALUES ($1, 'someone@example.com', 'Subject', 'Body', $2, now() - make_interval(days => $3)) RETURNING id`,
        [agencyId, status, daysAgo],
      );
    const [[oldSent], [oldKept], [oldQueued], [recentSent], [otherOld]] = [
      await insert(a.agencyId, 'SENT', 91),
      await insert(a.agencyId, 'KEPT', 200),
      await insert(a.agencyId, 'QUEUED', 200),
      await insert(a.agencyId, 'SENT', 10),
      await insert(b.agencyId, 'FAILED', 120),
    ];
    await pruneOutbox(t.services);
    const left: { id: string }[] = await t.ds.query(`SELECT id FROM outbound_emails WHERE id = ANY($1)`, [[oldSent.id, oldKept.id, oldQueued.id, recentSent.id, otherOld.id]]);
    expect(left.map((r) => r.id).sort()).toEqual([oldQueued.id, recentSent.id].sort());
    expect(await t.services.queue.schedules()).toContainEqual({ name: 'outbox.prune', cron: '25 3 * * *' });
  });
});

// last: it stops this app's queue
describe('stopping the queue (SIGTERM)', () => {
  it('lets a running job finish before it returns', async () => {
    gate = released();
    const record = await enqueueJob(actorContext(t, { agencyId: a.agencyId, userId: a.ownerId }), 'test.double', { n: 5 });
    await eventually(() => readJob(record.id, a.ownerToken), (j) => j.state === 'RUNNING', 15_000, 'RUNNING');
    let stopped = false;
    const stopping = t.services.queue.stop(10_000).then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await readJob(record.id, a.ownerToken)).toMatchObject({ state: 'SUCCEEDED', result: { doubled: 10 } });
  });
});

describe('a job that outlives the shutdown', () => {
  it('records nothing on the closed pool: no unhandled rejection when it ends, and the next start finds it interrupted', async () => {
    const u = await startTestApp({ env: { SHUTDOWN_TIMEOUT_MS: '0' } });
    const c = await registerAgency(u);
    lateGate = new Promise<void>((resolve) => (lateRelease = resolve));
    const record = await enqueueJob(actorContext(u, { agencyId: c.agencyId, userId: c.ownerId }), 'test.ends-late', {});
    const job = /* GraphQL */ `query ($id: ID!) { job(id: $id) { state } }`;
    await eventually(async () => (await u.gql(job, { id: record.id }, c.ownerToken)).body.data?.job, (j) => j?.state === 'RUNNING', 15_000, 'RUNNING');
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => void rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      // the queue waits 1 s for the job, then the pool closes under it
      await u.close();
      lateRelease();
      // pg-boss records the job's outcome after the handler ends, without awaiting it
      await new Promise((r) => setTimeout(r, 500));
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
    // the queue failed it back when it stopped; its record, left RUNNING, is set straight at the next start
    await reconcileInterruptedJobs(t.services);
    expect(await readJob(record.id, c.ownerToken)).toMatchObject({ state: 'FAILED', error: { code: 'JOB_INTERRUPTED' } });
  });
});
