import { PageHeader } from '../components/PageHeader';
import { PlannedArea } from '../components/PlannedArea';

export default function ComposePage() {
  return (
    <>
      <PageHeader
        title="Compose"
        description="Write once, tailor it for each network, then schedule or publish."
      />
      <PlannedArea
        icon="compose"
        milestone="publishing"
        headline="Write a post, check it against each network’s rules and send it on its way."
        capabilities={[
          'Adjust the text for each network’s length and format limits',
          'Attach images and video from your media library',
          'Preview how the post will look on each network',
          'Publish now or pick a time in any time zone',
        ]}
      />
    </>
  );
}
