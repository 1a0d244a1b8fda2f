import { z } from 'zod';
import { apiRegistry, AuditQuery, FeedQuery, ListCasesQuery } from '../lib/api/schemas.ts';

type JsonObject = Record<string, unknown>;

interface Operation {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  summary: string;
  /** Roles allowed; empty means no token needed. */
  roles: readonly string[];
  query?: z.ZodObject;
  body?: string;
  responses: Record<number, { description: string; schema?: string; csv?: boolean }>;
}

const ANY_ROLE = ['agent', 'lead', 'admin'];
const LEAD_ROLES = ['lead', 'admin'];

const OPERATIONS: readonly Operation[] = [
  {
    method: 'get',
    path: '/v1/health',
    summary: 'Liveness check',
    roles: [],
    responses: { 200: { description: 'up', schema: 'Health' } },
  },
  {
    method: 'get',
    path: '/v1/me',
    summary: 'Name and role of the calling token, so a client can offer what the role may do',
    roles: ANY_ROLE,
    responses: { 200: { description: 'the caller', schema: 'Me' } },
  },
  {
    method: 'get',
    path: '/v1/suppressions',
    summary:
      'Delta feed of list changes in commit order; page from an empty cursor for a full sync',
    roles: ANY_ROLE,
    query: FeedQuery,
    responses: { 200: { description: 'one page of changes', schema: 'FeedPage' } },
  },
  {
    method: 'post',
    path: '/v1/suppressions',
    summary: 'Add numbers in any common format; invalid ones are reported by index',
    roles: ANY_ROLE,
    body: 'AddSuppressionsRequest',
    responses: {
      200: { description: 'counts and rejected rows', schema: 'AddSuppressionsResponse' },
    },
  },
  {
    method: 'post',
    path: '/v1/suppressions/check',
    summary: 'Status of up to 1,000 numbers',
    roles: ANY_ROLE,
    body: 'CheckRequest',
    responses: {
      200: { description: 'one result per phone, in request order', schema: 'CheckResponse' },
    },
  },
  {
    method: 'delete',
    path: '/v1/suppressions/{e164}',
    summary: 'Take a number off the list; the reason is kept in the audit log',
    roles: LEAD_ROLES,
    body: 'RemoveSuppressionRequest',
    responses: {
      200: { description: 'removed', schema: 'RemoveSuppressionResponse' },
      404: { description: 'number not on the list', schema: 'ApiError' },
      409: {
        description:
          'number_in_case: a deletion case lists the number and "cases" does not name it',
        schema: 'ApiError',
      },
    },
  },
  {
    method: 'post',
    path: '/v1/cases',
    summary: 'Create a deletion case and suppress its phones; idempotent by client-made id',
    roles: ANY_ROLE,
    body: 'CreateCaseRequest',
    responses: {
      200: { description: 'the case already existed with this body', schema: 'Case' },
      201: { description: 'created', schema: 'Case' },
      409: { description: 'the id exists with a different body', schema: 'ApiError' },
    },
  },
  {
    method: 'get',
    path: '/v1/cases',
    summary: 'List cases in order of last change',
    roles: ANY_ROLE,
    query: ListCasesQuery,
    responses: { 200: { description: 'one page of cases', schema: 'CaseList' } },
  },
  {
    method: 'get',
    path: '/v1/cases/{id}',
    summary: 'Read one case with its timeline of audit events',
    roles: ANY_ROLE,
    responses: {
      200: { description: 'the case', schema: 'Case' },
      404: { description: 'unknown id', schema: 'ApiError' },
    },
  },
  {
    method: 'patch',
    path: '/v1/cases/{id}',
    summary: 'Change a case; the version must be the one last read',
    roles: ANY_ROLE,
    body: 'PatchCaseRequest',
    responses: {
      200: { description: 'the updated case, version incremented', schema: 'Case' },
      404: { description: 'unknown id', schema: 'ApiError' },
      409: {
        description:
          'stale version (version_conflict, error.current is the stored case) or a step the workflow rules reject (forbidden_transition, forbidden_role, incomplete_checklist, missing_field, case_final, wrong_status, unknown_item)',
        schema: 'ApiError',
      },
    },
  },
  {
    method: 'post',
    path: '/v1/events',
    summary: 'Record extension events; repeated ids are ignored and counted',
    roles: ANY_ROLE,
    body: 'PostEventsRequest',
    responses: { 200: { description: 'counts', schema: 'PostEventsResponse' } },
  },
  {
    method: 'get',
    path: '/v1/audit',
    summary: 'Export the hash-chained audit log as JSON or CSV',
    roles: LEAD_ROLES,
    query: AuditQuery,
    responses: { 200: { description: 'one page of events', schema: 'AuditPage', csv: true } },
  },
];

const COMMON_ERRORS: Record<number, string> = {
  400: 'invalid JSON, body, query or path',
  401: 'missing or invalid bearer token',
  403: 'the token role may not do this',
  413: 'body larger than 5 MB',
  429: 'rate limit; see Retry-After',
};

function ref(id: string): JsonObject {
  return { $ref: `#/components/schemas/${id}` };
}

function componentSchemas(): Record<string, JsonObject> {
  const uri = (id: string) => `#/components/schemas/${id}`;
  // Request bodies are described as clients send them (defaults optional),
  // responses as the server sends them (defaults filled in).
  const inputs = z.toJSONSchema(apiRegistry, { io: 'input', uri, unrepresentable: 'any' }).schemas;
  const outputs = z.toJSONSchema(apiRegistry, {
    io: 'output',
    uri,
    unrepresentable: 'any',
  }).schemas;

  const result: Record<string, JsonObject> = {};
  for (const [id, schema] of Object.entries(outputs)) {
    const chosen = (id.endsWith('Request') ? inputs[id] : schema) as JsonObject;
    const component = { ...chosen };
    delete component.$schema;
    delete component.$id;
    result[id] = component;
  }
  return result;
}

function queryParameters(query: z.ZodObject): JsonObject[] {
  return Object.entries(query.shape).map(([name, schema]) => {
    const json: JsonObject = z.toJSONSchema(schema as z.ZodType, {
      io: 'input',
      unrepresentable: 'any',
    });
    delete json.$schema;
    return { name, in: 'query', required: false, schema: json };
  });
}

/** Builds the OpenAPI 3.1 document of the v1 API from the shared zod schemas. */
export function buildOpenApiDocument(): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {};

  for (const operation of OPERATIONS) {
    const openApiPath = operation.path;
    const parameters: JsonObject[] = [];
    for (const match of openApiPath.matchAll(/\{(\w+)\}/g)) {
      parameters.push({ name: match[1], in: 'path', required: true, schema: { type: 'string' } });
    }
    if (operation.query) parameters.push(...queryParameters(operation.query));

    const responses: Record<string, JsonObject> = {};
    for (const [status, response] of Object.entries(operation.responses)) {
      const content: JsonObject = {};
      if (response.schema) content['application/json'] = { schema: ref(response.schema) };
      if (response.csv) content['text/csv'] = { schema: { type: 'string' } };
      responses[status] = { description: response.description, content };
    }
    const errorStatuses =
      operation.roles.length === 0 ? [] : Object.keys(COMMON_ERRORS).map(Number);
    for (const status of errorStatuses) {
      if (status === 403 && operation.roles.length === ANY_ROLE.length) continue;
      responses[String(status)] ??= {
        description: COMMON_ERRORS[status],
        content: { 'application/json': { schema: ref('ApiError') } },
      };
    }

    paths[openApiPath] ??= {};
    paths[openApiPath][operation.method] = {
      summary: operation.summary,
      ...(operation.roles.length > 0
        ? { security: [{ bearer: [] }], 'x-roles': operation.roles }
        : { security: [] }),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(operation.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: ref(operation.body) } },
            },
          }
        : {}),
      responses,
    };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'DNC Guard central API',
      version: '1.0.0',
      description: 'Suppression list, deletion cases and audit log for the DNC Guard extension.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'dncg_… token from `token create`' },
      },
    },
    paths,
  };
}
