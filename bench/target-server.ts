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
 * authentication and minus any database work. Prints one JSON line: { port, routes: { … } }.
 */
import { loadConfig } from '../src/app/config.ts';
import { buildServer } from '../src/app/server.ts';
import { openDatabase } from '../src/db/client.ts';

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const database = await openDatabase(config.database);
const app = await buildServer({ db: database.db, config, now: () => new Date() }, { logger: false });
app.get('/bench/hello', { schema: { hide: true } }, async () => ({ hello: 'world' }));
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
