import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { loggableError } from './errors.ts';

describe('what an unexpected error logs (issue 12)', () => {
  it('logs a failed statement by name and SQLSTATE, never its parameter values', () => {
    const cause = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00 Alice Ashworth'), {
      code: '22021',
      severity: 'ERROR',
      detail: 'Key (name)=(Alice Ashworth) already exists.',
    });
    const err = new DrizzleQueryError(
      'insert into "case_parties" ("id", "name", "role") values ($1, $2, $3)',
      ['9a0e', 'Alice Ashworth', 'witness'],
      cause,
    );
    const logged = loggableError(err);
    expect(logged).toEqual({ kind: 'database', statement: 'insert case_parties', sqlState: '22021', error: 'Error' });
    expect(JSON.stringify(logged)).not.toContain('Alice');
  });

  it('logs a bare driver error by its code only', () => {
    const err = Object.assign(new Error('duplicate key value: Alice'), { code: '23505', severity: 'ERROR' });
    expect(JSON.stringify(loggableError(err))).not.toContain('Alice');
  });

  it('logs any other error whole, with its stack', () => {
    const err = new TypeError('x is undefined');
    expect(loggableError(err)).toEqual({ err });
  });
});
