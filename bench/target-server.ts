/*
 * The server under load, in its own process (so the load generator never shares its event loop): the
 * real application exactly as `probity serve` builds it (buildServer: security headers, cookies, CSRF hook,
 * rate limiter, static assets, views, authentication, errors, metrics, OpenAPI, every feature's routes),
 * over the database named by the environment, plus one reference route:
 *
 *   GET /bench/hello → {"hello":"world"}
 *
 * served by the same Fastify instance through the same plugins and hooks. Called without a token or cookie,
 * the authentication hook finds nothing to resolve, so the reference is the server's own ceiling minus
 * authentication and minus any database work; it never waits in the admission queue. And the fairer
 * reference (issue 13), for a request that must authenticate and read the database:
 *
 *   GET /api/v1/bench/reference → the caller's own account row
 *
 * the same bearer token resolved by the same hook, the same admission queue, then one indexed point lookup
 * (the users primary key). Also GET /bench/admission (requests at work and waiting, for the overload test).
 * Prints one JSON line: { port, routes: { … } }.
 */
import { loadConfig } from '../src/kernel/config/config.ts';
import { buildServer } from '../src/app/server.ts';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.ts';
import { users } from '../src/db/schema/index.ts';
import { requireApiPrincipal } from '../src/kernel/http/guards.ts';

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
// As `probity serve` opens it: PostgreSQL's statement_timeout on the server's connections.
const database = await openDatabase(
  config.database.engine === 'pg'
    ? { ...config.database, statementTimeoutMs: config.requestBudget.statementTimeoutMs }
    : config.database,
);
const app = await buildServer({ db: database.db, config, now: () => new Date() }, { logger: false });
app.get('/bench/hello', { schema: { hide: true }, config: { admission: false } }, async () => ({ hello: 'world' }));
app.get('/api/v1/bench/reference', { schema: { hide: true }, preHandler: requireApiPrincipal }, async (request) => {
  const [row] = await database.db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(users.id, request.principal?.userId ?? ''));
  return { id: row?.id ?? null };
});
app.get('/bench/admission', { schema: { hide: true }, config: { admission: false } }, async () => ({
  active: app.admission.active,
  queued: app.admission.queued,
}));
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
const has = (url: string) => app.hasRoute({ method: 'GET', url });
process.stdout.write(`${JSON.stringify({ port, routes: { oversightSummary: has('/api/v1/oversight/summary') } })}\n`);

const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
