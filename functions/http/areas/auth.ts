import { createAreaHandler } from '../area-handler';
import { authContracts } from '../../shared/contracts/auth';
import {
  createWebSocketTicket,
  resendVerification,
  verifyEmail,
} from '../operations/auth/email-verification';
import { login } from '../operations/auth/login';
import { forgotPassword, resetPassword } from '../operations/auth/password-reset';
import { register } from '../operations/auth/register';
import { logout, refreshSession, switchOrganization } from '../operations/auth/session';

export const handler = createAreaHandler('auth', authContracts, {
  register,
  login,
  logout,
  refreshSession,
  switchOrganization,
  forgotPassword,
  resetPassword,
  verifyEmail,
  resendVerification,
  createWebSocketTicket,
});
