import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import { IMAGE_CODEC_WASM_FILES } from '../functions/core/media/codec-wasm-files';
import { AGENT_QUEUES } from '../functions/core/ports/job-queue';
import { createAppFunction, type AppResources } from './app-resources';
import { copyPdfFonts } from './pdf-fonts';
import { WORKER_ACCESS } from './function-access';
import type { PlumeFunction } from './plume-function';
import { QUEUE_SETTINGS } from './queue-settings';

/** How often the sweep reconciles unconfirmed targets and catches schedules that never fired. */
export const SWEEP_INTERVAL = Duration.minutes(5);

/**
 * The background side: the publisher (publish queue), the jobs worker (exports, syncs), one
 * function per agent queue (the same code, AGENT_QUEUE tells it which agent it is, and each
 * agent scales and fails on its own), and the periodic sweep.
 */
export class Workers extends Construct {
  readonly publisher: PlumeFunction;
  readonly background: PlumeFunction;
  readonly agents: Record<(typeof AGENT_QUEUES)[number], PlumeFunction>;
  readonly sweep: PlumeFunction;

  constructor(scope: Construct, id: string, resources: AppResources) {
    super(scope, id);
    const { queues } = resources;

    this.publisher = createAppFunction(this, 'Publish', resources, {
      entry: 'functions/jobs/publish.ts',
      service: 'publish',
      description: 'Publishes due post targets (publish queue, fed by EventBridge Scheduler)',
      capabilities: WORKER_ACCESS.publish,
      timeout: QUEUE_SETTINGS.publish.consumerTimeout,
      memorySize: QUEUE_SETTINGS.publish.consumerMemoryMb,
    }).consume(queues.byName.publish, QUEUE_SETTINGS.publish);

    this.background = createAppFunction(this, 'Background', resources, {
      entry: 'functions/jobs/background.ts',
      service: 'jobs',
      description: 'Background jobs: exports, account syncs, bulk operations (jobs queue)',
      capabilities: WORKER_ACCESS.background,
      // The image optimizer's WebAssembly codecs are read from `wasm/` beside the bundle, and
      // the report renderer's PDF fonts from `standard-fonts/` (lib/pdf-fonts.ts).
      afterBundling: (inputDir, outputDir) => [
        `mkdir -p "${outputDir}/wasm"`,
        ...IMAGE_CODEC_WASM_FILES.map((file) => `cp "${inputDir}/node_modules/${file}" "${outputDir}/wasm/"`),
        ...copyPdfFonts(inputDir, outputDir),
      ],
      timeout: QUEUE_SETTINGS.jobs.consumerTimeout,
      memorySize: QUEUE_SETTINGS.jobs.consumerMemoryMb,
    }).consume(queues.byName.jobs, QUEUE_SETTINGS.jobs);

    this.agents = Object.fromEntries(
      AGENT_QUEUES.map((name) => {
        const settings = QUEUE_SETTINGS[name];
        const fn = createAppFunction(this, `Agent-${name}`, resources, {
          entry: 'functions/jobs/agent.ts',
          service: name,
          description: `AI agent worker for ${name}`,
          capabilities: WORKER_ACCESS.agent,
          timeout: settings.consumerTimeout,
          memorySize: settings.consumerMemoryMb,
          environment: { AGENT_QUEUE: name },
        }).consume(queues.byName[name], settings);
        return [name, fn];
      }),
    ) as Record<(typeof AGENT_QUEUES)[number], PlumeFunction>;

    this.sweep = createAppFunction(this, 'Sweep', resources, {
      entry: 'functions/jobs/sweep.ts',
      service: 'sweep',
      description: 'Reconciles unconfirmed and missed post targets every 5 minutes',
      capabilities: WORKER_ACCESS.sweep,
      timeout: Duration.minutes(2),
      memorySize: 512,
    });
    new events.Rule(this, 'SweepSchedule', {
      description: 'Runs the Plume publishing sweep and queues the metrics syncs that are due',
      schedule: events.Schedule.rate(SWEEP_INTERVAL),
      targets: [new targets.LambdaFunction(this.sweep, { retryAttempts: 0 })],
    });
  }

  get all(): PlumeFunction[] {
    return [this.publisher, this.background, ...Object.values(this.agents), this.sweep];
  }
}
