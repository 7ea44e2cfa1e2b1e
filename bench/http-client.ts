import net from 'node:net';

export type HttpResult = { status: number; body: string; setCookie: string[]; ms: number };

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
}

export type Connection = {
  send(method: string, path: string, cookie: string, body?: unknown): Promise<HttpResult>;
  sendRaw(method: string, path: string, cookie: string, payload: Buffer, contentType: string): Promise<HttpResult>;
  close(): void;
};

/**
 * One keep-alive HTTP/1.1 connection with one request at a time, as a participant's browser at
 * the venue has: no pool, no queue in the load generator, little work per request (the generator
 * shares the server's cores). Reconnects when the server closed the connection.
 */
export function openConnection(baseUrl: string): Connection {
  const url = new URL(baseUrl);
  const host = `${url.hostname}:${url.port}`;
  let socket: net.Socket | null = null;
  let pending: { resolve: (r: HttpResult) => void; reject: (e: Error) => void; started: number; timer: NodeJS.Timeout } | null = null;
  let buffer: Buffer = Buffer.alloc(0);

  function fail(error: Error) {
    socket?.destroy();
    socket = null;
    buffer = Buffer.alloc(0);
    const p = pending;
    pending = null;
    if (p) {
      clearTimeout(p.timer);
      p.reject(error);
    }
  }

  function onData(chunk: Buffer) {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    const headEnd = buffer.indexOf('\r\n\r\n');
    if (headEnd < 0 || !pending) return;
    const head = buffer.subarray(0, headEnd).toString('latin1');
    const lines = head.split('\r\n');
    const status = Number(lines[0]!.split(' ')[1]);
    let length = -1;
    let close = false;
    const setCookie: string[] = [];
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'content-length') length = Number(value);
      else if (name === 'set-cookie') setCookie.push(value);
      else if (name === 'connection' && value.toLowerCase() === 'close') close = true;
      else if (name === 'transfer-encoding') return fail(new Error('chunked responses are not expected here'));
    }
    if (length < 0) return fail(new Error('response without content-length'));
    if (buffer.length < headEnd + 4 + length) return;
    const body = buffer.subarray(headEnd + 4, headEnd + 4 + length).toString('utf8');
    buffer = buffer.subarray(headEnd + 4 + length);
    const p = pending;
    pending = null;
    clearTimeout(p.timer);
    if (close) {
      socket?.destroy();
      socket = null;
    }
    p.resolve({ status, body, setCookie, ms: performance.now() - p.started });
  }

  function connect() {
    const s = net.connect({ host: url.hostname, port: Number(url.port) });
    s.setNoDelay(true);
    s.on('data', onData);
    s.on('error', (error) => fail(error));
    s.on('close', () => {
      if (socket === s) fail(new Error('connection closed'));
    });
    socket = s;
    return s;
  }

  function request(method: string, path: string, cookie: string, payload: Buffer | string, contentType: string | null): Promise<HttpResult> {
    if (pending) return Promise.reject(new Error('one request at a time'));
    const length = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
    const head = `${method} ${path} HTTP/1.1\r\nhost: ${host}\r\ncookie: ${cookie}\r\n${contentType ? `content-type: ${contentType}\r\n` : ''}${method === 'GET' ? '' : `content-length: ${length}\r\n`}\r\n`;
    return new Promise<HttpResult>((resolve, reject) => {
      pending = { resolve, reject, started: performance.now(), timer: setTimeout(() => fail(new Error('timeout')), 30_000) };
      socket ??= connect();
      if (typeof payload === 'string') socket.write(head + payload);
      else {
        socket.write(head);
        socket.write(payload);
      }
    });
  }

  return {
    send: (method, path, cookie, body) => (body === undefined ? request(method, path, cookie, '', null) : request(method, path, cookie, JSON.stringify(body), 'application/json')),
    sendRaw: (method, path, cookie, payload, contentType) => request(method, path, cookie, payload, contentType),
    close() {
      socket?.destroy();
      socket = null;
    },
  };
}
