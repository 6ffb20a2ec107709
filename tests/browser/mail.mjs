// A real SMTP server for the browser tests: Debian's python3-aiosmtpd on a free loopback port,
// delivering into a Maildir that the tests read to follow the links in Recall's emails.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function accepts(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

// Quoted-printable bodies (long lines such as links are sent that way): soft breaks and =XX escapes.
function decodeQuotedPrintable(text) {
  const bytes = Buffer.from(text.replace(/=\r?\n/g, ''), 'latin1');
  const out = [];
  for (let i = 0; i < bytes.length; i++) {
    const hex = bytes.toString('latin1', i + 1, i + 3);
    if (bytes[i] === 0x3d && /^[0-9A-Fa-f]{2}$/.test(hex)) { out.push(parseInt(hex, 16)); i += 2; } else out.push(bytes[i]);
  }
  return Buffer.from(out).toString('utf8');
}

// One received message: lower-cased headers and the decoded body.
function parseMessage(raw) {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  const headers = {};
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  if (/quoted-printable/i.test(headers['content-transfer-encoding'] ?? '')) body = decodeQuotedPrintable(body);
  return { headers, body };
}

export class MailSink {
  constructor(root) { this.maildir = join(root, 'mail'); }

  async start() {
    this.port = await freePort();
    this.process = spawn('/usr/bin/python3', ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${this.port}`,
      '-c', 'aiosmtpd.handlers.Mailbox', this.maildir], { stdio: 'ignore' });
    for (let i = 0; i < 300 && !(await accepts(this.port)); i++) await delay(50);
    if (!(await accepts(this.port))) throw new Error('aiosmtpd did not accept connections within 15 s');
  }

  get url() { return `smtp://127.0.0.1:${this.port}`; }

  stop() { this.process?.kill(); }

  // Every message delivered so far, oldest first (by the file's mtime: directory order is no order).
  messages() {
    const files = [];
    for (const sub of ['new', 'cur']) {
      const dir = join(this.maildir, sub);
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir)) files.push(join(dir, name));
    }
    return files
      .map((file) => ({ file, at: statSync(file).mtimeMs }))
      .sort((a, b) => a.at - b.at || (a.file < b.file ? -1 : 1))
      .map(({ file }) => parseMessage(readFileSync(file, 'latin1')));
  }

  // Waits for the newest message to `address` whose body matches `pattern`; returns the match.
  // The outbox worker polls about once a second, so this allows well over that.
  async waitFor(address, pattern, timeoutMs = 30000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages()
        .filter((m) => (m.headers.to ?? '').includes(address))
        .map((m) => m.body.match(pattern))
        .filter(Boolean);
      if (found.length > 0) return found[found.length - 1];
      if (Date.now() > deadline) throw new Error(`no email to ${address} matching ${pattern} within ${timeoutMs} ms`);
      await delay(100);
    }
  }
}
