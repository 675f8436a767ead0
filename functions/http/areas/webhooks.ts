import { createAreaHandler } from '../area-handler';
import { webhooksContracts } from '../../shared/contracts/webhooks';
import { receiveFacebookWebhook, verifyFacebookWebhook } from '../operations/webhooks/facebook';
import { answerLinkedInChallenge, receiveLinkedInWebhook } from '../operations/webhooks/linkedin';
import { answerTwitterCrc, receiveTwitterWebhook } from '../operations/webhooks/twitter';

// POST /api/webhooks/stripe belongs to the billing milestone and answers 501 until then.
export const handler = createAreaHandler('webhooks', webhooksContracts, {
  verifyFacebookWebhook,
  receiveFacebookWebhook,
  answerTwitterCrc,
  receiveTwitterWebhook,
  answerLinkedInChallenge,
  receiveLinkedInWebhook,
});
