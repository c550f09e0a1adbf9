import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RequestBudgetConfig } from '../../kernel/config/config.ts';
import { runInRequestScope, type RequestScope } from '../../db/request-scope.ts';
import { AppError } from '../../kernel/errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's database scope: statements counted, client gone, time budget (db/request-scope.ts). */
    dbScope: RequestScope | null;
  }
  interface FastifyInstance {
    /** The admission queue in front of the database (tests and the bench read its state). */
    admission: Admission;
  }
  interface FastifyContextConfig {
    /** false: the route never waits for a turn at the database (health, metrics, the bench's bare route). */
    admission?: boolean;
  }
}

/** Seconds a refused client is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS = 1;

type Waiter = { grant: () => void; refuse: (why: 'full' | 'timeout' | 'gone') => void; isGone: () => boolean };

/**
 * A bounded number of requests at work on the database, and a bounded queue of requests waiting for a turn.
 * The embedded database runs one statement at a time: more requests at once only lengthen every one of
 * them, and a queue without a bound lets an overload grow until every client has timed out.
 */
export class Admission {
  active = 0;
  private readonly waiting: Waiter[] = [];

  constructor(private readonly limits: Pick<RequestBudgetConfig, 'active' | 'queue' | 'waitMs'>) {}

  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves when the request may start; rejects at once when the queue is full, or after the longest wait. */
  enter(isGone: () => boolean, onGone: (listener: () => void) => void): Promise<void> {
    if (this.active < this.limits.active && this.waiting.length === 0) {
      this.active += 1;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.limits.queue) return Promise.reject(new AdmissionRefused('full'));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        isGone,
        grant: () => {
          clearTimeout(timer);
          this.active += 1;
          resolve();
        },
        refuse: (why) => {
          clearTimeout(timer);
          this.remove(waiter);
          reject(new AdmissionRefused(why));
        },
      };
      const timer = setTimeout(() => waiter.refuse('timeout'), this.limits.waitMs);
      this.waiting.push(waiter);
      // A client that leaves while waiting gives its place up at once.
      onGone(() => waiter.refuse('gone'));
      if (isGone()) waiter.refuse('gone');
    });
  }

  leave(): void {
    this.active -= 1;
    for (let next = this.waiting.shift(); next; next = this.waiting.shift()) {
      // A client that left unnoticed is skipped, not given the turn.
      if (next.isGone()) next.refuse('gone');
      else return next.grant();
    }
  }

  private remove(waiter: Waiter): void {
    const at = this.waiting.indexOf(waiter);
    if (at >= 0) this.waiting.splice(at, 1);
  }
}

export class AdmissionRefused extends Error {
  constructor(readonly why: 'full' | 'timeout' | 'gone') {
    super(`admission refused: ${why}`);
  }
}

function exempt(request: FastifyRequest): boolean {
  if (request.routeOptions.config.admission === false) return true;
  const path = request.url.split('?', 1)[0] ?? '';
  return path === '/health' || path === '/metrics' || path.startsWith('/assets/');
}

/** Whether the client of this request has closed its connection before the answer was sent. */
function clientGone(request: FastifyRequest, reply: FastifyReply): boolean {
  return (request.raw.socket?.destroyed ?? false) || (reply.raw.destroyed && !reply.raw.writableFinished);
}

/**
 * One budget per request (issue 13), in front of everything that reads the database (authentication
 * included):
 *  - admission: at most `active` requests at work, `queue` waiting; beyond it, or after `waitMs` waiting,
 *    503 with Retry-After. /health, /metrics and static assets never wait;
 *  - a client that has gone does no database work: it leaves the queue, and a read stops at its next
 *    statement (db/request-scope.ts);
 *  - a read request starts no statement after `budgetMs`;
 *  - each request's statements are counted (`request.dbScope.statements`, exposed in /metrics).
 */
export function registerRequestBudget(app: FastifyInstance, budget: RequestBudgetConfig): Admission {
  const admission = new Admission(budget);
  app.decorate('admission', admission);
  app.decorateRequest('dbScope', null);

  app.addHook('onRequest', (request, reply, done) => {
    const stoppable = request.method === 'GET' || request.method === 'HEAD';
    const scope: RequestScope = {
      statements: 0,
      abandoned: false,
      deadline: stoppable ? Date.now() + budget.budgetMs : null,
      stoppable,
    };
    request.dbScope = scope;
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) scope.abandoned = true;
    });
    // Everything after this hook (authentication, handler, use cases) runs inside the scope.
    runInRequestScope(scope, done);
  });

  app.addHook('onRequest', async (request, reply) => {
    if (exempt(request)) return;
    const scope = request.dbScope;
    try {
      await admission.enter(
        () => clientGone(request, reply),
        (listener) => reply.raw.once('close', listener),
      );
    } catch (err) {
      if (!(err instanceof AdmissionRefused)) throw err;
      if (scope) scope.abandoned = err.why === 'gone' || scope.abandoned;
      void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      throw new AppError('unavailable', 'The service is busy. Try again in a moment.');
    }
    // The turn ends when the answer is sent or the connection closes, whichever comes first.
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      admission.leave();
    };
    reply.raw.once('close', leave);
    reply.raw.once('finish', leave);
    if (clientGone(request, reply)) {
      leave();
      if (scope) scope.abandoned = true;
    }
  });

  return admission;
}
