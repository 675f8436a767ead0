import { PageHeader } from '../components/PageHeader';
import { PlannedArea } from '../components/PlannedArea';

export default function CalendarPage() {
  return (
    <>
      <PageHeader title="Calendar" description="Your publishing schedule across every connected account." />
      <PlannedArea
        icon="calendar"
        milestone="publishing"
        headline="See every scheduled and published post on one calendar."
        capabilities={[
          'Month, week and day views in your own time zone',
          'Drag a post to another slot to reschedule it',
          'Filter by account, network and status',
          'See each post’s state: scheduled, publishing, published or failed',
        ]}
      />
    </>
  );
}
