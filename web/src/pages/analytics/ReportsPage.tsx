import { useSignedInUser } from '../../auth/use-session';
import { Card } from '../../components/Card';
import { ExportDataForm } from './reports/ExportDataForm';
import { GenerateReportForm } from './reports/GenerateReportForm';
import { ReportList } from './reports/ReportList';
import { ScheduleForm } from './reports/ScheduleForm';
import { ScheduleList } from './reports/ScheduleList';
import { useAnalyticsRange } from './use-analytics-range';

/**
 * Reports: PDF and CSV files of a period's KPIs, charts and top posts, made in the background,
 * kept, and downloaded through short-lived links; exports of the raw rows (kept 7 days);
 * schedules that make reports weekly or monthly.
 * Viewers read and download; making and scheduling is for members who can publish (the API
 * refuses viewers, so their controls are not shown).
 */
export default function ReportsPage() {
  const { can } = useSignedInUser();
  const { timeZone } = useAnalyticsRange();
  const canEdit = can('user');
  return (
    <div className="space-y-6">
      {canEdit ? (
        <Card title="Generate a report" description="Made in the background; it appears below when ready.">
          <GenerateReportForm />
        </Card>
      ) : null}
      {canEdit ? (
        <Card
          title="Export the data"
          description="The rows behind the figures, as one file made in the background."
        >
          <ExportDataForm />
        </Card>
      ) : null}
      <Card title="Reports" description="Newest first. A download link works for 5 minutes once asked for.">
        <ReportList timeZone={timeZone} />
      </Card>
      <Card title="Schedules" description="Reports made on their own for the week or month just ended.">
        <div className="space-y-6">
          <ScheduleList canEdit={canEdit} timeZone={timeZone} />
          {canEdit ? <ScheduleForm /> : null}
        </div>
      </Card>
    </div>
  );
}
