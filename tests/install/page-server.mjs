// Runs inside the agent's test machine with the package's own Node.js: a stand-in for the hub's
// page on 127.0.0.1:8080. The page's script tells it that it ran (GET /seen), so a request for
// /seen proves Chromium opened and ran the page, not just fetched it. Every request is written,
// with its time in ms, to the log given.
//   node page-server.mjs /root/requests.log
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:http';

const log = process.argv[2];
const PAGE = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Máy lấy số K1</title>
<h1>Máy lấy số K1</h1><script>
const size = () => innerWidth + 'x' + innerHeight;
fetch('/seen?size=' + size());
// Full screen comes when the compositor has configured the window: each new size is told.
addEventListener('resize', () => fetch('/size?' + size()));
</script></html>`;
createServer((request, response) => {
  appendFileSync(log, `${Date.now()} ${request.url}\n`);
  if (request.url.startsWith('/kiosk/')) {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(PAGE);
  } else response.end('ok');
}).listen(8080, '127.0.0.1');
