import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { REALTIME_ACCESS } from './function-access';
import { PlumeFunction, type SharedFunctionSettings } from './plume-function';
import type { RealtimeApi } from './realtime-api';

export interface RealtimeFunctionsProps {
  shared: SharedFunctionSettings;
  table: dynamodb.ITable;
}

/**
 * The WebSocket handlers. They touch only the state table (tickets, connection records)
 * and the management API, never the database, so they run outside the VPC: connecting
 * stays fast and does not wake a paused Aurora.
 */
export class RealtimeFunctions extends Construct {
  readonly authorizer: PlumeFunction;
  readonly connect: PlumeFunction;
  readonly disconnect: PlumeFunction;
  readonly default: PlumeFunction;

  constructor(scope: Construct, id: string, props: RealtimeFunctionsProps) {
    super(scope, id);
    const define = (route: string, entry: string, description: string): PlumeFunction =>
      // ids end in "Route": a construct named "Default" would vanish from its logical id.
      new PlumeFunction(this, `${route}Route`, {
        entry,
        service: `ws-${route.toLowerCase()}`,
        description,
        shared: props.shared,
        memorySize: 512,
        wiring: {
          database: false,
          capabilities: REALTIME_ACCESS[route.toLowerCase() as keyof typeof REALTIME_ACCESS],
        },
      }).useTable(props.table);
    this.authorizer = define(
      'Authorize',
      'functions/ws/authorize.ts',
      'WebSocket $connect ticket authorizer',
    );
    this.connect = define('Connect', 'functions/ws/connect.ts', 'WebSocket $connect: records the connection');
    this.disconnect = define(
      'Disconnect',
      'functions/ws/disconnect.ts',
      'WebSocket $disconnect: forgets the connection',
    );
    this.default = define('Default', 'functions/ws/default.ts', 'WebSocket $default: answers pings');
  }

  /** The connection store lives behind the Realtime port, which needs the API's callback URL. */
  bindApi(api: RealtimeApi): void {
    for (const fn of [this.connect, this.disconnect, this.default]) fn.useRealtime(api);
  }

  get all(): PlumeFunction[] {
    return [this.authorizer, this.connect, this.disconnect, this.default];
  }
}
