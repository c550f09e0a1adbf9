import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { loadConfig } from '../kernel/config/config.ts';

/**
 * The client's address (which the sign-in rate limit counts by) comes from X-Forwarded-For only when the
 * request arrives from a configured proxy; otherwise a client could send a new address with every attempt.
 * fastify.inject's requests come from 127.0.0.1.
 */
describe('PROBITY_TRUST_PROXY', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function statusesFromSpoofedAddresses(trustProxy: string[]): Promise<number[]> {
    t = await createTestApp({ trustProxy, signInRatePerMinute: 2 });
    const statuses: number[] = [];
    for (const address of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/sign-in',
        headers: { 'x-forwarded-for': address },
        payload: { email: 'a@b.example', password: 'x' },
      });
      statuses.push(res.statusCode);
    }
    return statuses;
  }

  it('by default ignores X-Forwarded-For, so changing it does not escape the sign-in rate limit', async () => {
    const statuses = await statusesFromSpoofedAddresses([]);
    expect(statuses[2]).toBe(429);
  });

  it('believes X-Forwarded-For from a configured proxy, counting each client separately', async () => {
    const statuses = await statusesFromSpoofedAddresses(['127.0.0.1']);
    expect(statuses).not.toContain(429);
  });

  it('reads a list of addresses and ranges, and refuses anything else with a message naming the setting', () => {
    expect(loadConfig({ PROBITY_DATA_DIR: 'memory://' }).trustProxy).toEqual([]);
    expect(
      loadConfig({ PROBITY_DATA_DIR: 'memory://', PROBITY_TRUST_PROXY: '10.0.0.5, 10.0.1.0/24' }).trustProxy,
    ).toEqual(['10.0.0.5', '10.0.1.0/24']);
    expect(() => loadConfig({ PROBITY_DATA_DIR: 'memory://', PROBITY_TRUST_PROXY: 'everyone' })).toThrow(
      /PROBITY_TRUST_PROXY: a comma-separated list/,
    );
  });
});
