import DudaoCore
import Fluent
import Spreadsheet
import Vapor

/// The office's view of the 六个一: inspectors × months, schools not visited this month, drill-down.
enum ComplianceController {
    static func matrix(req: Request) async throws -> Page {
        let semester = try await ComplianceService.semester(req)
        let page = try req.query.page()
        let scope = try await Scope.of(req)
        let model = try await ComplianceMatrix.query(
            semester: semester, page: page, scope: scope, today: req.today, on: req.db)
        return ComplianceMatrixView(ctx: req.pageContext(), model: model).render()
    }

    /// An inspector's own 六个一 detail.
    static func mine(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        return try await detail(
            req, inspector: try await scope.inspectorAccess.load(scope.principal.inspectorID, on: req.db))
    }

    static func inspector(req: Request) async throws -> Page {
        let scope = try await Scope.of(req)
        return try await detail(
            req, inspector: try await scope.inspectorAccess.load(try req.parameters.id(), on: req.db))
    }

    static func detail(_ req: Request, inspector: Inspector) async throws -> Page {
        let model = try await InspectorCompliance.query(
            inspector, semester: try await ComplianceService.semester(req), today: req.today, on: req.db)
        return InspectorComplianceView(ctx: req.pageContext(), model: model).render()
    }

    static func export(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let semester = try await ComplianceService.semester(req)
        let district = try await scope.district(on: req.db)
        let settings = try await DistrictSettings.forDistrict(district.id!, on: req.db).complianceSettings
        var rows = [
            ["督学"] + semester.months.map(\.label) + ComplianceRule.allCases.map { "\($0.number). \($0.label)" } + [
                "不足项合计"
            ]
        ]
        var offset = 0
        let today = req.today
        while true {
            let page = try await scope.inspectorAccess.readable(Inspector.query(on: req.db)).filter(
                \.$status == .active
            )
            .sort(\.$id).range(offset..<(offset + 200)).all()
            let result = try await ComplianceService.evaluate(
                inspectorIDs: page.compactMap(\.id), semester: semester, today: today,
                settings: settings, on: req.db)
            for i in page {
                let states = result.ruleStates(inspectorID: i.id!)
                rows.append(
                    [i.name] + semester.months.map { m in ComplianceText.cell(result, inspectorID: i.id!, month: m) }
                        + ComplianceRule.allCases.map { states[$0].map(ComplianceText.state) ?? "—" }
                        + [String(result.shortfalls(inspectorID: i.id!).count)])
            }
            if page.count < 200 { break }
            offset += 200
        }
        return try ExportController.xlsxResponse(
            SpreadsheetTable(rows: rows), fileName: "六个一落实情况-\(semester.label).xlsx", sheet: "六个一")
    }
}
