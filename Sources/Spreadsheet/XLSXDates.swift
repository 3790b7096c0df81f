import CivilDate
import Foundation

/// Excel's dates: a day number counted from 1899-12-30, the time of day as its fraction.
///
/// The writer stores "2026-10-03" and "2026-10-03 09:30" this way with a date format; the reader turns a
/// number in a cell whose style has a date format (built-in or the workbook's own) back into that text, so
/// that a date typed in Excel imports as the date it shows, not as 46298.
enum XLSXDates {
    /// 1970-01-01 as a day number.
    private static let unixEpoch = 25_569
    /// 1900-03-01 and 9999-12-31: below the first, Excel's 1900 leap-year bug makes day numbers ambiguous.
    static let serialRange = 61.0..<2_958_466.0

    /// The day number of "YYYY-MM-DD" or "YYYY-MM-DD HH:MM", nil for any other text or an impossible date.
    static func serial(of text: String) -> Double? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10 || bytes.count == 16 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for b in bytes[range] {
                guard b >= 0x30, b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            return value
        }
        guard bytes[4] == 0x2D, bytes[7] == 0x2D, let y = number(0..<4), let m = number(5..<7),
            let d = number(8..<10), (1900...9999).contains(y), (1...12).contains(m),
            (1...daysIn(year: y, month: m)).contains(d)
        else { return nil }
        var serial = Double(CivilDate.days(year: y, month: m, day: d) + unixEpoch)
        if bytes.count == 16 {
            guard bytes[10] == 0x20, bytes[13] == 0x3A, let h = number(11..<13), let min = number(14..<16), h < 24,
                min < 60
            else { return nil }
            serial += Double(h * 60 + min) / 1440
        }
        return serialRange.contains(serial) ? serial : nil
    }

    /// A day number as the cell value: whole days in full, a time with 15 significant digits.
    static func render(_ serial: Double) -> String {
        serial == serial.rounded() ? String(Int(serial)) : String(format: "%.15g", serial)
    }

    /// "YYYY-MM-DD" (or with " HH:MM" when `withTime`, or when the day number has a time of day).
    static func text(serial: Double, withTime: Bool) -> String? {
        guard serial.isFinite, serialRange.contains(serial) else { return nil }
        var days = Int(serial.rounded(.down))
        var minutes = Int(((serial - Double(days)) * 1440).rounded())
        if minutes == 1440 {
            days += 1
            minutes = 0
        }
        let (y, m, d) = CivilDate.date(days: days - unixEpoch)
        let date = String(format: "%04d-%02d-%02d", y, m, d)
        guard withTime || minutes != 0 else { return date }
        return date + String(format: " %02d:%02d", minutes / 60, minutes % 60)
    }

    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // MARK: - Reading styles

    /// The kind of value a cell style shows a number as.
    enum Kind { case date, dateTime }

    /// Built-in number formats that show a date (14–17, and the Chinese 27–36, 50–58) or a date and time (22).
    private static let builtInDates: Set<Int> = Set([14, 15, 16, 17] + Array(27...36) + Array(50...58))

    /// The date kind of each cell style (index into `cellXfs`) of a styles part; styles not listed show numbers.
    static func dateStyles(_ xml: [UInt8]) -> [Int: Kind] {
        var scanner = XMLScanner(xml)
        var customFormats: [Int: String] = [:]
        var styles: [Int: Kind] = [:]
        var inCellXfs = false
        var index = 0
        while let token = scanner.next() {
            switch token {
            case .start("numFmt", let attributes, _):
                if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
                    customFormats[id] = code
                }
            case .start("cellXfs", _, let selfClosing):
                inCellXfs = !selfClosing
            case .end("cellXfs"):
                inCellXfs = false
            case .start("xf", let attributes, _) where inCellXfs:
                let id = attributes["numFmtId"].flatMap { Int($0) } ?? 0
                if id == 22 {
                    styles[index] = .dateTime
                } else if builtInDates.contains(id) {
                    styles[index] = .date
                } else if let code = customFormats[id], let kind = kind(ofFormat: code) {
                    styles[index] = kind
                }
                index += 1
            default:
                break
            }
        }
        return styles
    }

    /// Whether a format code shows a date: it has a year, month or day part outside quotes, brackets and
    /// escapes; with an hour part it is a date and time.
    static func kind(ofFormat code: String) -> Kind? {
        var hasDate = false
        var hasHour = false
        var quoted = false
        var bracket = false
        var escaped = false
        // Only the first section (before ";") decides.
        for ch in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            switch ch {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            case ";" where !quoted: return hasDate ? (hasHour ? .dateTime : .date) : nil
            case "y", "d", "m": if !quoted && !bracket { hasDate = true }
            case "h": if !quoted && !bracket { hasHour = true }
            default: break
            }
        }
        return hasDate ? (hasHour ? .dateTime : .date) : nil
    }
}
