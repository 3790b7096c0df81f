import DudaoCore
import Fluent
import Foundation

/// A district's indicator system (指标体系) as a named line of versions. Its name and kind follow its latest version.
final class IndicatorTemplate: Model, @unchecked Sendable {
    static let schema = "indicator_templates"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "district_id") var districtID: Int
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: TargetKind
    /// The built-in file it was loaded from (one per district), nil for the office's own.
    @OptionalField(key: "built_in_key") var builtInKey: String?
    @OptionalField(key: "copied_from_id") var copiedFromID: Int?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [$id, $districtID, $name, $kind, $builtInKey, $copiedFromID, $createdAt, $updatedAt]
    }

    init() {}

    init(districtID: Int, system: IndicatorSystem, builtInKey: String? = nil, copiedFrom: Int? = nil, at now: Date) {
        self.districtID = districtID
        self.name = system.name
        self.kind = system.kind
        self.builtInKey = builtInKey
        self.copiedFromID = copiedFrom
        self.createdAt = now
        self.updatedAt = now
    }

    /// The district's systems, newest change first, a page at a time.
    static func page(districtID: Int, offset: Int, limit: Int, on db: any Database) async throws -> [IndicatorTemplate]
    {
        try await query(on: db).filter(\.$districtID == districtID).sort(\.$updatedAt, .descending).sort(\.$id)
            .range(offset..<(offset + limit)).all()
    }

    /// A system of the district, or nil (another district's id reads as not found).
    static func find(_ id: Int, districtID: Int, on db: any Database) async throws -> IndicatorTemplate? {
        try await query(on: db).filter(\.$id == id).filter(\.$districtID == districtID).first()
    }
}

/// One version of an indicator system: the whole tree as JSON.
final class IndicatorVersion: Model, @unchecked Sendable {
    static let schema = "indicator_versions"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "template_id") var templateID: Int
    @Field(key: "number") var number: Int
    @Field(key: "state") var state: VersionState
    @Field(key: "document") var document: String
    @Field(key: "leaf_count") var leafCount: Int
    @OptionalField(key: "created_by") var createdBy: Int?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "published_at") var publishedAt: Date?
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [$id, $templateID, $number, $state, $document, $leafCount, $createdBy, $createdAt, $publishedAt]
    }

    init() {}

    init(templateID: Int, number: Int, system: IndicatorSystem, createdBy: Int?, at now: Date) throws {
        self.templateID = templateID
        self.number = number
        self.state = .draft
        self.createdBy = createdBy
        self.createdAt = now
        try setSystem(system)
    }

    func setSystem(_ system: IndicatorSystem) throws {
        document = String(decoding: try system.jsonData(), as: UTF8.self)
        leafCount = system.leaves.count
    }

    func system() throws -> IndicatorSystem { try IndicatorSystem.fromJSON(Data(document.utf8)) }

    /// The template's versions, newest first (a system has a handful; capped all the same).
    static func all(templateID: Int, on db: any Database) async throws -> [IndicatorVersion] {
        try await query(on: db).filter(\.$templateID == templateID).sort(\.$number, .descending).limit(200).all()
    }

    /// The newest version of each of `templateIDs` (for lists).
    static func latest(templateIDs: [Int], on db: any Database) async throws -> [Int: IndicatorVersion] {
        guard !templateIDs.isEmpty else { return [:] }
        let rows = try await query(on: db).filter(\.$templateID ~~ templateIDs).sort(\.$number, .descending)
            .field(\.$id).field(\.$templateID).field(\.$number).field(\.$state).field(\.$leafCount)
            .field(\.$createdAt).field(\.$publishedAt).all()
        var latest: [Int: IndicatorVersion] = [:]
        for row in rows where latest[row.templateID] == nil { latest[row.templateID] = row }
        return latest
    }
}
