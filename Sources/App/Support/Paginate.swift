import DudaoCore
import Fluent

extension QueryBuilder {
    /// The page `paging` asks for and the total count of the query: the one paging idiom of lists.
    func paginate(_ paging: Paging) async throws -> PageOf<Model> {
        let total = try await rowCount()
        let items = try await range(paging.offset..<(paging.offset + paging.per)).all()
        return PageOf(items: items, paging: paging, total: total)
    }
}
