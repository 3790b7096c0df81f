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
        var read = query
        read.action = .read
        read.fields = columns.map { .path([FieldKey(stringLiteral: $0)], schema: Model.schemaOrAlias) }
        let prefix = Model.schemaOrAlias + "_"
        return try await run(read).map {
            try $0.decode(model: Row.self, prefix: prefix, keyDecodingStrategy: .convertFromSnakeCase)
        }
    }

    /// How many rows the query has (its sorts and limits ignored).
    func rowCount() async throws -> Int {
        var count = query
        count.action = .aggregate(.field(.path([.id], schema: Model.schemaOrAlias), .count))
        count.sorts = []
        count.limits = []
        count.offsets = []
        return try await run(count).first?.decode(column: "aggregate", as: Int.self) ?? 0
    }

    private func run(_ query: DatabaseQuery) async throws -> [any SQLRow] {
        let rows = NIOLockedValueBox<[any SQLRow]>([])
        try await database.sql().execute(sql: SQLQueryConverter(delegate: PlainConverter()).convert(query)) { row in
            rows.withLockedValue { $0.append(row) }
        }
        return rows.withLockedValue { $0 }
    }
}

/// Reads need no column types or nested JSON paths, so the drivers' own converters are not needed.
private struct PlainConverter: SQLConverterDelegate {
    func customDataType(_: DatabaseSchema.DataType) -> (any SQLExpression)? { nil }
}
