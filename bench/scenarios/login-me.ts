import type { HttpScenario } from '../types.js';

export const DEMO_APPLICANT = { email: 'pelamar@rekrutmen.local', password: 'Demo-Rekrutmen-2026!' };

/** Logs in once per connection (not measured), then GET /api/auth/me: the session lookup on every request. */
export const loginMe: HttpScenario = {
  kind: 'http',
  async prepare({ url, connections }) {
    const cookies: string[] = [];
    for (let i = 0; i < connections; i++) {
      const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_APPLICANT) });
      if (!response.ok) throw new Error(`login gagal: ${response.status} ${await response.text()}`);
      cookies.push(response.headers.getSetCookie()[0]!.split(';')[0]!);
    }
    let next = 0;
    return {
      url: `${url}/api/auth/me`,
      setupClient: (client) => client.setHeaders({ cookie: cookies[next++ % cookies.length]! }),
    };
  },
};
