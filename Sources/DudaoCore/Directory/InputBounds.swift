/// The ranges every number from outside must fall in, whatever the way it came (query, form, JSON,
/// spreadsheet). Checked before any arithmetic, so nothing typed can overflow.
public protocol IntBounds: Sendable {
    static var range: ClosedRange<Int> { get }
    /// What the number is, in the office's words ("页码").
    static var name: String { get }
}

public enum InputBounds {
    public enum Page: IntBounds {
        public static let range = 1...100_000
        public static let name = "页码"
    }
    public enum PerPage: IntBounds {
        public static let range = 1...Paging.maxPer
        public static let name = "每页条数"
    }
    /// A record id (fits every id column, 32-bit on purpose).
    public enum ID: IntBounds {
        public static let range = 1...2_147_483_647
        public static let name = "编号"
    }
    public enum Year: IntBounds {
        public static let range = 1900...2100
        public static let name = "年份"
    }
    public enum Count: IntBounds {
        public static let range = 0...10_000
        public static let name = "数量"
    }

    /// Reads a whole number in `B.range`; nil for empty text; a Chinese message otherwise.
    public static func parse<B: IntBounds>(_ text: String, _ bounds: B.Type) -> Result<Int?, BoundsError> {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return .success(nil) }
        guard t.count <= 20, let n = Int(t) else { return .failure(BoundsError(name: B.name, range: B.range)) }
        return check(n, bounds).map { $0 }
    }

    public static func check<B: IntBounds>(_ n: Int, _ bounds: B.Type) -> Result<Int, BoundsError> {
        B.range.contains(n) ? .success(n) : .failure(BoundsError(name: B.name, range: B.range))
    }
}

public struct BoundsError: Error, Sendable, Equatable {
    public let name: String
    public let range: ClosedRange<Int>
    public var message: String { "\(name)应为 \(range.lowerBound)–\(range.upperBound) 之间的整数" }
}
