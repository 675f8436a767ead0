import { PageHeader } from '../components/PageHeader';
import { PlannedArea } from '../components/PlannedArea';

export default function BillingPage() {
  return (
    <>
      <PageHeader title="Billing" description="Your plan, its limits and your invoices." />
      <PlannedArea
        icon="billing"
        milestone="billing"
        dependsOn="identity"
        headline="Choose the plan that fits and see what you use."
        capabilities={[
          'Compare plans and their limits',
          'Change plan through Stripe Checkout',
          'Usage against your limits: members, accounts, storage and AI',
          'Invoices and payment method',
        ]}
      />
    </>
  );
}
