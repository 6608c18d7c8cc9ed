// The register bench's baseline, in a process of its own: a bare Fastify endpoint that parses the JSON body and
// writes it as one verification row with one INSERT through pg (a pool of 10, as pono's), nothing else.
//   node --import tsx bench/support/bare-insert.ts <database url> <schema>
import Fastify from 'fastify';
import pg from 'pg';
import { randomUUID } from 'node:crypto';

const [url, schema] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: url, max: 10, options: `-c search_path="${schema}",public` });
const app = Fastify();
app.post('/insert', async (request, reply) => {
  await pool.query(
    `insert into verifications (account_id, verification_id, rule_id, rule_set_version, overall_status, state) values ($1, $2, 'default', 1, 'IN_PROGRESS', $3)`,
    ['bench-3', randomUUID(), JSON.stringify(request.body)],
  );
  return reply.status(201).send({ ok: true });
});
app.get('/healthz', async () => ({ ok: true }));
process.once('SIGTERM', () => void app.close().then(() => pool.end()));
process.stdout.write(`listening ${await app.listen({ port: 0, host: '127.0.0.1' })}\n`);
