// Typed calls for employees: list, page, corrections, supervisor and account links, XLSX, and the
// appointment of a round's final list. Shapes come from core/schemas (types only).
import type {
  Appointable,
  AppointmentBodyInput,
  AppointmentResult,
  Employee,
  EmployeeBodyInput,
  EmployeeDetail,
  EmployeeImportResult,
  EndReason,
} from '../../../core/schemas/employees';
import { api, type QueryValue } from './client';
import { uploadSpreadsheet } from './planning';
import type { Page } from './types';

export type { Appointable, Employee, EmployeeDetail, EmployeeImportResult, EndReason } from '../../../core/schemas/employees';

const enc = encodeURIComponent;
const employeesPath = (agencyId: string) => `/api/agencies/${enc(agencyId)}/employees`;

export type EmployeeListQuery = { q?: string; page?: number; pageSize?: number; unitId?: string; status?: string; employmentType?: string; supervisorEmployeeId?: string };

export const employeeApi = {
  list: (agencyId: string, query: EmployeeListQuery) => api.get<Page<Employee>>(employeesPath(agencyId), query as Record<string, QueryValue>),
  detail: (agencyId: string, employeeId: string) => api.get<EmployeeDetail>(`${employeesPath(agencyId)}/${enc(employeeId)}`),
  create: (agencyId: string, body: EmployeeBodyInput) => api.post<{ employee: Employee }>(employeesPath(agencyId), body),
  update: (agencyId: string, employeeId: string, body: EmployeeBodyInput) => api.put<{ employee: Employee }>(`${employeesPath(agencyId)}/${enc(employeeId)}`, body),
  confirm: (agencyId: string, employeeId: string, confirmedAt: string) => api.post<{ employee: Employee }>(`${employeesPath(agencyId)}/${enc(employeeId)}/confirm`, { confirmedAt }),
  end: (agencyId: string, employeeId: string, body: { endedAt: string; endReason: EndReason; note: string }) => api.post<{ employee: Employee }>(`${employeesPath(agencyId)}/${enc(employeeId)}/end`, body),
  setSupervisor: (agencyId: string, employeeId: string, supervisorEmployeeId: string | null) =>
    api.put<{ employee: Employee }>(`${employeesPath(agencyId)}/${enc(employeeId)}/supervisor`, { supervisorEmployeeId }),
  linkAccount: (agencyId: string, employeeId: string, email: string) => api.post<{ employee: Employee }>(`${employeesPath(agencyId)}/${enc(employeeId)}/account`, { email }),
  import: (agencyId: string, file: File) => uploadSpreadsheet<{ result: EmployeeImportResult }>(`${employeesPath(agencyId)}/import`, file),
  templateUrl: (agencyId: string) => `${employeesPath(agencyId)}/template.xlsx`,
  exportUrl: (agencyId: string, query: EmployeeListQuery) => {
    const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== '') as Array<[string, string]>);
    const search = params.toString();
    return `${employeesPath(agencyId)}/export.xlsx${search ? `?${search}` : ''}`;
  },
  myStaff: (agencyId: string) => api.get<{ items: Employee[] }>(`/api/agencies/${enc(agencyId)}/my-staff`),
  mine: () => api.get<{ items: Employee[] }>('/api/me/employee'),
  appointable: (agencyId: string, selectionId: string) => api.get<{ items: Appointable[] }>(`/api/agencies/${enc(agencyId)}/selections/${enc(selectionId)}/appointments`),
  appoint: (agencyId: string, selectionId: string, body: AppointmentBodyInput) => api.post<AppointmentResult>(`/api/agencies/${enc(agencyId)}/selections/${enc(selectionId)}/appointments`, body),
};

export const employeeKeys = {
  all: (agencyId: string) => ['employees', agencyId] as const,
  list: (agencyId: string, query: EmployeeListQuery) => ['employees', agencyId, 'list', query] as const,
  detail: (agencyId: string, employeeId: string) => ['employees', agencyId, 'detail', employeeId] as const,
  myStaff: (agencyId: string) => ['employees', agencyId, 'my-staff'] as const,
  mine: ['employees', 'mine'] as const,
  appointable: (agencyId: string, selectionId: string) => ['employees', agencyId, 'appointable', selectionId] as const,
};
