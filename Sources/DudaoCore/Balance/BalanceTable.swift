import Spreadsheet

/// The balance statistics as a sheet: each school section's values of the standard's indicators, then per
/// section the county value and the coefficient of each, so an office can check every figure by hand.
public enum BalanceTable {
    public static func sheet(_ c: BalanceComputation) -> SpreadsheetTable {
        let indicators = c.standard.indicators
        var rows = [["学校标识码", "学校名称", "学段", "在校生数"] + indicators.map { "\($0.label)（\($0.unit)）" }]
        for section in c.sections {
            for index in section.rows {
                let row = c.rows[index]
                rows.append(
                    [row.schoolCode, row.schoolName, row.section.label, String(row.students)]
                        + indicators.map { number(row.value($0) ?? 0) })
            }
        }
        for section in c.sections {
            rows.append([])
            rows.append(
                ["", "\(section.section.label)县域值", section.section.label, String(section.students)]
                    + section.coefficients.map { number($0.countyValue) })
            rows.append(
                ["", "\(section.section.label)差异系数", section.section.label, ""]
                    + section.coefficients.map { number($0.cv) })
            if let composite = section.compositeCV {
                rows.append(["", "\(section.section.label)综合差异系数", section.section.label, "", number(composite)])
            }
        }
        return SpreadsheetTable(rows: rows)
    }

    /// Six decimals: enough to recompute, plain enough for a sheet.
    static func number(_ x: Double) -> String {
        var s = String(format: "%.6f", x)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
