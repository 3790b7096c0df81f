import DudaoCore
import XCTest

/// 督导简报: the draft's words carry only counted figures; the office's edits move, remove, rewrite and add.
final class BulletinTests: XCTestCase {
    var facts: BulletinFacts {
        var f = BulletinFacts(period: "2026年10月")
        (f.schools, f.schoolsVisited, f.visits, f.observations, f.interviews) = (40, 30, 33, 31, 78)
        f.problems = [("安全", 3), ("校园环境", 3), ("五项管理", 2), ("食堂卫生", 1)]
        (f.noticesIssued, f.noticesClosed, f.noticesOverdue) = (6, 2, 1)
        (f.complaintsReceived, f.complaintsReplied, f.complaintsOverdue) = (4, 3, 0)
        return f
    }

    func testTheRankingOrdersByShareThenSchoolsVisitedAndEqualFiguresSharePlaces() {
        var f = facts
        f.inspectors = [
            .init(name: "乙", assigned: 4, visited: 2), .init(name: "甲", assigned: 4, visited: 4),
            .init(name: "丁", assigned: 3, visited: 0), .init(name: "丙", assigned: 4, visited: 4),
            .init(name: "戊", assigned: 2, visited: 1),
        ]

        let section = BulletinDraft.sections(f).last!

        XCTAssertEqual(section.key, "ranking")
        XCTAssertEqual(section.heading, "五、责任督学到校督导情况")
        XCTAssertEqual(section.table.dropFirst().map { $0[0] + $0[1] }, ["1丙", "1甲", "3乙", "4戊", "5丁"])
        XCTAssertEqual(section.table[1], ["1", "丙", "4", "4", "100.0%"])
        XCTAssertEqual(section.text, "2026年10月，全区5名责任督学中，2名到过所负责的全部学校，1名本月没有到校督导记录。")
        XCTAssertFalse(BulletinDraft.sections(facts).contains { $0.key == "ranking" }, "only when the office asks")
        f.inspectors = []
        XCTAssertEqual(BulletinDraft.sections(f).last!.text, "2026年10月全区没有在岗的责任督学。")
    }

    func testTheDraftSaysOnlyWhatTheFiguresSay() {
        let sections = BulletinDraft.sections(facts)
        XCTAssertEqual(sections.map(\.key), ["visits", "problems", "rectification", "complaints"])
        XCTAssertEqual(
            sections[0].text,
            "2026年10月，全区责任督学到校督导33次，覆盖学校30所（占在办学校40所的75.0%），听课31节，访谈师生和家长78人次。")
        XCTAssertEqual(sections[1].text, "督导中共发现问题9个，主要集中在安全3个、校园环境3个、五项管理2个。")
        XCTAssertEqual(sections[1].bars.map(\.value), [3, 3, 2, 1])
        XCTAssertTrue(sections[2].text.contains("下达整改通知书6份，整改销号2份；截至目前逾期未整改1份"))
        XCTAssertEqual(sections[2].heading, "三、问题整改情况", "numbered after the sections present")
        XCTAssertTrue(sections[3].text.hasSuffix("均在办理时限内。"))
        var quiet = BulletinFacts(period: "2026年8月")
        quiet.schools = 40
        XCTAssertEqual(BulletinDraft.sections(quiet)[0].text, "2026年8月，全区没有到校督导记录。")
        XCTAssertEqual(BulletinDraft.sections(quiet)[1].text, "2026年8月督导中未发现问题。")
    }

    func testHighlightsAndCampaignsAddTheirSections() {
        var f = facts
        f.highlights = [.init(school: "城关小学", text: "课后服务丰富")]
        f.campaigns = [.init(title: "开学督导", targets: 10, finished: 8, mean: 86.25)]
        let sections = BulletinDraft.sections(f)
        XCTAssertEqual(
            sections.map(\.key), ["visits", "problems", "highlights", "rectification", "complaints", "campaigns"])
        XCTAssertEqual(sections[2].text, "城关小学：课后服务丰富")
        XCTAssertEqual(sections[5].text, "“开学督导”共10个督导对象，已完成8个，平均得分86.25分。")
    }

    func testTheOfficeMovesRemovesRewritesAndAdds() throws {
        let current = BulletinDraft.sections(facts)
        let input = BulletinEdit.Input(
            title: " 十月简报 ",
            sections: [
                (current[0].heading, "改写的正文", "3", false), (current[1].heading, current[1].text, "", true),
                (current[2].heading, current[2].text, "1", false), (current[3].heading, current[3].text, "", false),
            ], newHeading: "五、下月工作", newText: "继续做好开学督导。")
        guard case .success(let edited) = BulletinEdit.apply(input, to: current) else { return XCTFail() }
        XCTAssertEqual(edited.title, "十月简报")
        XCTAssertEqual(edited.sections.map(\.key), ["rectification", "visits", "complaints", "office"])
        XCTAssertEqual(edited.sections[1].text, "改写的正文")
        XCTAssertEqual(edited.sections[1].table, current[0].table, "the figures stay as counted")
        XCTAssertEqual(edited.sections[3].heading, "五、下月工作")
    }

    func testEveryFaultOfAnEditIsNamed() {
        let current = BulletinDraft.sections(facts)
        let input = BulletinEdit.Input(
            title: "",
            sections: [
                ("", "x", "abc", false), (current[1].heading, String(repeating: "字", count: 5001), "", false),
                (current[2].heading, "", "", true), (current[3].heading, "", "", true),
            ], newHeading: "", newText: "只有正文")
        let errors = BulletinEdit.apply(input, to: current).errors.map(\.field)
        XCTAssertEqual(Set(errors), ["title", "h0", "o0", "t1", "newHeading"])
        let nothing = BulletinEdit.Input(
            title: "t", sections: current.map { ($0.heading, $0.text, "", true) })
        XCTAssertEqual(BulletinEdit.apply(nothing, to: current).errors.map(\.field), ["sections"])
    }
}
