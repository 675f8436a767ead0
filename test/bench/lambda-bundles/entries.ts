import { AREAS } from '../../../functions/shared/route-table';
import type { PortWiring } from '../../../lib/bundled-ports';
import { AREA_ACCESS, REALTIME_ACCESS, WORKER_ACCESS } from '../../../lib/function-access';
import { AREAS_THAT_JUDGE_PASSWORDS } from '../../../lib/password-checker';

export interface LambdaEntry {
  /** Short name used in tables and as the output folder. */
  name: string;
  /** Source file relative to the repository root. */
  source: string;
  /** The ports its bundle wires, as the stack builds it (lib/area-functions.ts, workers.ts, realtime-functions.ts). */
  wiring?: PortWiring;
  /** Ships the password checker beside its bundle (lib/password-checker.ts). */
  passwordChecker?: boolean;
}

const WEBSOCKET_HANDLERS = ['authorize', 'connect', 'disconnect', 'default'] as const;
const JOB_HANDLERS = ['publish', 'background', 'agent', 'sweep'] as const;

/**
 * Every Lambda entry the stack deploys: one per HTTP area (from the route table, so a new
 * area is measured without touching this file), the WebSocket routes and the workers.
 */
export function lambdaEntries(): LambdaEntry[] {
  return [
    ...AREAS.map((area) => ({
      name: `http-${area}`,
      source: `functions/http/areas/${area}.ts`,
      wiring: { database: true, capabilities: AREA_ACCESS[area] },
      passwordChecker: AREAS_THAT_JUDGE_PASSWORDS.includes(area),
    })),
    ...WEBSOCKET_HANDLERS.map((name) => ({
      name: `ws-${name}`,
      source: `functions/ws/${name}.ts`,
      wiring: { database: false, capabilities: REALTIME_ACCESS[name] },
    })),
    ...JOB_HANDLERS.map((name) => ({
      name: `job-${name}`,
      source: `functions/jobs/${name}.ts`,
      wiring: { database: true, capabilities: WORKER_ACCESS[name] },
    })),
    // The migration builds no container: nothing to switch off.
    { name: 'job-migrate', source: 'functions/jobs/migrate.ts' },
  ];
}
