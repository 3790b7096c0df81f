import Foundation

/// 文号 of a rectification notice: "青督整〔2026〕3号" — the district's prefix, the year in
/// 六角括号 〔〕 (the official form, not 【】 or []), and the sequence with no leading zeros.
public enum NoticeNumber {
    public static func format(prefix: String, year: Int, sequence: Int) -> String {
        "\(prefix.trimmingCharacters(in: .whitespaces))〔\(year)〕\(sequence)号"
    }

    /// Reads a number back, accepting 〔〕, [], 【】, ［］ and （）/() around the year.
    public static func parse(_ text: String) -> (prefix: String, year: Int, sequence: Int)? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.hasSuffix("号"),
            let open = t.firstIndex(where: { "〔[【［（(".contains($0) }),
            let close = t[open...].firstIndex(where: { "〕]】］）)".contains($0) })
        else { return nil }
        let prefix = t[..<open].trimmingCharacters(in: .whitespaces)
        let yearText = t[t.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
        let seqText = t[t.index(after: close)..<t.index(before: t.endIndex)].trimmingCharacters(in: .whitespaces)
        guard !prefix.isEmpty, yearText.count == 4, let year = Int(yearText), let seq = Int(seqText), seq > 0,
            seqText.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        return (prefix, year, seq)
    }
}
