import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { z } from 'zod';
import type { Container } from '../adapters/container';
import type { AuthContext } from './auth-context';
import type { ContractOf } from '../shared/contracts';
import type { AccessOf, Area, RouteDefinition, RouteName, RouteNamesOf } from '../shared/route-table';

/**
 * The types of an operation, all derived from the route table and the route's contract, so an
 * operation states only its route name and the compiler supplies the rest:
 *
 *     export const getMedia: Operation<'getMedia'> = async ({ params }, { auth }) => { ... };
 *
 * `params.id` is then the string the contract's `uuidParam` produced, `auth` is an
 * AuthContext (the route is not public), and the returned `body` must match the contract's
 * response schema. No casts: the pipeline (area-handler.ts) validated the input against these
 * same schemas before the operation runs.
 */

/** A path or query string the contract gives no schema: the strings as sent. */
export type RawStrings = Readonly<Record<string, string | undefined>>;

/** The contract's schema at `Key`, or `undefined` without one. */
type SchemaAt<Contract, Key extends string> = Key extends keyof Contract
  ? Contract[Key] extends z.ZodType
    ? Contract[Key]
    : undefined
  : undefined;

/** What the contract's schema at `Key` produces (`z.output`), or `Otherwise` without one. */
type Parsed<Contract, Key extends string, Otherwise> =
  SchemaAt<Contract, Key> extends z.ZodType ? z.output<SchemaAt<Contract, Key>> : Otherwise;

/** The validated request: what the route's contract parsed from path, query string and body. */
export interface OperationInput<Name extends RouteName> {
  params: Parsed<ContractOf<Name>, 'params', RawStrings>;
  query: Parsed<ContractOf<Name>, 'query', RawStrings>;
  /** `undefined` where the contract takes no JSON body (or the operation reads a raw one). */
  body: Parsed<ContractOf<Name>, 'body', undefined>;
}

/** Public routes run without a caller (`undefined`); every other route only with one. */
export type AuthOf<Name extends RouteName> =
  AccessOf<Name> extends 'public' ? AuthContext | undefined : AuthContext;

type OtherBodies<Contract> = Contract extends { otherResponses: infer Others }
  ? Others[keyof Others] extends { schema: infer Schema extends z.ZodType }
    ? z.input<Schema>
    : never
  : never;

/**
 * What an operation may answer as JSON: the input side (`z.input`) of the contract's response
 * schema (and of its other documented responses), so an instant must be sent as the ISO
 * string the document promises, not a Date. `never` (no body) where the contract has none.
 */
export type ResponseBodyOf<Name extends RouteName> =
  | (SchemaAt<ContractOf<Name>, 'response'> extends z.ZodType
      ? z.input<SchemaAt<ContractOf<Name>, 'response'>>
      : never)
  | OtherBodies<ContractOf<Name>>;

export interface OperationContext<Name extends RouteName = RouteName> {
  event: APIGatewayProxyEventV2;
  container: Container;
  route: RouteDefinition<Name>;
  auth: AuthOf<Name>;
  requestId: string;
}

export interface OperationResult<Body = unknown> {
  status?: number;
  body?: Body;
  /** Sent as-is instead of JSON (HTML, CSV). */
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
  cookies?: string[];
  /** The body was already written to the runtime's response as it was produced (streamed-response.ts). */
  streamed?: true;
}

/** The implementation of one route, typed from its contract (see the top of this file). */
export type Operation<Name extends RouteName> = (
  input: OperationInput<Name>,
  context: OperationContext<Name>,
) => Promise<OperationResult<ResponseBodyOf<Name>>>;

/**
 * An area's operation map (functions/http/areas/<area>.ts): only that area's route names, each
 * implemented by the Operation of that name. A route left out answers 501 until it is built.
 */
export type AreaOperations<InArea extends Area> = { [Name in RouteNamesOf<InArea>]?: Operation<Name> };
