import type { Config } from '../config/config.ts';

/**
 * The names of Probity's cookies. Served over https they carry the `__Host-` prefix, which a browser
 * accepts only on a Secure cookie for path / set by this exact host (no Domain), so a neighbouring
 * subdomain cannot plant or overwrite them; over plain http (local use, tests) the prefix would make the
 * browser refuse them, so the names stay plain.
 */
export type CookieNames = { session: string; csrf: string; device: string };

export function cookieNames(config: Pick<Config, 'publicUrl' | 'cookieSecure'>): CookieNames {
  const prefix = config.cookieSecure && config.publicUrl.startsWith('https:') ? '__Host-' : '';
  return { session: `${prefix}probity_session`, csrf: `${prefix}probity_csrf`, device: `${prefix}probity_device` };
}
