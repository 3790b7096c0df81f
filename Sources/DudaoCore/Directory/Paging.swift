/// Page arithmetic shared by pages and the API.
public struct Paging: Sendable, Equatable {
    public static let defaultPer = 50
    public static let maxPer = 200

    public let page: Int
    public let per: Int

    public init(page: Int?, per: Int?) {
        self.page = max(1, page ?? 1)
        self.per = min(Paging.maxPer, max(1, per ?? Paging.defaultPer))
    }

    public var offset: Int { (page - 1) * per }

    public func pageCount(total: Int) -> Int { max(1, (total + per - 1) / per) }
}
