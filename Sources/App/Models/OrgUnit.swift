import DudaoCore
import Fluent
import Vapor

/// A node of the organisation tree: 市 → 区县 → 镇街. Schools hang below townships.
/// `path` is the chain of ids ("/1/4/9/") so a subtree is one prefix query.
final class OrgUnit: Model, @unchecked Sendable {
    static let schema = "org_units"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "name") var name: String
    @Field(key: "level") var level: OrgLevel
    @OptionalField(key: "parent_id") var parentID: Int?
    @Field(key: "path") var path: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $name, $level, $parentID, $path, $createdAt] }

    init() {}

    init(name: String, level: OrgLevel, parent: OrgUnit?) {
        self.name = name
        self.level = level
        self.parentID = parent?.id
        self.path = parent?.path ?? "/"
    }

    /// Saves the node, then completes its path with its own id.
    func create(on db: any Database, parentPath: String) async throws {
        path = parentPath
        try await save(on: db)
        path = parentPath + "\(id!)/"
        try await save(on: db)
    }

    static func townships(under path: String, on db: any Database) async throws -> [OrgUnit] {
        try await OrgUnit.query(on: db)
            .filter(\.$level == .township)
            .inSubtree(\.$path, path)
            .sort(\.$name)
            .all()
    }
}
