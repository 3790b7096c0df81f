import DudaoCore
import Fluent
import Vapor

/// 督学责任区 / 片区: a named group of schools with a lead inspector.
final class ResponsibilityArea: Model, @unchecked Sendable {
    static let schema = "responsibility_areas"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "district_id") var districtID: Int
    @Field(key: "org_path") var orgPath: String
    @Field(key: "name") var name: String
    @OptionalField(key: "lead_inspector_id") var leadInspectorID: Int?
    @Field(key: "note") var note: String
    @Field(key: "active") var active: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [$id, $districtID, $orgPath, $name, $leadInspectorID, $note, $active, $createdAt]
    }

    init() {}

    var snapshot: [String: String] {
        ["名称": name, "牵头督学编号": leadInspectorID.map(String.init) ?? "", "说明": note, "状态": active ? "启用" : "停用"]
    }
}
