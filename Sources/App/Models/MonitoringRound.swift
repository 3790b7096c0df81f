import DudaoCore
import Fluent
import Vapor

/// A district's round of 国家义务教育质量监测 in one year.
final class MonitoringRound: Model, @unchecked Sendable {
    static let schema = "monitoring_rounds"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "district_id") var districtID: Int
    @Field(key: "org_path") var orgPath: String
    @Field(key: "year") var year: Int
    /// "数学、体育与健康、心理健康".
    @Field(key: "subjects") var subjects: String
    @Field(key: "test_day") var testDay: String
    /// The county's reading of the results once they come back.
    @Field(key: "findings") var findings: String
    @Field(key: "created_by") var createdBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [$id, $districtID, $orgPath, $year, $subjects, $testDay, $findings, $createdBy, $createdAt]
    }

    init() {}
}

/// One step of a round, with its date, owner and completion.
final class MonitoringStep: Model, @unchecked Sendable {
    static let schema = "monitoring_steps"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "round_id") var roundID: Int
    @Field(key: "position") var position: Int
    @Field(key: "title") var title: String
    @Field(key: "due") var due: String
    @Field(key: "owner") var owner: String
    @OptionalField(key: "done_on") var doneOn: String?
    @Field(key: "note") var note: String
    /// JSON array of `StoredFile`: the step's documents.
    @Field(key: "files") var files: String
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $roundID, $position, $title, $due, $owner, $doneOn, $note, $files] }

    init() {}

    var storedFiles: [StoredFile] { JSONColumn.decode([StoredFile].self, files) ?? [] }
}

/// A sample school of a round and the section tested there (grade 4: primary, grade 8: junior).
final class MonitoringSample: Model, @unchecked Sendable {
    static let schema = "monitoring_samples"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "round_id") var roundID: Int
    @Field(key: "school_id") var schoolID: Int
    @Field(key: "section") var section: SchoolSection
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $roundID, $schoolID, $section] }

    init() {}
}

/// Something that went wrong in a round (a student taken ill, a late delivery), as reported.
final class MonitoringIncident: Model, @unchecked Sendable {
    static let schema = "monitoring_incidents"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "round_id") var roundID: Int
    @OptionalField(key: "school_id") var schoolID: Int?
    @Field(key: "day") var day: String
    @Field(key: "text") var text: String
    @Field(key: "recorded_by") var recordedBy: String
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $roundID, $schoolID, $day, $text, $recordedBy] }

    init() {}
}
