import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class NoticeListViewTests: XCTestCase {
    func testTheListShowsProgressEscalationAndTheTabs() {
        let model = NoticeList(
            filter: .init(state: "open", page: 2),
            page: PageOf(
                items: [
                    .init(
                        id: 7, number: "青督整〔2026〕7号", school: "城关街道中心小学", state: .issued,
                        deadline: Day(year: 2026, month: 11, day: 10),
                        escalation: .reminder),
                    .init(
                        id: 8, number: "青督整〔2026〕8号", school: "城关第二小学", state: .acknowledged,
                        deadline: Day(year: 2026, month: 11, day: 20),
                        escalation: nil),
                    .init(
                        id: 9, number: "青督整〔2026〕9号", school: "城关第二小学", state: .reported,
                        deadline: Day(year: 2026, month: 11, day: 30),
                        escalation: nil),
                ], paging: Paging(page: 2, per: 50), total: 53),
            showsEscalations: true)

        let view = NoticeListView(ctx: .fixture(.office, path: "/notices"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testASchoolSeesNoEscalationButtonAndAnEmptyListSaysSo() {
        let model = NoticeList(
            filter: .init(state: "closed"), page: PageOf(items: [], paging: Paging(page: 1, per: 50), total: 0),
            showsEscalations: false)

        let html = NoticeListView(ctx: .fixture(.school, path: "/notices"), model: model).render().html

        XCTAssertTrue(html.contains("没有整改通知书"))
        XCTAssertFalse(html.contains("督办清单"))
        XCTAssertTrue(html.contains(#"<a href="/notices?state=closed" aria-current="page">已销号</a>"#))
    }
}
