import DudaoCore
import Fluent
import Foundation

/// 问责决定: a measure of the 问责办法 the office decided against a unit or a person, the target's 申辩
/// (within `Accountability.appealDays` of the decision) and the office's outcome.
final class AccountabilityDecision: Model, @unchecked Sendable {
    static let schema = "accountability_decisions"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "district_id") var districtID: Int
    @Field(key: "org_path") var orgPath: String
    /// What it answers: "notice", "complaint", or "" for a decision on its own.
    @Field(key: "source") var source: String
    @OptionalField(key: "source_id") var sourceID: Int?
    @Field(key: "target") var target: AccountabilityTarget
    @Field(key: "target_name") var targetName: String
    /// The school held accountable (a unit), which sees the decision and may answer it.
    @OptionalField(key: "target_school_id") var targetSchoolID: Int?
    /// The inspector held accountable (a person), who sees the decision and may answer it.
    @OptionalField(key: "target_inspector_id") var targetInspectorID: Int?
    @Field(key: "measure") var measure: AccountabilityMeasure
    @Field(key: "reason") var reason: String
    @Field(key: "document_number") var documentNumber: String
    @Field(key: "decided_on") var decidedOn: String
    @Field(key: "state") var state: AccountabilityState
    @Field(key: "response") var response: String
    /// JSON array of `StoredFile`: the evidence of the 申辩.
    @Field(key: "response_files") var responseFiles: String
    @OptionalField(key: "responded_at") var respondedAt: Date?
    @Field(key: "outcome_comment") var outcomeComment: String
    @Field(key: "decided_by") var decidedBy: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $districtID, $orgPath, $source, $sourceID, $target, $targetName, $targetSchoolID, $targetInspectorID,
            $measure, $reason, $documentNumber, $decidedOn, $state, $response, $responseFiles, $respondedAt,
            $outcomeComment, $decidedBy, $createdAt, $updatedAt,
        ]
    }

    init() {}

    var decidedDay: Day? { Day(parsing: decidedOn) }
    var storedResponseFiles: [StoredFile] { JSONColumn.decode([StoredFile].self, responseFiles) ?? [] }
}
