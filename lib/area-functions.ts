import { Duration } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { AREAS, type Area } from '../functions/shared/route-table';
import { createAppFunction, type AppFunctionProps, type AppResources } from './app-resources';
import { AREAS_THAT_DECODE_IMAGES, copyCodecWasm } from './codec-wasm';
import {
  AREAS_THAT_JUDGE_PASSWORDS,
  buildPasswordChecker,
  PASSWORD_CHECKER_DEFINE,
} from './password-checker';
import { AREA_ACCESS } from './function-access';
import type { PlumeFunction } from './plume-function';

/** What an area's bundle needs beside it: image codecs, the password checker. */
function afterBundlingOf(area: Area): Pick<AppFunctionProps, 'afterBundling' | 'define'> {
  const codecs = AREAS_THAT_DECODE_IMAGES.includes(area);
  const passwords = AREAS_THAT_JUDGE_PASSWORDS.includes(area);
  if (!codecs && !passwords) return {};
  return {
    afterBundling: (inputDir, outputDir) => [
      ...(codecs ? copyCodecWasm(inputDir, outputDir) : []),
      ...(passwords ? buildPasswordChecker(inputDir, outputDir) : []),
    ],
    ...(passwords ? { define: PASSWORD_CHECKER_DEFINE } : {}),
  };
}

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
          ...afterBundlingOf(area),
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
