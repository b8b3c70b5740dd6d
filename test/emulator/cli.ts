/**
 * tsx test/emulator/cli.ts --port 8787 [--client-id ID --redirect-uri URI ...] [--enterprise] [--no-self-replies] [--seed demo|minimal]
 *
 * Each --redirect-uri belongs to the --client-id before it. Without --client-id the default clients
 * (perch-test-client, perch-demo-client) are registered with no callback URLs; add them with
 * POST /__emulator/clients.
 */
import { DEFAULT_CLIENTS, startEmulator, type EmulatorClient } from './server';
import type { SeedName } from './seed';

function usage(message: string): never {
  console.error(
    `${message}\nusage: tsx test/emulator/cli.ts --port 8787 [--client-id ID --redirect-uri URI ...] [--enterprise] [--no-self-replies] [--seed demo|minimal]`,
  );
  process.exit(2);
}

const args = process.argv.slice(2);
let port = 8787;
let enterprise = false;
let selfRepliesAllowed = true;
let seed: SeedName = 'minimal';
const clients: EmulatorClient[] = [];

for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  const value = (): string => {
    const v = args[++i];
    if (v === undefined) usage(`${arg} needs a value`);
    return v;
  };
  switch (arg) {
    case '--port': {
      const v = value();
      port = Number(v);
      if (!Number.isInteger(port) || port < 0 || port > 65535) usage(`bad port ${v}`);
      break;
    }
    case '--client-id':
      clients.push({ clientId: value(), redirectUris: [] });
      break;
    case '--redirect-uri': {
      const last = clients[clients.length - 1];
      if (!last) usage('--redirect-uri must follow a --client-id');
      last.redirectUris.push(value());
      break;
    }
    case '--enterprise':
      enterprise = true;
      break;
    case '--no-self-replies':
      // A self-serve reply to one's own post is refused like any unsummoned reply (README, "Decisions the docs left open").
      selfRepliesAllowed = false;
      break;
    case '--seed': {
      const v = value();
      if (v !== 'demo' && v !== 'minimal') usage(`bad seed ${v}`);
      seed = v;
      break;
    }
    case '--help':
    case '-h':
      usage('X API emulator');
      break;
    default:
      usage(`unknown argument ${arg}`);
  }
}

const emulator = await startEmulator({ port, enterprise, selfRepliesAllowed, seed, clients: clients.length ? clients : DEFAULT_CLIENTS });
console.log(`X API emulator listening on ${emulator.url}`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  emulator.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
