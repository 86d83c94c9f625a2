// Runs inside the test machine with the package's own Node.js: one HTTP call to the hub on
// 127.0.0.1, with the hub's API token; prints the JSON reply, exits 1 on a failed call.
//   node http.mjs METHOD PATH [JSON body]
import { readFileSync } from 'node:fs';

const [method, path, body] = process.argv.slice(2);
const port = process.env.PORT ?? '8080';
const token = readFileSync('/var/lib/luot/api-token', 'utf8').trim();
try {
  const reply = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body,
    signal: AbortSignal.timeout(5000),
  });
  const text = await reply.text();
  process.stdout.write(`${text}\n`);
  process.exit(reply.ok ? 0 : 1);
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
