import * as z from 'zod';
import type { BackgroundJob } from './background-jobs';
import { checkCrisis } from '../core/listening/crisis-check';
import { checkPerformance } from '../core/listening/performance-check';

const message = z.object({ organizationId: z.uuid() });

/** `{type: 'check-crisis', organizationId}`: the crisis manager's hourly look at the mentions. */
export const checkCrisisJob: BackgroundJob = async (body, container) => {
  await checkCrisis(container, message.parse(body));
};

/** `{type: 'check-performance', organizationId}`: the performance tracker's daily look at the accounts. */
export const checkPerformanceJob: BackgroundJob = async (body, container) => {
  await checkPerformance(container, message.parse(body));
};
