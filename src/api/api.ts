// The JSON API under /api/v1: plans, actions (with the command line's filters), an action's history
// and updates, status proposals and decisions, deadline requests and risks; rounds, snapshots, reports,
// measures, and the 903 return (files sent, imports, uploads and their findings). Bearer tokens name
// the person, whose role the services enforce exactly as for the pages. Every route is declared once
// in a table, which both registers it and describes it in the OpenAPI document.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Services } from '../composition.ts';
import type { Capability } from '../domain/capabilities.ts';
import { ValidationError } from '../domain/errors.ts';
import { parseInput } from '../domain/validation.ts';
import { httpProblem, problemJson } from '../http/errors.ts';
import { asOfDate, requireCapability, type Ctx } from '../services/context.ts';
import { checkedFindings, FindingsRefused } from '../services/ssda903.service.ts';
import {
  actionDetailSchema,
  actionListSchema,
  actionParamsSchema,
  actionsQuerySchema,
  asOfQuerySchema,
  decisionBodySchema,
  deadlineRequestBodySchema,
  type errorSchema,
  planListSchema,
  planParamsSchema,
  planTreeSchema,
  riskListSchema,
  risksQuerySchema,
  statusBodySchema,
  toActionRow,
  updateBodySchema,
  updateListSchema,
} from './api.schemas.ts';
import { measureApiRoutes } from './measures.api.ts';
import { openApiDocument } from './openapi.ts';
import { roundApiRoutes } from './rounds.api.ts';
import { snapshotApiRoutes } from './snapshots.api.ts';
import { reportApiRoutes } from './reports.api.ts';
import { returnApiRoutes } from './returns.api.ts';

type Schema = z.ZodType;

export interface ApiRoute {
  method: 'GET' | 'POST';
  /** Fastify's form, relative to /api/v1: /actions/:key */
  url: string;
  summary: string;
  description?: string;
  params?: Schema;
  query?: Schema;
  body?: Schema;
  response: Schema;
  /** The status of a successful answer; 200 unless given. */
  status?: number;
  /** Content types the route also answers with, as a file (an ApiFile from the handler), with what each is. */
  files?: Record<string, string>;
  /** The largest body the route takes, in bytes, when more than the server's 1 MB (files sent as JSON). */
  bodyLimit?: number;
  /** What the caller's role must allow, checked before the body is read (the services check it again). */
  capability?: { name: Capability; what: string };
  handler: (call: { ctx: Ctx; params: never; query: never; body: never }) => Promise<unknown>;
}

/** A handler's answer that is a file to download rather than JSON. */
export class ApiFile {
  constructor(
    readonly body: Buffer,
    readonly contentType: string,
    readonly fileName: string,
  ) {}
}

/** A route whose handler sees its parsed parameters, query and body with their types. */
export function route<P extends Schema = z.ZodObject, Q extends Schema = z.ZodObject, B extends Schema = z.ZodObject>(spec: {
  method: 'GET' | 'POST';
  url: string;
  summary: string;
  description?: string;
  params?: P;
  query?: Q;
  body?: B;
  response: Schema;
  status?: number;
  files?: Record<string, string>;
  bodyLimit?: number;
  capability?: { name: Capability; what: string };
  handler: (call: { ctx: Ctx; params: z.output<P>; query: z.output<Q>; body: z.output<B> }) => Promise<unknown>;
}): ApiRoute {
  return spec;
}

/** The routes of the API, given the services that answer them. */
export function apiRoutes(s: Services): ApiRoute[] {
  return [
    route({
      method: 'GET',
      url: '/plans',
      summary: 'The plans, each with its BRAG counts and overdue actions',
      query: asOfQuerySchema,
      response: planListSchema,
      handler: async ({ ctx }) => ({ plans: await s.plans.list(ctx) }),
    }),
    route({
      method: 'GET',
      url: '/plans/:slug',
      summary: "A plan's tree of nodes and actions with roll-ups at every level",
      params: planParamsSchema,
      query: asOfQuerySchema,
      response: planTreeSchema,
      handler: ({ ctx, params }) => s.plans.tree(ctx, params.slug),
    }),
    route({
      method: 'GET',
      url: '/actions',
      summary: 'Actions across plans, filtered as `parentis actions` filters them',
      description: 'Example: /api/v1/actions?status=R gives the red actions; ?plan=cypp-2016-19&overdue=true&owner=fostering narrows further.',
      query: actionsQuerySchema,
      response: actionListSchema,
      handler: async ({ ctx, query }) => ({
        asOf: asOfDate(ctx),
        actions: (
          await s.actions.list(ctx, {
            plan: query.plan,
            status: query.status,
            owner: query.owner,
            overdue: query.overdue,
            ref: query.ref,
            text: query.search,
            since: query.since,
          })
        ).map(toActionRow),
      }),
    }),
    route({
      method: 'GET',
      url: '/actions/:key',
      summary: 'One action with its status, deadline and update history, pending decisions and what you may do',
      params: actionParamsSchema,
      query: asOfQuerySchema,
      response: actionDetailSchema,
      handler: ({ ctx, params }) => s.actions.show(ctx, params.key),
    }),
    route({
      method: 'GET',
      url: '/actions/:key/updates',
      summary: "An action's progress updates, oldest first",
      params: actionParamsSchema,
      response: updateListSchema,
      handler: async ({ ctx, params }) => {
        const a = await s.actions.show(ctx, params.key);
        return { key: a.key, version: a.version, updates: a.updates };
      },
    }),
    route({
      method: 'POST',
      url: '/actions/:key/updates',
      summary: 'Add a progress update, optionally with a status (set or proposed) in the same change',
      description:
        'Owners of the action, leads of its programme, managers and administrators. With status, those who may set the status set it and others propose it; with proposal, it is proposed whoever sends it. One change: all of it is saved, or none.',
      params: actionParamsSchema,
      query: asOfQuerySchema,
      body: updateBodySchema,
      response: actionDetailSchema,
      status: 201,
      handler: async ({ ctx, params, body }) => {
        const status = body.proposal !== undefined ? { ...body.proposal, propose: true } : body.status;
        const done = await s.actions.recordProgress(ctx, params.key, { date: body.date ?? asOfDate(ctx), body: body.body, status, expectedVersion: body.expectedVersion });
        return s.actions.show(ctx, done.key);
      },
    }),
    route({
      method: 'POST',
      url: '/actions/:key/status',
      summary: 'Set a BRAG status, or (propose: true) propose one for a lead or manager to decide',
      description: 'Setting: leads of the programme, managers, administrators. Proposing: also owners of the action.',
      params: actionParamsSchema,
      query: asOfQuerySchema,
      body: statusBodySchema,
      response: actionDetailSchema,
      handler: ({ ctx, params, body }) => {
        const asAt = body.asAt ?? asOfDate(ctx);
        if (body.propose) {
          if (body.kind !== 'current') throw new ValidationError('Only the current status can be proposed', 'kind');
          return s.actions.proposeStatus(ctx, params.key, { status: body.status, reason: body.reason, asAt, expectedVersion: body.expectedVersion });
        }
        return s.actions.setStatus(ctx, params.key, { status: body.status, asAt, reason: body.reason, kind: body.kind, expectedVersion: body.expectedVersion });
      },
    }),
    route({
      method: 'POST',
      url: '/actions/:key/proposal/decision',
      summary: 'Approve or reject the status proposal waiting on an action',
      description: 'Leads of the programme, managers and administrators. A rejection needs a reason.',
      params: actionParamsSchema,
      body: decisionBodySchema,
      response: actionDetailSchema,
      handler: ({ ctx, params, body }) => s.actions.decideProposal(ctx, params.key, body),
    }),
    route({
      method: 'POST',
      url: '/actions/:key/deadline-request',
      summary: "Ask for an action's deadline to move, with the reason",
      description: 'Owners of the action, leads of its programme, managers and administrators.',
      params: actionParamsSchema,
      body: deadlineRequestBodySchema,
      response: actionDetailSchema,
      status: 201,
      handler: ({ ctx, params, body }) => s.actions.requestDeadline(ctx, params.key, body),
    }),
    route({
      method: 'POST',
      url: '/actions/:key/deadline-request/decision',
      summary: 'Approve or reject the deadline request waiting on an action',
      description: 'Leads of the programme, managers and administrators. A rejection needs a reason.',
      params: actionParamsSchema,
      body: decisionBodySchema,
      response: actionDetailSchema,
      handler: ({ ctx, params, body }) => s.actions.decideDeadlineRequest(ctx, params.key, body),
    }),
    route({
      method: 'GET',
      url: '/risks',
      summary: 'The risk registers, with current scores, trends and linked actions',
      query: risksQuerySchema,
      response: riskListSchema,
      handler: async ({ ctx, query }) => ({ risks: await s.risks.list(ctx, query.plan === undefined ? {} : { plan: query.plan }) }),
    }),
    ...roundApiRoutes(s),
    ...snapshotApiRoutes(s),
    ...reportApiRoutes(s),
    ...measureApiRoutes(s),
    ...returnApiRoutes(s),
  ];
}

const BEARER = /^Bearer[ ]+([A-Za-z0-9._~+/=-]+)[ ]*$/i;

/** The JSON API under /api/v1, registered with that prefix; the services are on `server.services`. */
export function api(server: FastifyInstance): Promise<void> {
  const accounts = server.services.accounts;
  const routes = apiRoutes(server.services);

  /** The person the request's bearer token belongs to, as a service context; answers 401 otherwise. */
  async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<Ctx | undefined> {
    const header = request.headers.authorization;
    const token = header === undefined ? undefined : BEARER.exec(header)?.[1];
    const user = token === undefined ? null : await accounts.userForToken(token);
    if (user) return { ...accounts.contextFor(user), clock: server.services.clock };
    // RFC 6750: the invalid_token error only when a bearer token was sent.
    const challenge = token === undefined ? 'Bearer realm="Parentis"' : 'Bearer realm="Parentis", error="invalid_token"';
    await reply
      .code(401)
      .header('WWW-Authenticate', challenge)
      .send({
        error:
          token === undefined
            ? 'Send an API token in the Authorization header: "Authorization: Bearer <token>". An administrator creates one with "parentis token create --user EMAIL".'
            : 'The API token is not valid: it is unknown, revoked, or its account is disabled.',
      });
    return undefined;
  }

  // The person is known, and their role allowed, before a body is read: nobody without a token can make the server
  // parse a large body, nor someone whose role may not send it.
  const people = new WeakMap<FastifyRequest, Ctx>();
  for (const r of routes) {
    server.route({
      method: r.method,
      url: r.url,
      ...(r.bodyLimit === undefined ? {} : { bodyLimit: r.bodyLimit }),
      onRequest: async (request, reply) => {
        const ctx = await authenticate(request, reply);
        if (ctx === undefined) return reply;
        if (r.capability) requireCapability(ctx, r.capability.name, r.capability.what);
        people.set(request, ctx);
      },
      handler: async (request, reply) => {
        const ctx = people.get(request)!;
        const params: unknown = r.params ? parseInput(r.params, request.params) : {};
        const query: unknown = r.query ? parseInput(r.query, request.query ?? {}) : {};
        const body: unknown = r.body ? parseInput(r.body, request.body ?? {}) : {};
        const asOf = (query as { asOf?: string }).asOf;
        const result = await r.handler({ ctx: { ...ctx, asOf }, params, query, body } as never);
        if (result instanceof ApiFile) return reply.code(200).type(result.contentType).header('content-disposition', `attachment; filename="${result.fileName}"`).send(result.body);
        return reply.code(r.status ?? 200).send(result);
      },
    });
  }

  const document = openApiDocument(routes);
  server.get('/openapi.json', (_request, reply) => reply.send(document));

  server.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: `There is no ${request.method} ${request.url.split('?')[0]} in the API. The paths are listed at /api/v1/openapi.json.` }),
  );

  server.setErrorHandler(async (err: Error, request, reply) => {
    const problem = httpProblem(err);
    if (problem.status === 500) request.log.error({ err }, 'API request failed');
    const body: z.infer<typeof errorSchema> = problemJson(problem, request.id);
    // 903 files refused for their findings: what was found, so that the caller can correct them or store despite them.
    if (err instanceof FindingsRefused) return reply.code(problem.status).send({ ...body, findings: checkedFindings(err.checked) });
    return reply.code(problem.status).send(body);
  });
  return Promise.resolve();
}
