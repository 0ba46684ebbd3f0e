/**
 * The test site's Micropub endpoint (https://www.w3.org/TR/micropub/): Bearer authentication in
 * the header or the form body, create in form, multipart and JSON syntax, update, delete and
 * undelete, and the config, source, syndicate-to and post-list queries.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearer } from './indieauth-checks';
import type { IssuedToken } from './indieauth-server';
import { HttpError, mediaType, readBody, send, sendJson } from './http-kit';
import {
  isProperties,
  type CreateRequest,
  type MicropubStore,
  type Properties,
  type UpdateRequest,
} from './micropub-store';

export interface MicropubContext {
  store: MicropubStore;
  /** The active token with this value, if any. */
  lookup(token: string): IssuedToken | undefined;
  /** The status for insufficient_scope: 403 (IndieAuth §8.1, RFC 6750) or 401 (Micropub §3.8). */
  insufficientScopeStatus: 401 | 403;
  /** Notes whether the request carried a token (never the token itself). */
  noteAuth(present: boolean): void;
  /** Where uploaded files are said to live. */
  mediaBase: string;
}

/** A parsed request body: either JSON, or form fields (form-encoded or multipart). */
type Body = { kind: 'json'; value: Record<string, unknown> } | { kind: 'form'; fields: Field[] };
type Field = [name: string, value: string];

const QUERIES = ['config', 'source', 'syndicate-to'];

/** Answers a GET or POST to the Micropub endpoint. */
export async function handleMicropub(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  ctx: MicropubContext,
): Promise<{ created?: string }> {
  if (req.method !== 'GET' && req.method !== 'POST') {
    send(res, 405, '', { Allow: 'GET, POST, OPTIONS' });
    return {};
  }
  const body = req.method === 'POST' ? await readMicropubBody(req, ctx.mediaBase) : undefined;
  const token = authenticate(req, body, ctx);
  if (req.method === 'GET') {
    query(res, url.searchParams, ctx);
    return {};
  }
  const action = actionOf(body!);
  const needs = (scope: string, ...alternatives: string[]) => {
    const granted = token.scope.split(' ');
    if (![scope, ...alternatives].some((s) => granted.includes(s))) {
      throw new HttpError(ctx.insufficientScopeStatus, 'insufficient_scope', `Needs ${scope}`);
    }
  };
  if (action === 'create') {
    needs('create', 'draft');
    const request = createRequest(body!);
    // A token with only the draft scope may create drafts alone.
    if (!token.scope.split(' ').includes('create')) request.properties['post-status'] = ['draft'];
    return { created: ctx.store.create(request).url };
  }
  const target = stringField(body!, 'url');
  if (!target) throw new HttpError(400, 'invalid_request', 'url is required');
  if (action === 'update') {
    needs('update');
    ctx.store.update(updateRequest(body!, target));
  } else if (action === 'delete') {
    needs('delete');
    ctx.store.delete(target);
  } else if (action === 'undelete') {
    needs('undelete', 'delete');
    ctx.store.undelete(target);
  } else {
    throw new HttpError(400, 'invalid_request', `Unknown action ${action}`);
  }
  send(res, 204);
  return {};
}

/** The token for this request; 401 when absent or not active, 400 when sent twice. */
function authenticate(req: IncomingMessage, body: Body | undefined, ctx: MicropubContext) {
  const inHeader = bearer(req);
  const inBody =
    body?.kind === 'form' ? body.fields.find(([n]) => n === 'access_token')?.[1] : undefined;
  ctx.noteAuth(inHeader !== undefined || inBody !== undefined);
  if (inHeader !== undefined && inBody !== undefined) {
    throw new HttpError(400, 'invalid_request', 'Send the token in one place only (RFC 6750)');
  }
  const presented = inHeader ?? inBody;
  if (presented === undefined) {
    throw new HttpError(401, 'unauthorized', 'No access token was provided');
  }
  const token = ctx.lookup(presented);
  if (!token) throw new HttpError(401, 'invalid_token', 'The access token is unknown or revoked');
  if (!token.scope.trim()) throw new HttpError(401, 'insufficient_scope', 'The token has no scope');
  return token;
}

/** Reads a JSON, form-encoded or multipart body; files become URLs under mediaBase. */
async function readMicropubBody(req: IncomingMessage, mediaBase: string): Promise<Body> {
  const type = mediaType(req);
  const raw = await readBody(req);
  if (type === 'application/json') {
    let value: unknown;
    try {
      value = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new HttpError(400, 'invalid_request', 'The body is not JSON');
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new HttpError(400, 'invalid_request', 'The body must be a JSON object');
    }
    return { kind: 'json', value: value as Record<string, unknown> };
  }
  if (type === 'application/x-www-form-urlencoded') {
    const fields: Field[] = [];
    new URLSearchParams(raw.toString('utf8')).forEach((value, name) => fields.push([name, value]));
    return { kind: 'form', fields };
  }
  if (type === 'multipart/form-data') {
    const headers = { 'content-type': req.headers['content-type']! };
    const data = await new Response(new Uint8Array(raw), { headers }).formData();
    const fields: Field[] = [];
    data.forEach((value, name) => {
      const text = typeof value === 'string' ? value : `${mediaBase}/${encodeURI(value.name)}`;
      fields.push([name, text]);
    });
    return { kind: 'form', fields };
  }
  throw new HttpError(415, 'invalid_request', `Unsupported content type ${type || '(none)'}`);
}

function actionOf(body: Body): string {
  const action = body.kind === 'json' ? body.value.action : stringField(body, 'action');
  if (action === undefined) return 'create';
  if (typeof action !== 'string') throw new HttpError(400, 'invalid_request', 'Bad action');
  if (action === 'update' && body.kind === 'form') {
    throw new HttpError(400, 'invalid_request', 'Updates must be sent as JSON (§3.4)');
  }
  return action;
}

function stringField(body: Body, name: string): string | undefined {
  const value =
    body.kind === 'json' ? body.value[name] : body.fields.find(([n]) => n === name)?.[1];
  return typeof value === 'string' ? value : undefined;
}

/** A create request from either syntax: `name[]` gathers values, mp-* are commands (§3.2). */
function createRequest(body: Body): CreateRequest {
  const properties: Properties = {};
  const commands: Properties = {};
  const put = (name: string, values: unknown[]) => {
    const into = name.startsWith('mp-') ? commands : properties;
    into[name] = [...(into[name] ?? []), ...values];
  };
  if (body.kind === 'form') {
    let type = ['h-entry'];
    for (const [key, value] of body.fields) {
      const name = key.endsWith('[]') ? key.slice(0, -2) : key;
      if (name === 'h') type = [`h-${value}`];
      else if (!['access_token', 'action', 'url'].includes(name)) put(name, [value]);
    }
    return { type, properties, commands };
  }
  const { type = ['h-entry'], properties: given } = body.value;
  if (!isStrings(type) || !type.every((t) => t.startsWith('h-'))) {
    throw new HttpError(400, 'invalid_request', 'type must be an array such as ["h-entry"]');
  }
  if (!isProperties(given)) {
    throw new HttpError(400, 'invalid_request', 'properties must map names to arrays');
  }
  for (const [name, values] of Object.entries(given)) put(name, values);
  return { type, properties, commands };
}

/** An update request, its replace/add/delete checked for shape (§3.4). */
function updateRequest(body: Body, url: string): UpdateRequest {
  if (body.kind !== 'json') throw new HttpError(400, 'invalid_request', 'Updates are JSON');
  const { replace, add, delete: removal } = body.value;
  const bad = (what: string) => new HttpError(400, 'invalid_request', what);
  if (replace === undefined && add === undefined && removal === undefined) {
    throw bad('An update needs replace, add or delete');
  }
  if (replace !== undefined && !isProperties(replace)) throw bad('replace values must be arrays');
  if (add !== undefined && !isProperties(add)) throw bad('add values must be arrays');
  if (removal !== undefined && !isStrings(removal) && !isProperties(removal)) {
    throw bad('delete must be an array of names or an object of arrays');
  }
  return {
    url,
    ...(replace === undefined ? {} : { replace }),
    ...(add === undefined ? {} : { add }),
    ...(removal === undefined ? {} : { delete: removal }),
  };
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** GET queries (§3.7): config, source (one post or the post list) and syndicate-to. */
function query(res: ServerResponse, params: URLSearchParams, ctx: MicropubContext): void {
  const q = params.get('q');
  if (q === 'config') {
    return sendJson(res, 200, {
      'syndicate-to': [],
      q: QUERIES,
      'post-status': ['published', 'draft'],
    });
  }
  if (q === 'syndicate-to') return sendJson(res, 200, { 'syndicate-to': [] });
  if (q === 'source') {
    const url = params.get('url');
    if (url) {
      const names = [...params.getAll('properties[]'), ...params.getAll('properties')];
      return sendJson(res, 200, ctx.store.source(url, names));
    }
    const limit = params.get('limit');
    const offset = Number(params.get('offset') ?? 0);
    const count = limit === null ? undefined : Number(limit);
    if ((count !== undefined && !(count >= 0)) || !(offset >= 0)) {
      throw new HttpError(400, 'invalid_request', 'limit and offset must be numbers');
    }
    return sendJson(res, 200, ctx.store.items(count, offset));
  }
  throw new HttpError(400, 'invalid_request', `Unsupported query ${q ?? '(none)'}`);
}
