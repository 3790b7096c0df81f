import DudaoCore
import Fluent
import Vapor

/// Team members of a visit other than the author (a team may visit together).
final class VisitMember: Model, @unchecked Sendable {
    static let schema = "visit_members"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "visit_id") var visitID: Int
    @Field(key: "inspector_id") var inspectorID: Int
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $visitID, $inspectorID] }

    init() {}
    init(visitID: Int, inspectorID: Int) {
        self.visitID = visitID
        self.inspectorID = inspectorID
    }
}
