import DudaoCore
import Fluent
import Foundation

/// A district's indicator systems: loading the built-in ones, creating, copying, drafting and publishing versions.
/// Every change is audited in the same transaction. A published version is never written again.
enum IndicatorLibrary {
    enum Refusal: Error, Equatable {
        case notDraft
        case hasProblems([String])

        var message: String {
            switch self {
            case .notDraft: "已发布的版本不能修改，请先点「修改（生成新版本）」"
            case .hasProblems(let p): "还不能发布：" + p.prefix(5).joined(separator: "；") + (p.count > 5 ? "……" : "")
            }
        }
    }

    /// Loads every built-in system the district does not have yet, each as a published version 1.
    /// Idempotent: a district keeps what it has (and its own edits).
    static func installBuiltIns(district: OrgUnit, at now: Date, on db: any Database) async throws {
        let have = Set(
            try await IndicatorTemplate.query(on: db).filter(\.$districtID == district.id!).filter(\.$builtInKey != nil)
                .all().compactMap(\.builtInKey))
        for entry in try BuiltInSystems.all() where !have.contains(entry.key) {
            let template = IndicatorTemplate(
                districtID: district.id!, system: entry.system, builtInKey: entry.key, at: now)
            try await template.create(on: db)
            let version = try IndicatorVersion(
                templateID: template.id!, number: 1, system: entry.system, createdBy: nil, at: now)
            version.state = .published
            version.publishedAt = now
            try await version.create(on: db)
        }
    }

    /// A new system whose first version is a draft holding `system`.
    static func create(
        _ system: IndicatorSystem, district: OrgUnit, copiedFrom: Int? = nil, by principal: Principal, at now: Date,
        on db: any Database
    ) async throws -> IndicatorTemplate {
        try await db.writeTransaction { db in
            let template = IndicatorTemplate(districtID: district.id!, system: system, copiedFrom: copiedFrom, at: now)
            try await template.create(on: db)
            try await IndicatorVersion(
                templateID: template.id!, number: 1, system: system, createdBy: principal.userID, at: now
            ).create(on: db)
            try await Audit.record(
                on: db, actor: principal, action: "create", entity: "indicator_system", id: template.id!,
                orgPath: district.path,
                summary: copiedFrom == nil ? "新建指标体系「\(system.name)」" : "复制指标体系为「\(system.name)」")
            return template
        }
    }

    /// The template's draft: the one it has, or a new version copied from its newest.
    static func draft(
        of template: IndicatorTemplate, district: OrgUnit, by principal: Principal, at now: Date, on db: any Database
    ) async throws -> IndicatorVersion {
        try await db.writeTransaction { db in
            let versions = try await IndicatorVersion.all(templateID: template.id!, on: db)
            if let draft = versions.first(where: { $0.state == .draft }) { return draft }
            guard let newest = versions.first else { throw Refusal.notDraft }
            let draft = try IndicatorVersion(
                templateID: template.id!, number: newest.number + 1, system: try newest.system(),
                createdBy: principal.userID, at: now)
            try await draft.create(on: db)
            try await Audit.record(
                on: db, actor: principal, action: "update", entity: "indicator_system", id: template.id!,
                orgPath: district.path, summary: "「\(template.name)」生成第\(draft.number)版草稿")
            return draft
        }
    }

    /// Replaces a draft's tree (a node edited, removed, or a sheet imported into it).
    static func saveDraft(
        _ version: IndicatorVersion, system: IndicatorSystem, template: IndicatorTemplate, district: OrgUnit,
        summary: String, by principal: Principal, at now: Date, on db: any Database
    ) async throws {
        guard version.state == .draft else { throw Refusal.notDraft }
        try await db.writeTransaction { db in
            try version.setSystem(system)
            try await version.save(on: db)
            template.name = system.name
            template.kind = system.kind
            template.updatedAt = now
            try await template.save(on: db)
            try await Audit.record(
                on: db, actor: principal, action: "update", entity: "indicator_system", id: template.id!,
                orgPath: district.path, summary: "「\(system.name)」第\(version.number)版：\(summary)")
        }
    }

    /// Publishes a sound draft; from then on it never changes.
    static func publish(
        _ version: IndicatorVersion, template: IndicatorTemplate, district: OrgUnit, by principal: Principal,
        at now: Date, on db: any Database
    ) async throws {
        guard version.state == .draft else { throw Refusal.notDraft }
        let problems = try version.system().problems()
        guard problems.isEmpty else { throw Refusal.hasProblems(problems) }
        try await db.writeTransaction { db in
            version.state = .published
            version.publishedAt = now
            try await version.save(on: db)
            template.updatedAt = now
            try await template.save(on: db)
            try await Audit.record(
                on: db, actor: principal, action: "update", entity: "indicator_system", id: template.id!,
                orgPath: district.path, summary: "发布「\(template.name)」第\(version.number)版")
        }
    }
}
