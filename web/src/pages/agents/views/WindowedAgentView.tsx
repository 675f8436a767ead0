import { useState } from 'react';
import { useSignedInUser } from '../../../auth/use-session';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import type { TaskRoute } from '../agent-api';
import { AgentProblem } from '../AgentProblem';
import { LatestResult } from '../LatestResult';
import { ViewerNote } from '../RunNote';
import { useAudienceZone } from '../use-audience-zone';
import { useRunTask } from '../use-run-task';
import { DaysSelect, ZoneSelect } from './ZoneSelect';

type WindowedRoute =
  '/ai-agents/trends/analyze' | '/ai-agents/competitor/analyze' | '/ai-agents/schedule/optimize';

/**
 * A data-driven agent that takes only a window and the audience's zone (trends, competitors,
 * best times): the form, its refusal in words, and the latest result with its evidence.
 */
export function WindowedAgentView({
  route,
  taskType,
  title,
  description,
  daysLabel,
  dayOptions,
  defaultDays,
}: {
  route: WindowedRoute & TaskRoute;
  taskType: 'trends.analyze' | 'competitors.analyze' | 'schedule.optimize';
  title: string;
  description: string;
  daysLabel: string;
  dayOptions: readonly number[];
  defaultDays: number;
}) {
  const { can } = useSignedInUser();
  const [zone, setZone] = useState(useAudienceZone());
  const [days, setDays] = useState(defaultDays);
  const task = useRunTask(route);
  return (
    <div className="space-y-6">
      <Card title={title} description={description}>
        <div className="space-y-4">
          <div className="grid gap-3 sm:grid-cols-2">
            <DaysSelect label={daysLabel} value={days} onChange={setDays} options={dayOptions} />
            <ZoneSelect value={zone} onChange={setZone} />
          </div>
          {can('user') ? (
            <Button busy={task.starting} onClick={() => task.run({ days, timeZone: zone })}>
              Run the agent
            </Button>
          ) : (
            <ViewerNote />
          )}
          <AgentProblem problem={task.problem} />
        </div>
      </Card>
      <LatestResult taskType={taskType} current={task.task} />
    </div>
  );
}
