import { createAreaHandler } from '../area-handler';
import { analyticsContracts } from '../../shared/contracts/analytics';
import {
  addCompetitor,
  listCompetitors,
  removeCompetitor,
} from '../operations/analytics/competitor-accounts';
import { getCompetitorAnalytics } from '../operations/analytics/get-competitors';
import { getTrendAnalytics } from '../operations/analytics/get-trends';
import { exportAnalytics } from '../operations/analytics/export-analytics';
import { requestAnalyticsExport } from '../operations/analytics/request-export';
import {
  createReportSchedule,
  deleteReportSchedule,
  listReportSchedules,
} from '../operations/analytics/report-schedules';
import { downloadReportFile, generateReport, listReports } from '../operations/analytics/reports';
import { getAudienceAnalytics } from '../operations/analytics/get-audience';
import { getEngagementAnalytics } from '../operations/analytics/get-engagement';
import { getGrowthAnalytics } from '../operations/analytics/get-growth';
import { getAnalyticsOverview } from '../operations/analytics/get-overview';
import { getPostAnalytics } from '../operations/analytics/get-post-analytics';

// Every analytics route of the route table, each a thin operation over its core use-case.
export const handler = createAreaHandler('analytics', analyticsContracts, {
  getAnalyticsOverview,
  getPostAnalytics,
  getEngagementAnalytics,
  exportAnalytics,
  requestAnalyticsExport,
  generateReport,
  listReports,
  downloadReportFile,
  createReportSchedule,
  listReportSchedules,
  deleteReportSchedule,
  listCompetitors,
  addCompetitor,
  removeCompetitor,
  getCompetitorAnalytics,
  getTrendAnalytics,
  getGrowthAnalytics,
  getAudienceAnalytics,
});
