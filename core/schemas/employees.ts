import { z } from 'zod';
import { checkEmploymentDates, checkNip, EMPLOYEE_SOURCES, EMPLOYEE_STATUSES, EMPLOYMENT_TYPES, END_REASONS } from '../employees.js';
import { email, localDate, pageQuery, personName, uuid } from './common.js';

export {
  EMPLOYEE_SOURCE_LABELS,
  EMPLOYEE_STATUS_LABELS,
  EMPLOYMENT_TYPE_LABELS,
  END_REASON_LABELS,
  EMPLOYMENT_TYPES,
  EMPLOYEE_STATUSES,
  END_REASONS,
  type EmploymentType,
  type EmployeeStatus,
  type EndReason,
} from '../employees.js';

const employmentType = () => z.enum(EMPLOYMENT_TYPES, { message: 'Jenis kepegawaian harus CPNS, PNS atau PPPK' });
const nip = () =>
  z
    .string({ message: 'NIP harus berupa teks' })
    .trim()
    .transform((value) => (value === '' ? null : value))
    .nullable();

/** Data an administrator enters for an employee; NIP and dates are checked against each other. */
export const employeeBody = z
  .object({
    name: personName(),
    nip: nip().default(null),
    employmentType: employmentType(),
    unitId: uuid(),
    positionId: uuid().nullable().default(null),
    appointedAt: localDate(),
    probationEndsAt: localDate().nullable().default(null),
  })
  .superRefine((body, ctx) => {
    if (body.nip !== null) {
      const check = checkNip(body.nip, body.employmentType);
      if (!check.ok) ctx.addIssue({ code: 'custom', path: ['nip'], message: check.message });
    }
    const problem = checkEmploymentDates({ type: body.employmentType, appointedAt: body.appointedAt, probationEndsAt: body.probationEndsAt });
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  });
export type EmployeeBody = z.infer<typeof employeeBody>;
export type EmployeeBodyInput = z.input<typeof employeeBody>;

export const employeeListQuery = pageQuery.extend({
  unitId: uuid().optional(),
  status: z.enum(EMPLOYEE_STATUSES).optional(),
  employmentType: employmentType().optional(),
  supervisorEmployeeId: uuid().optional(),
});
export type EmployeeListQuery = z.infer<typeof employeeListQuery>;

export const endEmploymentBody = z.object({
  endedAt: localDate(),
  endReason: z.enum(END_REASONS, { message: 'Pilih alasan berhenti dari daftar' }),
  note: z.string().trim().max(500, 'Catatan maksimal 500 karakter').default(''),
});
export type EndEmploymentBody = z.infer<typeof endEmploymentBody>;

/** A CPNS who completed probation becomes a PNS (TMT PNS). */
export const confirmEmployeeBody = z.object({ confirmedAt: localDate() });

export const supervisorBody = z.object({ supervisorEmployeeId: uuid().nullable() });

export const employeeAccountBody = z.object({ email: email() });

const personRef = z.object({ id: z.string(), name: z.string(), nip: z.string().nullable() });

export const employeeSchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  accountId: z.string().nullable(),
  accountEmail: z.string().nullable(),
  nip: z.string().nullable(),
  name: z.string(),
  employmentType: z.enum(EMPLOYMENT_TYPES),
  status: z.enum(EMPLOYEE_STATUSES),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  positionId: z.string().nullable(),
  positionName: z.string().nullable(),
  appointedAt: z.string(),
  probationEndsAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  endReason: z.enum(END_REASONS).nullable(),
  supervisor: personRef.nullable(),
  source: z.enum(EMPLOYEE_SOURCES),
  selectionId: z.string().nullable(),
  applicationId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Employee = z.infer<typeof employeeSchema>;

/** How the employee was recruited, when they came through a selection of this system. */
export const recruitmentSchema = z.object({
  selectionId: z.string(),
  selectionName: z.string(),
  selectionType: z.string(),
  selectionYear: z.number().int(),
  applicationId: z.string(),
  registrationNumber: z.string().nullable(),
  formasiId: z.string(),
  formasiName: z.string(),
  finalScore: z.number().nullable(),
  rank: z.number().int().nullable(),
});
export type Recruitment = z.infer<typeof recruitmentSchema>;

export const employeeDetailSchema = z.object({
  employee: employeeSchema,
  staff: z.array(personRef),
  recruitment: recruitmentSchema.nullable(),
  /** What the viewer may do on this page. */
  can: z.object({ manage: z.boolean() }),
});
export type EmployeeDetail = z.infer<typeof employeeDetailSchema>;

export const employeeImportResultSchema = z.object({ created: z.number().int(), updated: z.number().int(), supervisors: z.number().int() });
export type EmployeeImportResult = z.infer<typeof employeeImportResultSchema>;

export const appointmentBody = z.object({
  appointedAt: localDate(),
  /** Only these appointed candidates; all of them when absent. */
  applicationIds: z.array(uuid()).min(1, 'Pilih minimal satu peserta').max(5000).optional(),
  /** The unit (and position) of candidates whose formasi names no unit of the organisation. */
  placements: z.array(z.object({ applicationId: uuid(), unitId: uuid(), positionId: uuid().nullable().default(null) })).max(5000).default([]),
});
export type AppointmentBodyInput = z.input<typeof appointmentBody>;

export const appointableSchema = z.object({
  applicationId: z.string(),
  name: z.string(),
  positionName: z.string(),
  unitName: z.string(),
  selectionType: z.string(),
  finalScore: z.number().nullable(),
  rank: z.number().int().nullable(),
  unitId: z.string().nullable(),
  positionId: z.string().nullable(),
  employeeId: z.string().nullable(),
});
export type Appointable = z.infer<typeof appointableSchema>;

export const appointmentResultSchema = z.object({ created: z.number().int(), already: z.number().int(), moved: z.number().int(), employees: z.array(employeeSchema) });
export type AppointmentResult = z.infer<typeof appointmentResultSchema>;
