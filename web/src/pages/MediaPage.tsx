import { PageHeader } from '../components/PageHeader';
import { PlannedArea } from '../components/PlannedArea';

export default function MediaPage() {
  return (
    <>
      <PageHeader title="Media" description="Images and video for your posts." />
      <PlannedArea
        icon="media"
        milestone="publishing"
        headline="Keep every image and video your posts use in one library."
        capabilities={[
          'Upload straight from your browser to storage',
          'Name files and add alt text',
          'Make per-network variants of size, aspect ratio and format',
          'See the storage you use against your plan',
        ]}
      />
    </>
  );
}
