export interface BillingEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
  createdAt: Date;
}

/** Payments (Stripe in AWS and locally when keys are set; a local fake otherwise). */
export interface Billing {
  createCheckoutSession(input: {
    organizationId: string;
    customerEmail: string;
    priceId: string;
    successUrl: string;
    cancelUrl: string;
  }): Promise<{ url: string; id: string }>;
  createPortalSession(input: { customerId: string; returnUrl: string }): Promise<{ url: string }>;
  /** Verifies the signature over the raw body and returns the event, or throws. */
  verifyWebhook(rawBody: string, signatureHeader: string | undefined): Promise<BillingEvent>;
}
