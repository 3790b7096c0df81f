import DudaoCore
import Fluent
import Spreadsheet
import Vapor

/// Exports the (filtered, scoped) directory lists with the import columns, so an export can be edited and
/// re-imported. Both stream: a province's schools leave the server as they are read.
enum ExportController {
    static func schools(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let filter = try req.query.decode(SchoolList.Filter.self)
        let db = req.db
        let townships = Dictionary(
            uniqueKeysWithValues: try await DirectoryQueries.townshipNames(in: scope.district(on: db), on: db).map {
                ($0.id, $0.name)
            })
        let headers = SchoolInput.headers + ["小学在校生数", "初中在校生数", "高中在校生数", "责任督学", "状态"]
        return Download.stream(name: "学校名录", format: ExportFormat(request: req), headers: headers) { after in
            var query = SchoolList.filtered(filter, scope: scope, on: db).sort(\.$id)
            if let after { query = query.filter(\.$id > after) }
            let page = try await query.limit(Download.pageSize).all()
            let responsible = try await DirectoryQueries.responsible(of: page.compactMap(\.id), on: db)
            let rows = page.map { s -> [String] in
                let sec = s.sections
                let directory: [String] = [
                    s.code, s.name, s.type.label, s.ownership.label, townships[s.townshipID] ?? "", s.address,
                    s.principal, s.phone, String(s.students), String(s.classes), String(s.staff),
                ]
                let sections: [String] = [SchoolSection.primary, .junior, .senior].map {
                    sec[$0].map(String.init) ?? ""
                }
                return directory + sections + [responsible[s.id!]?.name ?? "", s.status.label]
            }
            return ExportPage(rows: rows, lastKey: page.last?.id, limit: Download.pageSize)
        }
    }

    static func inspectors(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let filter = try req.query.decode(InspectorList.Filter.self)
        let db = req.db
        let headers = InspectorInput.headers + ["职责", "负责学校数", "状态"]
        return Download.stream(name: "督学名录", format: ExportFormat(request: req), headers: headers) { after in
            var query = InspectorList.filtered(filter, scope: scope, on: db).sort(\.$id)
            if let after { query = query.filter(\.$id > after) }
            let page = try await query.limit(Download.pageSize).all()
            let counts = try await DirectoryQueries.schoolCounts(of: page.compactMap(\.id), on: db)
            let rows = page.map { i in
                [
                    i.name, i.kind.label, InspectorDuty.labels(i.dutyList), i.gender.label, i.phone, i.employer, i.post,
                    i.termStart ?? "", i.termEnd ?? "", i.duties, String(counts[i.id!] ?? 0), i.status.label,
                ]
            }
            return ExportPage(rows: rows, lastKey: page.last?.id, limit: Download.pageSize)
        }
    }
}
