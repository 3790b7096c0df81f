import XCTest

@testable import DudaoCore

final class QuestionnaireTests: XCTestCase {
    let text = """
        单选｜您对学校作业量是否满意？｜满意/比较满意/不满意
        多选|孩子每天的体育活动有哪些？|大课间/体育课/课后服务
        量表｜您对学校的总体满意度
        填空｜您的建议
        """

    func testQuestionsAreWrittenOnePerLine() {
        let (questions, errors) = QuestionnaireText.parse(text)
        XCTAssertEqual(errors, [])
        XCTAssertEqual(questions.map(\.code), ["Q1", "Q2", "Q3", "Q4"])
        XCTAssertEqual(questions.map(\.kind), [.single, .multiple, .scale, .text])
        XCTAssertEqual(questions[2].options, QuestionnaireText.defaultScale)
        XCTAssertEqual(questions[3].options, [])
        XCTAssertEqual(QuestionnaireText.parse(QuestionnaireText.text(questions)).questions, questions)
    }

    func testBadLinesAreNamed() {
        let (_, errors) = QuestionnaireText.parse("判断｜对吗\n单选｜只有一个｜是\n单选｜｜甲/乙")
        XCTAssertEqual(
            errors,
            ["第1行应写成「单选｜题目｜选项1/选项2」，类型为单选、多选、量表或填空", "第2题（单选）应有 2–10 个选项", "第3题的题目应为 1–200 字"])
        XCTAssertEqual(QuestionnaireText.parse("  ").errors, ["请至少写一道题"])
    }

    func testAnswersAreCheckedAgainstTheirQuestions() {
        let questions = QuestionnaireText.parse(text).questions
        let ok = QuestionnaireAnswers.check(
            questions, fields: ["Q1": ["满意"], "Q2": ["课后服务", "大课间"], "Q3": ["满意"], "Q4": [" "]])
        guard case .success(let answers) = ok else { return XCTFail("\(ok.errors)") }
        XCTAssertEqual(answers["Q2"], ["大课间", "课后服务"])
        XCTAssertNil(answers["Q4"], "an empty 填空 is no answer")
        let bad = QuestionnaireAnswers.check(questions, fields: ["Q1": ["满意", "不满意"], "Q2": ["游泳"]])
        XCTAssertEqual(bad.errors.map(\.message), ["第1题的选择无效", "第2题的选择无效", "请回答第3题"])
        let long = QuestionnaireAnswers.check(
            questions, fields: ["Q1": ["满意"], "Q2": ["大课间"], "Q3": ["满意"], "Q4": [String(repeating: "长", count: 501)]])
        XCTAssertEqual(long.errors.map(\.message), ["第4题不能超过 500 字"])
    }

    func testTheShareOfSatisfiedRespondentsFeedsAnIndicator() {
        let answers: [[String: [String]]] = [
            ["Q1": ["满意"]], ["Q1": ["比较满意"]], ["Q1": ["不满意"]], ["Q1": ["满意"]], ["Q2": ["大课间"]],
        ]
        XCTAssertEqual(QuestionnaireAnswers.share(of: ["满意", "比较满意"], question: "Q1", answers: answers), 0.75)
        XCTAssertNil(QuestionnaireAnswers.share(of: ["满意"], question: "Q9", answers: answers))
        let questions = QuestionnaireText.parse(text).questions
        XCTAssertEqual(QuestionnaireAnswers.question("作业量", in: questions)?.code, "Q1")
        XCTAssertEqual(QuestionnaireAnswers.question("Q3", in: questions)?.code, "Q3")
        XCTAssertEqual(
            QuestionnaireAnswers.tally(questions[0], answers: answers).map(\.count), [2, 1, 1])
    }
}
