import DudaoCore
import Fluent
import Vapor

/// Every appointment term an inspector has served, for the three-terms-in-a-row rule.
final class InspectorTerm: Model, @unchecked Sendable {
    static let schema = "inspector_terms"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "inspector_id") var inspectorID: Int
    @Field(key: "start_date") var startDate: String
    @Field(key: "end_date") var endDate: String
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $inspectorID, $startDate, $endDate] }

    init() {}
    init(inspectorID: Int, term: InspectorRules.Term) {
        self.inspectorID = inspectorID
        startDate = term.start.description
        endDate = term.end.description
    }
    var term: InspectorRules.Term? {
        guard let s = Day(parsing: startDate), let e = Day(parsing: endDate) else { return nil }
        return .init(start: s, end: e)
    }
}
