import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

/** The address in set-up links (`probity user create`): PUBLIC_URL, else this host and PORT — never a fixed port. */
describe('the public address of set-up links', () => {
  const base = { PROBITY_DATA_DIR: 'memory://' };

  it('is PUBLIC_URL when given, without a trailing slash', () => {
    expect(loadConfig({ ...base, PUBLIC_URL: 'https://probity.example/', PORT: '8080' }).publicUrl).toBe(
      'https://probity.example',
    );
  });

  it('follows PORT (and HOST) without PUBLIC_URL', () => {
    expect(loadConfig({ ...base, PORT: '8080' }).publicUrl).toBe('http://127.0.0.1:8080');
    expect(loadConfig({ ...base, PORT: '8080', HOST: '0.0.0.0' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ ...base, PORT: '8080', HOST: '10.0.0.5' }).publicUrl).toBe('http://10.0.0.5:8080');
  });
});
