import DudaoCore
import Fluent
import Foundation

/// 督导任务: a kind of supervision of some targets, scored on one published indicator version.
final class Campaign: Model, @unchecked Sendable {
    static let schema = "campaigns"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "district_id") var districtID: Int
    @Field(key: "kind") var kind: CampaignKind
    @Field(key: "title") var title: String
    /// The published indicator version every result of the campaign is scored on.
    @Field(key: "version_id") var versionID: Int
    /// The phases of its targets, comma-separated raw values.
    @Field(key: "phases") var phaseList: String
    @Field(key: "starts_on") var startsOn: String
    @Field(key: "ends_on") var endsOn: String
    @Field(key: "announced") var announced: Bool
    @Field(key: "created_by") var createdBy: Int
    @Field(key: "created_at") var createdAt: Date
    /// The day its results were published (通报) to its targets; empty: not yet. Public: also on `/public`.
    @Field(key: "published_on") var publishedOn: String
    @Field(key: "published_public") var publishedPublic: Bool
    /// 市级抽评: the share of targets (per cent) the city re-scores after the county; 0: no re-check.
    @Field(key: "recheck_percent") var recheckPercent: Int
    /// The day the city drew its sample; empty: not yet drawn.
    @Field(key: "recheck_drawn_on") var recheckDrawnOn: String
    /// For the API's incremental sync.
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    /// A new campaign is unpublished (a loaded one takes its stored values instead).
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $districtID, $kind, $title, $versionID, $phaseList, $startsOn, $endsOn, $announced, $createdBy,
            $createdAt, $publishedOn, $publishedPublic, $recheckPercent, $recheckDrawnOn, $updatedAt,
        ]
    }

    init() {
        publishedOn = ""
        publishedPublic = false
        recheckPercent = 0
        recheckDrawnOn = ""
    }

    var isPublished: Bool { !publishedOn.isEmpty }

    var phases: [CampaignPhase] { phaseList.split(separator: ",").compactMap { CampaignPhase(rawValue: String($0)) } }
}

/// One target of a campaign (a school, a township or the county) with its team's lead, its phase and results.
final class CampaignTarget: Model, @unchecked Sendable {
    static let schema = "campaign_targets"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "campaign_id") var campaignID: Int
    @OptionalField(key: "school_id") var schoolID: Int?
    /// A township or the county when the target is a government (督政).
    @OptionalField(key: "org_unit_id") var orgUnitID: Int?
    @Field(key: "name") var name: String
    @Field(key: "org_path") var orgPath: String
    @OptionalField(key: "school_type") var schoolType: String?
    /// nil once every phase is done.
    @OptionalField(key: "phase") var phase: CampaignPhase?
    @Field(key: "lead_user_id") var leadUserID: Int
    /// The team's score, unrounded, once the lead has fixed it.
    @OptionalField(key: "total") var total: Double?
    @OptionalField(key: "grade") var grade: String?
    @Field(key: "vetoed") var vetoed: Bool
    @Field(key: "preliminary") var preliminary: String
    @Field(key: "appeal") var appeal: String
    @Field(key: "appeal_answer") var appealAnswer: String
    @OptionalField(key: "opinion_number") var opinionNumber: String?
    @Field(key: "opinion") var opinion: String
    @Field(key: "updated_at") var updatedAt: Date
    /// Each node's result when the team's score was fixed: JSON of `NodeResult` by code.
    @Field(key: "node_scores") var nodeScoresJSON: String
    /// The last day of its 申辩 (ISO day), set when the preliminary opinion is delivered; empty before.
    @Field(key: "appeal_due") var appealDue: String
    /// Whether the city drew it for its re-check (市级抽评), and the city's score once handed in (unrounded).
    @Field(key: "recheck") var recheck: Bool
    @OptionalField(key: "recheck_total") var recheckTotal: Double?
    @OptionalField(key: "recheck_grade") var recheckGrade: String?
    /// The city's 抽评 by node when handed in (JSON of `NodeResult` by code).
    @Field(key: "recheck_node_scores") var recheckNodeScoresJSON: String
    /// The 自评's score when it was handed in (unrounded), and each node's result (JSON of `NodeResult` by code).
    @OptionalField(key: "self_total") var selfTotal: Double?
    @Field(key: "self_node_scores") var selfNodeScoresJSON: String
    /// A new target has no scores, no 申辩 deadline and no re-check yet (a loaded one takes its stored values).
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [
            $id, $campaignID, $schoolID, $orgUnitID, $name, $orgPath, $schoolType, $phase, $leadUserID, $total, $grade,
            $vetoed, $preliminary, $appeal, $appealAnswer, $opinionNumber, $opinion, $updatedAt, $nodeScoresJSON,
            $appealDue, $recheck, $recheckTotal, $recheckGrade, $recheckNodeScoresJSON, $selfTotal, $selfNodeScoresJSON,
        ]
    }

    init() {
        nodeScoresJSON = "{}"
        selfNodeScoresJSON = "{}"
        recheckNodeScoresJSON = "{}"
        appealDue = ""
        recheck = false
    }

    var nodeScores: [String: NodeResult] { JSONColumn.decode([String: NodeResult].self, nodeScoresJSON) ?? [:] }
    var recheckNodeScores: [String: NodeResult] {
        JSONColumn.decode([String: NodeResult].self, recheckNodeScoresJSON) ?? [:]
    }
    var selfNodeScores: [String: NodeResult] {
        JSONColumn.decode([String: NodeResult].self, selfNodeScoresJSON) ?? [:]
    }
}

/// A node's share of the full score and what the target earned of it (nil ratio: not applicable).
struct NodeResult: Codable, Sendable, Equatable {
    let ratio: Double?
    let available: Double

    var earned: Double { (ratio ?? 0) * available }

    /// The results of `codes` alone from stored node scores (JSON of `NodeResult` by code); an absent code or
    /// unreadable JSON has none. A ranking shows the first-level indicators: decoding each of a 60-item template's
    /// nodes for them was a third of the ranking page's time.
    static func results(of codes: [String], in json: String) -> [String: NodeResult] {
        let decoder = JSONDecoder()
        decoder.userInfo[Picked.codes] = codes
        return (try? decoder.decode(Picked.self, from: Data(json.utf8)))?.results ?? [:]
    }

    /// The results of the codes in the decoder's `userInfo[codes]`.
    private struct Picked: Decodable {
        static let codes = CodingUserInfoKey(rawValue: "nodeCodes")!
        let results: [String: NodeResult]

        init(from decoder: any Decoder) throws {
            let object = try decoder.container(keyedBy: Code.self)
            var results: [String: NodeResult] = [:]
            for code in decoder.userInfo[Self.codes] as? [String] ?? [] {
                results[code] = try object.decodeIfPresent(NodeResult.self, forKey: Code(stringValue: code))
            }
            self.results = results
        }
    }

    private struct Code: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue _: Int) { nil }
    }
}

/// A member of a target's team (the lead is named on the target and is a member too).
final class CampaignMember: Model, @unchecked Sendable {
    static let schema = "campaign_members"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "target_id") var targetID: Int
    @Field(key: "user_id") var userID: Int
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $targetID, $userID] }

    init() {}

    init(targetID: Int, userID: Int) {
        self.targetID = targetID
        self.userID = userID
    }
}

/// Whose rating it is: the target's own (自评), one member's, or the team's as the lead fixed it.
enum RatingTier: String, LabelledEnum {
    case selfAssessment = "self"
    case member, team
    /// The city's re-check of a sampled target (市级抽评), after the county's review.
    case recheck

    var label: String {
        switch self {
        case .selfAssessment: "自评"
        case .member: "组员评分"
        case .team: "督导组评分"
        case .recheck: "市级抽评"
        }
    }
}

/// One set of answers to a target's indicator items.
final class CampaignRating: Model, @unchecked Sendable {
    static let schema = "campaign_ratings"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "target_id") var targetID: Int
    @Field(key: "user_id") var userID: Int
    @Field(key: "tier") var tier: RatingTier
    @Field(key: "answers") var answersJSON: String
    @Field(key: "submitted") var submitted: Bool
    @Field(key: "updated_at") var updatedAt: Date
    /// The rater's remark per item (说明), JSON by code.
    @Field(key: "comments") var commentsJSON: String
    /// A new rating has no remarks (a loaded one takes its stored values instead).
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [$id, $targetID, $userID, $tier, $answersJSON, $submitted, $updatedAt, $commentsJSON]
    }

    init() { commentsJSON = "{}" }

    var comments: [String: String] { JSONColumn.decode([String: String].self, commentsJSON) ?? [:] }

    var answers: ScoringEngine.Answers {
        (try? JSONDecoder().decode(ScoringEngine.Answers.self, from: Data(answersJSON.utf8))) ?? [:]
    }

    func setAnswers(_ answers: ScoringEngine.Answers) throws {
        answersJSON = String(decoding: try JSONEncoder().encode(answers), as: UTF8.self)
    }

    static func all(targetID: Int, on db: any Database) async throws -> [CampaignRating] {
        try await query(on: db).filter(\.$targetID == targetID).sort(\.$id).all()
    }
}

/// A file a target (or its team on site) uploaded as evidence (佐证材料) for one indicator item.
final class CampaignEvidence: Model, @unchecked Sendable {
    static let schema = "campaign_evidence"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "target_id") var targetID: Int
    @Field(key: "item_code") var itemCode: String
    @Field(key: "hash") var hash: String
    @Field(key: "name") var name: String
    @Field(key: "type") var type: String
    @Field(key: "size") var size: Int
    @Field(key: "uploaded_by") var uploadedBy: Int
    @Field(key: "uploaded_at") var uploadedAt: Date
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [$id, $targetID, $itemCode, $hash, $name, $type, $size, $uploadedBy, $uploadedAt]
    }

    init() {}

    var file: StoredFile { StoredFile(hash: hash, name: name, type: type, size: size) }
}
