import XCTest

@testable import DudaoCore

final class ComplaintProgressTests: XCTestCase {
    let accepted = Day(year: 2026, month: 11, day: 2)!
    let verified = Day(year: 2026, month: 11, day: 6)!
    let replied = Day(year: 2026, month: 11, day: 12)!
    let closed = Day(year: 2026, month: 11, day: 13)!

    var allDays: [ComplaintAction: Day] {
        [.accept: accepted, .startVerifying: accepted, .finishVerifying: verified, .reply: replied, .close: closed]
    }

    func shape(_ steps: [ComplaintProgress.Step]) -> String {
        steps.map { "\($0.label):\($0.state.rawValue)" + ($0.day.map { "@\($0.day)" } ?? "") }.joined(separator: " ")
    }

    func testEachStateShowsWhatIsDoneWithItsDayWhatIsUnderWayAndWhatIsToCome() {
        let cases: [(ComplaintState, String)] = [
            (.received, "受理:current 核实:waiting 处理:waiting 回复:waiting 办结:waiting"),
            (.accepted, "受理:done@2 核实:current 处理:waiting 回复:waiting 办结:waiting"),
            (.verifying, "受理:done@2 核实:current 处理:waiting 回复:waiting 办结:waiting"),
            (.handling, "受理:done@2 核实:done@6 处理:current 回复:waiting 办结:waiting"),
            (.replied, "受理:done@2 核实:done@6 处理:done@12 回复:done@12 办结:current"),
            (.closed, "受理:done@2 核实:done@6 处理:done@12 回复:done@12 办结:done@13"),
        ]
        for (state, expected) in cases {
            XCTAssertEqual(shape(ComplaintProgress.steps(state: state, days: allDays)), expected, state.rawValue)
        }
    }

    func testNothingIsDatedBeforeItHappened() {
        let steps = ComplaintProgress.steps(state: .received, days: [:])
        XCTAssertTrue(steps.allSatisfy { $0.day == nil })
        // Even a stray event of a later step does not date a step not yet reached.
        let stray = ComplaintProgress.steps(state: .accepted, days: [.accept: accepted, .close: closed])
        XCTAssertNil(stray.last?.day)
    }

    func testARejectedComplaintStopsAfterTheDecision() {
        let steps = ComplaintProgress.steps(state: .rejected, days: [.reject: accepted])
        XCTAssertEqual(shape(steps), "不予受理:done@2 核实:stopped 处理:stopped 回复:stopped 办结:stopped")
    }
}
