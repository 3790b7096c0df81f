import DudaoCore
import Fluent
import Vapor

/// 挂牌: an inspector responsible for a school from `startDate` until `endDate` (open while nil).
final class Assignment: Model, @unchecked Sendable {
    static let schema = "assignments"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "inspector_id") var inspectorID: Int
    @Field(key: "school_id") var schoolID: Int
    @Field(key: "start_date") var startDate: String
    @OptionalField(key: "end_date") var endDate: String?
    @Field(key: "note") var note: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $inspectorID, $schoolID, $startDate, $endDate, $note, $createdAt] }

    init() {}
    init(inspectorID: Int, schoolID: Int, start: Day, note: String = "") {
        self.inspectorID = inspectorID
        self.schoolID = schoolID
        self.startDate = start.description
        self.endDate = nil
        self.note = note
    }

    static func current(on db: any Database) -> QueryBuilder<Assignment> {
        Assignment.query(on: db).filter(\.$endDate == nil)
    }

    /// The ids of the schools an inspector is responsible for now.
    static func currentSchoolIDs(inspectorID: Int, on db: any Database) async throws -> [Int] {
        struct School: Decodable, Sendable { let schoolId: Int }
        return try await current(on: db).filter(\.$inspectorID == inspectorID)
            .rows(School.self, columns: ["school_id"]).map(\.schoolId)
    }
}
