import Stripe from 'stripe';
import type { Billing, BillingEvent, Clock, Secrets } from '../../core/ports';

/** Stripe's own replay window for webhook signatures. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

type StripeConfig = NonNullable<ConstructorParameters<typeof Stripe>[1]>;

/**
 * Billing with Stripe Checkout and the customer portal. The secret key and the webhook
 * signing secret come from Secrets and are read on first use.
 */
export class StripeBilling implements Billing {
  private client: Promise<Stripe> | undefined;

  constructor(
    private readonly secrets: Secrets,
    private readonly clock: Clock,
    /** Extra client options (tests pass an httpClient; production keeps the defaults). */
    private readonly stripeConfig: StripeConfig = {},
  ) {}

  async createCheckoutSession(input: {
    organizationId: string;
    customerEmail: string;
    priceId: string;
    successUrl: string;
    cancelUrl: string;
  }): Promise<{ url: string; id: string }> {
    const stripe = await this.getClient();
    const metadata = { organizationId: input.organizationId, priceId: input.priceId };
    // The organization rides on the session and the subscription, so every later webhook
    // (checkout completed, subscription updated or deleted) can be matched to it.
    const session = await stripe.checkout.sessions.create({
      mode: 'subscription',
      line_items: [{ price: input.priceId, quantity: 1 }],
      customer_email: input.customerEmail,
      client_reference_id: input.organizationId,
      metadata,
      subscription_data: { metadata },
      success_url: input.successUrl,
      cancel_url: input.cancelUrl,
    });
    if (!session.url) throw new Error('Stripe returned a checkout session without a URL');
    return { url: session.url, id: session.id };
  }

  async createPortalSession(input: { customerId: string; returnUrl: string }): Promise<{ url: string }> {
    const stripe = await this.getClient();
    const session = await stripe.billingPortal.sessions.create({
      customer: input.customerId,
      return_url: input.returnUrl,
    });
    return { url: session.url };
  }

  async verifyWebhook(rawBody: string, signatureHeader: string | undefined): Promise<BillingEvent> {
    if (!signatureHeader) throw new Error('Missing Stripe-Signature header');
    const secret = await this.secrets.get('stripe-webhook-secret');
    // The static verifier needs no API key and no network; receivedAt makes it use our clock.
    const event = Stripe.webhooks.constructEvent(
      rawBody,
      signatureHeader,
      secret,
      WEBHOOK_TOLERANCE_SECONDS,
      undefined,
      this.clock.now().getTime(),
    );
    return {
      id: event.id,
      type: event.type,
      data: event.data as unknown as Record<string, unknown>,
      createdAt: new Date(event.created * 1000),
    };
  }

  private getClient(): Promise<Stripe> {
    this.client ??= this.secrets
      .get('stripe-secret-key')
      .then((key) => new Stripe(key, { maxNetworkRetries: 2, timeout: 20_000, ...this.stripeConfig }));
    this.client.catch(() => (this.client = undefined));
    return this.client;
  }
}
