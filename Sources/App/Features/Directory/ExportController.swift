import DudaoCore
import Fluent
import Spreadsheet
import Vapor

/// Exports the (filtered, scoped) lists with the import columns, so an export can be edited and re-imported.
enum ExportController {
    static func schoolsXLSX(req: Request) async throws -> Response {
        try xlsxResponse(try await schoolTable(req), fileName: "学校名录.xlsx", sheet: "学校名录")
    }

    static func schoolsCSV(req: Request) async throws -> Response {
        csvResponse(try await schoolTable(req), fileName: "学校名录.csv")
    }

    static func inspectorsXLSX(req: Request) async throws -> Response {
        try xlsxResponse(try await inspectorTable(req), fileName: "督学名录.xlsx", sheet: "督学名录")
    }

    static func inspectorsCSV(req: Request) async throws -> Response {
        csvResponse(try await inspectorTable(req), fileName: "督学名录.csv")
    }

    static let pageSize = 1000

    static func schoolTable(_ req: Request) async throws -> SpreadsheetTable {
        let scope = try await Scope.of(req)
        let filter = try req.query.decode(SchoolList.Filter.self)
        let townships = Dictionary(
            uniqueKeysWithValues: try await DirectoryQueries.townshipNames(scope: scope, on: req.db).map {
                ($0.id, $0.name)
            })
        var rows = [SchoolInput.headers + ["小学在校生数", "初中在校生数", "高中在校生数", "责任督学", "状态"]]
        var offset = 0
        // Read in pages so a province-sized export never holds every model at once.
        while true {
            let page = try await SchoolList.filtered(filter, scope: scope, on: req.db).sort(\.$id)
                .range(offset..<(offset + pageSize)).all()
            let responsible = try await DirectoryQueries.currentInspectors(of: page.compactMap(\.id), on: req.db)
            for s in page {
                let sec = s.sections
                rows.append([
                    s.code, s.name, s.type.label, s.ownership.label, townships[s.townshipID] ?? "", s.address,
                    s.principal,
                    s.phone, String(s.students), String(s.classes), String(s.staff),
                    sec[.primary].map(String.init) ?? "", sec[.junior].map(String.init) ?? "",
                    sec[.senior].map(String.init) ?? "",
                    responsible[s.id!]?.name ?? "", s.status.label,
                ])
            }
            if page.count < pageSize { break }
            offset += pageSize
        }
        return SpreadsheetTable(rows: rows)
    }

    static func inspectorTable(_ req: Request) async throws -> SpreadsheetTable {
        let scope = try await Scope.of(req)
        let filter = try req.query.decode(InspectorList.Filter.self)
        var rows = [InspectorInput.headers + ["职责", "负责学校数", "状态"]]
        var offset = 0
        while true {
            let page = try await InspectorList.filtered(filter, scope: scope, on: req.db).sort(\.$id)
                .range(offset..<(offset + pageSize)).all()
            let counts = try await DirectoryQueries.schoolCounts(of: page.compactMap(\.id), on: req.db)
            for i in page {
                rows.append([
                    i.name, i.kind.label, InspectorDuty.labels(i.dutyList), i.gender.label, i.phone, i.employer, i.post,
                    i.termStart ?? "",
                    i.termEnd ?? "",
                    i.duties, String(counts[i.id!] ?? 0), i.status.label,
                ])
            }
            if page.count < pageSize { break }
            offset += pageSize
        }
        return SpreadsheetTable(rows: rows)
    }

    static func xlsxResponse(_ table: SpreadsheetTable, fileName: String, sheet: String) throws -> Response {
        let data = try XLSX.write(table, sheetName: sheet)
        return download(
            data, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName: fileName)
    }

    static func csvResponse(_ table: SpreadsheetTable, fileName: String) -> Response {
        download(CSV.encode(table), type: "text/csv; charset=utf-8", fileName: fileName)
    }

    static func download(_ data: Data, type: String, fileName: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: type)
        let encoded = fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "export"
        headers.replaceOrAdd(
            name: .contentDisposition, value: "attachment; filename=\"export\"; filename*=UTF-8''\(encoded)")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
