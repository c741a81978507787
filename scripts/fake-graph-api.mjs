#!/usr/bin/env node
// A local stand-in for the WhatsApp Cloud API's Graph endpoint, for trying the gateway's `cloud` provider
// without a Meta account: POST /<version>/<phone_number_id>/messages answers what the Graph API answers
// ({messaging_product, contacts, messages: [{id: wamid}]}) and prints each message the gateway sent.
// Usage: node scripts/fake-graph-api.mjs [port]   (default 8095; stop with Ctrl-C)
import http from 'node:http';
import { randomBytes } from 'node:crypto';

const port = Number(process.argv[2] ?? 8095);
http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    if (req.method !== 'POST' || !/^\/v[\d.]+\/[^/]+\/messages$/.test(req.url)) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'Unknown path', type: 'OAuthException', code: 100, fbtrace_id: 'local' } }));
      return;
    }
    let message;
    try {
      message = JSON.parse(body);
    } catch {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'Invalid JSON', type: 'OAuthException', code: 100, fbtrace_id: 'local' } }));
      return;
    }
    const wamid = 'wamid.' + randomBytes(30).toString('base64');
    console.log(new Date().toISOString(), req.url, JSON.stringify(message));
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ messaging_product: 'whatsapp', contacts: [{ input: message.to, wa_id: message.to }],
      messages: [{ id: wamid }] }));
  });
}).listen(port, '127.0.0.1', () => console.log(`fake Graph API on http://127.0.0.1:${port}/v21.0`));
