import { z } from 'zod';
import { ROLES } from '../roles.js';
import { email, personName } from './common.js';

const password = () => z.string().min(1, 'Kata sandi wajib diisi').max(200, 'Kata sandi maksimal 200 karakter');
const token = () => z.string().min(10, 'Token tidak valid').max(200, 'Token tidak valid');

export const registerBody = z.object({ email: email(), password: password(), name: personName() });
export const loginBody = z.object({ email: z.string().trim().min(1, 'Email wajib diisi').max(254), password: password() });
export const tokenBody = z.object({ token: token() });
export const emailBody = z.object({ email: email() });
export const tokenPasswordBody = z.object({ token: token(), password: password() });
export const profileBody = z.object({ name: personName() });
export const changePasswordBody = z.object({ currentPassword: password(), newPassword: password() });

export const roleGrant = z.object({ role: z.enum(ROLES), agencyId: z.string().nullable(), agencyName: z.string().nullable() });
export const me = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  emailVerified: z.boolean(),
  roles: z.array(roleGrant),
});
export type Me = z.infer<typeof me>;
