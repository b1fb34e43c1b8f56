// A learning record store stand-in for tests, on loopback: it takes xAPI 1.0.3 statements by PUT
// /statements?statementId=ID (HTTP Basic "trellis:lrs secret", X-Experience-API-Version 1.0.3),
// checks each with xapi-validation, keeps the valid ones once per id (a repeat with the same id
// answers 204 and is counted, not kept again), and refuses invalid ones with 400.
// GET /_statements gives {"kept": [...], "puts": N, "refused": [...]}; POST /_scenario {"down": true}
// makes it answer 503 until told otherwise.
// Usage: node lrs.mjs PORT
import http from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const validate = require('xapi-validation').default;
const port = Number(process.argv[2]);
const expectedAuth = 'Basic ' + Buffer.from('trellis:lrs secret').toString('base64');
const kept = new Map();
const refused = [];
let puts = 0;
let down = false;

function answer(response, status, body = '') {
    response.writeHead(status, { 'Content-Type': 'application/json' });
    response.end(body);
}

http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => { body += chunk; });
    request.on('end', () => {
        const url = new URL(request.url, 'http://127.0.0.1');
        if (url.pathname === '/_statements')
            return answer(response, 200, JSON.stringify({ kept: [...kept.values()], puts, refused }));
        if (url.pathname === '/_scenario') {
            down = Boolean(JSON.parse(body || '{}').down);
            return answer(response, 204);
        }
        if (url.pathname !== '/xapi/statements' || request.method !== 'PUT')
            return answer(response, 404);
        puts += 1;
        if (down)
            return answer(response, 503, '{"message": "down for the test"}');
        if (request.headers.authorization !== expectedAuth)
            return answer(response, 401);
        if (request.headers['x-experience-api-version'] !== '1.0.3')
            return answer(response, 400, '{"message": "X-Experience-API-Version must be 1.0.3"}');
        let statement;
        try {
            statement = JSON.parse(body);
        } catch {
            refused.push(body);
            return answer(response, 400, '{"message": "not JSON"}');
        }
        const id = url.searchParams.get('statementId');
        const warnings = validate(statement);
        if (warnings.length > 0 || statement.id !== id) {
            refused.push({ statement, warnings: warnings.map(String) });
            return answer(response, 400, JSON.stringify({ warnings: warnings.map(String) }));
        }
        if (!kept.has(id))
            kept.set(id, statement);
        return answer(response, 204);
    });
}).listen(port, '127.0.0.1');
