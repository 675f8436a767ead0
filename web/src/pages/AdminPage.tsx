import { PageHeader } from '../components/PageHeader';
import { PlannedArea } from '../components/PlannedArea';

export default function AdminPage() {
  return (
    <>
      <PageHeader
        title="Admin"
        description="Administration of this whole Plume installation, for platform administrators."
      />
      <PlannedArea
        icon="admin"
        milestone="administration"
        dependsOn="identity"
        headline="Look after every organization on this installation."
        capabilities={[
          'Browse users and organizations across the installation',
          'System statistics and health',
          'Audit logs of every change and data export',
          'Switch maintenance mode on and off',
        ]}
      />
    </>
  );
}
