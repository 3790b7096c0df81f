import Crypto
import DudaoCore
import Fluent
import Foundation

/// A campaign's questionnaire for students, parents or teachers.
final class QuestionnaireRecord: Model, @unchecked Sendable {
    static let schema = "questionnaires"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "campaign_id") var campaignID: Int
    @Field(key: "title") var title: String
    @Field(key: "audience") var audience: Audience
    @Field(key: "questions") var questionsJSON: String
    @Field(key: "closes_on") var closesOn: String
    /// Makes each target's answer link unguessable (the link carries a key derived from it).
    @Field(key: "link_secret") var linkSecret: String
    @Field(key: "created_at") var createdAt: Date
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] {
        [$id, $campaignID, $title, $audience, $questionsJSON, $closesOn, $linkSecret, $createdAt]
    }

    init() {}

    var questions: [Question] {
        (try? JSONDecoder().decode([Question].self, from: Data(questionsJSON.utf8))) ?? []
    }

    /// The key of a target's link: whoever has it may answer for that target, nobody can guess another's.
    func key(target: Int) -> String {
        let digest = SHA256.hash(data: Data("\(linkSecret):\(id ?? 0):\(target)".utf8))
        return DigitText.hex(digest.prefix(12))
    }
}

/// One respondent's answers for one target.
final class QuestionnaireAnswer: Model, @unchecked Sendable {
    static let schema = "questionnaire_answers"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "questionnaire_id") var questionnaireID: Int
    @Field(key: "target_id") var targetID: Int
    @Field(key: "device_hash") var deviceHash: String
    @Field(key: "answers") var answersJSON: String
    @Field(key: "created_at") var createdAt: Date
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $questionnaireID, $targetID, $deviceHash, $answersJSON, $createdAt] }

    init() {}

    var answers: [String: [String]] {
        (try? JSONDecoder().decode([String: [String]].self, from: Data(answersJSON.utf8))) ?? [:]
    }

    /// Every answer for a target (a target's respondents number in the hundreds, capped all the same).
    static func all(questionnaireIDs: [Int], targetID: Int, on db: any Database) async throws -> [QuestionnaireAnswer] {
        guard !questionnaireIDs.isEmpty else { return [] }
        return try await query(on: db).filter(\.$questionnaireID ~~ questionnaireIDs).filter(\.$targetID == targetID)
            .limit(20_000).all()
    }
}
