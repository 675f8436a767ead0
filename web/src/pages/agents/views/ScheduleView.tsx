import { WindowedAgentView } from './WindowedAgentView';

export function ScheduleView() {
  return (
    <WindowedAgentView
      route="/ai-agents/schedule/optimize"
      taskType="schedule.optimize"
      title="Smart scheduler"
      description="Each account’s best weekly times from its own engagement by weekday and hour in your audience’s zone, smoothed toward the network’s prior, and how those times did against your usual ones."
      daysLabel="Plan ahead"
      dayOptions={[7, 14, 28]}
      defaultDays={7}
    />
  );
}
