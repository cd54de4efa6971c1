import { parseArgs } from 'node:util';
import { resolve } from 'node:path';

/*
 * `npm run relay -- [flags]`: every setting by flag or environment variable (flags win). The
 * enrolment secret is never a flag (flags show in `ps`): an environment variable or a file.
 */

export const DEFAULT_PORT = 4455;

export interface RelayConfig {
  host: string;
  port: number;
  dataDir: string;
  enrolmentSecret: string | undefined;
  storeDebounceMs: number;
}

export const USAGE = `Usage: npm run relay -- [options]

  --host <address>              address to listen on (RELAY_HOST; default 127.0.0.1)
  --port <n>                    port (RELAY_PORT; default ${DEFAULT_PORT}; 0 picks a free one)
  --data <folder>               data folder (RELAY_DATA_DIR; default ./relay-data)
  --enrolment-secret-file <f>   file holding the enrolment secret (RELAY_ENROLMENT_SECRET_FILE,
                                or the secret itself in RELAY_ENROLMENT_SECRET)
  --open-enrolment              allow registering briefings without a secret on a non-loopback address
  --store-debounce <ms>         wait this long after the last change before writing (RELAY_STORE_DEBOUNCE_MS; default 1000)
  --help`;

export type ConfigResult = { ok: true; config: RelayConfig } | { ok: false; message: string; help?: boolean };

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function parseRelayConfig(
  argv: string[],
  env: Record<string, string | undefined>,
  readSecretFile: (path: string) => string,
): ConfigResult {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        data: { type: 'string' },
        'enrolment-secret-file': { type: 'string' },
        'open-enrolment': { type: 'boolean' },
        'store-debounce': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  if (values.help) return { ok: false, message: USAGE, help: true };
  const host = values.host ?? env.RELAY_HOST ?? '127.0.0.1';
  const port = Number(values.port ?? env.RELAY_PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return { ok: false, message: `not a port: ${values.port ?? env.RELAY_PORT}` };
  const storeDebounceMs = Number(values['store-debounce'] ?? env.RELAY_STORE_DEBOUNCE_MS ?? 1000);
  if (!Number.isInteger(storeDebounceMs) || storeDebounceMs < 0) return { ok: false, message: 'the store debounce is a number of milliseconds' };
  const secretFile = values['enrolment-secret-file'] ?? env.RELAY_ENROLMENT_SECRET_FILE;
  let enrolmentSecret = env.RELAY_ENROLMENT_SECRET;
  if (secretFile !== undefined) {
    try {
      enrolmentSecret = readSecretFile(secretFile).trim();
    } catch (error) {
      return { ok: false, message: `cannot read the enrolment secret file: ${(error as Error).message}` };
    }
  }
  if (enrolmentSecret !== undefined && enrolmentSecret.length < 16) {
    return { ok: false, message: 'the enrolment secret must be at least 16 characters' };
  }
  // Secure by default: on a network, only those given the secret may register briefings.
  if (!LOOPBACK.has(host) && enrolmentSecret === undefined && !values['open-enrolment']) {
    return {
      ok: false,
      message: `listening on ${host} lets other machines register briefings: set RELAY_ENROLMENT_SECRET (or --enrolment-secret-file), or pass --open-enrolment`,
    };
  }
  return { ok: true, config: { host, port, dataDir: resolve(values.data ?? env.RELAY_DATA_DIR ?? 'relay-data'), enrolmentSecret, storeDebounceMs } };
}
