import Spreadsheet

/// The office's import of yearly returns: one row per school, found by 学校标识码, its figures under the same
/// keys as the return form (Chinese headers or English keys).
public enum BalanceSheet {
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var code: String
        public var fields: [String: String]
    }

    /// The headers of the template the office downloads.
    public static var headers: [String] {
        ["学校标识码", "学校名称", "小学在校生数", "初中在校生数", "高中在校生数"]
            + BalanceResource.allCases.map { BalanceColumn.label($0.rawValue) } + ["在园幼儿数", "是否普惠"]
    }

    /// The rows with a code, and the faults of the file itself (no code column, a code twice).
    public static func read(_ table: SpreadsheetTable) -> (rows: [Row], errors: [String]) {
        let keys = table.headers.map(BalanceColumn.key)
        guard let codeColumn = keys.firstIndex(of: BalanceColumn.schoolCode) else {
            return ([], ["第 1 行缺少“学校标识码”列，请使用导入模板"])
        }
        var rows: [Row] = []
        var errors: [String] = []
        var seen: [String: Int] = [:]
        for (offset, cells) in table.dataRows.enumerated() where !SpreadsheetTable.isBlank(cells) {
            let line = offset + 2
            var fields: [String: String] = [:]
            for (i, key) in keys.enumerated() where i < cells.count && fields[key] == nil {
                fields[key] = cells[i].trimmingCharacters(in: .whitespaces)
            }
            let code = codeColumn < cells.count ? cells[codeColumn].trimmingCharacters(in: .whitespaces) : ""
            if code.isEmpty {
                errors.append("第 \(line) 行：学校标识码不能为空")
            } else if let first = seen[code] {
                errors.append("第 \(line) 行：学校 \(code) 与第 \(first) 行重复")
            } else {
                seen[code] = line
                rows.append(Row(line: line, code: code, fields: fields))
            }
        }
        if rows.isEmpty, errors.isEmpty { errors.append("文件里没有学校的数据行") }
        return (rows, errors)
    }
}
