import * as z from 'zod';
import type { BackgroundJob } from './background-jobs';
import { syncCompetitor } from '../core/analytics/competitor-sync';

const message = z.object({ organizationId: z.uuid(), competitorId: z.uuid() });

/** `{type: 'sync-competitor', organizationId, competitorId}`: the daily read of a tracked competitor. */
export const syncCompetitorJob: BackgroundJob = async (body, container) => {
  await syncCompetitor(container, message.parse(body));
};
