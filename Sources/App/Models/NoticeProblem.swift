import DudaoCore
import Fluent
import Vapor

final class NoticeProblem: Model, @unchecked Sendable {
    static let schema = "notice_problems"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "notice_id") var noticeID: Int
    @Field(key: "problem_id") var problemID: Int
    /// Listed so that FluentKit need not find them by reflection on every query (`ModelPropertiesTests`).
    var properties: [any AnyProperty] { [$id, $noticeID, $problemID] }

    init() {}
    init(noticeID: Int, problemID: Int) {
        self.noticeID = noticeID
        self.problemID = problemID
    }
}
