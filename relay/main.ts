import { readFileSync } from 'node:fs';
import { parseRelayConfig } from './relay-config';
import { startRelay } from './relay-server';

/* `npm run relay`: starts the briefing relay (docs/relay.md). */

const parsed = parseRelayConfig(process.argv.slice(2), process.env, (path) => readFileSync(path, 'utf8'));
if (!parsed.ok) {
  (parsed.help ? console.log : console.error)(parsed.message);
  process.exit(parsed.help ? 0 : 2);
}
const { config } = parsed;
const log = (line: string): void => console.log(`${new Date().toISOString()} ${line}`);

const relay = await startRelay({ ...config, log }).catch((error: NodeJS.ErrnoException) => {
  console.error(`The relay could not start on ${config.host}:${config.port}: ${error.code === 'EADDRINUSE' ? 'the port is in use' : error.message}`);
  process.exit(1);
});
console.log(`Relay listening on ${relay.url} (data folder ${config.dataDir}; enrolment ${config.enrolmentSecret ? 'needs the secret' : 'open'})`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: closing connections and writing documents`);
    void relay.stop().then(() => process.exit(0));
  });
}
