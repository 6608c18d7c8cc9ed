// For the people who run pono: /readyz (the database and the job queue answer; a load balancer sends traffic
// only to ready processes) beside /healthz, and Prometheus metrics at /metrics: request rate and latency by
// route pattern (never the raw URL, which can carry ids), source checks by source and result, job queue depth and the age of its oldest due job,
// liveness analyses (time, running, waiting), the database pool, and the process's own figures.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Services } from '../../../app/services.ts';

export function createMetrics(services: Services) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'pono_' });
  const requests = new Histogram({
    name: 'pono_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status class',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'pono_job_queue_waiting',
    help: 'Background jobs waiting to run (created or due for retry), by queue',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const { queue, waiting } of await services.queue.depths()) this.set({ queue }, waiting);
    },
  });
  new Gauge({
    name: 'pono_job_queue_oldest_due_seconds',
    help: 'How long the oldest job that is due has waited, by queue (0 when none is waiting)',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const { queue, seconds } of await services.queue.oldestDueAges()) this.set({ queue }, seconds);
    },
  });
  // A registration runs up to every source: each check adds to a plain count here, and the counter takes the
  // counts when it is read, instead of prom-client's labelled increment on every check of every registration.
  const checked = new Map<string, { source: string; result: string; count: number }>();
  new Counter({
    name: 'pono_source_checks_total',
    help: 'Source checks run for verifications in this process, by source and result (VERIFIED, NOT_FOUND_ON_LIST, FAILED, PENDING, …)',
    labelNames: ['source', 'result'] as const,
    registers: [registry],
    collect() {
      for (const { source, result, count } of checked.values()) if (count > 0) this.inc({ source, result }, count);
      for (const entry of checked.values()) entry.count = 0;
    },
  });
  services.verifications.onSourceChecked((source, result) => {
    const key = `${source}\u0000${result}`;
    const entry = checked.get(key);
    if (entry) entry.count += 1;
    else checked.set(key, { source, result, count: 1 });
  });
  const analyses = new Histogram({
    name: 'pono_liveness_analysis_seconds',
    help: 'Wall time of one liveness attempt set analysis (face engine in a worker thread), including any wait for a worker',
    buckets: [0.5, 1, 2, 4, 8, 16, 32, 64],
    registers: [registry],
  });
  services.liveness.onAnalysed((seconds) => analyses.observe(seconds));
  new Gauge({
    name: 'pono_liveness_analyses',
    help: 'Liveness analyses in this process: running now, and waiting for a worker',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const load = services.liveness.analysisLoad();
      this.set({ state: 'running' }, load.running);
      this.set({ state: 'waiting' }, load.waiting);
    },
  });
  new Gauge({
    name: 'pono_db_pool_connections',
    help: 'The database pool: connections open, busy, and borrowers waiting for one (PGlite: one connection)',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const stats = services.database.poolStats();
      this.set({ state: 'open' }, stats.connections);
      this.set({ state: 'busy' }, stats.busy);
      this.set({ state: 'waiting' }, stats.waiting);
    },
  });
  return { registry, requests };
}

export const operationsRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const metrics = createMetrics(services);
    app.addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions.url ?? 'unmatched';
      metrics.requests.observe(
        { method: request.method, route, status: `${Math.floor(reply.statusCode / 100)}xx` },
        reply.elapsedTime / 1000,
      );
      done();
    });

    app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
      const text = await metrics.registry.metrics();
      return reply.header('content-type', metrics.registry.contentType).header('cache-control', 'no-store').send(text);
    });

    app.get(
      '/readyz',
      {
        schema: {
          summary: 'Ready for traffic: the database and the job queue answer',
          response: {
            200: Type.Object({ status: Type.Literal('ready'), database: Type.String(), jobQueue: Type.Literal('ok') }),
            503: Type.Object({ status: Type.Literal('unavailable'), database: Type.String(), problem: Type.String() }),
          },
        },
      },
      async (_request, reply) => {
        try {
          await services.health.check();
        } catch {
          return reply.status(503).send({
            status: 'unavailable' as const,
            database: services.health.kind,
            problem: 'the database does not answer',
          });
        }
        try {
          await services.queue.depths();
        } catch {
          return reply.status(503).send({
            status: 'unavailable' as const,
            database: services.health.kind,
            problem: 'the job queue does not answer',
          });
        }
        return { status: 'ready' as const, database: services.health.kind, jobQueue: 'ok' as const };
      },
    );
  };
