import type { HttpScenario } from '../types.js';

/** GET /api/health: the floor of the stack (routing, headers, serialisation). */
export const health: HttpScenario = {
  kind: 'http',
  async prepare({ url }) {
    return { url: `${url}/api/health` };
  },
};
