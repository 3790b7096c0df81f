/// Page arithmetic shared by pages and the API.
public struct Paging: Sendable, Equatable {
    public static let defaultPer = 50
    public static let maxPer = 200

    public let page: Int
    public let per: Int

    /// Out-of-range values are clamped (a second wall: handlers refuse them before, see `InputBounds`).
    public init(page: Int?, per: Int?) {
        self.page = min(InputBounds.Page.range.upperBound, max(1, page ?? 1))
        self.per = min(Paging.maxPer, max(1, per ?? Paging.defaultPer))
    }

    public var offset: Int { (page - 1) * per }

    public func pageCount(total: Int) -> Int { max(1, total / per + (total % per == 0 ? 0 : 1)) }
}

/// One page of a list and how many there are in all.
public struct PageOf<Item: Sendable>: Sendable {
    public let items: [Item]
    public let paging: Paging
    public let total: Int

    public init(items: [Item], paging: Paging, total: Int) {
        self.items = items
        self.paging = paging
        self.total = total
    }

    public func map<T: Sendable>(_ transform: (Item) throws -> T) rethrows -> PageOf<T> {
        PageOf<T>(items: try items.map(transform), paging: paging, total: total)
    }
}
