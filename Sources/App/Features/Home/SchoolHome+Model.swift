import DudaoCore
import Fluent

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
        let school = try await scope.schoolAccess.load(scope.principal.schoolID, on: db)
        let ids = try await Assignment.currentInspectorIDs(schoolID: school.id!, on: db)
        let inspectors = try await Inspector.query(on: db).filter(\.$id ~~ ids).sort(\.$name).sort(\.$id)
            .rows(Contact.self, columns: ["name", "phone"])
        return SchoolHome(
            schoolID: school.id!, schoolName: school.name, filesBalance: BalanceFigures.files(school.type),
            inspectors: inspectors,
            todo: try await HomeTodo.school(scope: scope, schoolName: school.name, on: db))
    }
}
