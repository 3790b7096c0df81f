import DudaoCore
import Fluent
import Vapor

/// The access rules of one kind of record, in two forms that cannot disagree: `readable` narrows a
/// query to the records the account may read (lists, exports, the API), and `load` finds one record
/// through that same query (detail pages, prints, downloads, actions). Actions have their own checks
/// on the loaded record. A record the account may not read is "not found" (404): another school's or
/// inspector's records are not even confirmed to exist.
protocol RecordAccess: Sendable {
    associatedtype Record: Model where Record.IDValue == Int
    var scope: Scope { get }
    func readable(_ q: QueryBuilder<Record>) -> QueryBuilder<Record>
    var notFound: String { get }
}

extension RecordAccess {
    var principal: Principal { scope.principal }

    func load(_ id: Int?, on db: any Database) async throws -> Record {
        guard let id, InputBounds.ID.range.contains(id),
            let record = try await readable(Record.query(on: db)).filter(\._$id == id).first()
        else { throw Abort(.notFound, reason: notFound) }
        return record
    }

    /// `load` as a few columns (see `rows`), for pages that show a record's name and not the whole model.
    func loadRow<Row: Decodable & Sendable>(_ id: Int?, as _: Row.Type, columns: [String], on db: any Database)
        async throws -> Row
    {
        guard let id, InputBounds.ID.range.contains(id),
            let row = try await readable(Record.query(on: db)).filter(\._$id == id).limit(1)
                .rows(Row.self, columns: columns).first
        else { throw Abort(.notFound, reason: notFound) }
        return row
    }

    func canRead(_ id: Int, on db: any Database) async throws -> Bool {
        try await readable(Record.query(on: db)).filter(\._$id == id).count() > 0
    }
}

extension Scope {
    var schoolAccess: SchoolAccess { SchoolAccess(scope: self) }
    var inspectorAccess: InspectorAccess { InspectorAccess(scope: self) }
    var areaAccess: AreaAccess { AreaAccess(scope: self) }
    var assignmentAccess: AssignmentAccess { AssignmentAccess(scope: self) }
    var areaPlanAccess: AreaPlanAccess { AreaPlanAccess(scope: self) }
    var visitPlanAccess: VisitPlanAccess { VisitPlanAccess(scope: self) }
    var visitAccess: VisitAccess { VisitAccess(scope: self) }
    var problemAccess: ProblemAccess { ProblemAccess(scope: self) }
    var noticeAccess: NoticeAccess { NoticeAccess(scope: self) }
    var complaintAccess: ComplaintAccess { ComplaintAccess(scope: self) }
    var reportAccess: ReportAccess { ReportAccess(scope: self) }
    var notificationAccess: NotificationAccess { NotificationAccess(scope: self) }
    var auditAccess: AuditAccess { AuditAccess(scope: self) }
}
