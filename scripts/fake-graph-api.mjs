#!/usr/bin/env node
// A local stand-in for the WhatsApp Cloud API's Graph endpoint, for trying the gateway's `cloud` provider
// without a Meta account: POST /<version>/<phone_number_id>/messages answers what the Graph API answers
// ({messaging_product, contacts, messages: [{id: wamid}]}) and prints each message the gateway sent. A message
// beyond the send limits of Meta's reference (text 4096, interactive body 1024, 1-3 buttons with unique titles
// of 20, lists of 1-10 rows with titles of 24 and descriptions of 72, a list button of 20, template parameters
// without new lines, tabs or five spaces in a row) is refused as the Graph API refuses it: 400, code 131009.
// Usage: node scripts/fake-graph-api.mjs [port]   (default 8098; stop with Ctrl-C)
import http from 'node:http';
import { randomBytes } from 'node:crypto';

const port = Number(process.argv[2] ?? 8098);
const length = (s) => [...(s ?? '')].length;

/** What Meta would refuse in this message, or null. */
function beyondLimits(m) {
  if (m.messaging_product !== 'whatsapp') return 'messaging_product must be whatsapp';
  if (!/^\+?[1-9][0-9]{6,14}$/.test(m.to ?? '')) return 'to must be a phone number';
  if (m.type === 'text') {
    const n = length(m.text?.body);
    return n < 1 || n > 4096 ? 'text.body must be 1-4096 characters' : null;
  }
  if (m.type === 'interactive') {
    const i = m.interactive ?? {};
    const n = length(i.body?.text);
    if (n < 1 || n > 1024) return 'interactive.body.text must be 1-1024 characters';
    if (i.type === 'button') {
      const buttons = i.action?.buttons ?? [];
      if (buttons.length < 1 || buttons.length > 3) return '1-3 buttons';
      const titles = buttons.map((b) => b.reply?.title ?? '');
      if (titles.some((t) => length(t) < 1 || length(t) > 20)) return 'button titles must be 1-20 characters';
      if (new Set(titles).size !== titles.length) return 'button titles must be unique';
      return null;
    }
    if (i.type === 'list') {
      if (length(i.action?.button) < 1 || length(i.action?.button) > 20) return 'list button must be 1-20 characters';
      const rows = (i.action?.sections ?? []).flatMap((s) => s.rows ?? []);
      if (rows.length < 1 || rows.length > 10) return '1-10 list rows';
      if (rows.some((r) => length(r.title) < 1 || length(r.title) > 24)) return 'row titles must be 1-24 characters';
      if (rows.some((r) => length(r.description) > 72)) return 'row descriptions must be at most 72 characters';
      return null;
    }
    return 'unknown interactive type';
  }
  if (m.type === 'template') {
    const params = (m.template?.components ?? []).filter((c) => c.type !== 'button').flatMap((c) => c.parameters ?? []);
    if (params.some((p) => !p.text || /[\n\t]| {5}/.test(p.text))) return 'template parameters: no new lines, tabs or five spaces';
    return m.template?.language?.code ? null : 'template language missing';
  }
  return 'unknown type';
}

const error = (res, status, code, message) => {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ error: { message, type: 'OAuthException', code, error_data: { messaging_product: 'whatsapp', details: message }, fbtrace_id: 'local' } }));
};

http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    if (req.method !== 'POST' || !/^\/v[\d.]+\/[^/]+\/messages$/.test(req.url)) {
      error(res, 404, 100, 'Unknown path');
      return;
    }
    let message;
    try {
      message = JSON.parse(body);
    } catch {
      error(res, 400, 100, 'Invalid JSON');
      return;
    }
    const refused = beyondLimits(message);
    if (refused) {
      console.log(new Date().toISOString(), req.url, 'REFUSED (131009):', refused, JSON.stringify(message));
      error(res, 400, 131009, `(#131009) Parameter value is not valid: ${refused}`);
      return;
    }
    const wamid = 'wamid.' + randomBytes(30).toString('base64');
    console.log(new Date().toISOString(), req.url, JSON.stringify(message));
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ messaging_product: 'whatsapp', contacts: [{ input: message.to, wa_id: message.to }],
      messages: [{ id: wamid }] }));
  });
}).listen(port, '127.0.0.1', () => console.log(`fake Graph API on http://127.0.0.1:${port}/v21.0`));
