import type { components } from './schema.gen';

/** Named shapes of the identity API, straight from the generated OpenAPI types. */
type Schemas = components['schemas'];

export type Me = Schemas['Me'];
export type SessionGrant = Schemas['SessionGrant'];
export type OrganizationSummary = Schemas['OrganizationSummary'];
export type Role = OrganizationSummary['role'];
export type SessionInfo = Schemas['SessionInfo'];
export type DataExport = Schemas['DataExport'];
export type Organization = Schemas['Organization'];
export type Member = Schemas['Member'];
export type Invitation = Schemas['Invitation'];
export type InvitationPreview = Schemas['InvitationPreview'];
export type ApiKey = Schemas['ApiKey'];
export type CreatedApiKey = Schemas['CreatedApiKey'];
export type ApiKeyScope = ApiKey['scopes'][number];
