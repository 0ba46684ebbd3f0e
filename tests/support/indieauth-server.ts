/**
 * The test site's IndieAuth server (https://indieauth.spec.indieweb.org/, 2022+ with PKCE and
 * indieauth-metadata): metadata, the authorization endpoint with its consent page, the token
 * endpoint, token introspection and revocation. Tokens and codes live in memory.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readForm, send, sendError, sendHtml, sendJson } from './http-kit';
import {
  bearer,
  clientIdProblem,
  consentPage,
  errorPage,
  redirectProblem,
  s256,
} from './indieauth-checks';

/** Where each IndieAuth endpoint lives on the test site. */
export const INDIEAUTH_PATHS = {
  metadata: '/.well-known/oauth-authorization-server',
  authorization: '/auth',
  consent: '/auth/consent',
  token: '/token',
  introspection: '/introspect',
  revocation: '/revoke',
} as const;

/** Scopes the server advertises (Micropub's and IndieAuth's profile scopes). */
export const SCOPES = ['create', 'update', 'delete', 'undelete', 'draft', 'media', 'profile'];

/** A code lives at most this long (the spec recommends 10 minutes at most). */
const CODE_LIFETIME_MS = 10 * 60_000;

/** An access token the server issued. */
export interface IssuedToken {
  token: string;
  scope: string;
  me: string;
  clientId: string;
  issuedAt: number;
  revoked: boolean;
}

interface AuthRequest {
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  scope: string;
}

interface CodeGrant extends AuthRequest {
  issuedAt: number;
  used: boolean;
  tokens: string[];
}

export interface IndieAuthConfig {
  /** The site's origin, e.g. http://127.0.0.1:1234 (no trailing slash). */
  base: string;
  /** The writer's canonical profile URL. */
  me: string;
  /** The writer's name, returned as profile information. */
  name: string;
  autoApprove: boolean;
  /** When set, the scope granted whatever the client asked for. */
  grantScope?: string | undefined;
  now: () => number;
}

const random = () => randomBytes(32).toString('base64url');

/** The authorization server of one test site. */
export class IndieAuthServer {
  readonly issuer: string;
  private readonly pending = new Map<string, AuthRequest>();
  private readonly codes = new Map<string, CodeGrant>();
  private readonly issued: IssuedToken[] = [];

  constructor(private readonly config: IndieAuthConfig) {
    this.issuer = `${config.base}/`;
  }

  /** The indieauth-metadata document (§4.1.1). */
  metadata(): Record<string, unknown> {
    const at = (path: string) => `${this.config.base}${path}`;
    return {
      issuer: this.issuer,
      authorization_endpoint: at(INDIEAUTH_PATHS.authorization),
      token_endpoint: at(INDIEAUTH_PATHS.token),
      introspection_endpoint: at(INDIEAUTH_PATHS.introspection),
      revocation_endpoint: at(INDIEAUTH_PATHS.revocation),
      revocation_endpoint_auth_methods_supported: ['none'],
      scopes_supported: SCOPES,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code'],
      code_challenge_methods_supported: ['S256'],
      authorization_response_iss_parameter_supported: true,
    };
  }

  /** Copies of every token issued, for assertions. */
  tokens(): IssuedToken[] {
    return structuredClone(this.issued);
  }

  /** The token's record if it is known and not revoked. */
  active(token: string): IssuedToken | undefined {
    return this.issued.find((t) => t.token === token && !t.revoked);
  }

  /** Issues a token directly (tests that skip the sign-in flow). */
  issue(scope: string, clientId = 'http://localhost/'): string {
    const token = random();
    this.issued.push({
      token,
      scope,
      me: this.config.me,
      clientId,
      issuedAt: this.config.now(),
      revoked: false,
    });
    return token;
  }

  /** Revokes every token, as if the writer signed the app out on their site. */
  revokeAll(): void {
    for (const t of this.issued) t.revoked = true;
  }

  /** Answers an IndieAuth route; false when the path is not one. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const P = INDIEAUTH_PATHS;
    switch (`${req.method} ${url.pathname}`) {
      case `GET ${P.metadata}`:
        sendJson(res, 200, this.metadata());
        return true;
      case `GET ${P.authorization}`:
        this.authorize(res, url.searchParams);
        return true;
      case `POST ${P.consent}`:
        this.consent(res, await readForm(req));
        return true;
      case `POST ${P.authorization}`:
        this.redeem(res, await readForm(req), 'profile');
        return true;
      case `POST ${P.token}`: {
        const form = await readForm(req);
        // The previous spec revoked at the token endpoint with action=revoke.
        if (form.get('action') === 'revoke') this.revoke(res, form);
        else this.redeem(res, form, 'token');
        return true;
      }
      case `GET ${P.token}`:
        this.verify(req, res);
        return true;
      case `POST ${P.introspection}`:
        this.introspect(res, req, await readForm(req));
        return true;
      case `POST ${P.revocation}`:
        this.revoke(res, await readForm(req));
        return true;
      default:
        return false;
    }
  }

  /** GET /auth (§5.2): checks the request, then shows the consent page or approves at once. */
  private authorize(res: ServerResponse, params: URLSearchParams): void {
    const clientId = params.get('client_id') ?? '';
    const redirectUri = params.get('redirect_uri') ?? '';
    const problem = clientIdProblem(clientId) ?? redirectProblem(clientId, redirectUri);
    // A bad client or redirect URL must not be redirected to: the writer is told here.
    if (problem) return sendHtml(res, 400, errorPage(problem));
    const state = params.get('state');
    const fail = (error: string, description: string) =>
      this.redirect(res, redirectUri, {
        error,
        error_description: description,
        ...(state === null ? {} : { state }),
      });
    const responseType = params.get('response_type');
    if (responseType === null) return fail('invalid_request', 'response_type is required');
    if (responseType !== 'code') return fail('unsupported_response_type', 'Only code');
    if (!state) return fail('invalid_request', 'state is required');
    const challenge = params.get('code_challenge');
    if (!challenge) return fail('invalid_request', 'code_challenge is required (PKCE)');
    if (params.get('code_challenge_method') !== 'S256') {
      return fail('invalid_request', 'code_challenge_method must be S256');
    }
    if (!/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
      return fail('invalid_request', 'code_challenge must be a base64url SHA-256 hash');
    }
    const scope = (params.get('scope') ?? '').split(/\s+/).filter(Boolean).join(' ');
    const request: AuthRequest = { clientId, redirectUri, state, codeChallenge: challenge, scope };
    if (this.config.autoApprove) return this.approve(res, request);
    const id = random();
    this.pending.set(id, request);
    sendHtml(res, 200, consentPage(id, request, this.config.me, INDIEAUTH_PATHS.consent));
  }

  /** POST /auth/consent: the writer pressed Approve or Deny. */
  private consent(res: ServerResponse, form: URLSearchParams): void {
    const id = form.get('request') ?? '';
    const request = this.pending.get(id);
    if (!request) return sendHtml(res, 400, errorPage('This sign-in request was already answered'));
    this.pending.delete(id);
    if (form.get('decision') === 'approve') return this.approve(res, request);
    this.redirect(res, request.redirectUri, { error: 'access_denied', state: request.state });
  }

  /** Issues a one-time code and sends the browser back with code, state and iss (§5.2.1). */
  private approve(res: ServerResponse, request: AuthRequest): void {
    const code = random();
    const scope = this.config.grantScope ?? request.scope;
    this.codes.set(code, {
      ...request,
      scope,
      issuedAt: this.config.now(),
      used: false,
      tokens: [],
    });
    this.redirect(res, request.redirectUri, { code, state: request.state });
  }

  /** A 302 to the client's redirect URL with these parameters and the issuer. */
  private redirect(res: ServerResponse, target: string, params: Record<string, string>): void {
    const url = new URL(target);
    for (const [name, value] of Object.entries({ ...params, iss: this.issuer })) {
      url.searchParams.set(name, value);
    }
    send(res, 302, '', { Location: url.href });
  }

  /**
   * Redeems a code (§5.3) at the token endpoint (an access token) or the authorization endpoint
   * (the profile URL only). A code is spent by its first redemption, right or wrong, and a second
   * use also revokes the tokens the first one issued (RFC 6749 §4.1.2).
   */
  private redeem(res: ServerResponse, form: URLSearchParams, at: 'token' | 'profile'): void {
    const fail = (error: string, description: string) =>
      sendError(res, 400, error, description, NO_STORE);
    const grantType = form.get('grant_type');
    if (grantType === null) return fail('invalid_request', 'grant_type is required');
    if (grantType !== 'authorization_code') return fail('unsupported_grant_type', grantType);
    const [code, clientId, redirectUri] = ['code', 'client_id', 'redirect_uri'].map((k) =>
      form.get(k),
    );
    if (!code || !clientId || !redirectUri) {
      return fail('invalid_request', 'code, client_id and redirect_uri are required');
    }
    const grant = this.codes.get(code);
    if (!grant) return fail('invalid_grant', 'Unknown authorization code');
    if (grant.used) {
      for (const token of grant.tokens) this.issued.find((t) => t.token === token)!.revoked = true;
      return fail('invalid_grant', 'The authorization code was already used');
    }
    grant.used = true;
    if (this.config.now() - grant.issuedAt > CODE_LIFETIME_MS) {
      return fail('invalid_grant', 'The authorization code has expired');
    }
    if (grant.clientId !== clientId) return fail('invalid_grant', 'client_id does not match');
    if (grant.redirectUri !== redirectUri) {
      return fail('invalid_grant', 'redirect_uri does not match');
    }
    const verifier = form.get('code_verifier');
    if (!verifier) return fail('invalid_request', 'code_verifier is required');
    if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) || s256(verifier) !== grant.codeChallenge) {
      return fail('invalid_grant', 'code_verifier does not match the code_challenge');
    }
    const { me, name } = this.config;
    const profile = grant.scope.split(' ').includes('profile')
      ? { profile: { name, url: me } }
      : {};
    if (at === 'profile') return sendJson(res, 200, { me, ...profile }, NO_STORE);
    if (!grant.scope) return fail('invalid_grant', 'A code issued without scope gets no token');
    const token = this.issue(grant.scope, clientId);
    grant.tokens.push(token);
    const answer = { access_token: token, token_type: 'Bearer', scope: grant.scope, me };
    sendJson(res, 200, { ...answer, ...profile }, NO_STORE);
  }

  /** GET /token with a Bearer token: the previous spec's token verification. */
  private verify(req: IncomingMessage, res: ServerResponse): void {
    const token = this.active(bearer(req) ?? '');
    if (!token) return sendError(res, 401, 'invalid_token', 'Unknown or revoked token');
    sendJson(res, 200, { me: token.me, client_id: token.clientId, scope: token.scope });
  }

  /** POST /introspect (§6): needs a valid Bearer token itself; answers 200 either way. */
  private introspect(res: ServerResponse, req: IncomingMessage, form: URLSearchParams): void {
    if (!this.active(bearer(req) ?? '')) {
      return sendError(res, 401, 'invalid_token', 'Introspection needs a valid Bearer token');
    }
    const token = this.active(form.get('token') ?? '');
    if (!token) return sendJson(res, 200, { active: false });
    const { me, clientId, scope, issuedAt } = token;
    sendJson(res, 200, {
      active: true,
      me,
      client_id: clientId,
      scope,
      iat: Math.floor(issuedAt / 1000),
    });
  }

  /** POST /revoke (§7): 200 whether or not the token was known. */
  private revoke(res: ServerResponse, form: URLSearchParams): void {
    const token = this.active(form.get('token') ?? '');
    if (token) token.revoked = true;
    send(res, 200);
  }
}

const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };
