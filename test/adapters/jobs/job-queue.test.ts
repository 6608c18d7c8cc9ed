import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase, openTestDatabase, type TestDatabase } from '../../support/databases.ts';
import { JobQueue } from '../../../src/adapters/jobs/job-queue.ts';
import { createLogger } from '../../../src/adapters/log/logger.ts';

async function until(check: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

forEachDatabase((kind) => {
  let database: TestDatabase;
  let queue: JobQueue;
  const worked: string[] = [];
  let failuresLeft = 1;

  before(async () => {
    database = await openTestDatabase(kind);
    queue = new JobQueue(database, createLogger('silent'), { pollingIntervalSeconds: 0.5 });
    queue.define<{ label: string }>({
      name: 'test.record',
      retryLimit: 0,
      retryDelaySeconds: 1,
      handle: async ({ label }) => void worked.push(label),
    });
    queue.define<{ label: string }>({
      name: 'test.flaky',
      retryLimit: 3,
      retryDelaySeconds: 1,
      handle: async ({ label }) => {
        if (failuresLeft-- > 0) throw new Error('not yet');
        worked.push(label);
      },
    });
    queue.define<Record<string, never>>({
      name: 'test.cron',
      retryLimit: 0,
      retryDelaySeconds: 1,
      cron: '*/5 * * * *',
      handle: async () => undefined,
    });
    await queue.start(true);
  });
  after(async () => {
    await queue.stop();
    await database.dispose();
  });

  test('a job is enqueued with the transaction that caused it: committed → worked, rolled back → never', async () => {
    await assert.rejects(
      database.db.transaction().execute(async (tx) => {
        await queue.send('test.record', { label: 'rolled back' }, { tx });
        throw new Error('the change failed');
      }),
      /the change failed/,
    );
    await database.db.transaction().execute(async (tx) => {
      await queue.send('test.record', { label: 'committed' }, { tx });
    });
    // Drained: every job that exists has been worked, so a rolled-back job would be in `worked` by now.
    await queue.drained();
    assert.ok(worked.includes('committed'));
    assert.ok(!worked.includes('rolled back'));
  });

  test('a failing job is retried until it succeeds', async () => {
    failuresLeft = 1;
    await queue.send('test.flaky', { label: 'flaky' });
    await until(() => worked.includes('flaky'), 20_000);
    assert.ok(worked.includes('flaky'));
  });

  test('scheduled queues are registered with their cron', async () => {
    assert.ok((await queue.scheduled()).includes('test.cron'));
  });
});

forEachDatabase((kind) => {
  test(
    'stopping waits for a job still running past the queue library’s own grace period, so it never meets a closed database',
    { timeout: 60_000 },
    async () => {
      const database = await openTestDatabase(kind);
      let outstanding = 0;
      let sentAfterStop = 0;
      let stopped = false;
      const watched: TestDatabase = {
        ...database,
        executeSql: (text, values) => {
          if (stopped) sentAfterStop++;
          outstanding++;
          return database.executeSql(text, values).finally(() => outstanding--);
        },
      };
      const queue = new JobQueue(watched, createLogger('silent'), { pollingIntervalSeconds: 0.5 });
      let started = false;
      let finishedAt = 0;
      queue.define<Record<string, never>>({
        name: 'test.slow',
        retryLimit: 0,
        retryDelaySeconds: 1,
        handle: async () => {
          started = true;
          await new Promise((r) => setTimeout(r, 6_500)); // longer than pg-boss's 5 s wait on stop
          await database.db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
          finishedAt = Date.now();
        },
      });
      await queue.start(true);
      try {
        await queue.send('test.slow', {});
        await until(() => started, 20_000);
        assert.ok(started, 'the job started');
        await queue.stop();
        assert.ok(finishedAt > 0, 'stop() returned only after the job had finished its work on the database');
        stopped = true;
        // The queue library records a finished batch's end without awaiting that statement itself: stop() has
        // waited for its answer, so nothing of the queue's is still out, or sent later, when the caller closes.
        assert.equal(outstanding, 0, "no statement of the queue's is still unanswered when stop() returns");
        await new Promise((r) => setTimeout(r, 300));
        assert.equal(sentAfterStop, 0, "no statement of the queue's is sent after stop() returned");
      } finally {
        await database.dispose();
      }
    },
  );
});
