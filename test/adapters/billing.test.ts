import Stripe from 'stripe';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { StripeBilling } from '../../functions/adapters/aws/stripe-billing';
import { LocalBilling } from '../../functions/adapters/local/local-billing';
import { ManualClock } from '../../functions/adapters/local/manual-clock';
import { RandomIds } from '../../functions/adapters/local/random-ids';
import type { SecretName, Secrets } from '../../functions/core/ports';
import { describeBillingWebhookContract } from './contracts/billing-webhook-contract';

const fixedSecrets = (values: Partial<Record<SecretName, string>>): Secrets => ({
  get: async (name) => {
    const value = values[name];
    if (!value) throw new Error(`no ${name}`);
    return value;
  },
});

const newLocalBilling = (clock: ManualClock, webhookSecret = 'whsec_local') =>
  new LocalBilling({
    publicUrl: 'http://localhost:3000',
    secrets: fixedSecrets({ 'stripe-webhook-secret': webhookSecret }),
    clock,
    ids: new RandomIds(),
    tokenKey: randomBytes(32),
  });

describeBillingWebhookContract('LocalBilling', (clock, secret) => newLocalBilling(clock, secret));
describeBillingWebhookContract(
  'StripeBilling',
  (clock, secret) => new StripeBilling(fixedSecrets({ 'stripe-webhook-secret': secret }), clock),
);

/** A Stripe client whose HTTP goes to a recorder instead of the network. */
function recordingStripe(response: Record<string, unknown>) {
  const requests: { url: string; method: string; body: URLSearchParams; headers: Headers }[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    requests.push({
      url: String(input),
      method: init?.method ?? 'GET',
      body: new URLSearchParams(String(init?.body ?? '')),
      headers: new Headers(init?.headers),
    });
    return new Response(JSON.stringify(response), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  const billing = new StripeBilling(fixedSecrets({ 'stripe-secret-key': 'sk_test_abc' }), new ManualClock(), {
    httpClient: Stripe.createFetchHttpClient(fetchFn),
    maxNetworkRetries: 0,
  });
  return { billing, requests };
}

describe('StripeBilling and the Stripe API', () => {
  it('creates a subscription checkout session tagged with the organization', async () => {
    const { billing, requests } = recordingStripe({
      id: 'cs_test_1',
      object: 'checkout.session',
      url: 'https://checkout.stripe.com/c/pay/cs_test_1',
    });
    const session = await billing.createCheckoutSession({
      organizationId: 'org-1',
      customerEmail: 'ada@example.com',
      priceId: 'price_pro',
      successUrl: 'https://app.example.com/billing?ok=1',
      cancelUrl: 'https://app.example.com/billing',
    });
    expect(session).toEqual({ id: 'cs_test_1', url: 'https://checkout.stripe.com/c/pay/cs_test_1' });
    const [request] = requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('https://api.stripe.com/v1/checkout/sessions');
    expect(request?.headers.get('authorization')).toBe('Bearer sk_test_abc');
    expect(Object.fromEntries(request?.body ?? [])).toEqual({
      mode: 'subscription',
      'line_items[0][price]': 'price_pro',
      'line_items[0][quantity]': '1',
      customer_email: 'ada@example.com',
      client_reference_id: 'org-1',
      'metadata[organizationId]': 'org-1',
      'metadata[priceId]': 'price_pro',
      'subscription_data[metadata][organizationId]': 'org-1',
      'subscription_data[metadata][priceId]': 'price_pro',
      success_url: 'https://app.example.com/billing?ok=1',
      cancel_url: 'https://app.example.com/billing',
    });
  });

  it('creates a billing portal session', async () => {
    const { billing, requests } = recordingStripe({
      id: 'bps_1',
      object: 'billing_portal.session',
      url: 'https://billing.stripe.com/p/session/x',
    });
    expect(
      await billing.createPortalSession({
        customerId: 'cus_1',
        returnUrl: 'https://app.example.com/billing',
      }),
    ).toEqual({
      url: 'https://billing.stripe.com/p/session/x',
    });
    expect(requests[0]?.url).toBe('https://api.stripe.com/v1/billing_portal/sessions');
    expect(Object.fromEntries(requests[0]?.body ?? [])).toEqual({
      customer: 'cus_1',
      return_url: 'https://app.example.com/billing',
    });
  });
});

describe('LocalBilling checkout', () => {
  const input = {
    organizationId: '7f1d2c3b-0000-4000-8000-000000000001',
    customerEmail: 'ada@example.com',
    priceId: 'price_pro',
    successUrl: 'http://localhost:3000/settings/billing?ok=1',
    cancelUrl: 'http://localhost:3000/settings/billing',
  };

  it('returns a local link that completes into a signed checkout.session.completed event', async () => {
    const clock = new ManualClock('2025-06-01T12:00:00.000Z');
    const billing = newLocalBilling(clock);
    const session = await billing.createCheckoutSession(input);
    const url = new URL(session.url);
    expect(url.origin + url.pathname).toBe('http://localhost:3000/_local/billing/checkout');
    expect(session.id).toMatch(/^cs_local_[0-9a-f]{32}$/);

    const completion = await billing.completeCheckout(url.searchParams.get('token') ?? '');
    expect(completion.redirectUrl).toBe(input.successUrl);
    // The same verifier the webhook route uses accepts it, so the plan is paid by the real path.
    const event = await billing.verifyWebhook(completion.rawBody, completion.signatureHeader);
    expect(event.type).toBe('checkout.session.completed');
    expect(event.data).toMatchObject({
      object: {
        id: session.id,
        client_reference_id: input.organizationId,
        customer: 'cus_local_7f1d2c3b000040008000000000000001',
        customer_email: 'ada@example.com',
        payment_status: 'paid',
        metadata: { organizationId: input.organizationId, priceId: 'price_pro' },
      },
    });
    // Stripe's own verifier agrees the local signature is genuine.
    expect(() =>
      Stripe.webhooks.constructEvent(
        completion.rawBody,
        completion.signatureHeader,
        'whsec_local',
        300,
        undefined,
        clock.now().getTime(),
      ),
    ).not.toThrow();
  });

  it('refuses a forged or expired checkout link', async () => {
    const clock = new ManualClock('2025-06-01T12:00:00.000Z');
    const billing = newLocalBilling(clock);
    const token = new URL((await billing.createCheckoutSession(input)).url).searchParams.get('token') ?? '';
    const [body, mac] = token.split('.');
    const forgedBody = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(body ?? '', 'base64url').toString()),
        organizationId: 'someone-else',
      }),
    ).toString('base64url');
    await expect(billing.completeCheckout(`${forgedBody}.${mac}`)).rejects.toThrow(/Invalid checkout link/);
    await expect(newLocalBilling(clock).completeCheckout(token)).rejects.toThrow(/Invalid checkout link/);
    clock.advance(24 * 3600_000);
    await expect(billing.completeCheckout(token)).rejects.toThrow(/expired/);
  });

  it('sends the portal straight back to the return URL', async () => {
    const billing = newLocalBilling(new ManualClock());
    expect(
      await billing.createPortalSession({ customerId: 'cus_local_x', returnUrl: 'http://localhost:3000/b' }),
    ).toEqual({
      url: 'http://localhost:3000/b',
    });
  });
});
