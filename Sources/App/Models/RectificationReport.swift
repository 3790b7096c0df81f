import DudaoCore
import Fluent
import Vapor

/// 整改报告: the school's report with evidence files, and the inspector's 复查 outcome.
final class RectificationReport: Model, @unchecked Sendable {
    static let schema = "rectification_reports"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "notice_id") var noticeID: Int
    @Field(key: "body") var body: String
    /// JSON array of `StoredFile`.
    @Field(key: "files") var files: String
    @Field(key: "submitted_by") var submittedBy: Int
    @Field(key: "outcome") var outcome: String
    @Field(key: "review_comment") var reviewComment: String
    @OptionalField(key: "reviewed_at") var reviewedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [$id, $noticeID, $body, $files, $submittedBy, $outcome, $reviewComment, $reviewedAt, $createdAt]
    }

    init() {}

    var storedFiles: [StoredFile] {
        JSONColumn.decode([StoredFile].self, files) ?? []
    }
}
