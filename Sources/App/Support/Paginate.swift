import DudaoCore
import Fluent

extension QueryBuilder {
    /// The page `paging` asks for and the total count of the query: the one paging idiom of lists.
    func paginate(_ paging: Paging) async throws -> PageOf<Model> {
        let total = try await rowCount()
        let items = total <= paging.offset ? [] : try await range(paging.offset..<(paging.offset + paging.per)).all()
        return PageOf(items: items, paging: paging, total: total)
    }

    /// The same page as plain rows of `columns` (see `rows`), for lists, which show a few columns of many records, with
    /// the total counted by the caller (a count worded for its plan, see `SchoolList.page`).
    func paginate<Row: Decodable & Sendable>(_ paging: Paging, total: Int, as _: Row.Type, columns: [String])
        async throws -> PageOf<Row>
    {
        let items =
            total <= paging.offset
            ? [] : try await range(paging.offset..<(paging.offset + paging.per)).rows(Row.self, columns: columns)
        return PageOf(items: items, paging: paging, total: total)
    }
}
