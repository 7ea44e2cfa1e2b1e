// Test factories for training programmes, classes with meetings, and enrolments.
import type { Db } from '../../db/client.js';
import { createEmployeeRow } from '../employees/employees.fixtures.js';
import { trainingEnrolments, trainingMeetings, trainingProgrammes, trainingSessions } from './training.table.js';

let counter = 0;
const HOUR = 3600_000;

export type ProgrammeSpec = Partial<Omit<typeof trainingProgrammes.$inferInsert, 'agencyId'>>;

/** An active programme for employees: attendance ≥ 75%, post-test ≥ 70. */
export async function createProgrammeRow(db: Db, agencyId: string, spec: ProgrammeSpec = {}) {
  const n = ++counter;
  const [row] = await db
    .insert(trainingProgrammes)
    .values({ code: `P${n}${Date.now().toString(36).toUpperCase()}`.slice(0, 20), name: `Pelatihan Uji ${n}`, competencies: ['Pelayanan publik'], hours: 20, minAttendancePercent: '75', minPostTest: '70', ...spec, agencyId })
    .returning();
  return row!;
}

export type SessionSpec = Partial<Omit<typeof trainingSessions.$inferInsert, 'agencyId'>> & {
  /** Hours from now at which each meeting starts (negative: in the past); two hours long each. */
  meetingsAt?: number[];
};

/** An open class (of a new programme unless given) with meetings; by default two meetings in the past. */
export async function createSessionRow(db: Db, agencyId: string, spec: SessionSpec = {}) {
  const { meetingsAt = [-48, -24], ...values } = spec;
  const programmeId = values.programmeId ?? (await createProgrammeRow(db, agencyId)).id;
  const [session] = await db
    .insert(trainingSessions)
    .values({ name: `Kelas Uji ${++counter}`, venue: 'Aula BKPSDM', capacity: 30, ...values, programmeId, agencyId })
    .returning();
  const meetings = [];
  for (const at of meetingsAt) {
    const [meeting] = await db
      .insert(trainingMeetings)
      .values({ agencyId, sessionId: session!.id, startsAt: new Date(Date.now() + at * HOUR), endsAt: new Date(Date.now() + (at + 2) * HOUR), topic: `Materi ${at}` })
      .returning();
    meetings.push(meeting!);
  }
  return { session: session!, meetings };
}

export type EnrolmentSpec = Partial<Omit<typeof trainingEnrolments.$inferInsert, 'agencyId' | 'programmeId'>> & { programmeId: string };

/** An enrolment of a new employee (unless given), enrolled in the class when one is given. */
export async function createEnrolmentRow(db: Db, agencyId: string, spec: EnrolmentSpec) {
  const employeeId = spec.employeeId ?? (spec.applicationId ? null : (await createEmployeeRow(db, agencyId, { name: `Peserta ${++counter}` })).id);
  const [row] = await db
    .insert(trainingEnrolments)
    .values({ participantName: `Peserta ${counter}`, method: 'assigned', status: spec.sessionId ? 'enrolled' : 'waiting', ...spec, employeeId, agencyId })
    .returning();
  return row!;
}
