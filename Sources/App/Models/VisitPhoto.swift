import DudaoCore
import Fluent
import Vapor

/// Photos and files of a visit, stored by content hash.
final class VisitPhoto: Model, @unchecked Sendable {
    static let schema = "visit_photos"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "visit_id") var visitID: Int
    @Field(key: "hash") var hash: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "caption") var caption: String
    /// The problem or observation the photo shows (neither: the visit as a whole).
    @OptionalField(key: "problem_id") var problemID: Int?
    @OptionalField(key: "observation_id") var observationID: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [$id, $visitID, $hash, $contentType, $caption, $problemID, $observationID, $createdAt]
    }

    init() {}

    var subject: PhotoSubject { PhotoSubject(problemID: problemID, observationID: observationID) }
}
