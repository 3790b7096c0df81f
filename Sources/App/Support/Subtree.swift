import Fluent
import SQLKit

/// Org paths are ids and slashes ("/1/4/9/"). A subtree is every path from `path` up to `path + ":"`
/// (":" sorts right after the digits and "/"), so a range replaces LIKE 'path%': a plain index serves
/// the range on SQLite and PostgreSQL alike, while LIKE would scan.
enum Subtree {
    static func upperBound(_ path: String) -> String { path + ":" }

    /// A node below the tree's root (`/1/2/`), whose subtree is part of the tree.
    static func isBelowRoot(_ path: String) -> Bool { path.split(separator: "/").count > 1 }

    /// `column >= path AND column < path:` for raw SQL.
    static func sql(_ column: String, _ path: String) -> SQLQueryString {
        "\(unsafeRaw: column) >= \(bind: path) AND \(unsafeRaw: column) < \(bind: upperBound(path))"
    }
}

extension QueryBuilder {
    func inSubtree(_ field: KeyPath<Model, FieldProperty<Model, String>>, _ path: String) -> Self {
        filter(field >= path).filter(field < Subtree.upperBound(path))
    }

    /// `inSubtree`; without `choosingIndex`, on SQLite the range is written `+column` so that it chooses no index
    /// (`BroadCondition`): at the tree's root it holds for every row, and a list then reads in its order's index.
    func inSubtree(_ field: KeyPath<Model, FieldProperty<Model, String>>, _ path: String, choosingIndex: Bool) -> Self {
        guard !choosingIndex, let sql = database as? any SQLDatabase, sql.isSQLite,
            let key = Model.path(for: field).first
        else { return inSubtree(field, path) }
        let column: SQLQueryString = "+\(ident: Model.schemaOrAlias).\(ident: key.description)"
        return filter(.sql(column + " >= \(bind: path) AND " + column + " < \(bind: Subtree.upperBound(path))"))
    }

    func inSubtree<Joined: Schema>(
        _ joined: Joined.Type, _ field: KeyPath<Joined, FieldProperty<Joined, String>>, _ path: String
    ) -> Self {
        filter(joined, field >= path).filter(joined, field < Subtree.upperBound(path))
    }
}
