import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class ComplaintTrackingViewTests: XCTestCase {
    func testAKnownCodeShowsTheStateTheStepsWithTheirDaysAndTheReply() {
        let model = ComplaintTracking(
            code: "ts-ab12-cd34", message: nil,
            found: .init(
                trackingCode: "TS-AB12-CD34", state: .replied, submittedOn: Day(year: 2026, month: 11, day: 2),
                steps: ComplaintProgress.steps(
                    state: .replied,
                    days: [
                        .accept: Day(year: 2026, month: 11, day: 3)!,
                        .finishVerifying: Day(year: 2026, month: 11, day: 9)!,
                        .reply: Day(year: 2026, month: 11, day: 12)!,
                    ]),
                reply: "经核实，学校已退还所收费用。"))

        let view = ComplaintTrackingView(ctx: .fixture(nil, path: "/public/complaints/track"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testAnUnknownCodeIsSaidNextToTheField() {
        let model = ComplaintTracking(code: "TS-0000-0000", message: "没有找到这个查询码，请核对后重新输入", found: nil)

        let view = ComplaintTrackingView(ctx: .fixture(nil, path: "/public/complaints/track"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testARejectedComplaintSaysWhy() {
        let model = ComplaintTracking(
            code: "TS-AB12-CD34", message: nil,
            found: .init(
                trackingCode: "TS-AB12-CD34", state: .rejected, submittedOn: nil,
                steps: ComplaintProgress.steps(state: .rejected, days: [:]), reply: ""))

        let html = ComplaintTrackingView(ctx: .fixture(nil), model: model).render().html

        XCTAssertTrue(html.contains("<p>答复：不属于教育督导受理范围，请向相关部门反映。</p>"))
    }
}
