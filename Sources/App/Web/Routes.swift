import DudaoCore
import Vapor

/// The whole route table, grouped by who may use each group.
func routes(_ app: Application) throws {
    let s = SiteURL.param

    // Anyone, no login: health, assets, the public disclosure (四个公开), login.
    app.get(SiteURL.healthz.route, use: HealthController.healthz)
    app.get(SiteURL.livez.route, use: HealthController.livez)
    // The monitoring system: with the configured token, or from this machine directly; 404 to anyone else.
    app.get(SiteURL.metrics.route, use: MetricsController.metrics)
    app.get(SiteURL.stylesheet.route, use: AssetsController.stylesheet)
    app.get(SiteURL.script.route, use: AssetsController.script)
    app.get(SiteURL.serviceWorker.route, use: AssetsController.serviceWorker)
    app.get(SiteURL.publicHome.route, use: PublicController.home)
    app.get(SiteURL.publicSign(s).route, use: PublicController.sign)
    app.get(SiteURL.file(String(s)).route, use: PublicController.file)
    app.get(SiteURL.publicComplaintNew.route, use: ComplaintsController.publicForm)
    app.upload(
        SiteURL.publicComplaintNew.route, ComplaintsController.uploadLimits, use: ComplaintsController.publicSubmit)
    app.get(SiteURL.publicComplaintTrack.route, use: ComplaintsController.track)
    app.get(SiteURL.publicComplaintReceipt.route, use: ComplaintsController.receipt)
    // 问卷: anonymous answers through a target's link (its key checked), once per device.
    app.get(SiteURL.questionnaireAnswer(s, s).route, use: QuestionnairesController.answerForm)
    app.post(SiteURL.questionnaireAnswer(s, s).route, use: QuestionnairesController.answer)
    // Campaign results the office chose to publish (通报, 向社会公开).
    app.get(SiteURL.publicResults(s).route, use: CampaignPublishing.publicResults)
    app.get(SiteURL.publicBulletin(s).route, use: BulletinsController.publicPage)
    app.get(SiteURL.login.route, use: LoginController.form)
    app.post(SiteURL.login.route, use: LoginController.login)

    // Every signed-in account: home, password, logout.
    let signedIn = app.grouped(RequireRole(.everyone))
    signedIn.get(SiteURL.home.route, use: HomeController.home)
    signedIn.post(SiteURL.logout.route, use: LoginController.logout)
    signedIn.get(SiteURL.password.route, use: LoginController.passwordForm)
    signedIn.post(SiteURL.password.route, use: LoginController.changePassword)
    signedIn.post(SiteURL.tokenRevoke(s).route, use: LoginController.revokeToken)
    // Schools are listed for every role, each seeing its own scope (a school: itself).
    signedIn.get(SiteURL.schools.route, use: SchoolsController.list)
    signedIn.get(SiteURL.school(s).route, use: SchoolsController.show)
    signedIn.get(SiteURL.inspector(s).route, use: InspectorsController.show)

    // Visit records: everyone reads what their scope allows (a school: its submitted visits).
    signedIn.get(SiteURL.visits.route, use: VisitsController.list)
    signedIn.get(SiteURL.visit(s).route, use: VisitsController.show)
    signedIn.get(SiteURL.visitPrint(s).route, use: VisitsController.printable)
    signedIn.get(SiteURL.visitPhoto(s, s).route, use: VisitsController.photo)
    signedIn.get(SiteURL.notifications.route, use: NotificationsController.list)
    for format in ExportFormat.allCases {
        signedIn.get(SiteURL.listExport(.notifications, format).route, use: NotificationsController.export)
    }
    signedIn.post(SiteURL.notificationsRead.route, use: NotificationsController.markRead)
    signedIn.get(SiteURL.problems.route, use: ProblemsController.list)
    // Rectification notices: every role sees its scope; the state machine decides who may do what.
    signedIn.get(SiteURL.notices.route, use: NoticesController.list)
    signedIn.get(SiteURL.notice(s).route, use: NoticesController.show)
    signedIn.get(SiteURL.noticePrint(s).route, use: NoticesController.printable)
    signedIn.get(SiteURL.noticeFile(s, String(s)).route, use: NoticesController.file)
    signedIn.post(SiteURL.noticeAct(s).route, use: NoticesController.act)
    signedIn.upload(SiteURL.noticeReport(s).route, NoticesController.reportLimits, use: NoticesController.report)
    for format in ExportFormat.allCases {
        signedIn.get(SiteURL.listExport(.problems, format).route, use: ProblemsController.export)
        signedIn.get(SiteURL.listExport(.visits, format).route, use: VisitsController.export)
        signedIn.get(SiteURL.listExport(.notices, format).route, use: NoticesController.export)
    }
    signedIn.get(SiteURL.problem(s).route, use: ProblemController.show)
    signedIn.post(SiteURL.problemReferral(s).route, use: ProblemController.referral)

    // 督导任务: each account opens the campaigns and targets its scope allows (CampaignTargetAccess: the office
    // all of its district, a team member their targets, a school its own); the procedure decides who acts.
    signedIn.get(SiteURL.campaigns.route, use: CampaignsController.list)
    signedIn.get(SiteURL.campaign(s).route, use: CampaignsController.show)
    signedIn.get(SiteURL.campaignTarget(s).route, use: CampaignsController.target)
    for format in ExportFormat.allCases {
        signedIn.get(SiteURL.listExport(.campaigns, format).route, use: CampaignExports.list)
        signedIn.get(SiteURL.campaignPage(s, "progress." + format.rawValue).route, use: CampaignExports.progress)
    }
    signedIn.get(SiteURL.campaignTargetPage(s, "rate").route) {
        try await CampaignsController.rateForm(req: $0, sheet: .own)
    }
    signedIn.get(SiteURL.campaignTargetPage(s, "team").route) {
        try await CampaignsController.rateForm(req: $0, sheet: .team)
    }
    // Ratings may come from a phone's outbox (offline on site): a resend with the same key changes nothing twice.
    let raters = signedIn.grouped(OnceMiddleware())
    raters.post(SiteURL.campaignTargetPage(s, "rate").route) {
        try await CampaignsController.rate(req: $0, sheet: .own)
    }
    raters.post(SiteURL.campaignTargetPage(s, "team").route) {
        try await CampaignsController.rate(req: $0, sheet: .team)
    }
    signedIn.post(SiteURL.campaignTargetPage(s, "act").route, use: CampaignsController.act)
    // 佐证材料: read with the target; uploaded by the target before the visit, by the team during it.
    signedIn.get(SiteURL.campaignTargetPage(s, "evidence").route, use: CampaignEvidenceWork.page)
    signedIn.upload(
        SiteURL.campaignTargetPage(s, "evidence").route, CampaignEvidenceWork.limits, use: CampaignEvidenceWork.upload)
    signedIn.get(SiteURL.campaignEvidenceFile(s, String(s)).route, use: CampaignEvidenceWork.file)
    // Published results (通报), for every account that may open the campaign.
    signedIn.get(SiteURL.campaignPage(s, "bulletin").route, use: CampaignPublishing.bulletin)
    signedIn.get(SiteURL.campaignTargetPage(s, "opinion").route, use: CampaignsController.opinion)
    signedIn.get(SiteURL.campaignTargetPage(s, "notice").route, use: CampaignsController.notice)

    // 办学条件年报: a school fills in its own (until the office locks it); the office reads and fills in its
    // district's; an inspector and a leader read what their scope allows (BalanceController.Target decides).
    signedIn.get(SiteURL.balanceReturn(s, year: s).route, use: BalanceController.returnForm)
    signedIn.post(SiteURL.balanceReturn(s, year: s).route, use: BalanceController.saveReturn)

    // 督导简报: the district's published issues for every account (the office also its drafts).
    signedIn.get(SiteURL.bulletins.route, use: BulletinsController.list)
    for format in ExportFormat.allCases {
        signedIn.get(SiteURL.listExport(.bulletins, format).route, use: BulletinsController.export)
    }
    signedIn.get(SiteURL.bulletin(s).route, use: BulletinsController.show)
    signedIn.get(SiteURL.bulletinPage(s, "print").route, use: BulletinsController.printable)
    signedIn.get(SiteURL.bulletinPage(s, "export.docx").route, use: BulletinsController.docx)

    // 问责决定: each account reads those its scope allows (a school or an inspector: those against it) and the
    // target answers (申辩) within the window.
    signedIn.get(SiteURL.accountability.route, use: AccountabilityController.list)
    for format in ExportFormat.allCases {
        signedIn.get(SiteURL.listExport(.accountability, format).route, use: AccountabilityController.export)
    }
    signedIn.get(SiteURL.accountabilityDecision(s).route, use: AccountabilityController.show)
    signedIn.get(SiteURL.accountabilityPrint(s).route, use: AccountabilityController.printable)
    signedIn.get(SiteURL.accountabilityFile(s, String(s)).route, use: AccountabilityController.file)
    signedIn.upload(
        SiteURL.accountabilityRespond(s).route, AccountabilityController.responseLimits,
        use: AccountabilityController.respond)

    // Inspectors and the office record visits on the phone (VisitAccess: an inspector their schools, the office
    // its subtree; only the author edits a draft).
    // The visit page's forms may come from a phone's outbox: a resend with the same key changes nothing twice.
    let recorders = app.grouped(RequireRole(.inspector, .office), OnceMiddleware())
    recorders.get(SiteURL.visitNew.route, use: VisitsController.newForm)
    recorders.post(SiteURL.visits.route, use: VisitsController.create)
    recorders.post(SiteURL.visit(s).route, use: VisitsController.update)
    recorders.post(SiteURL.visitSection(s, "observations").route, use: VisitsController.addObservation)
    recorders.post(SiteURL.visitSection(s, "interviews").route, use: VisitsController.addInterview)
    recorders.post(SiteURL.visitSection(s, "problems").route, use: VisitsController.addProblem)
    recorders.post(SiteURL.visitSection(s, "checks").route, use: VisitsController.saveChecks)
    recorders.post(SiteURL.visitSection(s, "checklist").route, use: VisitsController.saveChecklist)
    recorders.post(SiteURL.visitSection(s, "findings").route, use: VisitsController.answerFinding)
    recorders.upload(
        SiteURL.visitSection(s, "photos").route, VisitsController.photoLimits, use: VisitsController.addPhoto)
    recorders.post(SiteURL.visitRemove(s).route, use: VisitsController.removeItem)
    recorders.post(SiteURL.visitSubmit(s).route, use: VisitsController.submit)
    recorders.post(SiteURL.visitDelete(s).route, use: VisitsController.deleteDraft)

    // Inspectors: plans, summaries and cases.
    let inspectors = app.grouped(RequireRole(.inspector))
    inspectors.get(SiteURL.visitPlans.route, use: PlansController.visitPlans)
    inspectors.get(SiteURL.visitPlanNew.route, use: PlansController.visitPlanForm)
    inspectors.post(SiteURL.visitPlans.route, use: PlansController.createVisitPlan)
    inspectors.get(SiteURL.areaPlanNew.route, use: PlansController.areaPlanForm)
    inspectors.post(SiteURL.areaPlans.route, use: PlansController.saveAreaPlan)
    inspectors.get(SiteURL.complianceInspectorSelf.route, use: ComplianceController.mine)
    for format in ExportFormat.allCases {
        inspectors.get(SiteURL.listExport(.complianceMine, format).route, use: ComplianceController.mineExport)
        inspectors.get(SiteURL.listExport(.visitPlans, format).route, use: PlanExports.visitPlans)
    }
    // 督导月报: the inspector writes and submits their own.
    inspectors.post(SiteURL.monthlyReport(s, month: ":month").route, use: MonthlyReportsController.write)
    inspectors.get(SiteURL.reportNew.route, use: ReportsController.newForm)
    inspectors.post(SiteURL.reports.route, use: ReportsController.create)

    // The responsible inspector or the office: issue a 整改通知书 (NoticeAccess.mayIssue decides the school).
    let issuers = app.grouped(RequireRole(.inspector, .office))
    issuers.get(SiteURL.noticeNew.route, use: NoticesController.newForm)
    issuers.post(SiteURL.notices.route, use: NoticesController.create)

    // Inspectors and the office: amend a submitted record; read plans, summaries and cases.
    let inspectorsAndOffice = app.grouped(RequireRole(.supervisors))
    inspectorsAndOffice.post(SiteURL.visitAmend(s).route, use: VisitsController.amend)
    // Complaints: inspectors see those assigned to them; the complainant's identity only the office.
    inspectorsAndOffice.get(SiteURL.complaints.route, use: ComplaintsController.list)
    for format in ExportFormat.allCases {
        inspectorsAndOffice.get(SiteURL.listExport(.complaints, format).route, use: ComplaintsController.export)
        inspectorsAndOffice.get(
            SiteURL.listExport(.monthlyReports, format).route, use: MonthlyReportsController.export)
    }
    inspectorsAndOffice.get(SiteURL.complaint(s).route, use: ComplaintsController.show)
    inspectorsAndOffice.post(SiteURL.complaintAct(s).route, use: ComplaintsController.act)
    inspectorsAndOffice.post(SiteURL.complaintProblem(s).route, use: ComplaintsController.makeProblem)
    inspectorsAndOffice.get(SiteURL.complaintFile(s, String(s)).route, use: ComplaintsController.file)
    inspectorsAndOffice.get(SiteURL.visitPlan(s).route, use: PlansController.visitPlan)
    inspectorsAndOffice.get(SiteURL.areaPlans.route, use: PlansController.areaPlans)
    inspectorsAndOffice.get(SiteURL.areaPlan(s).route, use: PlansController.areaPlan)
    inspectorsAndOffice.get(SiteURL.reports.route, use: ReportsController.list)
    for format in ExportFormat.allCases {
        inspectorsAndOffice.get(SiteURL.listExport(.areaPlans, format).route, use: PlanExports.areaPlans)
        inspectorsAndOffice.get(SiteURL.listExport(.reports, format).route, use: PlanExports.reports)
    }
    // 督导月报: an inspector their own, the office and leaders every inspector's of their subtree.
    inspectorsAndOffice.get(SiteURL.monthlyReports.route, use: MonthlyReportsController.list)
    inspectorsAndOffice.get(SiteURL.monthlyReport(s, month: ":month").route, use: MonthlyReportsController.show)
    inspectorsAndOffice.get(SiteURL.report(s).route, use: ReportsController.show)

    // Office, leader, admin: read the whole directory of their subtree.
    let readers = app.grouped(RequireRole(.directoryReaders))
    readers.get(SiteURL.inspectors.route, use: InspectorsController.list)
    readers.get(SiteURL.areas.route, use: AreasController.list)
    readers.get(SiteURL.area(s).route, use: AreasController.show)
    readers.get(SiteURL.coverage.route, use: CoverageController.page)
    readers.get(SiteURL.compliance.route, use: ComplianceController.matrix)
    readers.get(SiteURL.escalations.route, use: EscalationsController.list)
    for format in ExportFormat.allCases {
        readers.get(SiteURL.listExport(.escalations, format).route, use: EscalationsController.export)
        readers.get(SiteURL.listExport(.areas, format).route, use: AreasController.export)
    }
    readers.get(SiteURL.complianceInspector(s).route, use: ComplianceController.inspector)
    for format in ExportFormat.allCases {
        readers.get(SiteURL.listExport(.compliance, format).route, use: ComplianceController.export)
        readers.get(SiteURL.listExport(.dashboard, format).route, use: DashboardController.export)
        readers.get(SiteURL.campaignPage(s, "export." + format.rawValue).route, use: CampaignExports.results)
        readers.get(
            SiteURL.campaignPage(s, "questionnaires." + format.rawValue).route, use: CampaignExports.questionnaire)
        readers.get(SiteURL.complianceInspectorExport(s, format).route, use: ComplianceController.inspectorExport)
        readers.get(SiteURL.listExport(.coverage, format).route, use: CoverageController.export)
        readers.get(SiteURL.listExport(.monitoring, format).route, use: MonitoringController.export)
        readers.get(SiteURL.monitoringPage(s, "export." + format.rawValue).route, use: MonitoringController.roundExport)
        readers.get(SiteURL.listExport(.balanceReturns, format).route, use: BalanceController.returnsExport)
        readers.get(SiteURL.listExport(.preschool, format).route, use: BalanceController.preschoolExport)
    }
    for format in ExportFormat.allCases {
        readers.get(SiteURL.schoolsExport(format: format.rawValue).route, use: ExportController.schools)
        readers.get(SiteURL.inspectorsExport(format: format.rawValue).route, use: ExportController.inspectors)
    }
    readers.get(SiteURL.campaignPage(s, "results").route, use: CampaignsController.results)
    readers.get(SiteURL.campaignPage(s, "questionnaires").route, use: QuestionnairesController.page)
    // 质量监测: the district's rounds, read by its office, leaders and admin.
    readers.get(SiteURL.monitoring.route, use: MonitoringController.list)
    readers.get(SiteURL.monitoringRound(s).route, use: MonitoringController.show)
    readers.get(SiteURL.monitoringFile(s, String(s)).route, use: MonitoringStepFiles.file)
    // 数据看板: the district's state at a glance.
    readers.get(SiteURL.dashboard.route, use: DashboardController.page)
    // 均衡发展 and 普及普惠: the district's statistics, the what-if and the state of the returns.
    readers.get(SiteURL.balance.route, use: BalanceController.overview)
    readers.get(SiteURL.balancePage("what-if").route, use: BalanceController.whatIf)
    readers.get(SiteURL.balancePage("returns").route, use: BalanceController.returns)
    readers.get(SiteURL.balancePage("preschool").route, use: BalanceController.preschool)
    readers.get(SiteURL.balancePage("export.xlsx").route) { try await BalanceController.export(req: $0, csv: false) }
    readers.get(SiteURL.balancePage("export.csv").route) { try await BalanceController.export(req: $0, csv: true) }
    // 指标体系: read by the office, leaders and admin of the district.
    readers.get(SiteURL.systems.route, use: SystemsController.list)
    readers.get(SiteURL.system(s).route, use: SystemsController.show)
    readers.get(SiteURL.systemAction(s, "export.xlsx").route) {
        try await SystemsController.export(req: $0, json: false)
    }
    readers.get(SiteURL.systemAction(s, "export.json").route) {
        try await SystemsController.export(req: $0, json: true)
    }

    // The office alone decides accountability measures and their outcome (问责办法).
    let office = app.grouped(RequireRole(.office))
    office.get(SiteURL.accountabilityNew.route, use: AccountabilityController.newForm)
    office.post(SiteURL.accountability.route, use: AccountabilityController.create)
    office.post(SiteURL.accountabilityOutcome(s).route, use: AccountabilityController.outcome)
    // The office publishes campaign results and sets the campaign procedure (phases per kind, 申辩 days).
    office.post(SiteURL.campaignPage(s, "publish").route, use: CampaignPublishing.publish)
    // 市级抽评: an office above the campaign's district draws the sample and re-scores it (CampaignRecheck).
    office.post(SiteURL.campaignPage(s, "recheck").route, use: CampaignRecheck.draw)
    office.get(SiteURL.campaignTargetPage(s, "recheck").route) {
        try await CampaignsController.rateForm(req: $0, sheet: .recheck)
    }
    office.grouped(OnceMiddleware()).post(SiteURL.campaignTargetPage(s, "recheck").route) {
        try await CampaignsController.rate(req: $0, sheet: .recheck)
    }
    // 质量监测: the office runs a round.
    office.post(SiteURL.monitoring.route, use: MonitoringController.create)
    office.post(SiteURL.monitoringPage(s, "act").route, use: MonitoringController.act)
    office.upload(SiteURL.monitoringPage(s, "files").route, MonitoringStepFiles.limits, use: MonitoringStepFiles.upload)
    // 督导简报: the office drafts, edits, approves, publishes and corrects.
    office.post(SiteURL.bulletins.route, use: BulletinsController.create)
    office.post(SiteURL.bulletin(s).route, use: BulletinsController.save)
    office.post(SiteURL.bulletinPage(s, "act").route, use: BulletinsController.act)
    // 督导月报: the office receives an inspector's report or returns it.
    office.post(SiteURL.monthlyReportReview(s, month: ":month").route, use: MonthlyReportsController.review)
    office.get(SiteURL.campaignRules.route, use: CampaignRulesController.form)
    office.post(SiteURL.campaignRules.route, use: CampaignRulesController.save)

    // Office and admin: change the directory, import, see the audit trail, settings.
    let writers = app.grouped(RequireRole(.directoryWriters))
    writers.get(SiteURL.schoolNew.route, use: SchoolsController.newForm)
    writers.post(SiteURL.schools.route, use: SchoolsController.create)
    writers.get(SiteURL.schoolEdit(s).route, use: SchoolsController.editForm)
    writers.post(SiteURL.school(s).route, use: SchoolsController.update)
    writers.post(SiteURL.schoolDeactivate(s).route, use: SchoolsController.deactivate)
    writers.post(SiteURL.schoolReactivate(s).route, use: SchoolsController.reactivate)
    writers.get(SiteURL.schoolAssign(s).route, use: AssignmentsController.form)
    writers.get(SiteURL.rollover.route, use: RolloverController.page)
    writers.post(SiteURL.rollover.route, use: RolloverController.apply)
    writers.post(SiteURL.schoolAssign(s).route, use: AssignmentsController.assign)
    writers.get(SiteURL.inspectorNew.route, use: InspectorsController.newForm)
    writers.post(SiteURL.inspectors.route, use: InspectorsController.create)
    writers.get(SiteURL.inspectorEdit(s).route, use: InspectorsController.editForm)
    writers.post(SiteURL.inspector(s).route, use: InspectorsController.update)
    writers.post(SiteURL.inspectorDeactivate(s).route, use: InspectorsController.deactivate)
    writers.upload(
        SiteURL.inspectorPhoto(s).route, InspectorsController.photoLimits, use: InspectorsController.uploadPhoto)
    writers.get(SiteURL.areaNew.route, use: AreasController.newForm)
    writers.post(SiteURL.areas.route, use: AreasController.create)
    writers.get(SiteURL.areaEdit(s).route, use: AreasController.editForm)
    writers.post(SiteURL.area(s).route, use: AreasController.update)
    writers.post(SiteURL.areaDeactivate(s).route, use: AreasController.deactivate)
    writers.get(SiteURL.importPage.route, use: ImportController.page)
    writers.upload(SiteURL.importSchools.route, ImportController.uploadLimits, use: ImportController.importSchools)
    writers.upload(
        SiteURL.importInspectors.route, ImportController.uploadLimits, use: ImportController.importInspectors)
    writers.get(SiteURL.importTemplate(kind: ":kind").route, use: ImportController.template)
    writers.post(SiteURL.schoolGrant(s).route, use: VisitsController.grant)
    writers.get(SiteURL.complaintNew.route, use: ComplaintsController.phoneForm)
    writers.post(SiteURL.complaints.route, use: ComplaintsController.phoneCreate)
    writers.post(SiteURL.complaintAssign(s).route, use: ComplaintsController.assign)
    writers.post(SiteURL.areaPlanReview(s).route, use: PlansController.review)
    writers.post(SiteURL.reportSelect(s).route, use: ReportsController.toggleSelected)
    writers.get(SiteURL.audit.route, use: AuditController.list)
    for format in ExportFormat.allCases {
        writers.get(SiteURL.listExport(.audit, format).route, use: AuditController.export)
    }
    writers.get(SiteURL.settings.route, use: SettingsController.form)
    writers.post(SiteURL.settings.route, use: SettingsController.save)
    writers.get(SiteURL.campaignNew.route, use: CampaignsController.newForm)
    writers.get(SiteURL.campaignTargetPage(s, "members").route, use: CampaignTeamController.form)
    writers.post(SiteURL.campaignTargetPage(s, "members").route, use: CampaignTeamController.change)
    writers.post(SiteURL.campaigns.route, use: CampaignsController.create)
    writers.post(SiteURL.campaignPage(s, "questionnaires").route, use: QuestionnairesController.create)
    // 指标体系: the office creates, imports, copies, drafts and publishes (a published version never changes).
    writers.get(SiteURL.systemNew.route, use: SystemsController.newForm)
    writers.post(SiteURL.systems.route, use: SystemsController.create)
    writers.upload(SiteURL.systemImport.route, SystemsController.uploadLimits, use: SystemsController.importNew)
    writers.post(SiteURL.systemAction(s, "copy").route, use: SystemsController.copy)
    writers.post(SiteURL.systemAction(s, "draft").route, use: SystemsController.startDraft)
    writers.post(SiteURL.systemAction(s, "publish").route, use: SystemsController.publish)
    writers.get(SiteURL.systemAction(s, "node").route, use: SystemsController.nodeForm)
    writers.post(SiteURL.systemAction(s, "node").route, use: SystemsController.saveNode)
    writers.post(SiteURL.systemAction(s, "remove").route, use: SystemsController.removeNode)
    writers.get(SiteURL.systemAction(s, "settings").route, use: SystemsController.settingsForm)
    writers.post(SiteURL.systemAction(s, "settings").route, use: SystemsController.saveSettings)
    writers.upload(
        SiteURL.systemAction(s, "import").route, SystemsController.uploadLimits, use: SystemsController.importIntoDraft)
    // 办学条件: the office imports a year's returns, locks and unlocks them, sets the section weights and the
    // townships' children of kindergarten age.
    writers.get(SiteURL.balancePage("import").route, use: BalanceImport.page)
    writers.upload(SiteURL.balancePage("import").route, BalanceImport.uploadLimits, use: BalanceImport.upload)
    writers.post(SiteURL.balanceReturnState(s, year: s).route, use: BalanceController.changeState)
    writers.post(SiteURL.balancePage("weights").route, use: BalanceController.saveWeights)
    writers.post(SiteURL.balancePage("preschool").route, use: BalanceController.savePopulations)
    writers.get(SiteURL.themes.route, use: ThemeCalendarController.form)
    writers.post(SiteURL.themes.route, use: ThemeCalendarController.save)

    // Admin only: accounts.
    let admins = app.grouped(RequireRole(.admin))
    admins.get(SiteURL.accounts.route, use: AccountsController.list)
    for format in ExportFormat.allCases {
        admins.get(SiteURL.listExport(.accounts, format).route, use: AccountsController.export)
    }
    admins.get(SiteURL.accountNew.route, use: AccountsController.newForm)
    admins.post(SiteURL.accounts.route, use: AccountsController.create)
    admins.post(SiteURL.accountReset(s).route, use: AccountsController.reset)
    admins.post(SiteURL.accountDeactivate(s).route, use: AccountsController.deactivate)
    admins.post(SiteURL.accountUnlock(s).route, use: AccountsController.unlock)

    // The JSON API: bearer tokens, scoped like the pages.
    try apiRoutes(app)
}

extension RoutesBuilder {
    /// A multipart upload: the body is streamed to disk by `UploadReader` (after the handler's
    /// permission check), never collected whole; the CSRF token is checked as its first part.
    @discardableResult
    func upload(
        _ path: [PathComponent], _ limits: UploadLimits,
        use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        on(.POST, path, body: .stream, use: handler).limited(to: limits.maxBodyBytes, streamed: true)
    }
}

extension SiteURL {
    /// The route pattern for Vapor.
    var route: [PathComponent] { components.map { PathComponent(stringLiteral: $0) } }
}
