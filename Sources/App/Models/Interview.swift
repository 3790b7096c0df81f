import DudaoCore
import Fluent
import Vapor

/// 访谈: a group of teachers, students or parents talked to, with the count and notes.
final class Interview: Model, @unchecked Sendable {
    static let schema = "interviews"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "visit_id") var visitID: Int
    @Field(key: "interview_group") var group: InterviewGroup
    @Field(key: "people") var people: Int
    @Field(key: "notes") var notes: String
    /// Internal notes are never shown to the school.
    @Field(key: "internal") var isInternal: Bool
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $visitID, $group, $people, $notes, $isInternal] }

    init() {}
}
