import DudaoCore
import Fluent
import Vapor

/// 听课 or 教研活动, with the classroom-teaching rubric scores.
final class ClassObservation: Model, @unchecked Sendable {
    static let schema = "class_observations"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "visit_id") var visitID: Int
    @Field(key: "kind") var kind: ObservationKind
    @Field(key: "class_name") var className: String
    @Field(key: "subject") var subject: String
    @Field(key: "teacher") var teacher: String
    @Field(key: "topic") var topic: String
    /// JSON object: rubric dimension → score.
    @Field(key: "scores") var scores: String
    @Field(key: "comment") var comment: String
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [$id, $visitID, $kind, $className, $subject, $teacher, $topic, $scores, $comment]
    }

    init() {}

    var scoreMap: [String: Int] {
        JSONColumn.decode([String: Int].self, scores) ?? [:]
    }
}
