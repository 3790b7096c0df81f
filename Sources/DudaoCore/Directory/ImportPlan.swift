import Spreadsheet

/// Maps a spreadsheet's header row onto named columns and reports what is missing.
public struct HeaderMap: Sendable {
    public let indexes: [String: Int]

    public init(headers: [String]) {
        var map: [String: Int] = [:]
        for (i, h) in headers.enumerated() {
            let key = h.trimmingCharacters(in: .whitespaces)
            if !key.isEmpty, map[key] == nil { map[key] = i }
        }
        indexes = map
    }

    public func missing(_ required: [String]) -> [String] { required.filter { indexes[$0] == nil } }

    public func record(_ row: [String]) -> [String: String] {
        indexes.mapValues { $0 < row.count ? row[$0] : "" }
    }
}

/// One bad row of an import: its row number as the spreadsheet shows it (header = row 1) and why.
public struct ImportRowError: Sendable, Equatable {
    public let row: Int
    public let messages: [String]
    public init(row: Int, messages: [String]) {
        self.row = row
        self.messages = messages
    }
}

/// The rows of an import file checked on their own (before the database is asked anything).
public struct CheckedImport<Record: Sendable>: Sendable {
    public var records: [(row: Int, record: Record)] = []
    public var errors: [ImportRowError] = []
    /// A problem with the file as a whole (missing columns, no rows).
    public var fileError: String?

    public var isClean: Bool { fileError == nil && errors.isEmpty }
}

public enum ImportCheck {
    public static let maxRows = 50_000

    /// Checks a school table: required columns, every row, and codes repeated within the file.
    public static func schools(_ table: SpreadsheetTable) -> CheckedImport<SchoolRecord> {
        check(
            table, required: ["学校标识码", "学校名称", "学校类型", "办学性质", "所属镇街"],
            validate: { SchoolInput(row: $0).validated() }, key: { $0.code },
            duplicateMessage: { "学校标识码 \($0) 在文件中重复（第\($1)行已出现）" })
    }

    /// Checks an inspector table; the mobile number identifies an inspector across imports.
    /// A file made from the older template has 督学类型 instead of 聘任方式 (and no 督学类别); it is read too.
    public static func inspectors(_ table: SpreadsheetTable) -> CheckedImport<InspectorRecord> {
        let header = Set((table.rows.first ?? []).map { $0.trimmingCharacters(in: .whitespaces) })
        let appointment = header.contains("聘任方式") || !header.contains("督学类型") ? "聘任方式" : "督学类型"
        return check(
            table, required: ["姓名", appointment, "性别", "手机号"],
            validate: { InspectorInput(row: $0).validated() }, key: { $0.phone },
            duplicateMessage: { "手机号 \($0) 在文件中重复（第\($1)行已出现）" })
    }

    static func check<R>(
        _ table: SpreadsheetTable, required: [String], validate: ([String: String]) -> Validated<R>,
        key: (R) -> String, duplicateMessage: (String, Int) -> String
    ) -> CheckedImport<R> {
        var out = CheckedImport<R>()
        guard let header = table.rows.first else {
            out.fileError = "文件为空"
            return out
        }
        let map = HeaderMap(headers: header)
        let missing = map.missing(required)
        if !missing.isEmpty {
            out.fileError = "缺少必需的列：\(missing.joined(separator: "、"))。请使用导入模板的表头。"
            return out
        }
        let body = table.rows.dropFirst()
        if body.count > maxRows {
            out.fileError = "一次最多导入\(maxRows)行，请拆分文件"
            return out
        }
        var seen: [String: Int] = [:]
        for (offset, row) in body.enumerated() {
            let rowNumber = offset + 2
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            switch validate(map.record(row)) {
            case .failure(let errors):
                out.errors.append(ImportRowError(row: rowNumber, messages: errors.map { $0.message }))
            case .success(let record):
                let k = key(record)
                if let first = seen[k] {
                    out.errors.append(ImportRowError(row: rowNumber, messages: [duplicateMessage(k, first)]))
                } else {
                    seen[k] = rowNumber
                    out.records.append((rowNumber, record))
                }
            }
        }
        if out.records.isEmpty && out.errors.isEmpty { out.fileError = "文件中没有数据行" }
        return out
    }
}
