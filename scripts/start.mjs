// `npm start`: builds the web app when it is missing or older than its sources, then starts the server.
import { execSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

const built = 'web/dist/index.html';
const sources = Math.max(newest('web/src'), newest('core'), statSync('web/index.html').mtimeMs);
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  console.log('Membangun aplikasi web…');
  execSync('npx vite build --config web/vite.config.ts --logLevel warn', { stdio: 'inherit' });
}
const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
