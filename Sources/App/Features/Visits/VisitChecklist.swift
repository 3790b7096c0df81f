import DudaoCore
import Fluent

/// 主题检查表 of a visit: the items it was filled in on (the saved version), or, for a routine draft in a month whose
/// theme names an indicator system of the district (for schools or for kindergartens, as the school is), the items of
/// that system's latest published version.
struct VisitChecklist: Sendable, Equatable {
    let versionID: Int
    let name: String
    let items: [ChecklistItem]
    let record: ChecklistRecord?

    /// The visit's list, or nil when it has none and none is offered.
    static func load(_ v: Visit, school: School, on db: any Database) async throws -> VisitChecklist? {
        if let saved = v.checklistRecord, let version = try await IndicatorVersion.find(saved.versionID, on: db) {
            return VisitChecklist(
                versionID: saved.versionID, name: saved.name, items: ThemeChecklist.items(of: try version.system()),
                record: saved)
        }
        guard v.isDraft, v.kind == .routine, let offered = try await offered(v, school: school, on: db) else {
            return nil
        }
        return offered
    }

    /// The list the month's theme offers, if any.
    static func offered(_ v: Visit, school: School, on db: any Database) async throws -> VisitChecklist? {
        guard let day = v.day,
            let templateID = try await ThemeMonth.month(districtID: school.districtID, of: day, on: db)?.templateID,
            let template = try await IndicatorTemplate.find(templateID, districtID: school.districtID, on: db),
            template.kind.fits(school.type),
            let version = try await IndicatorVersion.query(on: db).filter(\.$templateID == templateID)
                .filter(\.$state == .published).sort(\.$number, .descending).first()
        else { return nil }
        return VisitChecklist(
            versionID: version.id!, name: template.name, items: ThemeChecklist.items(of: try version.system()),
            record: nil)
    }

    /// Each first-level area with its items, in order.
    var areas: [(area: String, items: [ChecklistItem])] {
        var out: [(area: String, items: [ChecklistItem])] = []
        for item in items {
            if out.last?.area == item.area {
                out[out.count - 1].items.append(item)
            } else {
                out.append((item.area, [item]))
            }
        }
        return out
    }
}
