// An S3-compatible object store stand-in for tests, on loopback: npm's @20minutes/s3rver, which
// checks every request's AWS Signature Version 4, with one bucket "trellis" and one key pair
// ("trellis-test", "bucket secret"). Requests that are not signed at all are refused here with 403
// (s3rver would let them read and write as anyone), so a server that forgot to sign is caught.
// GET /_objects (unsigned, for the test to look in the bucket) gives the keys kept, as a JSON array.
// Usage: node object_store.mjs PORT FOLDER   (the objects are kept as files under FOLDER)
import http from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const S3rver = require('@20minutes/s3rver');
const AWSAccount = require('@20minutes/s3rver/lib/models/account');

const [port, folder] = [Number(process.argv[2]), process.argv[3]];
AWSAccount.DUMMY_ACCOUNT.createKeyPair('trellis-test', 'bucket secret');
AWSAccount.DUMMY_ACCOUNT.revokeAccessKey('S3RVER');

const store = new S3rver({ silent: true, directory: folder, configureBuckets: [{ name: 'trellis' }] });
await store.configureBuckets();
const handle = store.callback();

http.createServer(async (request, response) => {
    if (request.url === '/_objects') {
        const listed = await store.store.listObjects('trellis', {});
        response.writeHead(200, { 'Content-Type': 'application/json' });
        return response.end(JSON.stringify(listed.objects.map((object) => object.key).sort()));
    }
    if (!String(request.headers.authorization || '').startsWith('AWS4-HMAC-SHA256 ')) {
        response.writeHead(403, { 'Content-Type': 'application/xml' });
        return response.end('<Error><Code>AccessDenied</Code><Message>Sign with SigV4</Message></Error>');
    }
    return handle(request, response);
}).listen(port, '127.0.0.1');
