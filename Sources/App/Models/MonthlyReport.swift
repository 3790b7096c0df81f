import DudaoCore
import Fluent
import Vapor

/// An inspector's monthly report (督导月报) once they have saved or submitted it; before that the month's
/// figures are counted live.
final class MonthlyReport: Model, @unchecked Sendable {
    static let schema = "monthly_reports"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "inspector_id") var inspectorID: Int
    @Field(key: "district_id") var districtID: Int
    @Field(key: "org_path") var orgPath: String
    /// "2026-11".
    @Field(key: "month") var month: String
    @Field(key: "state") var state: MonthlyReportState
    /// JSON of `MonthlyReportFigures`, fixed when submitted; "{}" while a draft.
    @Field(key: "figures") var figuresJSON: String
    @Field(key: "remarks") var remarks: String
    @Field(key: "office_comment") var officeComment: String
    @OptionalField(key: "submitted_on") var submittedOn: String?
    @Field(key: "handled_by") var handledBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $inspectorID, $districtID, $orgPath, $month, $state, $figuresJSON, $remarks, $officeComment,
            $submittedOn, $handledBy, $createdAt, $updatedAt,
        ]
    }

    init() {}

    var figures: MonthlyReportFigures? { JSONColumn.decode(MonthlyReportFigures.self, figuresJSON) }

    static func find(inspector: Int, month: YearMonth, on db: any Database) async throws -> MonthlyReport? {
        try await query(on: db).filter(\.$inspectorID == inspector).filter(\.$month == month.description).first()
    }
}
