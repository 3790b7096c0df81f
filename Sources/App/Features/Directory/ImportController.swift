import DudaoCore
import Fluent
import Spreadsheet
import Vapor

/// Import schools and inspectors from CSV (UTF-8 or GBK) or .xlsx. Every bad row is listed;
/// nothing is saved until the whole file is clean. The same file twice updates, never duplicates.
enum ImportController {
    static let uploadLimits = UploadLimits(maxFiles: 1, maxFileBytes: 10 << 20, maxFieldBytes: 4096)

    typealias Outcome = DirectoryImport.Outcome

    static func page(req: Request) async throws -> Page {
        DirectoryImportView(ctx: req.pageContext(), model: DirectoryImport(outcome: nil)).render()
    }

    static func importSchools(req: Request) async throws -> Response {
        try await run(req, kind: .schools)
    }

    static func importInspectors(req: Request) async throws -> Response {
        try await run(req, kind: .inspectors)
    }

    static func run(_ req: Request, kind: DirectoryImport.Kind) async throws -> Response {
        let scope = try await Scope.of(req)
        let upload = try await UploadReader.read(req, limits: uploadLimits)
        defer { upload.discard() }
        let file = upload.files(named: "file").first
        var outcome = Outcome(kind: kind, fileName: file?.filename ?? "")
        if let refused = upload.errors.first {
            outcome.fileError = refused.message
        } else if let file, file.size > 0 {
            do {
                let table = try SpreadsheetTable.read(try file.data, fileName: file.filename)
                let district = try await scope.district(on: req.db)
                if kind == .schools {
                    try await importSchools(table, district: district, scope: scope, db: req.db, outcome: &outcome)
                } else {
                    try await importInspectors(table, district: district, scope: scope, db: req.db, outcome: &outcome)
                }
            } catch let e as SpreadsheetError {
                outcome.fileError = e.message
            }
        } else {
            outcome.fileError = "请选择要导入的文件（.xlsx 或 .csv）"
        }
        var page = DirectoryImportView(ctx: req.pageContext(), model: DirectoryImport(outcome: outcome)).render()
        if outcome.failed { page.status = 422 }
        return try await page.encodeResponse(for: req)
    }

    static func importSchools(
        _ table: SpreadsheetTable, district: OrgUnit, scope: Scope, db: any Database,
        outcome: inout Outcome
    ) async throws {
        var checked = ImportCheck.schools(table)
        if let e = checked.fileError {
            outcome.fileError = e
            return
        }
        let townships = try await OrgUnit.townships(under: district.path, on: db)
        let byName = Dictionary(townships.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var existing: [String: School] = [:]
        for chunk in checked.records.map(\.record.code).chunked(500) {
            for s in try await School.query(on: db).filter(\.$code ~~ chunk).all() { existing[s.code] = s }
        }
        var plan: [(School, (SchoolRecord, OrgUnit))] = []
        for (row, record) in checked.records {
            var messages: [String] = []
            let township = byName[record.township]
            if township == nil {
                messages.append("所属镇街“\(record.township)”不在本区，可选：\(townships.map(\.name).joined(separator: "、"))")
            }
            if let s = existing[record.code], !scope.canEdit(orgPath: s.orgPath) {
                messages.append("学校标识码 \(record.code) 已属于其他区县的学校，不能在此导入")
            }
            if !messages.isEmpty {
                checked.errors.append(ImportRowError(row: row, messages: messages))
            } else if let township {
                plan.append((existing[record.code] ?? School(), (record, township)))
            }
        }
        outcome.rowErrors = checked.errors.sorted { $0.row < $1.row }
        guard outcome.rowErrors.isEmpty else { return }
        let counts = try await write(
            plan, entity: "school", noun: "学校", scope: scope, db: db,
            apply: { school, row, isNew in
                if isNew { school.status = .open }
                school.apply(row.0, township: row.1)
            })
        (outcome.created, outcome.updated, outcome.unchanged) = counts
    }

    static func importInspectors(
        _ table: SpreadsheetTable, district: OrgUnit, scope: Scope, db: any Database,
        outcome: inout Outcome
    ) async throws {
        let checked = ImportCheck.inspectors(table)
        if let e = checked.fileError {
            outcome.fileError = e
            return
        }
        outcome.rowErrors = checked.errors
        guard checked.isClean else { return }
        var existing: [String: Inspector] = [:]
        for chunk in checked.records.map(\.record.phone).chunked(500) {
            for i in try await Inspector.query(on: db).filter(\.$districtID == district.id!).filter(\.$phone ~~ chunk)
                .all()
            {
                existing[i.phone] = i
            }
        }
        let counts = try await write(
            checked.records.map { (existing[$0.record.phone] ?? Inspector(), $0.record) }, entity: "inspector",
            noun: "督学", scope: scope, db: db,
            apply: { inspector, record, isNew in
                if isNew { inspector.status = .active }
                inspector.apply(record, district: district)
            },
            saved: { inspector, record, db in
                guard let term = record.term else { return }
                let known = try await InspectorTerm.query(on: db).filter(\.$inspectorID == inspector.id!)
                    .filter(\.$startDate == term.start.description).count()
                if known == 0 { try await InspectorTerm(inspectorID: inspector.id!, term: term).save(on: db) }
            })
        (outcome.created, outcome.updated, outcome.unchanged) = counts
    }

    /// Writes a clean import in one transaction: each new or changed record is saved (then `saved` runs, for what
    /// hangs off it) and audited; an unchanged one is only counted. `apply` writes the row into the record, and a new
    /// record's defaults. Returns the records created, updated and unchanged.
    static func write<Record: ImportedRecord, Row: Sendable>(
        _ work: [(Record, Row)], entity: String, noun: String, scope: Scope, db: any Database,
        apply: @escaping @Sendable (Record, Row, _ isNew: Bool) -> Void,
        saved: @escaping @Sendable (Record, Row, any Database) async throws -> Void = { _, _, _ in }
    ) async throws -> (Int, Int, Int) {
        let principal = scope.principal
        return try await db.writeTransaction { db -> (Int, Int, Int) in
            var counts = (0, 0, 0)
            for (record, row) in work {
                let isNew = record.id == nil
                let before = isNew ? [:] : record.snapshot
                apply(record, row, isNew)
                let after = record.snapshot
                if !isNew && before == after {
                    counts.2 += 1
                    continue
                }
                try await record.save(on: db)
                try await saved(record, row, db)
                try await Audit.record(
                    on: db, actor: principal, action: "import", entity: entity, id: record.id!,
                    orgPath: record.orgPath, summary: (isNew ? "导入新建" : "导入更新") + noun + " " + record.name,
                    before: before, after: after)
                if isNew { counts.0 += 1 } else { counts.1 += 1 }
            }
            return counts
        }
    }

    /// An empty .xlsx with the right headers and one example row.
    static func template(req: Request) async throws -> Response {
        let kind = req.parameters.get("kind") ?? ""
        let table: SpreadsheetTable
        switch kind {
        case "schools.xlsx":
            table = SpreadsheetTable(rows: [
                SchoolInput.headers,
                ["3205060001", "示例镇中心小学", "小学", "公办", "示例镇", "示例路1号", "张三", "0512-66668888", "960", "24", "62"],
            ])
        case "inspectors.xlsx":
            table = SpreadsheetTable(rows: [
                InspectorInput.headers,
                ["李四", "兼职", "督学、责任督学", "男", "13800000000", "区教师发展中心", "教研员", "2026-09-01", "2029-08-31"],
            ])
        default:
            throw Abort(.notFound, reason: "没有这个模板")
        }
        return try Download.table(
            table, name: kind == "schools.xlsx" ? "学校导入模板" : "督学导入模板", format: .xlsx, sheet: "导入模板")
    }
}

/// A directory record an import writes: a school or an inspector, with its audit snapshot.
protocol ImportedRecord: SubtreeRecord, Sendable {
    var name: String { get }
    /// Field label → shown value, compared before and after the row is applied.
    var snapshot: [String: String] { get }
}

extension School: ImportedRecord {}
extension Inspector: ImportedRecord {}

extension Array {
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
