import { PageHeader } from '../../components/PageHeader';
import { InstallationCard } from './InstallationCard';
import { RoadmapCard } from './RoadmapCard';
import { SystemStatusCard } from './SystemStatusCard';

export default function HomePage() {
  return (
    <>
      <PageHeader
        title="Overview"
        description="The health of this Plume installation. Once accounts are connected, your publishing queue and performance summary live here too."
      />
      <div className="mt-8 grid gap-6 lg:grid-cols-2">
        <SystemStatusCard />
        <InstallationCard />
        <RoadmapCard />
      </div>
    </>
  );
}
