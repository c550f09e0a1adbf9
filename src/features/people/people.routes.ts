import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { registerPeoplePages } from './people.pages.ts';
import { registerPeopleApi } from './people.api.ts';

export function registerPeopleRoutes(app: FastifyInstance, deps: Deps): void {
  registerPeoplePages(app, deps);
  registerPeopleApi(app, deps);
}
