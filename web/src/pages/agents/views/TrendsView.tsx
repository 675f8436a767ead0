import { WindowedAgentView } from './WindowedAgentView';

export function TrendsView() {
  return (
    <WindowedAgentView
      route="/ai-agents/trends/analyze"
      taskType="trends.analyze"
      title="Trend analyzer"
      description="Terms and hashtags used significantly more in the recent window than in the four weeks before, across your posts, mentions and competitors’ posts."
      daysLabel="Recent window"
      dayOptions={[1, 2, 7, 14, 30]}
      defaultDays={7}
    />
  );
}
