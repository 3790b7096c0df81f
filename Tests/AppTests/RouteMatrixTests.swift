import DudaoCore
import Fluent
import Foundation
import XCTVapor

@testable import App

/// Every route of the route table, asked by every role and by an anonymous visitor, for a record inside
/// the account's scope and one outside it. A route without a line in `rules` fails the test, so a new
/// route cannot be added without saying who may use it.
final class RouteMatrixTests: XCTestCase {
    func testEveryRouteAnswersEveryRoleExactlyAsAllowed() async throws {
        try await withApp { app in
            let f = try await MatrixFixtures.build(app)
            var failures: [String] = []
            let routes = app.routes.all.map { MatrixRoute($0) }
            for r in routes where RouteRules.table[r.key] == nil { failures.append("no rule for \(r.key)") }
            let ordered = routes.filter { RouteRules.table[$0.key] != nil }
                .sorted { ($0.order, $0.key) < ($1.order, $1.key) }
            for who in Who.allCases {
                let session = try await MatrixClient.signIn(app, who)
                for route in ordered {
                    let rule = RouteRules.table[route.key]!
                    for outside in rule.id.scoped ? [false, true] : [false] {
                        let path = route.path(rule, f, who: who, outside: outside)
                        let res = try await session.send(
                            route.method, path, api: route.isAPI, upload: rule.upload, bearer: f.bearer[who])
                        let allowed = !outside && rule.allowed.contains(who)
                        if let problem = MatrixClient.judge(res, allowed: allowed, rule: rule, api: route.isAPI) {
                            failures.append(
                                "\(who.rawValue) \(route.method.rawValue) \(path)\(outside ? "（范围外）" : ""): \(problem)")
                        }
                    }
                }
            }
            XCTAssertTrue(failures.isEmpty, "\n" + failures.joined(separator: "\n"))
        }
    }
}

/// One route of the table, as Vapor holds it.
struct MatrixRoute {
    let method: HTTPMethod
    let pattern: String

    init(_ route: Route) {
        method = route.method
        pattern = "/" + route.path.map(\.description).joined(separator: "/")
    }

    var key: String { "\(method.rawValue) \(pattern)" }
    var isAPI: Bool { pattern.hasPrefix("/api/v1/") }
    /// GETs first, then changes; logging out last.
    var order: Int { pattern == "/logout" ? 2 : (method == .GET ? 0 : 1) }

    func path(_ rule: RouteRule, _ f: MatrixFixtures, who: Who, outside: Bool) -> String {
        if rule.id == .questionnaireLink { return f.questionnaireLink }
        let set = f.records(for: who, outside: outside)
        let (id, second) = rule.id.values(f, set, who: who, outside: outside)
        var p = pattern
        if let id { p = p.replacingOccurrences(of: ":id", with: id) }
        if let second {
            p = p.replacingOccurrences(of: ":pid", with: second).replacingOccurrences(of: ":hash", with: second)
        }
        p = p.replacingOccurrences(of: ":year", with: "2026").replacingOccurrences(of: ":month", with: "2026-10")
        p = p.replacingOccurrences(of: ":kind", with: "schools.xlsx").replacingOccurrences(
            of: ":hash", with: f.photoHash)
        if let query = rule.query { p += query.replacingOccurrences(of: "{school}", with: String(set.school)) }
        return p
    }
}

/// What a route's parameters stand for.
enum RouteID {
    case none, sign, fileHash, school, victimSchool, inspector, victimInspector, area, victimArea, visit, draft, photo
    case spareDraft
    case problem, referral, notice, noticeFile, complaint, complaintFile, visitPlan, areaPlan, report, victimUser, token
    case decision, decisionFile, system, campaign, campaignTarget, campaignEvidence, bulletin, publicBulletin
    case monitoringRound, monitoringFile
    /// A campaign whose results are published to the public (not scoped: anyone reads them).
    case publicCampaign
    /// A questionnaire's public answer link, key included.
    case questionnaireLink
    /// `?school=` of the query: scoped like a path id.
    case querySchool

    /// Whether the route is tried on a record outside the account's scope too (public records are not scoped).
    var scoped: Bool {
        ![.none, .sign, .fileHash, .questionnaireLink, .publicCampaign, .publicBulletin].contains(self)
    }

    func values(_ f: MatrixFixtures, _ s: RecordSet, who: Who, outside: Bool) -> (String?, String?) {
        func n(_ i: Int) -> String { String(i) }
        switch self {
        case .none, .querySchool: return (nil, nil)
        case .sign: return (n(f.inside.school), nil)
        case .fileHash: return (nil, f.photoHash)
        case .school: return (n(s.school), nil)
        case .victimSchool: return (n(outside ? s.school : f.victimSchool), nil)
        case .inspector: return (n(s.inspector), nil)
        case .victimInspector: return (n(outside ? s.inspector : f.victimInspector), nil)
        case .area: return (n(s.area), nil)
        case .victimArea: return (n(outside ? s.area : f.victimArea), nil)
        case .visit: return (n(s.visit), nil)
        case .draft: return (n(who == .office ? s.officeDraft : s.draft), nil)
        case .spareDraft: return (n(who == .office ? s.officeSpareDraft : s.spareDraft), nil)
        case .photo: return (n(s.visit), n(s.photo))
        case .problem: return (n(s.problem), nil)
        case .referral: return (n(s.referral), nil)
        case .notice: return (n(s.notice), nil)
        case .noticeFile: return (n(s.notice), s.noticeFile)
        case .complaint: return (n(s.complaint), nil)
        case .complaintFile: return (n(s.complaint), s.complaintFile)
        case .visitPlan: return (n(s.visitPlan), nil)
        case .areaPlan: return (n(s.areaPlan), nil)
        case .report: return (n(s.report), nil)
        case .decision: return (n(s.decision), nil)
        case .system: return (n(s.system), nil)
        case .campaign: return (n(s.campaign), nil)
        case .campaignTarget: return (n(s.campaignTarget), nil)
        case .campaignEvidence: return (n(s.campaignTarget), s.campaignEvidenceFile)
        case .publicCampaign: return (n(f.inside.campaign), nil)
        // Published bulletins are read by the whole district: outside is another district's.
        case .bulletin: return (n(outside ? f.far.bulletin : f.inside.bulletin), nil)
        case .publicBulletin: return (n(f.inside.bulletin), nil)
        // A district's round: outside is another district's.
        case .monitoringRound: return (n(outside ? f.far.monitoringRound : f.inside.monitoringRound), nil)
        case .monitoringFile:
            let set = outside ? f.far : f.inside
            return (n(set.monitoringRound), set.monitoringFile)
        case .questionnaireLink: return (nil, nil)
        case .decisionFile: return (n(s.decision), s.decisionFile)
        case .victimUser: return (n(outside ? s.user : f.victimUser), nil)
        case .token: return (n(outside ? s.token : (f.tokenIDs[who] ?? s.token)), nil)
        }
    }
}

struct RouteRule {
    let allowed: Set<Who>
    var id: RouteID = .none
    var query: String? = nil
    /// A multipart upload (sent as one, with the token as its first part).
    var upload = false
    /// The allowed answer is a redirect to the login page (logging out).
    var endsSession = false
    /// The allowed answer may be 401 (a refused login).
    var mayRefuseLogin = false
}

/// Who may use each route, for a record inside their scope. Outside it, nobody.
enum RouteRules {
    static let everyone: Set<Who> = Set(Who.allCases)
    static let signedIn: Set<Who> = [.admin, .office, .leader, .inspector, .school]
    static let supervisors: Set<Who> = [.admin, .office, .leader, .inspector]
    static let readers: Set<Who> = [.admin, .office, .leader]
    static let writers: Set<Who> = [.admin, .office]
    static let inspector: Set<Who> = [.inspector]
    /// Who records visits: inspectors, and the office itself.
    static let recorders: Set<Who> = [.inspector, .office]

    static func r(_ allowed: Set<Who>, _ id: RouteID = .none, query: String? = nil, upload: Bool = false) -> RouteRule {
        RouteRule(allowed: allowed, id: id, query: query, upload: upload)
    }

    static let table: [String: RouteRule] = [
        // Anyone.
        "GET /healthz": r(everyone),
        "GET /livez": r(everyone),
        // The monitoring system only: a token, or this machine directly (a test request is neither).
        "GET /metrics": r([]),
        "GET /assets/app.css": r(everyone),
        "GET /assets/app.js": r(everyone),
        "GET /sw.js": r(everyone),
        "GET /public": r(everyone),
        "GET /public/schools/:id/sign": r(everyone, .sign),
        "GET /files/:hash": r(everyone, .fileHash),
        "GET /public/complaints/new": r(everyone),
        "POST /public/complaints/new": r(everyone, upload: true),
        "GET /public/complaints/track": r(everyone),
        "GET /public/complaints/received": r(everyone),
        "GET /login": r(everyone),
        "GET /q/:id/:target": r(everyone, .questionnaireLink),
        "POST /q/:id/:target": r(everyone, .questionnaireLink),
        "POST /login": RouteRule(allowed: everyone, mayRefuseLogin: true),
        "GET /api/openapi.json": r(everyone),
        "POST /api/v1/auth/token": r(everyone),
        // Every account.
        "GET /": r(signedIn),
        "POST /logout": RouteRule(allowed: signedIn, endsSession: true),
        "GET /account/password": r(signedIn),
        "POST /account/password": r(signedIn),
        "POST /account/tokens/:id/revoke": r(signedIn, .token),
        "GET /schools": r(signedIn),
        "GET /schools/:id": r(signedIn, .school),
        "GET /inspectors/:id": r(supervisors, .inspector),
        "GET /visits": r(signedIn),
        "GET /visits/:id": r(signedIn, .visit),
        "GET /visits/:id/print": r(signedIn, .visit),
        "GET /visits/:id/photos/:pid": r(signedIn, .photo),
        "GET /notifications": r(signedIn),
        "POST /notifications/read": r(signedIn),
        "GET /notifications/export.xlsx": r(signedIn),
        "GET /notifications/export.csv": r(signedIn),
        "GET /problems": r(signedIn),
        "GET /problems/export.xlsx": r(signedIn),
        "GET /problems/export.csv": r(signedIn),
        "GET /visits/export.xlsx": r(signedIn),
        "GET /visits/export.csv": r(signedIn),
        "GET /notices/export.xlsx": r(signedIn),
        "GET /notices/export.csv": r(signedIn),
        "GET /problems/:id": r(signedIn, .problem),
        "POST /problems/:id/referral": r([.admin, .office, .inspector], .referral),
        "GET /notices": r(signedIn),
        "GET /notices/:id": r(signedIn, .notice),
        "GET /notices/:id/print": r(signedIn, .notice),
        "GET /notices/:id/files/:hash": r(signedIn, .noticeFile),
        "POST /notices/:id/act": r([.admin, .office, .inspector, .school], .notice),
        "POST /notices/:id/report": r([.school], .notice, upload: true),
        // Inspectors.
        "GET /coverage/new-year": r(writers),
        "POST /coverage/new-year": r(writers),
        "GET /visits/new": r(recorders, .querySchool, query: "?school={school}"),
        "POST /visits": r(recorders),
        "POST /visits/:id": r(recorders, .draft),
        "POST /visits/:id/observations": r(recorders, .draft),
        "POST /visits/:id/interviews": r(recorders, .draft),
        "POST /visits/:id/problems": r(recorders, .draft),
        "POST /visits/:id/checks": r(recorders, .draft),
        "POST /visits/:id/checklist": r(recorders, .draft),
        "POST /visits/:id/findings": r(recorders, .draft),
        "POST /visits/:id/photos": r(recorders, .draft, upload: true),
        "POST /visits/:id/remove": r(recorders, .draft),
        "POST /visits/:id/submit": r(recorders, .draft),
        "POST /visits/:id/delete": r(recorders, .spareDraft),
        "GET /visit-plans": r(inspector),
        "GET /visit-plans/new": r(inspector),
        "GET /visit-plans/export.xlsx": r(inspector),
        "GET /visit-plans/export.csv": r(inspector),
        "POST /visit-plans": r(inspector),
        "GET /plans/new": r(inspector),
        "POST /plans": r(inspector),
        "GET /compliance/mine": r(inspector),
        "GET /compliance/mine/export.xlsx": r(inspector),
        "GET /compliance/mine/export.csv": r(inspector),
        "GET /notices/new": r([.office, .inspector], .querySchool, query: "?school={school}"),
        // 问责: the decision against school 1 is read by the office's side and the school, answered by the school;
        // the office alone decides and concludes.
        "GET /accountability": r(signedIn),
        "GET /accountability/export.xlsx": r(signedIn),
        "GET /accountability/export.csv": r(signedIn),
        "GET /accountability/:id": r([.admin, .office, .leader, .school], .decision),
        "GET /accountability/:id/print": r([.admin, .office, .leader, .school], .decision),
        "GET /accountability/:id/files/:hash": r([.admin, .office, .leader, .school], .decisionFile),
        "POST /accountability/:id/respond": r([.school], .decision, upload: true),
        "GET /accountability/new": r([.office]),
        "POST /accountability": r([.office]),
        "POST /accountability/:id/outcome": r([.office], .decision),
        "POST /notices": r([.office, .inspector]),
        "GET /reports/new": r(inspector),
        "POST /reports": r(inspector),
        // Inspectors and the office.
        "POST /visits/:id/amend": r([.admin, .office, .inspector], .visit),
        "GET /complaints": r(supervisors),
        "GET /complaints/export.xlsx": r(supervisors),
        "GET /complaints/export.csv": r(supervisors),
        "GET /complaints/:id": r(supervisors, .complaint),
        "POST /complaints/:id/act": r([.office, .inspector], .complaint),
        "POST /complaints/:id/problem": r([.office, .inspector], .complaint),
        "GET /complaints/:id/files/:hash": r([.office], .complaintFile),
        "GET /visit-plans/:id": r(supervisors, .visitPlan),
        "GET /plans": r(supervisors),
        "GET /plans/export.xlsx": r(supervisors),
        "GET /plans/export.csv": r(supervisors),
        "GET /plans/:id": r(supervisors, .areaPlan),
        "GET /reports": r(supervisors),
        "GET /reports/export.xlsx": r(supervisors),
        "GET /reports/export.csv": r(supervisors),
        "GET /reports/:id": r(supervisors, .report),
        // Directory readers.
        "GET /inspectors": r(readers),
        "GET /areas": r(readers),
        "GET /areas/export.xlsx": r(readers),
        "GET /areas/export.csv": r(readers),
        "GET /areas/:id": r(readers, .area),
        "GET /coverage": r(readers),
        "GET /coverage/export.xlsx": r(readers),
        "GET /coverage/export.csv": r(readers),
        "GET /compliance": r(readers),
        "GET /escalations": r(readers),
        "GET /escalations/export.xlsx": r(readers),
        "GET /escalations/export.csv": r(readers),
        "GET /compliance/inspectors/:id": r(readers, .inspector),
        "GET /compliance/inspectors/:id/export.xlsx": r(readers, .inspector),
        "GET /compliance/inspectors/:id/export.csv": r(readers, .inspector),
        "GET /compliance/export.xlsx": r(readers),
        "GET /compliance/export.csv": r(readers),
        "GET /dashboard/export.xlsx": r(readers),
        "GET /dashboard/export.csv": r(readers),
        "GET /schools/export.xlsx": r(readers),
        "GET /schools/export.csv": r(readers),
        "GET /inspectors/export.xlsx": r(readers),
        "GET /inspectors/export.csv": r(readers),
        // Directory writers.
        "GET /schools/new": r(writers),
        "POST /schools": r(writers),
        "GET /schools/:id/edit": r(writers, .victimSchool),
        "POST /schools/:id": r(writers, .victimSchool),
        "POST /schools/:id/deactivate": r(writers, .victimSchool),
        "POST /schools/:id/reactivate": r(writers, .victimSchool),
        "GET /schools/:id/assign": r(writers, .victimSchool),
        "POST /schools/:id/assign": r(writers, .victimSchool),
        "POST /schools/:id/grant": r(writers, .victimSchool),
        "GET /inspectors/new": r(writers),
        "POST /inspectors": r(writers),
        "GET /inspectors/:id/edit": r(writers, .victimInspector),
        "POST /inspectors/:id": r(writers, .victimInspector),
        "POST /inspectors/:id/deactivate": r(writers, .victimInspector),
        "POST /inspectors/:id/photo": r(writers, .victimInspector, upload: true),
        "GET /areas/new": r(writers),
        "POST /areas": r(writers),
        "GET /areas/:id/edit": r(writers, .victimArea),
        "POST /areas/:id": r(writers, .victimArea),
        "POST /areas/:id/deactivate": r(writers, .victimArea),
        "GET /import": r(writers),
        "POST /import/schools": r(writers, upload: true),
        "POST /import/inspectors": r(writers, upload: true),
        "GET /import/template/:kind": r(writers),
        "GET /complaints/new": r(writers),
        "POST /complaints": r(writers),
        "POST /complaints/:id/assign": r(writers, .complaint),
        "POST /plans/:id/review": r(writers, .areaPlan),
        "POST /reports/:id/select": r(writers, .report),
        "GET /audit": r(writers),
        "GET /audit/export.xlsx": r(writers),
        "GET /audit/export.csv": r(writers),
        "GET /settings": r(writers),
        "POST /settings": r(writers),
        "GET /settings/themes": r(writers),
        // 督导任务: the district's office starts them; each account opens what its scope allows; members and the
        // school rate, the lead and the office fix the team's score; results are the office's and leaders'.
        "GET /campaigns": r(signedIn),
        "GET /campaigns/export.xlsx": r(signedIn),
        "GET /campaigns/export.csv": r(signedIn),
        "GET /campaigns/new": r(writers),
        "POST /campaigns": r(writers),
        "GET /campaigns/:id": r(signedIn, .campaign),
        "GET /campaigns/:id/progress.xlsx": r(signedIn, .campaign),
        "GET /campaigns/:id/progress.csv": r(signedIn, .campaign),
        "GET /campaigns/:id/results": r(readers, .campaign),
        "GET /campaigns/:id/export.xlsx": r(readers, .campaign),
        "GET /campaigns/:id/export.csv": r(readers, .campaign),
        "GET /campaign-targets/:id": r(signedIn, .campaignTarget),
        "GET /campaign-targets/:id/rate": r([.inspector, .school], .campaignTarget),
        "POST /campaign-targets/:id/rate": r([.inspector, .school], .campaignTarget),
        "GET /campaign-targets/:id/team": r([.admin, .office, .inspector], .campaignTarget),
        "POST /campaign-targets/:id/team": r([.admin, .office, .inspector], .campaignTarget),
        "POST /campaign-targets/:id/act": r([.admin, .office, .inspector, .school], .campaignTarget),
        "GET /campaign-targets/:id/opinion": r(signedIn, .campaignTarget),
        "GET /campaign-targets/:id/notice": r(signedIn, .campaignTarget),
        "GET /campaign-targets/:id/evidence": r(signedIn, .campaignTarget),
        "POST /campaign-targets/:id/evidence": r(
            [.admin, .office, .inspector, .school], .campaignTarget, upload: true),
        "GET /campaign-targets/:id/evidence/:hash": r(signedIn, .campaignEvidence),
        "GET /campaigns/:id/bulletin": r(signedIn, .campaign),
        "POST /campaigns/:id/publish": r([.office], .campaign),
        // 市级抽评: an office above the campaign's district alone (the demo's `city`, not one of these accounts:
        // the district's office is refused too; CityRecheckRouteTests covers the city).
        "POST /campaigns/:id/recheck": r([], .campaign),
        "GET /campaign-targets/:id/recheck": r([], .campaignTarget),
        "POST /campaign-targets/:id/recheck": r([], .campaignTarget),
        "GET /campaigns/rules": r([.office]),
        "GET /campaign-targets/:id/members": r(writers, .campaignTarget),
        "POST /campaign-targets/:id/members": r(writers, .campaignTarget),
        "POST /campaigns/rules": r([.office]),
        "GET /public/results/:id": r(everyone, .publicCampaign),
        "GET /campaigns/:id/questionnaires": r(readers, .campaign),
        "GET /campaigns/:id/questionnaires.xlsx": r(readers, .campaign),
        "GET /campaigns/:id/questionnaires.csv": r(readers, .campaign),
        "POST /campaigns/:id/questionnaires": r(writers, .campaign),
        // 均衡发展: the district's statistics for its readers; a school fills in its own return (an inspector and a
        // leader read theirs), the office all of them and locks them, imports and sets the weights.
        "GET /dashboard": r(readers),
        "GET /monitoring": r(readers),
        "GET /monitoring/export.xlsx": r(readers),
        "GET /monitoring/export.csv": r(readers),
        "GET /monitoring/:id": r(readers, .monitoringRound),
        "GET /monitoring/:id/export.xlsx": r(readers, .monitoringRound),
        "GET /monitoring/:id/export.csv": r(readers, .monitoringRound),
        "GET /monitoring/:id/files/:hash": r(readers, .monitoringFile),
        "POST /monitoring/:id/files": r([.office], .monitoringRound, upload: true),
        "POST /monitoring": r([.office]),
        "POST /monitoring/:id/act": r([.office], .monitoringRound),
        "GET /bulletins": r(signedIn),
        "GET /bulletins/export.xlsx": r(signedIn),
        "GET /bulletins/export.csv": r(signedIn),
        "GET /bulletins/:id": r(signedIn, .bulletin),
        "GET /bulletins/:id/print": r(signedIn, .bulletin),
        "GET /bulletins/:id/export.docx": r(signedIn, .bulletin),
        "POST /bulletins": r([.office]),
        "POST /bulletins/:id": r([.office], .bulletin),
        "POST /bulletins/:id/act": r([.office], .bulletin),
        "GET /public/bulletins/:id": r(everyone, .publicBulletin),
        "GET /monthly-reports": r(supervisors),
        "GET /monthly-reports/export.xlsx": r(supervisors),
        "GET /monthly-reports/export.csv": r(supervisors),
        "GET /inspectors/:id/monthly/:month": r(supervisors, .inspector),
        "POST /inspectors/:id/monthly/:month": r(inspector, .inspector),
        "POST /inspectors/:id/monthly/:month/review": r([.office], .inspector),
        "GET /balance": r(readers),
        "GET /balance/what-if": r(readers),
        "GET /balance/returns": r(readers),
        "GET /balance/returns/export.xlsx": r(readers),
        "GET /balance/returns/export.csv": r(readers),
        "GET /balance/preschool": r(readers),
        "GET /balance/preschool/export.xlsx": r(readers),
        "GET /balance/preschool/export.csv": r(readers),
        "GET /balance/export.xlsx": r(readers),
        "GET /balance/export.csv": r(readers),
        "GET /balance/returns/:id/:year": r(signedIn, .school),
        "POST /balance/returns/:id/:year": r([.admin, .office, .school], .school),
        "POST /balance/returns/:id/:year/state": r(writers, .school),
        "GET /balance/import": r(writers),
        "POST /balance/import": r(writers, upload: true),
        "POST /balance/weights": r(writers),
        "POST /balance/preschool": r(writers),
        // 指标体系: the district's office (and admin) edit, leaders read too.
        "GET /systems": r(readers),
        "GET /systems/:id": r(readers, .system),
        "GET /systems/:id/export.xlsx": r(readers, .system),
        "GET /systems/:id/export.json": r(readers, .system),
        "GET /systems/new": r(writers),
        "POST /systems": r(writers),
        "POST /systems/import": r(writers, upload: true),
        "POST /systems/:id/copy": r(writers, .system),
        "POST /systems/:id/draft": r(writers, .system),
        "POST /systems/:id/publish": r(writers, .system),
        "GET /systems/:id/node": r(writers, .system),
        "POST /systems/:id/node": r(writers, .system),
        "POST /systems/:id/remove": r(writers, .system),
        "GET /systems/:id/settings": r(writers, .system),
        "POST /systems/:id/settings": r(writers, .system),
        "POST /systems/:id/import": r(writers, .system, upload: true),
        "POST /settings/themes": r(writers),
        // The platform administrator.
        "GET /accounts": r([.admin]),
        "GET /accounts/export.xlsx": r([.admin]),
        "GET /accounts/export.csv": r([.admin]),
        "GET /accounts/new": r([.admin]),
        "POST /accounts": r([.admin]),
        "POST /accounts/:id/reset": r([.admin], .victimUser),
        "POST /accounts/:id/deactivate": r([.admin], .victimUser),
        "POST /accounts/:id/unlock": r([.admin], .victimUser),
        // The JSON API, with bearer tokens.
        "GET /api/v1/schools": r(signedIn),
        "GET /api/v1/schools/:id": r(signedIn, .school),
        "GET /api/v1/inspectors": r(signedIn),
        "GET /api/v1/assignments": r(signedIn),
        "GET /api/v1/notices": r(signedIn),
        "GET /api/v1/complaints": r(signedIn),
        "GET /api/v1/bulletins": r(signedIn),
        "GET /api/v1/problems": r(signedIn),
        "GET /api/v1/monthly-reports": r(supervisors),
        "GET /api/v1/work-reports": r(supervisors),
        "GET /api/v1/campaigns": r(signedIn),
        "GET /api/v1/campaigns/:id/results": r(readers, .campaign),
        "GET /api/v1/balance": r(readers),
        "GET /api/v1/visit-plans": r(inspector),
        "POST /api/v1/visit-plans": r(inspector),
        "GET /api/v1/visits": r(signedIn),
        "GET /api/v1/visits/:id": r(signedIn, .visit),
        "POST /api/v1/visits": r(inspector),
        "PUT /api/v1/visits/:id": r(inspector, .draft),
        "POST /api/v1/visits/:id/observations": r(inspector, .draft),
        "POST /api/v1/visits/:id/interviews": r(inspector, .draft),
        "POST /api/v1/visits/:id/problems": r(inspector, .draft),
        "POST /api/v1/visits/:id/photos": r(inspector, .draft, upload: true),
        "POST /api/v1/visits/:id/submit": r(inspector, .draft),
        "GET /api/v1/compliance": r(supervisors),
    ]
}

/// A browser (or an API client) of one account for the matrix.
struct MatrixClient {
    let session: TestSession

    static func signIn(_ app: Application, _ who: Who) async throws -> MatrixClient {
        if who == .anonymous {
            let visitor = TestSession(app: app)
            try await visitor.get("/login")
            return MatrixClient(session: visitor)
        }
        return MatrixClient(session: try await login(app, who.rawValue))
    }

    func send(_ method: HTTPMethod, _ path: String, api: Bool, upload: Bool, bearer: String?) async throws
        -> XCTHTTPResponse
    {
        let app = session.app
        if api {
            var h = HTTPHeaders()
            if let bearer { h.bearerAuthorization = BearerAuthorization(token: bearer) }
            if upload {
                h.replaceOrAdd(name: .contentType, value: "image/png")
                return try await app.sendRequest(method, path, headers: h, body: ByteBuffer())
            }
            if method == .GET { return try await app.sendRequest(method, path, headers: h) }
            h.contentType = .json
            return try await app.sendRequest(method, path, headers: h, body: ByteBuffer(string: "{}"))
        }
        switch (method, upload) {
        case (.GET, _): return try await session.get(path)
        case (_, true): return try await session.postMultipart(path, fields: [])
        default: return try await session.post(path)
        }
    }

    /// nil when the answer is the one expected; otherwise what was wrong.
    static func judge(_ res: XCTHTTPResponse, allowed: Bool, rule: RouteRule, api: Bool) -> String? {
        let status = res.status.code
        if status >= 500 { return "服务器错误 \(status)" }
        let toLogin = (300..<400).contains(status) && (res.headers.first(name: .location) ?? "").hasPrefix("/login")
        let refused = status == 403 || status == 404 || toLogin || (api && status == 401)
        if allowed {
            if rule.endsSession { return toLogin ? nil : "应退出到登录页，实为 \(status)" }
            if rule.mayRefuseLogin && status == 401 { return nil }
            return refused ? "应允许，实为 \(status)" : nil
        }
        return refused ? nil : "应拒绝，实为 \(status)"
    }
}
