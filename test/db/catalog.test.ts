import { sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../functions/db/client';
import { queryRows } from '../../functions/db/rows';
import * as schema from '../../functions/db/schema';
import { MEMBER_ROLES } from '../../functions/db/schema';
import { ROLES } from '../../functions/shared/route-table';
import { getTestDatabase } from '../support/db';
import { tenantTables } from './catalog';

/** The tables the foundation is known to have; a guard against a catalog query that finds nothing. */
const KNOWN_TENANT_TABLES = [
  'organizations',
  'users',
  'posts',
  'post_platforms',
  'social_accounts',
  'media',
  'notifications',
  'audit_logs',
];

describe('database catalog', () => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await getTestDatabase();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('enables and forces row-level security with both policies on every tenant table', async () => {
    const tables = await tenantTables(handle.db);
    expect(tables).toEqual(expect.arrayContaining(KNOWN_TENANT_TABLES));

    const security = await queryRows<{
      relname: string;
      relrowsecurity: boolean;
      relforcerowsecurity: boolean;
    }>(
      handle.db,
      sql`select c.relname, c.relrowsecurity, c.relforcerowsecurity
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relkind = 'r'`,
    );
    const policies = await queryRows<{ tablename: string; policyname: string; roles: string[] | string }>(
      handle.db,
      sql`select tablename, policyname, roles from pg_policies where schemaname = 'public'`,
    );
    const rolesOf = (roles: string[] | string) =>
      Array.isArray(roles) ? roles : roles.replace(/[{}]/g, '').split(',');

    const problems: string[] = [];
    for (const table of tables) {
      const flags = security.find((row) => row.relname === table);
      if (!flags?.relrowsecurity) problems.push(`${table}: row level security not enabled`);
      if (!flags?.relforcerowsecurity) problems.push(`${table}: row level security not forced`);
      const tenant = policies.find((p) => p.tablename === table && p.policyname === 'tenant_isolation');
      if (!tenant) problems.push(`${table}: no tenant_isolation policy`);
      else if (rolesOf(tenant.roles).join() !== 'plume_app')
        problems.push(`${table}: tenant_isolation is not TO plume_app`);
      const system = policies.find((p) => p.tablename === table && p.policyname === 'system_access');
      if (!system) problems.push(`${table}: no system_access policy`);
      else if (rolesOf(system.roles).join() !== 'plume_system')
        problems.push(`${table}: system_access is not TO plume_system`);
    }
    expect(problems).toEqual([]);
  });

  it('tenant_isolation reads the transaction-local organization setting', async () => {
    const rows = await queryRows<{ tablename: string; qual: string; with_check: string }>(
      handle.db,
      sql`select tablename, qual, with_check from pg_policies
           where schemaname = 'public' and policyname = 'tenant_isolation' and tablename <> 'users'`,
    );
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      for (const expression of [row.qual, row.with_check]) {
        expect(expression, row.tablename).toContain("current_setting('app.org_id'::text, true)");
        expect(expression, row.tablename).toContain('NULLIF');
      }
    }
  });

  it('keeps the application roles unable to bypass row-level security or log in', async () => {
    const roles = await queryRows<{
      rolname: string;
      rolsuper: boolean;
      rolbypassrls: boolean;
      rolcanlogin: boolean;
    }>(
      handle.db,
      sql`select rolname, rolsuper, rolbypassrls, rolcanlogin from pg_roles
           where rolname in ('plume_app', 'plume_system') order by rolname`,
    );
    expect(roles).toEqual([
      { rolname: 'plume_app', rolsuper: false, rolbypassrls: false, rolcanlogin: false },
      { rolname: 'plume_system', rolsuper: false, rolbypassrls: false, rolcanlogin: false },
    ]);
  });

  it('stores every timestamp as timestamp with time zone', async () => {
    const columns = await queryRows<{ table_name: string; column_name: string; data_type: string }>(
      handle.db,
      sql`select table_name, column_name, data_type from information_schema.columns
           where table_schema = 'public' and data_type like 'timestamp%'`,
    );
    expect(columns.length).toBeGreaterThan(20);
    const naive = columns
      .filter((c) => c.data_type !== 'timestamp with time zone')
      .map((c) => `${c.table_name}.${c.column_name}`);
    expect(naive).toEqual([]);
  });

  it('matches the drizzle schema (a schema change without a generated migration fails here)', async () => {
    const columns = await queryRows<{ table_name: string; column_name: string }>(
      handle.db,
      sql`select table_name, column_name from information_schema.columns where table_schema = 'public'`,
    );
    const inDatabase = new Set(columns.map((c) => `${c.table_name}.${c.column_name}`));
    const inSchema = new Set<string>();
    for (const value of Object.values(schema)) {
      if (!(value instanceof PgTable)) continue;
      const config = getTableConfig(value);
      for (const column of config.columns) inSchema.add(`${config.name}.${column.name}`);
    }
    expect(inSchema.size).toBeGreaterThan(100);
    expect([...inSchema].filter((c) => !inDatabase.has(c))).toEqual([]);
    expect([...inDatabase].filter((c) => !inSchema.has(c))).toEqual([]);
  });

  it('uses the same member roles as the route table', () => {
    expect([...MEMBER_ROLES]).toEqual([...ROLES]);
  });
});
