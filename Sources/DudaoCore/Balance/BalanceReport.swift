import Foundation
import Spreadsheet

/// The JSON the `dudao balance` command prints: unrounded numbers, keys as documented in the README.
public enum BalanceReport {
    public static func json(_ computation: BalanceComputation) -> Data {
        Data(value(computation).render().utf8)
    }

    /// The report as JSON, keys in alphabetical order within each object.
    public static func value(_ computation: BalanceComputation) -> JSONText {
        var sections: [(String, JSONText)] = []
        for result in computation.sections {
            let indicators: [(String, JSONText)] = result.coefficients.map { c in
                (
                    c.indicator.rawValue,
                    .object([
                        ("county_value", .number(c.countyValue)), ("cv", .number(c.cv)),
                        ("passes", c.passes.map { .bool($0) } ?? .null),
                        ("threshold", c.line.map { .number($0) } ?? .null),
                    ])
                )
            }
            var section: [(String, JSONText)] = []
            if let composite = result.compositeCV { section.append(("composite_cv", .number(composite))) }
            section += [
                ("indicators", .object(indicators.sorted { $0.0 < $1.0 })), ("passes", .bool(result.passes)),
                ("schools", .int(result.rows.count)), ("students", .int(result.students)),
                ("threshold", .number(result.line)),
            ]
            sections.append((result.section.rawValue, .object(section)))
        }
        var root: [(String, JSONText)] = []
        if computation.standard == .quality2017 {
            let attainment: [JSONText] = computation.sections.flatMap(\.attainment).map { a in
                let row = computation.rows[a.row]
                return .object([
                    ("met", .int(a.met)), ("passes", .bool(a.passes)), ("school_code", .string(row.schoolCode)),
                    ("school_name", .string(row.schoolName)), ("section", .string(row.section.rawValue)),
                    (
                        "shortfalls",
                        .array(
                            a.shortfalls.map {
                                .object([
                                    ("indicator", .string($0.indicator.rawValue)), ("ratio", .number($0.ratio)),
                                    ("standard", .number($0.standard)), ("value", .number($0.value)),
                                ])
                            })
                    ),
                ])
            }
            root.append(("school_attainment", .array(attainment)))
        }
        root += [
            ("sections", .object(sections.sorted { $0.0 < $1.0 })),
            ("standard", .string(computation.standard.rawValue)),
        ]
        return .object(root)
    }
}

/// `dudao balance --input FILE.csv --standard 2012|2017`: the computation on a file, without the database.
public enum BalanceCommandLine {
    public struct Outcome: Sendable, Equatable {
        public var standardOutput: Data
        public var standardError: String
        public var status: Int32
    }

    public static let usage = "用法：dudao balance --input 文件.csv --standard 2012|2017"

    /// Runs the command on `arguments` (after "balance"); `read` loads the input file.
    public static func run(_ arguments: [String], read: (String) throws -> Data) -> Outcome {
        var input: String?
        var standard: BalanceStandard?
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            let value = rest.popFirst()
            switch flag {
            case "--input": input = value
            case "--standard":
                guard let value, let s = BalanceStandard(rawValue: value) else {
                    return failure("--standard 须为 2012 或 2017\n\(usage)")
                }
                standard = s
            default: return failure("不认识的参数：\(flag)\n\(usage)")
            }
        }
        guard let input, !input.isEmpty, let standard else { return failure(usage) }
        let table: SpreadsheetTable
        do {
            table = try SpreadsheetTable.read(try read(input), fileName: input)
        } catch let error as SpreadsheetError {
            return failure("\(input)：\(error.message)")
        } catch {
            return failure("无法读取 \(input)：文件不存在或没有读取权限")
        }
        let (rows, errors) = BalanceFile.rows(table, standard: standard)
        guard errors.isEmpty else { return failure(errors.map { "\(input) \($0)" }.joined(separator: "\n")) }
        var json = BalanceReport.json(BalanceComputation(rows: rows, standard: standard))
        json.append(0x0A)
        return Outcome(standardOutput: json, standardError: "", status: 0)
    }

    static func failure(_ message: String) -> Outcome {
        Outcome(standardOutput: Data(), standardError: message + "\n", status: 2)
    }
}
