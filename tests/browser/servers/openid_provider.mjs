// A loopback OpenID provider for the sign-in tests, shaped like Microsoft Entra ID's multi-tenant
// v2.0 endpoints: discovery, /authorize (redirects at once, no login page), /token and /jwks.
// Tests steer it through POST /_scenario (claims and failures), POST /_keys/rotate and
// GET /_last_authorize. Usage: node tests/browser/servers/openid_provider.mjs <port>
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { OAuth2Issuer, OAuth2Service } from 'oauth2-mock-server';

const HOST = '127.0.0.1';
const DEFAULT_TID = '11111111-1111-1111-1111-111111111111';
const DEFAULT_USER = {
  sub: 'subject-1',
  oid: 'aaaaaaaa-0000-0000-0000-000000000001',
  email: 'teacher@oakfield.example',
  name: 'Grace Okafor',
};
const ID_TOKEN_LIFETIME = 300;

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('usage: node openid_provider.mjs <port>');
  process.exit(2);
}

let scenario = {};         // the last POST /_scenario body
let strangerIssuer = null; // holds the unpublished key while sign_with_unknown_key is on
let lastAuthorize = {};    // query parameters of the last /authorize request
const grants = new Map();  // code -> what /authorize was asked, until the code is redeemed

// The mock signs with its keys in turn; this issuer signs with one chosen key (the newest) or,
// for sign_with_unknown_key, with a key that the JWKS does not publish.
class ProviderIssuer extends OAuth2Issuer {
  signingKid;

  async buildToken(options) {
    if (!strangerIssuer) return super.buildToken({ ...options, kid: this.signingKid });
    strangerIssuer.url = this.url;
    strangerIssuer.once('beforeSigning', (token) => this.emit('beforeSigning', token));
    return strangerIssuer.buildToken(options);
  }

  async addSigningKey() {
    this.signingKid = (await this.keys.generate('RS256')).kid;
  }
}

const issuer = new ProviderIssuer();
await issuer.addSigningKey();
const service = new OAuth2Service(issuer);

service.on('beforeAuthorizeRedirect', ({ url }, req) => {
  const code = url.searchParams.get('code');
  if (!code) return;
  const { client_id, redirect_uri, nonce, code_challenge, code_challenge_method } = req.query;
  grants.set(code, {
    client_id, redirect_uri, nonce, code_challenge,
    code_challenge_method: code_challenge_method ?? 'plain',
  });
});

// The mock signs the access token first, then the ID token, which alone carries aud.
service.on('beforeTokenSigning', (token, req) => {
  if (!('aud' in token.payload)) return;
  token.payload = idTokenClaims(req.grant, token.payload.iat);
});

service.on('beforeResponse', (response) => {
  if (scenario.tamper_signature) response.body.id_token = tamperSignature(response.body.id_token);
});

// iss names the tid, an overridden one too, unless iss itself is overridden.
function idTokenClaims(grant, iat) {
  const overrides = scenario.claims ?? {};
  const claims = {
    iss: `${origin()}/${overrides.tid ?? DEFAULT_TID}/v2.0`,
    aud: grant.client_id,
    ...DEFAULT_USER,
    tid: DEFAULT_TID,
    preferred_username: DEFAULT_USER.email,
    iat,
    exp: iat + ID_TOKEN_LIFETIME,
  };
  if (grant.nonce !== undefined) claims.nonce = grant.nonce;
  for (const [name, value] of Object.entries(overrides)) {
    if (value === null) delete claims[name];
    else claims[name] = value;
  }
  return claims;
}

// Flips the first signature byte: still base64url, no longer a valid signature.
function tamperSignature(jwt) {
  const [header, payload, signature] = jwt.split('.');
  const bytes = Buffer.from(signature, 'base64url');
  bytes[0] ^= 0xff;
  return `${header}.${payload}.${bytes.toString('base64url')}`;
}

// The client id and secret, sent by client_secret_basic or client_secret_post.
function clientCredentials(req, form) {
  const [scheme, encoded] = (req.headers.authorization ?? '').split(' ');
  if (scheme.toLowerCase() === 'basic' && encoded) {
    const formDecode = (s) => decodeURIComponent(s.replaceAll('+', ' '));
    const [id, ...secret] = Buffer.from(encoded, 'base64').toString().split(':');
    return { id: formDecode(id), secret: formDecode(secret.join(':')) };
  }
  return { id: form.client_id, secret: form.client_secret };
}

function pkceMatches(grant, verifier) {
  if (!grant.code_challenge || !verifier) return false;
  const derived = grant.code_challenge_method === 'S256'
    ? createHash('sha256').update(verifier).digest('base64url')
    : verifier;
  return derived === grant.code_challenge;
}

// Checks what the mock does not (code known and unused, client, redirect_uri, PKCE always),
// then hands the parsed request on to the mock, which builds and signs the tokens.
async function handleToken(req, res) {
  await sleep(scenario.delay_ms);
  if (scenario.token_status) return send(res, scenario.token_status, { error: 'server_error' });
  if (scenario.token_garbage) return send(res, 200, '<html>oops</html>', 'text/html');
  const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
  if (form.grant_type !== 'authorization_code') {
    return send(res, 400, { error: 'unsupported_grant_type' });
  }
  const client = clientCredentials(req, form);
  if (!client.id || !client.secret) return send(res, 401, { error: 'invalid_client' });
  const grant = grants.get(form.code);
  grants.delete(form.code);
  if (!grant || grant.client_id !== client.id || grant.redirect_uri !== form.redirect_uri
      || !pkceMatches(grant, form.code_verifier)) {
    return send(res, 400, { error: 'invalid_grant' });
  }
  req.body = form; // the mock's body parsers skip a request already read
  req.grant = grant;
  service.requestHandler(req, res);
}

async function handle(req, res) {
  const url = new URL(req.url, origin());
  switch (`${req.method} ${url.pathname}`) {
    case 'GET /.well-known/openid-configuration':
      await sleep(scenario.delay_ms);
      return send(res, 200, {
        issuer: `${origin()}/{tenantid}/v2.0`,
        authorization_endpoint: `${origin()}/authorize`,
        token_endpoint: `${origin()}/token`,
        jwks_uri: `${origin()}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
        code_challenge_methods_supported: ['S256'],
      });
    case 'POST /_scenario': {
      const body = JSON.parse((await readBody(req)) || '{}');
      if (body?.constructor !== Object) return send(res, 400, { error: 'invalid_request' });
      const stranger = body.sign_with_unknown_key ? new OAuth2Issuer() : null;
      await stranger?.keys.generate('RS256');
      [scenario, strangerIssuer] = [body, stranger];
      return send(res, 204);
    }
    case 'POST /_keys/rotate':
      await issuer.addSigningKey();
      return send(res, 204);
    case 'GET /_last_authorize':
      return send(res, 200, lastAuthorize);
    case 'POST /token':
      return handleToken(req, res);
    case 'GET /authorize':
      lastAuthorize = Object.fromEntries(url.searchParams);
      break;
  }
  service.requestHandler(req, res);
}

function origin() {
  return `http://${HOST}:${server.address().port}`;
}

function send(res, status, body, type = 'application/json') {
  if (body === undefined) return res.writeHead(status).end();
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString();
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms ?? 0));
}

const server = createServer((req, res) => {
  handle(req, res).catch((error) => {
    console.error(error);
    const answer = { error: 'invalid_request', error_description: error.message };
    if (!res.headersSent) send(res, 400, answer);
  });
});
server.listen(port, HOST, () => {
  issuer.url = origin(); // the access token's iss; the ID token's is set per tenant above
  console.log(`openid provider ready on ${origin()}`);
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
