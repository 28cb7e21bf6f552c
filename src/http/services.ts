// The services every route and plugin is given: the Fastify app is decorated with them once, so a
// route reads `server.services` and never sees the database handle.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../composition.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Parentis's services (src/composition.ts): the only way routes and plugins reach the data. */
    services: Services;
  }
}

export function decorateServices(server: FastifyInstance, services: Services): void {
  server.decorate('services', services);
}
