import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlatformError, PublishedPostQuery } from '../../../functions/platforms/connector';
import { createLinkedInConnector } from '../../../functions/platforms/linkedin';
import { fromLittleText } from '../../../functions/platforms/linkedin/lookup';
import { linkedinTestContext, memberCredentials, NOW } from '../support/linkedin-context';
import { ORGANIZATION_URN, startLinkedInStandin, type LinkedInStandin } from '../support/linkedin-standin';

let standin: LinkedInStandin;
beforeEach(async () => {
  standin = await startLinkedInStandin();
  standin.now = () => NOW;
});
afterEach(() => standin.close());

const connector = () => createLinkedInConnector(linkedinTestContext(standin));
const page = memberCredentials({ accountId: ORGANIZATION_URN });
const query = (text: string): PublishedPostQuery => ({
  idempotencyKey: crypto.randomUUID(),
  text,
  mediaCount: 0,
  since: new Date(NOW.getTime() - 5 * 60_000),
  until: new Date(NOW.getTime() + 60_000),
});

describe('LinkedIn look-up of an interrupted post', () => {
  it('finds a Page post by its commentary read back from little text, within the window', async () => {
    const text = 'Launch (beta) at 10am #Plume_launch with @ada & C# fans';
    standin.posts.push({
      id: 'urn:li:share:6900000000000000001',
      author: ORGANIZATION_URN,
      commentary: 'Launch \\(beta\\) at 10am #Plume_launch with \\@ada & C\\# fans',
      createdAt: NOW.getTime() - 3_600_000,
    });
    standin.nextPostUrns.push('urn:li:share:7100000000000000001', 'urn:li:share:7100000000000000002');
    await connector().publish(page, { text, media: [] });
    await connector().publish(page, { text: 'Another one', media: [] });

    const answer = await connector().findPublished!(page, query(text));
    expect(answer.matches).toEqual([
      {
        platformPostId: 'urn:li:share:7100000000000000001',
        url: 'https://www.linkedin.com/feed/update/urn:li:share:7100000000000000001/',
        publishedAt: NOW,
        matchedBy: 'content',
      },
    ]);
    expect(answer.authoritative).toBe(false);
    const [request] = standin.find('GET /rest/posts');
    expect(request?.query.get('q')).toBe('author');
    expect(request?.rawUrl).toContain(`author=${encodeURIComponent(ORGANIZATION_URN)}`);
    expect(request?.query.get('sortBy')).toBe('CREATED');
    expect(request?.headers['x-restli-protocol-version']).toBe('2.0.0');
  });

  it('a member’s posts cannot be read without r_member_social: the look-up fails for a person to decide', async () => {
    const error = await connector().findPublished!(memberCredentials(), query('x')).then(
      () => undefined,
      (e: unknown) => e as PlatformError,
    );
    expect(error?.kind).toBe('permanent');
    expect(error?.message).toContain('permission');
    standin.memberPostReads = true;
    expect(await connector().findPublished!(memberCredentials(), query('Never posted'))).toMatchObject({
      matches: [],
      authoritative: false,
    });
  });

  it('reads little text back: escapes and hashtag templates', () => {
    expect(fromLittleText('a \\(b\\) \\@c {hashtag|\\#|plume} d\\_e')).toBe('a (b) @c #plume d_e');
  });
});
