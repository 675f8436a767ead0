import { describe, expectTypeOf, it } from 'vitest';
import { createAreaHandler } from '../../functions/http/area-handler';
import type { AuthContext } from '../../functions/http/auth-context';
import type { AreaContracts } from '../../functions/shared/contracts';
import { mediaContracts } from '../../functions/shared/contracts/media';
import { postsContracts } from '../../functions/shared/contracts/posts';
import type {
  AreaOperations,
  Operation,
  OperationInput,
  OperationContext,
  RawStrings,
  ResponseBodyOf,
} from '../../functions/http/operation';
import type { AccessOf, RouteName, RouteNamesOf } from '../../functions/shared/route-table';

/**
 * What the compiler checks about operations, route names and contracts. These assertions are
 * types: `npx tsc -p tsconfig.json --noEmit` fails if one stops holding (an unused
 * `@ts-expect-error` is itself an error), and vitest runs the file as a smoke test.
 */
const notCalled = async (): Promise<never> => {
  throw new Error('not called');
};

describe('typed operations', () => {
  it('derives route names, areas and access from the route table', () => {
    expectTypeOf<'getPost'>().toExtend<RouteName>();
    expectTypeOf<'getPost'>().toExtend<RouteNamesOf<'posts'>>();
    expectTypeOf<'getHealth'>().not.toExtend<RouteNamesOf<'posts'>>();
    expectTypeOf<'getPsot'>().not.toExtend<RouteName>();
    expectTypeOf<AccessOf<'getPost'>>().toEqualTypeOf<'viewer'>();
    expectTypeOf<AccessOf<'login'>>().toEqualTypeOf<'public'>();
  });

  it('refuses an operation map holding a name that is not a route of its area', () => {
    // Never called: createAreaHandler would also refuse it at run time (area-handler.test.ts).
    const build = () =>
      createAreaHandler('posts', postsContracts, {
        // @ts-expect-error getHealth belongs to the system area
        getHealth: notCalled,
      });
    expectTypeOf(build).toBeFunction();
    const foreign: AreaOperations<'media'> = {
      // @ts-expect-error a misspelt route name
      getMediaa: notCalled,
    };
    expectTypeOf(foreign).toEqualTypeOf<AreaOperations<'media'>>();
  });

  it('refuses a contract keyed by a name that is not a route of its area', () => {
    const contracts = {
      // @ts-expect-error createPost is a route of the posts area
      createPost: {},
    } satisfies AreaContracts<'media'>;
    expectTypeOf(contracts).toBeObject();
  });

  it("gives an operation its contract's parsed input, and refuses a wrong one", () => {
    expectTypeOf<OperationInput<'getPost'>['params']>().toEqualTypeOf<{ id: string }>();
    expectTypeOf<OperationInput<'listPosts'>['query']['limit']>().toEqualTypeOf<number>();
    expectTypeOf<OperationInput<'createPost'>['body']['targets']>().toBeArray();
    // No body schema: nothing parsed. No params schema: the strings as sent.
    expectTypeOf<OperationInput<'getPost'>['body']>().toEqualTypeOf<undefined>();
    expectTypeOf<OperationInput<'listMembers'>['params']>().toEqualTypeOf<RawStrings>();

    // @ts-expect-error the contract's id is a string, not a number
    const wrongInput: Operation<'getMedia'> = async ({ params }: { params: { id: number } }) => {
      throw new Error(String(params.id));
    };
    expectTypeOf(wrongInput).toBeFunction();
  });

  it('gives protected routes a caller and public routes possibly none', () => {
    expectTypeOf<OperationContext<'getPost'>['auth']>().toEqualTypeOf<AuthContext>();
    expectTypeOf<OperationContext<'createApiKey'>['auth']>().toEqualTypeOf<AuthContext>();
    expectTypeOf<OperationContext<'login'>['auth']>().toEqualTypeOf<AuthContext | undefined>();

    const publicRoute: Operation<'getInvitation'> = async (_input, { auth }) => {
      // @ts-expect-error a public route may run without a caller
      const organizationId: string = auth.organizationId;
      throw new Error(organizationId);
    };
    expectTypeOf(publicRoute).toBeFunction();
  });

  it('types the answer from the response schema, instants as the strings the document promises', () => {
    expectTypeOf<ResponseBodyOf<'getMedia'>['createdAt']>().toEqualTypeOf<string>();
    // No response schema (204): no body.
    expectTypeOf<ResponseBodyOf<'deleteMedia'>>().toEqualTypeOf<never>();

    // @ts-expect-error createdAt must be the ISO string, not a Date
    const dateBody: Operation<'getDataExport'> = async () => ({
      body: {
        id: '0b0e6f55-8e5a-4c40-9a55-3a4b1ef2c0d1',
        status: 'pending',
        createdAt: new Date(),
        completedAt: null,
        downloadUrl: null,
        expiresAt: null,
      },
    });
    expectTypeOf(dateBody).toBeFunction();
  });

  it('takes only the area’s own contracts', () => {
    // @ts-expect-error the media Lambda is given the posts contracts
    createAreaHandler('media', postsContracts, {});
    expectTypeOf(createAreaHandler('media', mediaContracts, {})).toBeFunction();
  });
});
