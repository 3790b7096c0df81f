import DudaoCore
import Fluent

/// The A4 责任督学工作记录表 of one visit: the record (without the internal interviews for a school) and the
/// office's name at its head.
struct VisitPrint: Sendable {
    let officeName: String
    let record: VisitDetail.Record

    /// The form of `visit`, which the caller loaded through the account's visit access.
    static func query(_ visit: Visit, scope: Scope, on db: any Database) async throws -> VisitPrint {
        let loaded = try await VisitRecords.load(visit, on: db)
        let settings = try await DistrictSettings.forDistrict(loaded.school.districtID, on: db)
        return VisitPrint(
            officeName: settings.officeName,
            record: VisitDetail.Record(
                loaded, settings: settings, hideInternal: scope.visitAccess.hidesInternalNotes,
                checklist: try await VisitChecklist.load(visit, school: loaded.school, on: db)))
    }
}
