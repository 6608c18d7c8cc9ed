// Two processes starting at the same moment on a fresh PostgreSQL schema: both migrate and start the job queue
// (pg-boss creates its own schema), neither crashes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from '../../../src/adapters/db/database.ts';
import { createServices } from '../../../src/main/services.ts';
import { createLogger } from '../../../src/adapters/log/logger.ts';
import { SERVER_URL, dropServerSchema, uniqueSchema } from '../../support/databases.ts';

test('two processes starting together on a fresh database both come up', { timeout: 120_000 }, async () => {
  for (let round = 0; round < 3; round += 1) {
    const schema = uniqueSchema('together');
    const start = async () => {
      const database = await openDatabase({ url: SERVER_URL, schema });
      const services = await createServices(database, createLogger('silent'), {
        workJobs: true,
        pollingIntervalSeconds: 0.5,
      });
      return { database, services };
    };
    const started = await Promise.allSettled([start(), start()]);
    const failures = started
      .filter((s) => s.status === 'rejected')
      .map((s) => String((s as PromiseRejectedResult).reason));
    for (const s of started) {
      if (s.status === 'fulfilled') {
        await s.value.services.queue.stop();
        await s.value.database.close();
      }
    }
    await dropServerSchema(schema);
    assert.deepEqual(failures, [], `round ${round}`);
  }
});
