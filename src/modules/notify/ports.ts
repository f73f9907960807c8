// Delivery outside the app (短信、电子邮件): the provider port only. An adapter (a carrier's SMS
// gateway, an SMTP relay) implements `NotificationProvider`; the composition root will hand one per
// channel to notify. Delivery must not run inside the business transaction: the plan is that `send`
// also writes an outbox event when the recipient has opted into a channel, and a job delivers it
// through the provider with retries, recording the provider's message id. Messages carry a template
// id and parameters (carriers require registered templates), never raw personal data.

export type DeliveryChannel = 'sms' | 'email';

export type OutboundMessage = {
  channel: DeliveryChannel;
  /** phone number or e-mail address, decrypted only at the moment of delivery */
  to: string;
  /** the provider-registered template (e.g. an SMS signature + template code) */
  templateId: string;
  params: Record<string, string>;
  /** our notification id: lets the provider dedupe a retried delivery */
  idempotencyKey: string;
};

export type DeliveryResult = { providerMessageId: string };

export type NotificationProvider = {
  channel: DeliveryChannel;
  deliver(message: OutboundMessage): Promise<DeliveryResult>;
};
