import { createBrowserRouter } from 'react-router-dom';
import { Layout } from './components/Layout';
import { HomePage } from './pages/public/HomePage';
import { NotFoundPage } from './pages/public/NotFoundPage';
import { RouteErrorPage } from './pages/public/RouteErrorPage';
import { RegisterPage } from './pages/auth/RegisterPage';
import { VerifyEmailPage } from './pages/auth/VerifyEmailPage';
import { LoginPage } from './pages/auth/LoginPage';
import { ForgotPasswordPage } from './pages/auth/ForgotPasswordPage';
import { ResetPasswordPage } from './pages/auth/ResetPasswordPage';
import { InvitationPage } from './pages/auth/InvitationPage';
import { QueuePage as VerificationQueuePage } from './pages/verification/QueuePage';
import { WorkspacePage as VerificationWorkspacePage } from './pages/verification/WorkspacePage';
import { ProgressPage as VerificationProgressPage } from './pages/verification/ProgressPage';
import { ReasonsPage as VerificationReasonsPage } from './pages/verification/ReasonsPage';
import { ResultsPage as AdministrativeResultsPage } from './pages/sanggah/ResultsPage';
import { DeskPage as SanggahDeskPage } from './pages/sanggah/DeskPage';
import { SanggahPage } from './pages/sanggah/SanggahPage';
import { ApplicantResultPage } from './pages/sanggah/ApplicantResultPage';
import { ObserverPage } from './pages/observer/ObserverPage';
import { DashboardPage } from './pages/dashboard/DashboardPage';
import { ExamListPage } from './pages/exam/ExamListPage';
import { ExamPage } from './pages/exam/ExamPage';
import { BoardPage as CatBoardPage } from './pages/board/BoardPage';
import { AccountPage } from './pages/account/AccountPage';
import { NotificationsPage } from './pages/account/NotificationsPage';
import { AgenciesPage } from './pages/admin/AgenciesPage';
import { StaffPage } from './pages/admin/StaffPage';
import { OutboxPage } from './pages/admin/OutboxPage';
import { AuditPage } from './pages/admin/AuditPage';
import { AnnouncementsPage } from './pages/announcements/AnnouncementsPage';
import { AnnouncementPage } from './pages/announcements/AnnouncementPage';
import { EventsPage as OutreachEventsPage } from './pages/outreach/EventsPage';
import { EventPage as OutreachEventPage } from './pages/outreach/EventPage';
import { CheckInPage as OutreachCheckInPage } from './pages/outreach/CheckInPage';
import { AnnouncementListPage } from './pages/portal/announcements/AnnouncementListPage';
import { AnnouncementPublicPage } from './pages/portal/announcements/AnnouncementPublicPage';
import { VerifyPage as AnnouncementVerifyPage } from './pages/portal/announcements/VerifyPage';
import { EventListPage as OutreachListPage } from './pages/portal/outreach/EventListPage';
import { EventPublicPage as OutreachPublicPage } from './pages/portal/outreach/EventPublicPage';
import { TicketPage as OutreachTicketPage } from './pages/portal/outreach/TicketPage';
import { CheckinInfoPage as OutreachCheckinInfoPage } from './pages/portal/outreach/CheckinInfoPage';
import { AbkPage } from './pages/planning/AbkPage';
import { PositionPage } from './pages/planning/PositionPage';
import { UnitsPage } from './pages/planning/UnitsPage';
import { FormasiPage } from './pages/formasi/FormasiPage';
import { SelectionsPage } from './pages/selections/SelectionsPage';
import { SelectionEditorPage } from './pages/selections/SelectionEditorPage';
import { FormasiSearchPage } from './pages/portal/FormasiSearchPage';
import { FormasiPublicPage } from './pages/portal/FormasiPublicPage';
import { SelectionPublicPage } from './pages/portal/SelectionPublicPage';
import { ApplicantProfilePage } from './pages/applicant/ProfilePage';
import { ApplicantApplicationsPage } from './pages/applicant/ApplicationsPage';
import { ApplyPage } from './pages/applicant/ApplyPage';
import { ApplicantApplicationPage } from './pages/applicant/ApplicationPage';
import { RegistrationCheckPage } from './pages/applicant/RegistrationCheckPage';
import { CatSessionsPage } from './pages/cat-sessions/SessionsPage';
import { CatVenuesPage } from './pages/cat-sessions/VenuesPage';
import { CatAllocationPage } from './pages/cat-sessions/AllocationPage';
import { CatConsolePage } from './pages/cat-sessions/ConsolePage';
import { CatResultPage } from './pages/cat-sessions/ResultPage';
import { ApplicantCatPage } from './pages/cat-sessions/ApplicantCatPage';
import { ExamCardCheckPage } from './pages/cat-sessions/ExamCardCheckPage';

import { BanksPage } from './pages/cat-banks/BanksPage';
import { BankPage } from './pages/cat-banks/BankPage';
import { QuestionPage } from './pages/cat-banks/QuestionPage';
import { BlueprintsPage } from './pages/cat-banks/BlueprintsPage';
import { PlansPage } from './pages/cat-banks/PlansPage';
import { ReportPage as CatReportPage } from './pages/cat-reports/ReportPage';
import { SurveysPage as IkmSurveysPage } from './pages/ikm/SurveysPage';
import { SurveyPage as IkmSurveyPage } from './pages/ikm/SurveyPage';
import { PeriodPage as IkmPeriodPage } from './pages/ikm/PeriodPage';
import { PlansPage as IkmPlansPage } from './pages/ikm/PlansPage';
import { AgencyDashboardsPage, NationalDashboardsPage } from './pages/dashboards/DashboardsPage';
import { SurveyFormPage as IkmSurveyFormPage } from './pages/portal/ikm/SurveyFormPage';
import { PanelPage } from './pages/panel/PanelPage';
import { ComponentPage as PanelComponentPage } from './pages/panel/ComponentPage';
import { EditRubricPage, NewRubricPage } from './pages/panel/RubricPage';
import { WorkspacePage as PanelWorkspacePage } from './pages/panel/WorkspacePage';
import { AssignmentPage as PanelAssignmentPage } from './pages/panel/AssignmentPage';
import { SubmitPage as AspirationSubmitPage } from './pages/portal/aspirations/SubmitPage';
import { TrackPage as AspirationTrackPage } from './pages/portal/aspirations/TrackPage';
import { ForumListPage } from './pages/portal/aspirations/ForumListPage';
import { AspirationsPage } from './pages/aspirations/AspirationsPage';
import { AspirationPage } from './pages/aspirations/AspirationPage';
import { ForumsPage } from './pages/aspirations/ForumsPage';
import { ForumPage } from './pages/aspirations/ForumPage';

import { EmployeesPage } from './pages/employees/EmployeesPage';
import { EmployeePage } from './pages/employees/EmployeePage';
import { AppointmentPage } from './pages/employees/AppointmentPage';
import { MyEmployeePage } from './pages/employees/MyEmployeePage';
import { MyStaffPage } from './pages/employees/MyStaffPage';
import { TrainingAdminPage } from './pages/training/TrainingAdminPage';
import { ProgrammePage as TrainingProgrammePage } from './pages/training/ProgrammePage';
import { SessionPage as TrainingSessionPage } from './pages/training/SessionPage';
import { EnrolmentsPage as TrainingEnrolmentsPage } from './pages/training/EnrolmentsPage';
import { MyTrainingPage } from './pages/training/MyTrainingPage';
import { TrainerPage } from './pages/training/TrainerPage';
import { CertificateCheckPage } from './pages/training/CertificateCheckPage';
import { AsnFeedbackPage } from './pages/training/AsnFeedbackPage';
import { MyEvaluationPage } from './pages/evaluation/MyEvaluationPage';
import { PlanPage as EvaluationPlanPage } from './pages/evaluation/PlanPage';
import { TeamPage as EvaluationTeamPage } from './pages/evaluation/TeamPage';
import { PeriodsPage as EvaluationPeriodsPage } from './pages/evaluation/PeriodsPage';
import { PeriodPage as EvaluationPeriodPage } from './pages/evaluation/PeriodPage';
import { DesksPage as EvaluationDesksPage } from './pages/evaluation/DesksPage';
import { RecommendationsPage as EvaluationRecommendationsPage } from './pages/evaluation/RecommendationsPage';
import { PublicDeskPage } from './pages/evaluation/PublicDeskPage';
import { RoundPage as FinalRoundPage, RoundsPage as FinalRoundsPage } from './pages/results/RoundPage';
import { RankingPage as FinalRankingPage } from './pages/results/RankingPage';
import { ObjectionPage as FinalObjectionPage, ObjectionsPage as FinalObjectionsPage } from './pages/results/ObjectionsPage';
import { OptimisationPage } from './pages/results/OptimisationPage';
import { VerificationPage as FinalVerificationPage } from './pages/results/VerificationPage';
import { ApplicantFinalResultPage } from './pages/results/ApplicantFinalResultPage';
import { PublicCheckPage as FinalResultCheckPage } from './pages/results/PublicCheckPage';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/daftar', element: <RegisterPage /> },
      { path: '/verifikasi-email', element: <VerifyEmailPage /> },
      { path: '/masuk', element: <LoginPage /> },
      { path: '/lupa-sandi', element: <ForgotPasswordPage /> },
      { path: '/atur-ulang-sandi', element: <ResetPasswordPage /> },
      { path: '/undangan', element: <InvitationPage /> },
      { path: '/formasi', element: <FormasiSearchPage /> },
      { path: '/formasi/:formasiId', element: <FormasiPublicPage /> },
      { path: '/seleksi/:selectionId', element: <SelectionPublicPage /> },
      { path: '/pengumuman', element: <AnnouncementListPage /> },
      { path: '/pengumuman/verifikasi', element: <AnnouncementVerifyPage /> },
      { path: '/pengumuman/:announcementId', element: <AnnouncementPublicPage /> },
      { path: '/sosialisasi', element: <OutreachListPage /> },
      { path: '/sosialisasi/presensi', element: <OutreachCheckinInfoPage /> },
      { path: '/sosialisasi/tiket/:registrationId', element: <OutreachTicketPage /> },
      { path: '/sosialisasi/:eventId', element: <OutreachPublicPage /> },
      { path: '/dasbor', element: <DashboardPage /> },
      { path: '/akun', element: <AccountPage /> },
      { path: '/notifikasi', element: <NotificationsPage /> },
      { path: '/admin/instansi', element: <AgenciesPage /> },
      { path: '/admin/instansi/:agencyId/staf', element: <StaffPage /> },
      { path: '/admin/instansi/:agencyId/audit', element: <AuditPage /> },
      { path: '/admin/instansi/:agencyId/pengumuman', element: <AnnouncementsPage /> },
      { path: '/admin/instansi/:agencyId/pengumuman/:announcementId', element: <AnnouncementPage /> },
      { path: '/admin/instansi/:agencyId/sosialisasi', element: <OutreachEventsPage /> },
      { path: '/instansi/:agencyId/verifikasi', element: <VerificationQueuePage /> },
      { path: '/instansi/:agencyId/verifikasi/kemajuan', element: <VerificationProgressPage /> },
      { path: '/instansi/:agencyId/verifikasi/alasan', element: <VerificationReasonsPage /> },
      { path: '/instansi/:agencyId/verifikasi/:applicationId', element: <VerificationWorkspacePage /> },
      { path: '/instansi/:agencyId/hasil-administrasi', element: <AdministrativeResultsPage /> },
      { path: '/ujian', element: <ExamListPage /> },
      { path: '/ujian/:attemptId', element: <ExamPage /> },
      { path: '/papan-nilai', element: <CatBoardPage /> },
      { path: '/instansi/:agencyId/sanggah', element: <SanggahDeskPage /> },
      { path: '/instansi/:agencyId/sanggah/:sanggahId', element: <SanggahPage /> },
      { path: '/pengawas/instansi/:agencyId', element: <ObserverPage /> },
      { path: '/pelamar/pendaftaran/:id/hasil', element: <ApplicantResultPage /> },
      { path: '/admin/instansi/:agencyId/sosialisasi/:eventId', element: <OutreachEventPage /> },
      { path: '/admin/instansi/:agencyId/sosialisasi/:eventId/presensi', element: <OutreachCheckInPage /> },
      { path: '/admin/instansi/:agencyId/abk', element: <AbkPage /> },
      { path: '/admin/instansi/:agencyId/abk/jabatan/:positionId', element: <PositionPage /> },
      { path: '/admin/instansi/:agencyId/unit-kerja', element: <UnitsPage /> },
      { path: '/admin/instansi/:agencyId/seleksi', element: <SelectionsPage /> },
      { path: '/admin/instansi/:agencyId/seleksi/:selectionId', element: <SelectionEditorPage /> },
      { path: '/admin/instansi/:agencyId/seleksi/:selectionId/formasi', element: <FormasiPage /> },
      { path: '/admin/outbox', element: <OutboxPage /> },
      { path: '/pelamar/profil', element: <ApplicantProfilePage /> },
      { path: '/pelamar/pendaftaran', element: <ApplicantApplicationsPage /> },
      { path: '/pelamar/daftar', element: <ApplyPage /> },
      { path: '/pelamar/pendaftaran/:id', element: <ApplicantApplicationPage /> },
      { path: '/cek-pendaftaran/:number', element: <RegistrationCheckPage /> },
      { path: '/admin/instansi/:agencyId/cat', element: <CatSessionsPage /> },
      { path: '/admin/instansi/:agencyId/cat/lokasi', element: <CatVenuesPage /> },
      { path: '/admin/instansi/:agencyId/cat/tahap/:blueprintId', element: <CatAllocationPage /> },
      { path: '/admin/instansi/:agencyId/cat/sesi/:sessionId/pengawas', element: <CatConsolePage /> },
      { path: '/admin/instansi/:agencyId/cat/hasil/:attemptId', element: <CatResultPage /> },
      { path: '/pelamar/ujian', element: <ApplicantCatPage /> },
      { path: '/cek-kartu-ujian/:attemptId', element: <ExamCardCheckPage /> },
      { path: '/admin/instansi/:agencyId/bank-soal', element: <BanksPage /> },
      { path: '/admin/instansi/:agencyId/bank-soal/:bankId', element: <BankPage /> },
      { path: '/admin/instansi/:agencyId/bank-soal/:bankId/soal/baru', element: <QuestionPage /> },
      { path: '/admin/instansi/:agencyId/bank-soal/:bankId/soal/:questionId', element: <QuestionPage /> },
      { path: '/admin/bank-soal', element: <BanksPage national /> },
      { path: '/admin/bank-soal/:bankId', element: <BankPage national /> },
      { path: '/admin/bank-soal/:bankId/soal/baru', element: <QuestionPage national /> },
      { path: '/admin/bank-soal/:bankId/soal/:questionId', element: <QuestionPage national /> },
      { path: '/admin/instansi/:agencyId/cat-perencanaan', element: <PlansPage /> },
      { path: '/admin/instansi/:agencyId/seleksi/:selectionId/cetak-biru', element: <BlueprintsPage /> },
      { path: '/admin/instansi/:agencyId/seleksi/:selectionId/laporan-cat', element: <CatReportPage /> },
      { path: '/ikm/:surveyId', element: <IkmSurveyFormPage /> },
      { path: '/admin/instansi/:agencyId/ikm', element: <IkmSurveysPage /> },
      { path: '/admin/instansi/:agencyId/ikm/survei/:surveyId', element: <IkmSurveyPage /> },
      { path: '/admin/instansi/:agencyId/ikm/periode/:periodKey', element: <IkmPeriodPage /> },
      { path: '/admin/instansi/:agencyId/ikm/rencana', element: <IkmPlansPage /> },
      { path: '/admin/instansi/:agencyId/dasbor/:dashboard', element: <AgencyDashboardsPage /> },
      { path: '/admin/dasbor/:dashboard', element: <NationalDashboardsPage /> },
      { path: '/instansi/:agencyId/panel', element: <PanelPage /> },
      { path: '/instansi/:agencyId/panel/seleksi/:selectionId/rubrik', element: <NewRubricPage /> },
      { path: '/instansi/:agencyId/panel/komponen/:componentId', element: <PanelComponentPage /> },
      { path: '/instansi/:agencyId/panel/komponen/:componentId/rubrik', element: <EditRubricPage /> },
      { path: '/penilaian/instansi/:agencyId', element: <PanelWorkspacePage /> },
      { path: '/penilaian/instansi/:agencyId/penugasan/:assignmentId', element: <PanelAssignmentPage /> },
      { path: '/pengaduan', element: <AspirationSubmitPage /> },
      { path: '/pengaduan/lacak', element: <AspirationTrackPage /> },
      { path: '/forum-warga', element: <ForumListPage /> },
      { path: '/admin/instansi/:agencyId/pengaduan', element: <AspirationsPage /> },
      { path: '/admin/instansi/:agencyId/pengaduan/:aspirationId', element: <AspirationPage /> },
      { path: '/admin/instansi/:agencyId/forum-warga', element: <ForumsPage /> },
      { path: '/admin/instansi/:agencyId/forum-warga/:forumId', element: <ForumPage /> },
      { path: '/admin/instansi/:agencyId/pegawai', element: <EmployeesPage /> },
      { path: '/instansi/:agencyId/pegawai/:employeeId', element: <EmployeePage /> },
      { path: '/admin/instansi/:agencyId/seleksi/:selectionId/pengangkatan', element: <AppointmentPage /> },
      { path: '/admin/instansi/:agencyId/seleksi/:selectionId/umpan-balik-asn', element: <AsnFeedbackPage /> },
      { path: '/admin/instansi/:agencyId/pelatihan', element: <TrainingAdminPage /> },
      { path: '/admin/instansi/:agencyId/pelatihan/program/:programmeId', element: <TrainingProgrammePage /> },
      { path: '/admin/instansi/:agencyId/pelatihan/peserta', element: <TrainingEnrolmentsPage /> },
      { path: '/instansi/:agencyId/pelatihan/kelas/:sessionId', element: <TrainingSessionPage /> },
      { path: '/pegawai', element: <MyEmployeePage /> },
      { path: '/atasan', element: <MyStaffPage /> },
      { path: '/pelatih', element: <TrainerPage /> },
      { path: '/pelatihan-saya', element: <MyTrainingPage /> },
      { path: '/cek-sertifikat/:number', element: <CertificateCheckPage /> },
      { path: '/penilaian-kinerja', element: <MyEvaluationPage /> },
      { path: '/penilaian-kinerja/rencana/:agencyId/:planId', element: <EvaluationPlanPage /> },
      { path: '/atasan/penilaian', element: <EvaluationTeamPage /> },
      { path: '/admin/instansi/:agencyId/penilaian', element: <EvaluationPeriodsPage /> },
      { path: '/admin/instansi/:agencyId/penilaian/periode/:periodId', element: <EvaluationPeriodPage /> },
      { path: '/admin/instansi/:agencyId/penilaian/loket', element: <EvaluationDesksPage /> },
      { path: '/admin/instansi/:agencyId/penilaian/rekomendasi', element: <EvaluationRecommendationsPage /> },
      { path: '/nilai-layanan/:code', element: <PublicDeskPage /> },
      { path: '/instansi/:agencyId/hasil-akhir', element: <FinalRoundsPage /> },
      { path: '/instansi/:agencyId/hasil-akhir/:selectionId', element: <FinalRoundPage /> },
      { path: '/instansi/:agencyId/hasil-akhir/:selectionId/peringkat', element: <FinalRankingPage /> },
      { path: '/instansi/:agencyId/hasil-akhir/:selectionId/optimalisasi', element: <OptimisationPage /> },
      { path: '/instansi/:agencyId/hasil-akhir/:selectionId/verifikasi', element: <FinalVerificationPage /> },
      { path: '/instansi/:agencyId/sanggah-akhir', element: <FinalObjectionsPage /> },
      { path: '/instansi/:agencyId/sanggah-akhir/:objectionId', element: <FinalObjectionPage /> },
      { path: '/pelamar/pendaftaran/:id/hasil-akhir', element: <ApplicantFinalResultPage /> },
      { path: '/verifikasi-hasil', element: <FinalResultCheckPage /> },
      { path: '/verifikasi-hasil/:code', element: <FinalResultCheckPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
