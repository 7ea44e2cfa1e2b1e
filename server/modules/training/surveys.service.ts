// The reaction survey after a class, and new ASN's feedback on their recruitment (after appointment)
// and on their basic training, shown to the panel beside the round they came through.
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import {
  ASN_FEEDBACK_QUESTIONS,
  ASN_FEEDBACK_STAGE_LABELS,
  ASN_FEEDBACK_STAGES,
  REACTION_QUESTIONS,
  checkSurveyAnswers,
  summariseSurvey,
  type AsnFeedbackStage,
} from '../../../core/training.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { getAgency } from '../agencies/agencies.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { countEmployeesOfSelection, employeeOfAccount, employeesOfAccount, type EmployeePresented } from '../employees/employees.service.js';
import { getSelection } from '../selections/selections.service.js';
import { findEnrolment, type EnrolmentRef } from './enrolments.service.js';
import { isUniqueViolation } from '../organisation/organisation.service.js';
import { asnFeedback, trainingEnrolments, trainingMeetings, trainingProgrammes, trainingReactions } from './training.table.js';
import type { SessionRef } from './training.service.js';

const invalidAnswers = (problems: Record<string, string>) =>
  new AppError('VALIDATION_FAILED', 'Jawab setiap pertanyaan dengan nilai 1–5.', Object.fromEntries(Object.entries(problems).map(([key, message]) => [`answers.${key}`, message])));

export type ReactionOptions = EnrolmentRef & { accountId: string; answers: Record<string, unknown>; comment: string; now?: Date };

/** The participant's reaction to their class, once, after its last meeting has started. */
export async function submitReaction(db: Db, options: ReactionOptions) {
  const problems = checkSurveyAnswers(REACTION_QUESTIONS, options.answers);
  if (Object.keys(problems).length) throw invalidAnswers(problems);
  const now = options.now ?? new Date();
  try {
    await db.transaction(async (tx) => {
      const enrolment = await findEnrolment(tx, options);
      if (!enrolment.sessionId || !['enrolled', 'completed', 'not_completed'].includes(enrolment.status)) {
        throw new AppError('INVALID_STATE', 'Survei pelatihan diisi oleh peserta kelas setelah kelasnya berlangsung.');
      }
      const [last] = await tx.select({ startsAt: trainingMeetings.startsAt }).from(trainingMeetings).where(eq(trainingMeetings.sessionId, enrolment.sessionId)).orderBy(desc(trainingMeetings.startsAt)).limit(1);
      if (!last || last.startsAt.getTime() > now.getTime()) throw new AppError('INVALID_STATE', 'Survei pelatihan dibuka setelah pertemuan terakhir kelas dimulai.');
      const [row] = await tx
        .insert(trainingReactions)
        .values({ agencyId: options.agencyId, enrolmentId: enrolment.id, programmeId: enrolment.programmeId, sessionId: enrolment.sessionId, answers: options.answers as Record<string, number>, comment: options.comment })
        .returning({ id: trainingReactions.id });
      await recordAudit(tx, { agencyId: options.agencyId, actorId: options.accountId, action: 'training.reaction', targetType: 'training_enrolment', targetId: enrolment.id, after: { reactionId: row!.id } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'Anda sudah mengisi survei untuk kelas ini. Terima kasih.');
    throw error;
  }
}

/** The reactions to one class. */
export async function sessionReaction(db: Db, ref: SessionRef) {
  const rows = await db.select({ answers: trainingReactions.answers }).from(trainingReactions).where(and(eq(trainingReactions.agencyId, ref.agencyId), eq(trainingReactions.sessionId, ref.sessionId)));
  return summariseSurvey(REACTION_QUESTIONS, rows.map((row) => row.answers));
}

// ---- New ASN's feedback ----------------------------------------------------------------------------

/** Whether the employee completed a basic training programme (Latsar). */
async function completedBasicTraining(db: Db, employee: EmployeePresented) {
  const [row] = await db
    .select({ n: count() })
    .from(trainingEnrolments)
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingEnrolments.programmeId))
    .where(and(eq(trainingEnrolments.employeeId, employee.id), eq(trainingEnrolments.status, 'completed'), eq(trainingProgrammes.isBasic, true)));
  return (row?.n ?? 0) > 0;
}

/** The stages an employee may answer now: after appointment (a new ASN from a round, or a CPNS), after basic training. */
async function openStages(db: Db, employee: EmployeePresented): Promise<AsnFeedbackStage[]> {
  if (employee.status === 'ended') return [];
  const answered = new Set((await db.select({ stage: asnFeedback.stage }).from(asnFeedback).where(eq(asnFeedback.employeeId, employee.id))).map((row) => row.stage));
  const stages: AsnFeedbackStage[] = [];
  if (!answered.has('appointment') && (employee.source === 'selection' || employee.status === 'calon')) stages.push('appointment');
  if (!answered.has('basic_training') && (await completedBasicTraining(db, employee))) stages.push('basic_training');
  return stages;
}

/** The surveys waiting for an account, in each agency where it is an employee. */
export async function pendingAsnSurveys(db: Db, accountId: string) {
  const out = [];
  for (const employee of await employeesOfAccount(db, accountId)) {
    const stages = await openStages(db, employee);
    if (!stages.length) continue;
    const agency = await getAgency(db, employee.agencyId);
    for (const stage of stages) {
      out.push({ agencyId: agency.id, agencyName: agency.name, employeeId: employee.id, stage, label: ASN_FEEDBACK_STAGE_LABELS[stage], questions: ASN_FEEDBACK_QUESTIONS[stage].map(({ key, text }) => ({ key, text })) });
    }
  }
  return out;
}

export type AsnFeedbackOptions = { agencyId: string; accountId: string; stage: AsnFeedbackStage; answers: Record<string, unknown>; comment: string };

export async function submitAsnFeedback(db: Db, options: AsnFeedbackOptions) {
  const problems = checkSurveyAnswers(ASN_FEEDBACK_QUESTIONS[options.stage], options.answers);
  if (Object.keys(problems).length) throw invalidAnswers(problems);
  const employee = await employeeOfAccount(db, { agencyId: options.agencyId, accountId: options.accountId });
  if (!employee) throw new AppError('FORBIDDEN', 'Survei ini untuk pegawai instansi ini.');
  const stages = await openStages(db, employee);
  if (!stages.includes(options.stage)) {
    const answered = (await db.select({ n: count() }).from(asnFeedback).where(and(eq(asnFeedback.employeeId, employee.id), eq(asnFeedback.stage, options.stage))))[0]?.n ?? 0;
    throw answered > 0
      ? new AppError('CONFLICT', 'Anda sudah mengisi survei ini. Terima kasih.')
      : new AppError('INVALID_STATE', options.stage === 'basic_training' ? 'Survei pelatihan dasar dibuka setelah Anda lulus pelatihan dasar.' : 'Survei ini untuk ASN baru hasil seleksi.');
  }
  try {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(asnFeedback)
        .values({ agencyId: options.agencyId, employeeId: employee.id, stage: options.stage, selectionId: employee.selectionId, answers: options.answers as Record<string, number>, comment: options.comment })
        .returning({ id: asnFeedback.id });
      await recordAudit(tx, { agencyId: options.agencyId, actorId: options.accountId, action: 'asn_feedback.submit', targetType: 'employee', targetId: employee.id, after: { feedbackId: row!.id, stage: options.stage } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'Anda sudah mengisi survei ini. Terima kasih.');
    throw error;
  }
}

/** What the new ASN of a round said, per stage, for its panel: means per question and the suggestions, without names. */
export async function asnFeedbackOfSelection(db: Db, options: { agencyId: string; selectionId: string }) {
  await getSelection(db, options);
  const rows = await db
    .select({ stage: asnFeedback.stage, answers: asnFeedback.answers, comment: asnFeedback.comment, createdAt: asnFeedback.createdAt })
    .from(asnFeedback)
    .where(and(eq(asnFeedback.agencyId, options.agencyId), eq(asnFeedback.selectionId, options.selectionId), inArray(asnFeedback.stage, [...ASN_FEEDBACK_STAGES])))
    .orderBy(desc(asnFeedback.createdAt));
  return {
    selectionId: options.selectionId,
    appointed: await countEmployeesOfSelection(db, options),
    stages: ASN_FEEDBACK_STAGES.map((stage) => {
      const own = rows.filter((row) => row.stage === stage);
      return {
        stage,
        label: ASN_FEEDBACK_STAGE_LABELS[stage],
        summary: summariseSurvey(ASN_FEEDBACK_QUESTIONS[stage], own.map((row) => row.answers)),
        comments: own.filter((row) => row.comment !== '').slice(0, 100).map((row) => ({ comment: row.comment, createdAt: row.createdAt.toISOString() })),
      };
    }),
  };
}
