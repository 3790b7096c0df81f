import FluentKit
import FluentSQL
import NIOConcurrencyHelpers
import SQLKit

/// Reads a model query without building models. Fluent reflects over a model's properties to build each row and
/// again for every count; on a page with a dozen small queries that reflection, not the database, was most of the
/// request's time. These run the same query (with the access policy's filters, sorts and limits) through SQLKit.
extension QueryBuilder {
    /// The rows of the query, only `columns` of them, decoded into plain values whose property names are the column
    /// names in camelCase (`school_id` → `schoolId`).
    func rows<Row: Decodable & Sendable>(_: Row.Type, columns: [String]) async throws -> [Row] {
        let prefix = Model.schemaOrAlias + "_"
        return try await run(rowsQuery(columns: columns)).map {
            try $0.decode(model: Row.self, prefix: prefix, keyDecodingStrategy: .snakeCaseColumns)
        }
    }

    /// The statement `rows` runs.
    func rowsQuery(columns: [String]) -> DatabaseQuery {
        var read = query
        read.action = .read
        read.fields = columns.map { .path([FieldKey(stringLiteral: $0)], schema: Model.schemaOrAlias) }
        return read
    }

    /// How many rows the query has (its sorts and limits ignored).
    func rowCount() async throws -> Int {
        try await run(countQuery).first?.decode(column: "aggregate", as: Int.self) ?? 0
    }

    /// The statement `rowCount` runs: `COUNT(*)`, which PostgreSQL counts from any index holding the filtered
    /// columns, where Fluent's `COUNT(id)` needs the id too and so read the table (a province's notices awaiting
    /// approval: 5.9 ms through the table's pages, 0.6 ms from M043's (state, deadline, org_path)).
    var countQuery: DatabaseQuery {
        var count = query
        count.action = .aggregate(
            .custom(SQLAlias(SQLRaw("COUNT(*)"), as: SQLIdentifier(FieldKey.aggregate.description))))
        count.sorts = []
        count.limits = []
        count.offsets = []
        return count
    }

    /// The first `limit` rows of the query as `columns` (see `rows`), and how many rows it has in all, read in one
    /// statement: the total is `COUNT(*) OVER ()`, which the database counts before it applies the limit. For lists
    /// of a few dozen rows at most (a school's or an inspector's to-do); a count over a province's rows is cheaper
    /// alone, from a covering index, than counted beside the columns shown.
    func firstRows<Row: Decodable & Sendable>(_ limit: Int, _: Row.Type, columns: [String]) async throws
        -> (rows: [Row], total: Int)
    {
        var read = query
        read.action = .read
        read.fields =
            columns.map { .path([FieldKey(stringLiteral: $0)], schema: Model.schemaOrAlias) } + [
                .custom(SQLAlias(SQLRaw("COUNT(*) OVER ()"), as: SQLIdentifier(Self.totalColumn)))
            ]
        read.limits = [.count(limit)]
        let prefix = Model.schemaOrAlias + "_"
        let rows = try await run(read)
        return (
            try rows.map { try $0.decode(model: Row.self, prefix: prefix, keyDecodingStrategy: .snakeCaseColumns) },
            try rows.first?.decode(column: Self.totalColumn, as: Int.self) ?? 0
        )
    }

    private static var totalColumn: String { "rows_in_all" }

    /// `firstRows` for each value of `column` at once: the first `limit` rows of each group in the query's order,
    /// and how many rows the group has, in one statement (`ROW_NUMBER()` and `COUNT(*)` over the group). A group
    /// without rows is absent.
    func firstRows<Row: Decodable & Sendable, Key: Decodable & Hashable>(
        _ limit: Int, per column: String, as _: Key.Type, _: Row.Type, columns: [String]
    ) async throws -> [Key: (rows: [Row], total: Int)] {
        let group = SQLColumn(SQLIdentifier(column), table: SQLIdentifier(Model.schemaOrAlias))
        let window = SQLGroupWindow(partition: group, order: try query.sorts.map(Self.orderBy))
        var read = query
        read.action = .read
        read.fields =
            (columns.contains(column) ? columns : columns + [column]).map {
                .path([FieldKey(stringLiteral: $0)], schema: Model.schemaOrAlias)
            } + [
                .custom(SQLAlias(window.rank, as: SQLIdentifier(Self.rankColumn))),
                .custom(SQLAlias(window.count, as: SQLIdentifier(Self.totalColumn))),
            ]
        read.sorts = []
        read.limits = []
        read.offsets = []
        let ranked = read.sql
        let prefix = Model.schemaOrAlias + "_"
        var groups: [Key: (rows: [Row], total: Int)] = [:]
        let rows = NIOLockedValueBox<[any SQLRow]>([])
        let first: SQLQueryString = """
            SELECT * FROM (\(ranked)) AS ranked WHERE \(ident: Self.rankColumn) <= \(bind: limit) \
            ORDER BY \(ident: Self.rankColumn)
            """
        try await database.sql().execute(sql: first) { row in rows.withLockedValue { $0.append(row) } }
        for row in rows.withLockedValue({ $0 }) {
            let key = try row.decode(column: prefix + column, as: Key.self)
            let line = try row.decode(model: Row.self, prefix: prefix, keyDecodingStrategy: .snakeCaseColumns)
            let total = try row.decode(column: Self.totalColumn, as: Int.self)
            groups[key, default: ([], total)].rows.append(line)
        }
        return groups
    }

    private static var rankColumn: String { "rank_in_group" }

    /// A query's sort as the window's `ORDER BY` (the query's own sorts are on its model's columns).
    private static func orderBy(_ sort: DatabaseQuery.Sort) throws -> any SQLExpression {
        let column: (path: [FieldKey], schema: String)
        let direction: DatabaseQuery.Sort.Direction
        switch sort {
        case .sort(.path(let path, let schema), let d), .sort(.extendedPath(let path, let schema, _), let d):
            (column, direction) = ((path, schema), d)
        default:
            throw GroupedReadError()
        }
        guard column.path.count == 1, let key = column.path.first else { throw GroupedReadError() }
        let descending = if case .descending = direction { true } else { false }
        return SQLOrderBy(
            expression: SQLColumn(SQLIdentifier(key.description), table: SQLIdentifier(column.schema)),
            direction: descending ? SQLDirection.descending : SQLDirection.ascending)
    }

    private func run(_ query: DatabaseQuery) async throws -> [any SQLRow] {
        let rows = NIOLockedValueBox<[any SQLRow]>([])
        try await database.sql().execute(sql: query.sql) { row in
            rows.withLockedValue { $0.append(row) }
        }
        return rows.withLockedValue { $0 }
    }
}

extension DatabaseQuery {
    /// The query as SQL, to run alone or as a part of a larger statement (or to ask the database how it plans it).
    var sql: any SQLExpression { SQLQueryConverter(delegate: PlainConverter()).convert(self) }
}

/// Reads need no column types or nested JSON paths, so the drivers' own converters are not needed.
private struct PlainConverter: SQLConverterDelegate {
    func customDataType(_: DatabaseSchema.DataType) -> (any SQLExpression)? { nil }
}

/// `ROW_NUMBER()` and `COUNT(*)` over the rows that share a value, in an order.
private struct SQLGroupWindow {
    let partition: any SQLExpression
    let order: [any SQLExpression]

    var rank: any SQLExpression {
        let ordered: SQLQueryString = order.isEmpty ? "" : " ORDER BY \(SQLKit.SQLList(order))"
        let rank: SQLQueryString = "ROW_NUMBER() OVER (PARTITION BY \(partition)\(ordered))"
        return rank
    }
    var count: any SQLExpression {
        let count: SQLQueryString = "COUNT(*) OVER (PARTITION BY \(partition))"
        return count
    }
}

/// A grouped read was given a sort it cannot repeat inside its window (a programming error, not a user's).
struct GroupedReadError: Error {}
