import { describe, expect, it } from 'vitest';
import { placeFieldErrors } from '../../../web/src/pages/compose/problem-mapping';
import { segmentText } from '../../../web/src/pages/compose/text-segments';

const T1 = '11111111-1111-4111-8111-111111111111';
const T2 = '22222222-2222-4222-8222-222222222222';

describe('placeFieldErrors', () => {
  it('puts errors on the tab of the account they concern', () => {
    const placed = placeFieldErrors(
      [
        { field: `targets.${T2}.text`, message: 'sandbox: The post is too long.' },
        { field: 'body.targets.0.socialAccountId', message: 'This account is disconnected' },
        { field: 'body.mediaIds', message: 'No such media: x' },
        { field: `targets.${'9'.repeat(8)}-0000-4000-8000-000000000000.text`, message: 'Unknown target' },
      ],
      {
        savedTargets: [
          { id: T1, socialAccountId: 'account-a' },
          { id: T2, socialAccountId: 'account-b' },
        ],
        requestAccountIds: ['account-a', 'account-b'],
      },
    );
    expect(placed.byAccount).toEqual({
      'account-b': ['sandbox: The post is too long.'],
      'account-a': ['This account is disconnected'],
    });
    expect(placed.general).toEqual(['No such media: x', 'Unknown target']);
  });
});

describe('segmentText', () => {
  it('finds links, hashtags and mentions for the preview', () => {
    expect(segmentText('Read https://example.com/a, by @ada #launch. a#b')).toEqual([
      { kind: 'text', value: 'Read ' },
      { kind: 'link', value: 'https://example.com/a' },
      { kind: 'text', value: ', by ' },
      { kind: 'mention', value: '@ada' },
      { kind: 'text', value: ' ' },
      { kind: 'hashtag', value: '#launch' },
      { kind: 'text', value: '. a#b' },
    ]);
    expect(segmentText('')).toEqual([]);
    expect(segmentText('#1 is not a tag')).toEqual([{ kind: 'text', value: '#1 is not a tag' }]);
    expect(segmentText('ping @ada@example.social')[1]).toEqual({
      kind: 'mention',
      value: '@ada@example.social',
    });
  });
});
