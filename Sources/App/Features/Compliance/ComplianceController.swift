import DudaoCore
import Fluent
import Spreadsheet
import Vapor

/// The office's view of the 六个一: inspectors × months, schools not visited this month, drill-down.
enum ComplianceController {
    static func matrix(req: Request) async throws -> Page {
        let asked = req.query[String.self, at: "semester"].flatMap(Semester.init(code:))
        let page = try req.query.page()
        let scope = try await Scope.of(req)
        let key = FiguresCaches.ComplianceKey(
            role: scope.principal.role, orgPath: scope.principal.orgPath, semester: asked?.code, page: page,
            today: req.today.description)
        let (today, db) = (req.today, req.db)
        let figures = try await req.application.figuresCaches.compliance.value(
            for: key, now: req.now,
            count: {
                // The current semester by the district's term dates, read with the figures they decide.
                let semester: Semester
                if let asked {
                    semester = asked
                } else {
                    semester = try await ComplianceService.currentTerms(scope, on: db).semester(containing: today)
                }
                return try await ComplianceMatrix.query(
                    semester: semester, page: page, scope: scope, today: today, on: db)
            },
            draw: ComplianceMatrixContent.drawn)
        return ComplianceMatrixView(ctx: req.pageContext(), content: figures.drawn).render()
    }

    /// An inspector's own 六个一 detail.
    static func mine(req: Request) async throws -> Page { try await detail(req, own: true) }

    static func inspector(req: Request) async throws -> Page { try await detail(req, own: false) }

    static func mineExport(req: Request) async throws -> Response { try await detailExport(req, own: true) }

    static func inspectorExport(req: Request) async throws -> Response { try await detailExport(req, own: false) }

    static func detail(_ req: Request, own: Bool) async throws -> Page {
        InspectorComplianceView(ctx: req.pageContext(), model: try await detailModel(req, own: own)).render()
    }

    /// One inspector's detail as a file (the page's semester).
    static func detailExport(_ req: Request, own: Bool) async throws -> Response {
        let model = try await detailModel(req, own: own)
        return try Download.table(
            .init(rows: model.table), name: "\(model.inspectorName)-\(model.semester.label)六个一明细",
            format: ExportFormat(request: req))
    }

    /// The detail of the account's own inspector record, or of the inspector in the path (as the account may read).
    static func detailModel(_ req: Request, own: Bool) async throws -> InspectorCompliance {
        let scope = try await Scope.of(req)
        let id = own ? scope.principal.inspectorID : try req.parameters.id()
        let inspector = try await scope.inspectorAccess.load(id, on: req.db)
        return try await InspectorCompliance.query(
            inspector, semester: try await ComplianceService.semester(req), today: req.today, on: req.db)
    }

    /// The matrix as a file, every active inspector of the subtree, evaluated 200 at a time while it streams.
    static func export(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let semester = try await ComplianceService.semester(req)
        let db = req.db
        let district = try await scope.district(on: db)
        let settings = try await DistrictSettings.forDistrict(district.id!, on: db).complianceSettings
        let headers =
            ["督学"] + semester.months.map(\.label) + ComplianceRule.allCases.map { "\($0.number). \($0.label)" } + [
                "不足项合计"
            ]
        let today = req.today
        let pageSize = 200
        return Download.stream(
            name: "六个一落实情况-\(semester.label)", format: ExportFormat(request: req), headers: headers
        ) { after in
            var query = scope.inspectorAccess.readable(Inspector.query(on: db)).filter(\.$status == .active)
            if let after { query = query.filter(\.$id > after) }
            let page = try await query.sort(\.$id).limit(pageSize).all()
            let result = try await ComplianceService.evaluate(
                inspectorIDs: page.compactMap(\.id), semester: semester, today: today, settings: settings, on: db)
            let rows = page.map { i in
                let states = result.ruleStates(inspectorID: i.id!)
                return [i.name] + semester.months.map { m in ComplianceText.cell(result, inspectorID: i.id!, month: m) }
                    + ComplianceRule.allCases.map { states[$0].map(ComplianceText.state) ?? "—" }
                    + [String(result.shortfalls(inspectorID: i.id!).count)]
            }
            return ExportPage(rows: rows, lastKey: page.last?.id, limit: pageSize)
        }
    }
}
