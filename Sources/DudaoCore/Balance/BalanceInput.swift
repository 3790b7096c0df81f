import Foundation
import Spreadsheet

/// A bad cell, row or column of balance input, named so that a person finds it.
public struct BalanceInputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line in the file (the header is line 1); nil for a fault of the whole file.
    public var line: Int?
    public var column: String?
    public var message: String

    public init(line: Int?, column: String?, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var place = ""
        if let line { place += "第 \(line) 行" }
        if let column { place += (place.isEmpty ? "" : " ") + "“\(column)”列" }
        return place.isEmpty ? message : "\(place)：\(message)"
    }
}

/// The columns of balance input, by their English key; the Chinese headers of the office's own sheets are
/// read as the same columns.
public enum BalanceColumn {
    public static let schoolCode = "school_code"
    public static let schoolName = "school_name"
    public static let section = "section"
    public static let students = "students"
    /// A school's enrolment in a section, in the yearly return of a combined school.
    public static func students(_ section: SchoolSection) -> String { "students_\(section.rawValue)" }

    static let aliases: [String: String] = {
        var map = [
            "学校标识码": schoolCode, "学校代码": schoolCode, "学校名称": schoolName, "学段": section,
            "在校生数": students, "学生数": students, "小学在校生数": students(.primary),
            "初中在校生数": students(.junior), "高中在校生数": students(.senior), "在园幼儿数": "children",
            "是否普惠": "inclusive", "普惠性": "inclusive",
        ]
        for resource in BalanceResource.allCases { map[resource.label] = resource.rawValue }
        return map
    }()

    /// The key of a header cell: an English key in any case, or a Chinese header (a unit in brackets ignored).
    public static func key(_ header: String) -> String {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        let bare = trimmed.split(whereSeparator: { "（(".contains($0) }).first.map(String.init) ?? trimmed
        return aliases[bare] ?? trimmed.lowercased()
    }

    /// The header label a person reads for a key.
    public static func label(_ key: String) -> String {
        if let resource = BalanceResource(rawValue: key) { return "\(resource.label)（\(resource.unit)）" }
        return aliases.first { $0.value == key && $0.key != "学校代码" && $0.key != "学生数" }?.key ?? key
    }
}

/// Why one cell of balance input is refused.
public struct BalanceCellError: Error, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// Reads and bounds the numbers of balance input.
public enum BalanceNumber {
    /// Above this a figure is a typing mistake (and sums of 30 000 schools stay exact in a Double).
    public static let maxResource = 1e12
    public static let maxStudents = 1_000_000

    /// A resource: a number ≥ 0, whole for counted things ("1,200" and "1 200" are read as 1200).
    public static func resource(_ text: String, _ resource: BalanceResource) -> Result<Double, BalanceCellError> {
        let cleaned = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: " ", with: "")
        guard !cleaned.isEmpty else { return .failure(BalanceCellError("不能为空，没有请填 0")) }
        guard let value = Double(cleaned), value.isFinite else {
            return .failure(BalanceCellError("“\(short(text))”不是数字"))
        }
        guard value >= 0 else { return .failure(BalanceCellError("不能为负数")) }
        guard value <= maxResource else { return .failure(BalanceCellError("数值过大，请检查单位")) }
        if resource.isCount, value != value.rounded() { return .failure(BalanceCellError("须为整数")) }
        return .success(value)
    }

    /// An enrolment: a whole number of students, at least `minimum`.
    public static func students(_ text: String, minimum: Int = 1) -> Result<Int, BalanceCellError> {
        let cleaned = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: " ", with: "")
        guard !cleaned.isEmpty else { return .failure(BalanceCellError(minimum > 0 ? "不能为空" : "不能为空，没有请填 0")) }
        guard let value = Double(cleaned), value.isFinite else {
            return .failure(BalanceCellError("“\(short(text))”不是数字"))
        }
        guard value == value.rounded() else { return .failure(BalanceCellError("须为整数")) }
        guard value >= 0 else { return .failure(BalanceCellError("不能为负数")) }
        guard value <= Double(maxStudents) else { return .failure(BalanceCellError("超过 \(maxStudents) 人，请检查")) }
        guard Int(value) >= minimum else { return .failure(BalanceCellError("在校生数为 0，无法计算生均值")) }
        return .success(Int(value))
    }

    static func short(_ text: String) -> String { text.count > 20 ? String(text.prefix(20)) + "…" : text }
}

/// The file the `dudao balance` command reads: one row per school section.
public enum BalanceFile {
    /// Every row, or every fault of the file (all of them, not only the first).
    public static func rows(_ table: SpreadsheetTable, standard: BalanceStandard) -> (
        rows: [BalanceRow], errors: [BalanceInputError]
    ) {
        let keys = table.headers.map(BalanceColumn.key)
        var index: [String: Int] = [:]
        for (i, key) in keys.enumerated() where index[key] == nil { index[key] = i }
        let needed =
            [BalanceColumn.schoolCode, BalanceColumn.schoolName, BalanceColumn.section, BalanceColumn.students]
            + standard.resources.map(\.rawValue)
        let missing = needed.filter { index[$0] == nil }
        guard missing.isEmpty else {
            let errors = missing.map {
                BalanceInputError(line: 1, column: $0, message: "缺少这一列（\(standard.rawValue) 标准需要）")
            }
            return ([], errors)
        }
        var rows: [BalanceRow] = []
        var errors: [BalanceInputError] = []
        var seen: [String: Int] = [:]
        for (offset, cells) in table.dataRows.enumerated() where !SpreadsheetTable.isBlank(cells) {
            let line = offset + 2
            func cell(_ key: String) -> String {
                let i = index[key]!
                return i < cells.count ? cells[i].trimmingCharacters(in: .whitespaces) : ""
            }
            func fail(_ key: String, _ message: String) {
                errors.append(BalanceInputError(line: line, column: key, message: message))
            }
            let code = cell(BalanceColumn.schoolCode)
            if code.isEmpty { fail(BalanceColumn.schoolCode, "不能为空") }
            let section = SchoolSection.balanceSection(cell(BalanceColumn.section))
            if section == nil { fail(BalanceColumn.section, "须为 primary（小学）或 junior（初中）") }
            var students = 0
            switch BalanceNumber.students(cell(BalanceColumn.students)) {
            case .success(let n): students = n
            case .failure(let e): fail(BalanceColumn.students, e.message)
            }
            var resources: [BalanceResource: Double] = [:]
            for resource in standard.resources {
                switch BalanceNumber.resource(cell(resource.rawValue), resource) {
                case .success(let v): resources[resource] = v
                case .failure(let e): fail(resource.rawValue, e.message)
                }
            }
            if let section, !code.isEmpty {
                let key = "\(code)|\(section.rawValue)"
                if let first = seen[key] {
                    fail(BalanceColumn.schoolCode, "与第 \(first) 行是同一学校的同一学段")
                } else {
                    seen[key] = line
                }
            }
            if let section, errors.last?.line != line {
                rows.append(
                    BalanceRow(
                        schoolCode: code, schoolName: cell(BalanceColumn.schoolName), section: section,
                        students: students, resources: resources))
            }
        }
        if errors.isEmpty, rows.isEmpty {
            errors.append(BalanceInputError(line: nil, column: nil, message: "文件里没有学校的数据行"))
        }
        return (errors.isEmpty ? rows : [], errors)
    }
}

extension SchoolSection {
    /// A compulsory section as a file writes it: "primary" / "junior" or 小学 / 初中.
    public static func balanceSection(_ text: String) -> SchoolSection? {
        switch text.lowercased() {
        case "primary", "小学": .primary
        case "junior", "初中": .junior
        default: nil
        }
    }
}
