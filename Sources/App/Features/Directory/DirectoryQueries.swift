import DudaoCore
import Fluent
import SQLKit
import Vapor

/// An id and a name: a choice in a filter or a form, or a link to a record.
struct NamedID: Sendable, Equatable, Decodable {
    let id: Int
    let name: String
}

/// Lookups the directory pages share.
enum DirectoryQueries {
    /// Townships in a district (the account's: `scope.district`), for filters and forms.
    static func townshipNames(in district: OrgUnit, on db: any Database) async throws -> [NamedID] {
        // A province's thousand townships as plain rows: not a thousand models on every page with the filter.
        return try await OrgUnit.query(on: db).filter(\.$level == .township).inSubtree(\.$path, district.path)
            .sort(\.$name).rows(NamedID.self, columns: ["id", "name"])
    }

    static func township(named name: String, scope: Scope, on db: any Database) async throws -> OrgUnit? {
        let district = try await scope.district(on: db)
        return try await OrgUnit.query(on: db).filter(\.$level == .township).inSubtree(\.$path, district.path)
            .filter(\.$name == name.trimmingCharacters(in: .whitespaces)).first()
    }

    /// The active responsibility areas of a district, by name.
    static func areas(in district: OrgUnit, on db: any Database) async throws -> [NamedID] {
        try await ResponsibilityArea.query(on: db).filter(\.$districtID == district.id!)
            .filter(\.$active == true).sort(\.$name).sort(\.$id).rows(NamedID.self, columns: ["id", "name"])
    }

    /// The active inspectors of a district, by name, for the forms that choose one.
    static func activeInspectors(district: Int, on db: any Database) async throws -> [Inspector] {
        try await Inspector.query(on: db).filter(\.$districtID == district).filter(\.$status == .active).sort(\.$name)
            .all()
    }

    /// The name of each school id, read in one query (for a page of records that name their school).
    static func schoolNames(of ids: [Int], on db: any Database) async throws -> [Int: String] {
        guard !ids.isEmpty else { return [:] }
        return try await names(School.query(on: db).filter(\.$id ~~ Set(ids)))
    }

    static func inspectorNames(of ids: [Int], on db: any Database) async throws -> [Int: String] {
        guard !ids.isEmpty else { return [:] }
        return try await names(Inspector.query(on: db).filter(\.$id ~~ Set(ids)))
    }

    private struct Named: Decodable, Sendable {
        let id: Int
        let name: String
    }

    private static func names<M: Model>(_ q: QueryBuilder<M>) async throws -> [Int: String] {
        let rows = try await q.rows(Named.self, columns: ["id", "name"])
        return Dictionary(rows.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// Each school's current responsible inspector (schools without one are absent), read in one join.
    static func responsible(of schoolIDs: [Int], on db: any Database) async throws -> [Int: NamedID] {
        guard !schoolIDs.isEmpty else { return [:] }
        struct Responsible: Decodable {
            let schoolId: Int
            let id: Int
            let name: String
        }
        let ids = SQLList(Set(schoolIDs).sorted().map { SQLBind($0) })
        let rows = try await db.sql().raw(
            """
            SELECT a.school_id, i.id, i.name FROM assignments a JOIN inspectors i ON i.id = a.inspector_id
            WHERE a.end_date IS NULL AND a.school_id IN (\(ids))
            """
        ).all(decoding: Responsible.self, keyDecodingStrategy: .snakeCaseColumns)
        return Dictionary(
            rows.map { ($0.schoolId, NamedID(id: $0.id, name: $0.name)) }, uniquingKeysWith: { a, _ in a })
    }

    /// The current responsible inspector of each school id, as the record (for pages that show phone and photo).
    static func currentInspectors(of schoolIDs: [Int], on db: any Database) async throws -> [Int: Inspector] {
        let responsible = try await responsible(of: schoolIDs, on: db)
        guard !responsible.isEmpty else { return [:] }
        let inspectors = try await Inspector.query(on: db).filter(\.$id ~~ Set(responsible.values.map(\.id))).all()
        let byID = Dictionary(uniqueKeysWithValues: inspectors.map { ($0.id!, $0) })
        return responsible.compactMapValues { byID[$0.id] }
    }

    /// How many schools each inspector holds now.
    static func schoolCounts(of inspectorIDs: [Int], on db: any Database) async throws -> [Int: Int] {
        guard !inspectorIDs.isEmpty else { return [:] }
        let rows = try await Assignment.current(on: db).filter(\.$inspectorID ~~ inspectorIDs).all(\.$inspectorID)
        return rows.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }
}
