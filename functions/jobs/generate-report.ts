import * as z from 'zod';
import { generateReport } from '../core/analytics/reports/generate-report';
import type { BackgroundJob } from './background-jobs';

const message = z.object({ organizationId: z.uuid(), reportId: z.uuid() });

/** `{type: 'generate-report', organizationId, reportId}`: renders, stores and announces one report. */
export const generateReportJob: BackgroundJob = async (body, container) => {
  await generateReport(container, message.parse(body));
};
