/** How the dashboards are spread: the issue asks for one organization and for 100. */
export interface Layout {
  name: string;
  organizations: number;
}

export const LAYOUTS: readonly Layout[] = [
  { name: '1 organization', organizations: 1 },
  { name: '100 organizations', organizations: 100 },
];

/** Dashboard `i` belongs to organization `i % organizations`; organization 0's person makes the events. */
export const organizationOf = (dashboard: number, layout: Layout): number => dashboard % layout.organizations;

/** How many of `total` dashboards belong to organization 0 (the event's recipients). */
export const recipientsOf = (total: number, layout: Layout): number =>
  Math.ceil(total / layout.organizations);
