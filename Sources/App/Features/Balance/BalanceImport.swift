import DudaoCore
import Fluent
import Spreadsheet
import Vapor

/// 导入办学条件数据: a year's returns from a sheet, all or nothing, every bad row named.
enum BalanceImport {
    static let uploadLimits = UploadLimits(maxFiles: 1, maxFileBytes: 10 << 20, maxFieldBytes: 4096)

    static func page(req: Request) async throws -> Response {
        if req.query[String.self, at: "template"] == "csv" {
            var headers = HTTPHeaders()
            headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
            headers.contentDisposition = .init(.attachment, filename: "balance-template.csv")
            let data = CSV.encode(SpreadsheetTable(rows: [BalanceSheet.headers]))
            return Response(status: .ok, headers: headers, body: .init(data: data))
        }
        let district = try await Scope.of(req).district(on: req.db)
        let (year, _) = try await BalanceData.year(req, district: district.id!)
        return try await BalanceImportView(ctx: req.pageContext(), year: year).render().encodeResponse(for: req)
    }

    static func upload(req: Request) async throws -> Response {
        let scope = try await Scope.of(req)
        let district = try await scope.district(on: req.db)
        let upload = try await UploadReader.read(req, limits: uploadLimits)
        defer { upload.discard() }
        let yearText = upload.value("year") ?? ""
        let year: Int
        switch InputBounds.parse(yearText, InputBounds.Year.self) {
        case .success(let y?): year = y
        default:
            return try await refuse(req, year: req.today.year, ["年度应为 1900–2100 之间的整数"])
        }
        if let refused = upload.errors.first { return try await refuse(req, year: year, [refused.message]) }
        guard let file = upload.files(named: "file").first, file.size > 0 else {
            return try await refuse(req, year: year, ["请选择要导入的文件（.xlsx 或 .csv）"])
        }
        let table: SpreadsheetTable
        do {
            table = try SpreadsheetTable.read(try file.data, fileName: file.filename)
        } catch let e as SpreadsheetError {
            return try await refuse(req, year: year, [e.message])
        }
        let (rows, fileErrors) = BalanceSheet.read(table)
        var errors = fileErrors
        let schools = try await schoolsByCode(rows.map(\.code), district: district.id!, on: req.db)
        let existing = try await returnsBySchool(schools.values.compactMap(\.id), year: year, on: req.db)
        var accepted: [(School, BalanceFigures)] = []
        for row in rows {
            guard let school = schools[row.code] else {
                errors.append("第 \(row.line) 行：本区没有学校标识码为 \(row.code) 的学校")
                continue
            }
            guard BalanceFigures.files(school.type) else {
                errors.append("第 \(row.line) 行：\(school.name)是\(school.type.label)，不填报办学条件数据")
                continue
            }
            if existing[school.id!]?.state == .locked {
                errors.append("第 \(row.line) 行：\(school.name) \(year) 年度数据已审核锁定，请先解锁")
                continue
            }
            let (figures, problems) = BalanceFigures.parse(row.fields, type: school.type)
            if let figures {
                accepted.append((school, figures))
            } else {
                errors.append("第 \(row.line) 行（\(school.name)）：" + problems.map(\.message).joined(separator: "；"))
            }
        }
        guard errors.isEmpty else { return try await refuse(req, year: year, errors) }
        let principal = scope.principal
        let toSave = accepted
        try await req.db.writeTransaction { db in
            for (school, figures) in toSave {
                let r = existing[school.id!] ?? BalanceReturn()
                r.$school.id = school.id!
                r.districtID = school.districtID
                r.orgPath = school.orgPath
                r.year = year
                r.figures = figures
                r.state = .submitted
                r.updatedBy = principal.displayName
                if r.id == nil { r.lockedBy = "" }
                try await r.save(on: db)
            }
            try await Audit.record(
                on: db, actor: principal, action: "import", entity: "balance_returns", id: district.id!,
                orgPath: district.path, summary: "导入 \(year) 年度办学条件数据 \(toSave.count) 所学校")
        }
        BalanceController.forgetFigures(req, district: district.id!)
        req.flash("已导入 \(accepted.count) 所学校的 \(year) 年度数据，请核对后审核锁定")
        return req.redirect(to: SiteURL.balancePage("returns").with([("year", String(year))]))
    }

    static func refuse(_ req: Request, year: Int, _ errors: [String]) async throws -> Response {
        try await BalanceImportView(ctx: req.pageContext(), year: year, errors: errors).render()
            .encodeResponse(for: req)
    }

    /// The district's schools with these codes, read a thousand codes at a time.
    static func schoolsByCode(_ codes: [String], district: Int, on db: any Database) async throws -> [String: School] {
        var out: [String: School] = [:]
        for start in stride(from: 0, to: codes.count, by: 1000) {
            let chunk = Array(codes[start..<min(start + 1000, codes.count)])
            for s in try await School.query(on: db).filter(\.$districtID == district).filter(\.$code ~~ chunk).all() {
                out[s.code] = s
            }
        }
        return out
    }

    static func returnsBySchool(_ ids: [Int], year: Int, on db: any Database) async throws -> [Int: BalanceReturn] {
        var out: [Int: BalanceReturn] = [:]
        for start in stride(from: 0, to: ids.count, by: 1000) {
            let chunk = Array(ids[start..<min(start + 1000, ids.count)])
            for r in try await BalanceReturn.query(on: db).filter(\.$school.$id ~~ chunk).filter(\.$year == year).all()
            {
                out[r.$school.id] = r
            }
        }
        return out
    }
}
