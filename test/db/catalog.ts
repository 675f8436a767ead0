import { sql } from 'drizzle-orm';
import type { Database } from '../../functions/db/client';
import { queryRows } from '../../functions/db/rows';

/** Base tables of schema public with an `organization_id` column, read from the catalog. */
export async function tablesWithOrganizationId(db: Database): Promise<string[]> {
  const rows = await queryRows<{ table_name: string }>(
    db,
    sql`select c.table_name
          from information_schema.columns c
          join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
         where c.table_schema = 'public' and c.column_name = 'organization_id' and t.table_type = 'BASE TABLE'
         order by c.table_name`,
  );
  return rows.map((row) => row.table_name);
}

/** Every table row-level security must cover: the tenant tables plus `organizations` itself. */
export async function tenantTables(db: Database): Promise<string[]> {
  return ['organizations', ...(await tablesWithOrganizationId(db))].sort();
}
