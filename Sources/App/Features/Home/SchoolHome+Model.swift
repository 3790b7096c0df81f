import DudaoCore
import Fluent
import SQLKit

/// A school's home: what the school must do (sign, rectify, report again, read), and who its 挂牌督学 is.
struct SchoolHome: Sendable {
    struct Contact: Sendable, Equatable, Decodable {
        let name: String
        let phone: String
    }

    let schoolID: Int
    let schoolName: String
    /// Whether the school files the yearly return of resources (compulsory schools and kindergartens).
    var filesBalance = false
    /// The school's responsible inspectors now.
    let inspectors: [Contact]
    let todo: [TodoGroup]
}

extension SchoolHome {
    static func query(scope: Scope, on db: any Database) async throws -> SchoolHome {
        struct Line: Decodable, Sendable {
            let id: Int
            let name: String
            let type: SchoolType
        }
        let school = try await scope.schoolAccess.loadRow(
            scope.principal.schoolID, as: Line.self, columns: ["id", "name", "type"], on: db)
        let inspectors = try await db.sql().raw(
            """
            SELECT i.name, i.phone FROM assignments a JOIN inspectors i ON i.id = a.inspector_id
            WHERE a.end_date IS NULL AND a.school_id = \(bind: school.id) ORDER BY i.name, i.id
            """
        ).all(decoding: Contact.self)
        return SchoolHome(
            schoolID: school.id, schoolName: school.name, filesBalance: BalanceFigures.files(school.type),
            inspectors: inspectors,
            todo: try await HomeTodo.school(scope: scope, schoolName: school.name, on: db))
    }
}
