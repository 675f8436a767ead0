import type { Container } from '../adapters/container';
import { SEND_MAIL } from '../core/mail/outgoing-mail';
import { DELIVER_NOTIFICATION_EMAILS } from '../core/notifications/email-outbox';
import { deliverNotificationEmailsJob } from './deliver-notification-emails';
import { exportUserData } from './export-user-data';
import { generateReportJob } from './generate-report';
import { GENERATE_REPORT } from '../core/analytics/reports/request-report';
import { optimizeMedia } from './media-optimize';
import { syncSocialAccountJob } from './sync-social-account';
import { syncCompetitorJob } from './sync-competitor';
import { SYNC_COMPETITOR } from '../core/analytics/competitor-sync-tick';
import { processWebhookEventJob } from './process-webhook-event';
import { realtimeBroadcastJob } from './realtime-broadcast';
import { REALTIME_BROADCAST } from '../core/realtime/broadcast-fan-out';
import { sendMailJob } from './send-mail';
import { readMentionsJob } from './read-mentions';
import { READ_MENTIONS } from '../core/listening/mentions-tick';
import { checkCrisisJob, checkPerformanceJob } from './watch-checks';
import { CHECK_CRISIS, CHECK_PERFORMANCE } from '../core/listening/watch-tick';
import { RUN_WORKFLOW } from '../shared/agents/workflows';
import { runWorkflowJob } from './run-workflow';

export type BackgroundJob = (
  message: { type: string } & Record<string, unknown>,
  container: Container,
) => Promise<void>;

/**
 * Background job implementations by message type. Publishing adds `sync-social-account`,
 * analytics adds `generate-report`.
 */
export const BACKGROUND_JOBS: Readonly<Record<string, BackgroundJob>> = {
  'export-user-data': exportUserData,
  'optimize-media': optimizeMedia,
  'sync-social-account': syncSocialAccountJob,
  [GENERATE_REPORT]: generateReportJob,
  [SYNC_COMPETITOR]: syncCompetitorJob,
  'process-webhook-event': processWebhookEventJob,
  [DELIVER_NOTIFICATION_EMAILS]: deliverNotificationEmailsJob,
  [SEND_MAIL]: sendMailJob,
  [REALTIME_BROADCAST]: realtimeBroadcastJob,
  [READ_MENTIONS]: readMentionsJob,
  [CHECK_CRISIS]: checkCrisisJob,
  [CHECK_PERFORMANCE]: checkPerformanceJob,
  [RUN_WORKFLOW]: runWorkflowJob,
};
