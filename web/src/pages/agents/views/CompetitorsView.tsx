import { WindowedAgentView } from './WindowedAgentView';

export function CompetitorsView() {
  return (
    <WindowedAgentView
      route="/ai-agents/competitor/analyze"
      taskType="competitors.analyze"
      title="Competitor monitor"
      description="Your cadence, engagement and share of voice beside your tracked competitors (add them under Analytics, Competitors), and where they do measurably better."
      daysLabel="Period"
      dayOptions={[7, 30, 90, 365]}
      defaultDays={30}
    />
  );
}
