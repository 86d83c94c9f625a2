// Where the hub listens and keeps its data: typed defaults, then command-line flags and
// environment variables. Bad values stop the start with a message that names them.

import { existsSync, readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface RuntimeConfig {
  port: number;
  host: string;
  dataDir: string;
  /** A hall description to load at start; null = keep the stored hall (the demo on first start). */
  hallFile: string | null;
  logLevel: string;
  /** The hall's certificate and key (PEM) to serve HTTPS; null serves plain HTTP. */
  tls: { cert: Buffer; key: Buffer } | null;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

function port(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`${name} must be a port number (0-65535), not "${value}"`);
  return n;
}

/** A hall file named on the command line or in LUOT_CONFIG, else hall.yaml/.yml/.json in the data folder. */
function hallFile(named: string | undefined, dataDir: string): string | null {
  if (named) {
    const path = resolve(named);
    if (!existsSync(path)) throw new ConfigError(`the hall description ${path} does not exist`);
    return path;
  }
  for (const name of ['hall.yaml', 'hall.yml', 'hall.json']) {
    const path = resolve(dataDir, name);
    if (existsSync(path)) return path;
  }
  return null;
}

/** The command-line flags; an unknown flag or a missing value stops the start with the usage line. */
function flags(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        config: { type: 'string', short: 'c' },
        port: { type: 'string', short: 'p' },
        data: { type: 'string' },
        host: { type: 'string' },
        cert: { type: 'string' },
        key: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}. Usage: npm start -- [--config hall.yaml] [--port 8080] [--data ./data] [--host 0.0.0.0] [--cert hall.crt --key hall.key]`);
  }
}

export function runtimeConfig(argv: string[], env: NodeJS.ProcessEnv): RuntimeConfig {
  const args = flags(argv);
  const dataDir = resolve(args.data ?? env.LUOT_DATA_DIR ?? './data');
  return {
    port: args.port !== undefined ? port(args.port, '--port') : env.PORT ? port(env.PORT, 'PORT') : 8080,
    host: args.host ?? env.LUOT_HOST ?? '0.0.0.0',
    dataDir,
    hallFile: hallFile(args.config ?? env.LUOT_CONFIG, dataDir),
    logLevel: env.LUOT_LOG_LEVEL ?? 'info',
    tls: tls(args.cert ?? env.LUOT_TLS_CERT, args.key ?? env.LUOT_TLS_KEY),
  };
}

/** Both files or neither; each readable, and the key must belong to the certificate. */
function tls(certPath: string | undefined, keyPath: string | undefined): RuntimeConfig['tls'] {
  if (!certPath && !keyPath) return null;
  if (!certPath || !keyPath) throw new ConfigError('HTTPS needs both the certificate and its key: set LUOT_TLS_CERT and LUOT_TLS_KEY (or --cert and --key)');
  const read = (path: string, what: string) => {
    try {
      return readFileSync(resolve(path));
    } catch (error) {
      throw new ConfigError(`the ${what} ${resolve(path)} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  };
  const pair = { cert: read(certPath, 'certificate'), key: read(keyPath, 'certificate key') };
  try {
    createSecureContext(pair);
  } catch (error) {
    throw new ConfigError(`the certificate ${resolve(certPath)} and the key ${resolve(keyPath)} cannot serve HTTPS: ${(error as Error).message}`);
  }
  return pair;
}
