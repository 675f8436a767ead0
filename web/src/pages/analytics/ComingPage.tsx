import { PlannedArea } from '../../components/PlannedArea';

/**
 * An analytics page whose API is not built yet: says so plainly, with no sample data. Each is
 * replaced by its real page when its route answers (see the report of issue 10).
 */
function coming(headline: string, capabilities: string[]) {
  return function ComingPage() {
    return (
      <PlannedArea icon="analytics" milestone="analytics" headline={headline} capabilities={capabilities} />
    );
  };
}

export const GrowthComing = coming('Followers over time, per account.', [
  'A followers line per connected account, from the daily account metrics',
  'Growth against the period before, with the network each figure came from',
]);

export const AudienceComing = coming('Who follows you, where the network tells.', [
  'Age, gender, country and city bars where Facebook, Instagram and LinkedIn give them',
  'The reason, where a network gives none',
]);

export const TrendsComing = coming('Terms and hashtags on the rise.', [
  'Rising terms across your posts, mentions and tracked competitors',
  'A small chart per term over the period',
]);

export const ReportsComing = coming('Reports to generate, schedule and download.', [
  'PDF and CSV reports with KPIs, charts and top posts',
  'Weekly or monthly reports emailed to chosen members',
]);
