import Fluent
import SQLKit
import Vapor

extension Database {
    /// The database as SQLKit sees it, for reads that skip model hydration. Both supported drivers are SQL
    /// databases; anything else is a wiring mistake.
    func sql() throws -> any SQLDatabase {
        guard let sql = self as? any SQLDatabase else { throw Abort(.internalServerError, reason: "数据库不支持 SQL 查询") }
        return sql
    }
}
