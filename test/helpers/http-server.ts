import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer, type ServerOptions } from '../../src/adapters/http/server.js';
import { type AppContext, openContext } from '../../src/main/context.js';

export interface RunningDesk {
  url: string;
  context: AppContext;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** The real server on a free port of 127.0.0.1, over a fresh SQLite data folder. */
export async function startDesk(
  options: ServerOptions = {},
  env: NodeJS.ProcessEnv = {},
): Promise<RunningDesk> {
  const data = mkdtempSync(join(tmpdir(), 'appel-desk-'));
  const context = await openContext({ data, env: { ...env, APPEL_DATA: data } });
  const app = await buildServer(context, options);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    context,
    app,
    close: async () => {
      await app.close();
      await context.close();
    },
  };
}
