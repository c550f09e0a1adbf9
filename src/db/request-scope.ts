import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'drizzle-orm';

/**
 * What the database client knows of the HTTP request it is working for (src/app/plugins/request-budget.ts
 * opens one per request). Outside a request (CLI, jobs, tests calling use cases directly) there is none and
 * nothing is counted or refused.
 */
export type RequestScope = {
  /** SQL statements issued so far, transaction control (begin, commit, rollback) not counted. */
  statements: number;
  /** True once the client has gone: a read stops at its next statement. */
  abandoned: boolean;
  /** When a read request may no longer start statements (ms since the epoch); null: no limit. */
  deadline: number | null;
  /** A read (GET, HEAD) may be stopped between statements; a write always runs to its commit or rollback. */
  stoppable: boolean;
};

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

/** Thrown instead of starting a statement for a read whose client has gone or whose time budget is spent. */
export class StatementRefusedError extends Error {
  readonly reason: 'abandoned' | 'budget';
  constructor(reason: 'abandoned' | 'budget') {
    super(
      reason === 'abandoned'
        ? 'The client closed the connection: no further database work for this request.'
        : 'This request used its database time budget (PROBITY_REQUEST_BUDGET_MS).',
    );
    this.name = 'StatementRefusedError';
    this.reason = reason;
  }
}

const transactionControl = /^\s*(begin|commit|rollback|savepoint|release)\b/i;

/**
 * Drizzle calls its logger just before it sends each statement, on both drivers and inside transactions: the
 * one place every statement of a request passes. It counts them and refuses to start one for a read whose
 * client has gone or whose budget is spent (the statement never reaches the database).
 */
export const statementGuard: Logger = {
  logQuery(query: string): void {
    const scope = storage.getStore();
    if (!scope) return;
    if (transactionControl.test(query)) return;
    if (scope.stoppable) {
      if (scope.abandoned) throw new StatementRefusedError('abandoned');
      if (scope.deadline !== null && Date.now() > scope.deadline) throw new StatementRefusedError('budget');
    }
    scope.statements += 1;
  },
};
