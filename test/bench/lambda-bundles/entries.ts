import { AREAS } from '../../../functions/http/route-table';

export interface LambdaEntry {
  /** Short name used in tables and as the output folder. */
  name: string;
  /** Source file relative to the repository root. */
  source: string;
}

const WEBSOCKET_HANDLERS = ['authorize', 'connect', 'disconnect', 'default'] as const;
const JOB_HANDLERS = ['publish', 'background', 'agent', 'sweep', 'migrate'] as const;

/**
 * Every Lambda entry the stack deploys: one per HTTP area (from the route table, so a new
 * area is measured without touching this file), the WebSocket routes and the workers.
 */
export function lambdaEntries(): LambdaEntry[] {
  return [
    ...AREAS.map((area) => ({ name: `http-${area}`, source: `functions/http/areas/${area}.ts` })),
    ...WEBSOCKET_HANDLERS.map((name) => ({ name: `ws-${name}`, source: `functions/ws/${name}.ts` })),
    ...JOB_HANDLERS.map((name) => ({ name: `job-${name}`, source: `functions/jobs/${name}.ts` })),
  ];
}
