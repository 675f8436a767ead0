import { Duration } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { AREAS, type Area } from '../functions/http/route-table';
import { createAppFunction, type AppResources } from './app-resources';
import { AREAS_THAT_DECODE_IMAGES, copyCodecWasm } from './codec-wasm';
import { AREA_ACCESS } from './function-access';
import type { PlumeFunction } from './plume-function';

/**
 * One Lambda per route-table area (functions/http/areas/<area>.ts): areas scale, fail and
 * are permitted independently, without one function per route.
 */
export class AreaFunctions extends Construct {
  readonly byArea: Record<Area, PlumeFunction>;

  constructor(scope: Construct, id: string, resources: AppResources) {
    super(scope, id);
    this.byArea = Object.fromEntries(
      AREAS.map((area) => [
        area,
        createAppFunction(this, area, resources, {
          entry: `functions/http/areas/${area}.ts`,
          service: `api-${area}`,
          description: `Plume HTTP API: ${area} routes`,
          capabilities: AREA_ACCESS[area],
          ...(AREAS_THAT_DECODE_IMAGES.includes(area) ? { afterBundling: copyCodecWasm } : {}),
          // Below API Gateway's 30 s integration limit so the handler, not the gateway, answers;
          // it holds two 10 s connection attempts (a paused Aurora resumes in ~15 s) and the work.
          timeout: Duration.seconds(25),
          memorySize: 1024,
        })
          // Tells requests that came through CloudFront (whose viewer address counts) from direct ones.
          .useSecret('ORIGIN_VERIFY_SECRET_ARN', resources.secrets.originVerify),
      ]),
    ) as Record<Area, PlumeFunction>;
  }

  get all(): PlumeFunction[] {
    return AREAS.map((area) => this.byArea[area]);
  }
}
