import { z } from 'zod';
import { STAFF_ROLES, type Role } from '../roles.js';
import { email, personName } from './common.js';

const staffRole = z.enum(STAFF_ROLES as [Role, ...Role[]], { message: 'Peran staf tidak dikenal' });
const staffRoles = () =>
  z
    .array(staffRole)
    .min(1, 'Pilih minimal satu peran')
    .max(STAFF_ROLES.length)
    .refine((roles) => new Set(roles).size === roles.length, 'Peran tidak boleh berulang');

export const inviteStaffBody = z.object({ email: email(), name: personName(), roles: staffRoles() });
export const setRolesBody = z.object({ roles: staffRoles() });

export const staffSchema = z.object({
  accountId: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  status: z.enum(['invited', 'active']),
  lastLoginAt: z.string().nullable(),
});
export type Staff = z.infer<typeof staffSchema>;
