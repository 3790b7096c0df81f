import Foundation

/// Every page's address. One enum builds both the route table (with `SiteURL.param` standing for
/// the `:id` parameter) and the links in views, so the two cannot drift apart.
enum SiteURL: Sendable, Equatable {
    /// Put in place of an id to get the route pattern instead of a link.
    static let param = Int.min

    case home, login, logout, password
    case tokenRevoke(Int)
    case schools, schoolNew
    case school(Int)
    case schoolEdit(Int)
    case schoolDeactivate(Int)
    case schoolReactivate(Int)
    case schoolAssign(Int)
    case schoolsExport(format: String)
    case inspectors, inspectorNew
    case inspector(Int)
    case inspectorEdit(Int)
    case inspectorDeactivate(Int)
    case inspectorPhoto(Int)
    case inspectorsExport(format: String)
    case areas, areaNew
    case area(Int)
    case areaEdit(Int)
    case areaDeactivate(Int)
    case coverage
    case rollover
    case importPage, importSchools, importInspectors
    case importTemplate(kind: String)
    case audit
    case settings
    case themes
    case accounts, accountNew
    case accountReset(Int)
    case accountDeactivate(Int)
    case accountUnlock(Int)
    case visits, visitNew
    case visit(Int)
    case visitPrint(Int)
    case visitPhoto(Int, Int)
    case visitSection(Int, String)
    case visitSubmit(Int)
    case visitAmend(Int)
    case visitRemove(Int)
    case visitDelete(Int)
    case schoolGrant(Int)
    case visitPlans, visitPlanNew
    case visitPlan(Int)
    case areaPlans, areaPlanNew
    case areaPlan(Int)
    case areaPlanReview(Int)
    case reports, reportNew
    case report(Int)
    case reportSelect(Int)
    case compliance
    case complianceInspector(Int)
    case complianceInspectorSelf
    /// One inspector's 六个一 detail (by semester), as .xlsx or CSV.
    case complianceInspectorExport(Int, ExportFormat)
    case problems
    /// A list's export, filtered by the list's own query: `/problems/export.csv`, `/visits/export.xlsx`, ….
    case listExport(ExportedList, ExportFormat)
    case problem(Int)
    case problemReferral(Int)
    case escalations
    case accountability, accountabilityNew
    case accountabilityDecision(Int)
    case accountabilityPrint(Int)
    case accountabilityRespond(Int)
    case accountabilityOutcome(Int)
    case accountabilityFile(Int, String)
    case complaints, complaintNew
    case complaint(Int)
    case complaintAct(Int)
    case complaintAssign(Int)
    case complaintProblem(Int)
    case complaintFile(Int, String)
    case publicComplaintNew, publicComplaintTrack, publicComplaintReceipt, notifications, notificationsRead
    case notices, noticeNew
    case notice(Int)
    case noticeAct(Int)
    case noticeReport(Int)
    case noticePrint(Int)
    case noticeFile(Int, String)
    case systems, systemNew, systemImport
    case system(Int)
    /// An action on one indicator system: node, remove, settings, import, draft, publish, copy, export.xlsx/json.
    case systemAction(Int, String)
    case campaigns, campaignNew
    case campaign(Int)
    /// A page of one campaign: results, export.xlsx.
    case campaignPage(Int, String)
    case campaignTarget(Int)
    /// A page or action of one campaign target: rate, act, opinion.
    case campaignTargetPage(Int, String)
    /// An evidence file a target or its team uploaded, by its content hash.
    case campaignEvidenceFile(Int, String)
    /// The office's campaign rules: phases per kind, the 申辩 window.
    case campaignRules
    /// 均衡发展 and 普及普惠: the statistics, and their pages ("what-if", "returns", "import", "preschool", "weights").
    case balance
    /// 数据看板.
    case dashboard
    /// 督导月报: the list, one inspector's report of a month (`:month` = "2026-11"), its review by the office.
    case monthlyReports
    /// 督导简报: the list, one issue, its pages ("act", "print", "export.docx"), a published one for the public.
    case bulletins
    /// 质量监测: the rounds, one round, its changes ("act").
    case monitoring
    case monitoringRound(Int)
    case monitoringPage(Int, String)
    case monitoringFile(Int, String)
    case bulletin(Int)
    case bulletinPage(Int, String)
    case publicBulletin(Int)
    case monthlyReport(Int, month: String)
    case monthlyReportReview(Int, month: String)
    case balancePage(String)
    /// A school's yearly return, and its lock (审核锁定 / 解锁).
    case balanceReturn(Int, year: Int)
    case balanceReturnState(Int, year: Int)
    /// A campaign's published results on the public site.
    case publicResults(Int)
    /// A target's anonymous answer page of a questionnaire (its key in the query).
    case questionnaireAnswer(Int, Int)
    case publicHome
    case publicSign(Int)
    case file(String)
    case stylesheet, script, serviceWorker
    case healthz, livez
    /// Prometheus figures, for the monitoring system (`MetricsController` decides who may read them).
    case metrics

    var path: String { "/" + components.joined(separator: "/") }

    /// The path segments; an id equal to `param` becomes `:id`.
    var components: [String] {
        func id(_ n: Int) -> String { n == SiteURL.param ? ":id" : String(n) }
        switch self {
        case .home: return []
        case .login: return ["login"]
        case .logout: return ["logout"]
        case .password: return ["account", "password"]
        case .tokenRevoke(let n): return ["account", "tokens", id(n), "revoke"]
        case .schools: return ["schools"]
        case .schoolNew: return ["schools", "new"]
        case .school(let n): return ["schools", id(n)]
        case .schoolEdit(let n): return ["schools", id(n), "edit"]
        case .schoolDeactivate(let n): return ["schools", id(n), "deactivate"]
        case .schoolReactivate(let n): return ["schools", id(n), "reactivate"]
        case .schoolAssign(let n): return ["schools", id(n), "assign"]
        case .schoolsExport(let f): return ["schools", "export." + f]
        case .inspectors: return ["inspectors"]
        case .inspectorNew: return ["inspectors", "new"]
        case .inspector(let n): return ["inspectors", id(n)]
        case .inspectorEdit(let n): return ["inspectors", id(n), "edit"]
        case .inspectorDeactivate(let n): return ["inspectors", id(n), "deactivate"]
        case .inspectorPhoto(let n): return ["inspectors", id(n), "photo"]
        case .inspectorsExport(let f): return ["inspectors", "export." + f]
        case .areas: return ["areas"]
        case .areaNew: return ["areas", "new"]
        case .area(let n): return ["areas", id(n)]
        case .areaEdit(let n): return ["areas", id(n), "edit"]
        case .areaDeactivate(let n): return ["areas", id(n), "deactivate"]
        case .coverage: return ["coverage"]
        case .rollover: return ["coverage", "new-year"]
        case .importPage: return ["import"]
        case .importSchools: return ["import", "schools"]
        case .importInspectors: return ["import", "inspectors"]
        case .importTemplate(let kind): return ["import", "template", kind]
        case .audit: return ["audit"]
        case .settings: return ["settings"]
        case .themes: return ["settings", "themes"]
        case .accounts: return ["accounts"]
        case .accountNew: return ["accounts", "new"]
        case .accountReset(let n): return ["accounts", id(n), "reset"]
        case .accountDeactivate(let n): return ["accounts", id(n), "deactivate"]
        case .accountUnlock(let n): return ["accounts", id(n), "unlock"]
        case .visits: return ["visits"]
        case .visitNew: return ["visits", "new"]
        case .visit(let n): return ["visits", id(n)]
        case .visitPrint(let n): return ["visits", id(n), "print"]
        case .visitPhoto(let n, let p): return ["visits", id(n), "photos", p == SiteURL.param ? ":pid" : String(p)]
        case .visitSection(let n, let section): return ["visits", id(n), section]
        case .visitSubmit(let n): return ["visits", id(n), "submit"]
        case .visitAmend(let n): return ["visits", id(n), "amend"]
        case .visitRemove(let n): return ["visits", id(n), "remove"]
        case .visitDelete(let n): return ["visits", id(n), "delete"]
        case .schoolGrant(let n): return ["schools", id(n), "grant"]
        case .visitPlans: return ["visit-plans"]
        case .visitPlanNew: return ["visit-plans", "new"]
        case .visitPlan(let n): return ["visit-plans", id(n)]
        case .areaPlans: return ["plans"]
        case .areaPlanNew: return ["plans", "new"]
        case .areaPlan(let n): return ["plans", id(n)]
        case .areaPlanReview(let n): return ["plans", id(n), "review"]
        case .reports: return ["reports"]
        case .reportNew: return ["reports", "new"]
        case .report(let n): return ["reports", id(n)]
        case .reportSelect(let n): return ["reports", id(n), "select"]
        case .compliance: return ["compliance"]
        case .complianceInspector(let n): return ["compliance", "inspectors", id(n)]
        case .complianceInspectorSelf: return ["compliance", "mine"]
        case .notices: return ["notices"]
        case .noticeNew: return ["notices", "new"]
        case .notice(let n): return ["notices", id(n)]
        case .noticeAct(let n): return ["notices", id(n), "act"]
        case .noticeReport(let n): return ["notices", id(n), "report"]
        case .noticePrint(let n): return ["notices", id(n), "print"]
        case .noticeFile(let n, let hash):
            return ["notices", id(n), "files", hash == String(SiteURL.param) ? ":hash" : hash]
        case .complaints: return ["complaints"]
        case .complaintNew: return ["complaints", "new"]
        case .complaint(let n): return ["complaints", id(n)]
        case .complaintAct(let n): return ["complaints", id(n), "act"]
        case .complaintAssign(let n): return ["complaints", id(n), "assign"]
        case .complaintProblem(let n): return ["complaints", id(n), "problem"]
        case .complaintFile(let n, let hash):
            return ["complaints", id(n), "files", hash == String(SiteURL.param) ? ":hash" : hash]
        case .publicComplaintNew: return ["public", "complaints", "new"]
        case .publicComplaintTrack: return ["public", "complaints", "track"]
        case .publicComplaintReceipt: return ["public", "complaints", "received"]
        case .notifications: return ["notifications"]
        case .notificationsRead: return ["notifications", "read"]
        case .escalations: return ["escalations"]
        case .accountability: return ["accountability"]
        case .accountabilityNew: return ["accountability", "new"]
        case .accountabilityDecision(let n): return ["accountability", id(n)]
        case .accountabilityPrint(let n): return ["accountability", id(n), "print"]
        case .accountabilityRespond(let n): return ["accountability", id(n), "respond"]
        case .accountabilityOutcome(let n): return ["accountability", id(n), "outcome"]
        case .accountabilityFile(let n, let hash):
            return ["accountability", id(n), "files", hash == String(SiteURL.param) ? ":hash" : hash]
        case .problem(let n): return ["problems", id(n)]
        case .problemReferral(let n): return ["problems", id(n), "referral"]
        case .problems: return ["problems"]
        case .listExport(let list, let f):
            return list.rawValue.split(separator: "/").map(String.init) + ["export." + f.rawValue]
        case .complianceInspectorExport(let n, let f):
            return ["compliance", "inspectors", id(n), "export." + f.rawValue]
        case .systems: return ["systems"]
        case .systemNew: return ["systems", "new"]
        case .systemImport: return ["systems", "import"]
        case .system(let n): return ["systems", id(n)]
        case .systemAction(let n, let action): return ["systems", id(n), action]
        case .campaigns: return ["campaigns"]
        case .campaignRules: return ["campaigns", "rules"]
        case .balance: return ["balance"]
        case .dashboard: return ["dashboard"]
        case .monthlyReports: return ["monthly-reports"]
        case .bulletins: return ["bulletins"]
        case .monitoring: return ["monitoring"]
        case .monitoringRound(let n): return ["monitoring", id(n)]
        case .monitoringPage(let n, let page): return ["monitoring", id(n), page]
        case .monitoringFile(let n, let hash):
            return ["monitoring", id(n), "files", hash == String(SiteURL.param) ? ":hash" : hash]
        case .bulletin(let n): return ["bulletins", id(n)]
        case .bulletinPage(let n, let page): return ["bulletins", id(n), page]
        case .publicBulletin(let n): return ["public", "bulletins", id(n)]
        case .monthlyReport(let n, let month): return ["inspectors", id(n), "monthly", month]
        case .monthlyReportReview(let n, let month): return ["inspectors", id(n), "monthly", month, "review"]
        case .balancePage(let page): return ["balance", page]
        case .balanceReturn(let n, let year):
            return ["balance", "returns", id(n), year == SiteURL.param ? ":year" : String(year)]
        case .balanceReturnState(let n, let year):
            return ["balance", "returns", id(n), year == SiteURL.param ? ":year" : String(year), "state"]
        case .campaignEvidenceFile(let n, let hash):
            return ["campaign-targets", id(n), "evidence", hash == String(SiteURL.param) ? ":hash" : hash]
        case .publicResults(let n): return ["public", "results", id(n)]
        case .campaignNew: return ["campaigns", "new"]
        case .campaign(let n): return ["campaigns", id(n)]
        case .campaignPage(let n, let page): return ["campaigns", id(n), page]
        case .campaignTarget(let n): return ["campaign-targets", id(n)]
        case .campaignTargetPage(let n, let page): return ["campaign-targets", id(n), page]
        case .questionnaireAnswer(let n, let t): return ["q", id(n), t == SiteURL.param ? ":target" : String(t)]
        case .publicHome: return ["public"]
        case .publicSign(let n): return ["public", "schools", id(n), "sign"]
        case .file(let hash): return ["files", hash == String(SiteURL.param) ? ":hash" : hash]
        case .stylesheet: return ["assets", "app.css"]
        case .script: return ["assets", "app.js"]
        case .serviceWorker: return ["sw.js"]
        case .healthz: return ["healthz"]
        case .livez: return ["livez"]
        case .metrics: return ["metrics"]
        }
    }

    /// A link with a query string (empty values dropped).
    func with(_ query: [(String, String)]) -> String {
        let items = query.filter { !$0.1.isEmpty }
        guard !items.isEmpty else { return path }
        var c = URLComponents()
        c.queryItems = items.map { URLQueryItem(name: $0.0, value: $0.1) }
        return path + "?" + (c.percentEncodedQuery ?? "")
    }
}
