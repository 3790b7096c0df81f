import Foundation
import Spreadsheet

/// The JSON the `dudao balance` command prints: unrounded numbers, keys as documented in the README.
public enum BalanceReport {
    public static func json(_ computation: BalanceComputation) -> Data {
        var sections: [String: Any] = [:]
        for result in computation.sections {
            var indicators: [String: Any] = [:]
            for c in result.coefficients {
                indicators[c.indicator.rawValue] = [
                    "county_value": c.countyValue, "cv": c.cv,
                    "threshold": c.line.map { $0 as Any } ?? NSNull(),
                    "passes": c.passes.map { $0 as Any } ?? NSNull(),
                ]
            }
            var section: [String: Any] = [
                "schools": result.rows.count, "students": result.students, "indicators": indicators,
                "threshold": result.line, "passes": result.passes,
            ]
            if let composite = result.compositeCV { section["composite_cv"] = composite }
            sections[result.section.rawValue] = section
        }
        var root: [String: Any] = ["standard": computation.standard.rawValue, "sections": sections]
        if computation.standard == .quality2017 {
            root["school_attainment"] = computation.sections.flatMap(\.attainment).map { a -> [String: Any] in
                let row = computation.rows[a.row]
                return [
                    "school_code": row.schoolCode, "school_name": row.schoolName, "section": row.section.rawValue,
                    "met": a.met, "passes": a.passes,
                    "shortfalls": a.shortfalls.map {
                        [
                            "indicator": $0.indicator.rawValue, "value": $0.value, "standard": $0.standard,
                            "ratio": $0.ratio,
                        ] as [String: Any]
                    },
                ]
            }
        }
        // Every number is finite (the readers refuse anything else), so serialisation cannot fail.
        return (try? JSONSerialization.data(withJSONObject: root, options: [.sortedKeys, .prettyPrinted])) ?? Data()
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
