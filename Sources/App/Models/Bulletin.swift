import DudaoCore
import Fluent
import Vapor

/// A 督导简报 of a district: a draft the office edits, then approved with its number and published.
final class Bulletin: Model, @unchecked Sendable {
    static let schema = "bulletins"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "district_id") var districtID: Int
    @Field(key: "org_path") var orgPath: String
    /// The month it reports on, "2026-10".
    @Field(key: "period") var period: String
    @Field(key: "title") var title: String
    /// JSON of `[BulletinSection]`.
    @Field(key: "sections") var sectionsJSON: String
    @Field(key: "state") var state: BulletinState
    /// 第N期 of the year, given on approval.
    @OptionalField(key: "year") var year: Int?
    @OptionalField(key: "number") var number: Int?
    @OptionalField(key: "approved_on") var approvedOn: String?
    @OptionalField(key: "published_on") var publishedOn: String?
    @Field(key: "published_public") var publishedPublic: Bool
    /// The issue this one corrects.
    @OptionalField(key: "corrects_id") var correctsID: Int?
    @Field(key: "created_by") var createdBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $districtID, $orgPath, $period, $title, $sectionsJSON, $state, $year, $number, $approvedOn,
            $publishedOn, $publishedPublic, $correctsID, $createdBy, $createdAt, $updatedAt,
        ]
    }

    init() {}

    var sections: [BulletinSection] { JSONColumn.decode([BulletinSection].self, sectionsJSON) ?? [] }

    /// "2026年第3期", or "草稿".
    var issueLabel: String {
        guard let year, let number else { return "草稿" }
        return "\(year)年第\(number)期"
    }
}
