import { Duration } from 'aws-cdk-lib';
import * as triggers from 'aws-cdk-lib/triggers';
import { Construct } from 'constructs';
import type { Database } from './database';
import type { Network } from './network';
import { PlumeFunction, type SharedFunctionSettings } from './plume-function';

/** Where the SQL files sit inside the bundle (copied there by the afterBundling hook). */
export const BUNDLED_MIGRATIONS_DIR = 'migrations';

export interface MigrationProps {
  shared: SharedFunctionSettings;
  network: Network;
  database: Database;
}

/**
 * The deploy-time schema migration: a Trigger invokes `functions/jobs/migrate.ts` once the
 * database exists, and again whenever the function changes. The committed SQL folder is
 * copied into the bundle, so any new migration changes the asset and re-runs it; so does a
 * change of its configuration (e.g. the database endpoint). A failed migration fails the
 * deployment, which CloudFormation rolls back before new code serves traffic.
 */
export class Migration extends Construct {
  readonly handler: PlumeFunction;
  readonly trigger: triggers.Trigger;

  constructor(scope: Construct, id: string, props: MigrationProps) {
    super(scope, id);
    this.handler = new PlumeFunction(this, 'Function', {
      entry: 'functions/jobs/migrate.ts',
      service: 'migrate',
      description: 'Applies the committed database migrations during deployment',
      shared: props.shared,
      network: props.network,
      timeout: Duration.minutes(5),
      memorySize: 512,
      environment: { MIGRATIONS_FOLDER: `/var/task/${BUNDLED_MIGRATIONS_DIR}` },
      afterBundling: (inputDir, outputDir) => [
        `cp -R "${inputDir}/functions/db/migrations" "${outputDir}/${BUNDLED_MIGRATIONS_DIR}"`,
      ],
    }).useDatabaseAdmin(props.database);

    this.trigger = new triggers.Trigger(this, 'Trigger', {
      handler: this.handler,
      // Aurora resuming from 0 ACU takes ~15 s; migrations themselves are quick.
      timeout: Duration.minutes(5),
      invocationType: triggers.InvocationType.REQUEST_RESPONSE,
      executeOnHandlerChange: true,
      executeAfter: [props.database],
    });
  }

  /** Makes these constructs (the functions that use the schema) wait for the migration. */
  runBefore(...constructs: Construct[]): void {
    this.trigger.executeBefore(...constructs);
  }
}
