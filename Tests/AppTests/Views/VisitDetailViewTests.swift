import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class VisitDetailViewTests: XCTestCase {
    static func draft(failure: VisitDetail.Failure? = nil) -> VisitDetail {
        VisitDetail(
            record: VisitFixtures.record(isDraft: true), categories: ["作业管理", "安全", "教学"],
            documents: DocumentChecklist.items,
            reminders: ["已访谈教师1名，应至少2名", "常规督导必查教师作业批改，尚未勾选"],
            pendingFindings: [
                WorkloadFinding(item: "作业管理", ok: false, message: "小学三至六年级书面作业平均约80分钟，超过60分钟的规定")
            ],
            editable: true, mayAmend: false, issuesNotices: true,
            followUp: failure == nil ? VisitFixtures.followUp : nil,
            failure: failure)
    }

    func testAKindergartenDraftObservesAnActivityInterviewsStaffAndParentsAndChecksForPrimaryStyleTeaching() {
        let model = VisitDetail(
            record: VisitFixtures.kindergartenDraft(), categories: ["办学行为", "安全"],
            documents: DocumentChecklist.kindergartenItems, reminders: ["已访谈教师和保育员0名，应至少2名"],
            pendingFindings: [], editable: true, mayAmend: false, issuesNotices: false, followUp: nil, failure: nil)

        let html = VisitDetailView(ctx: .fixture(.inspector, path: "/visits/14"), model: model).render().html

        XCTAssertTrue(html.contains("保教活动观察（1）"))
        XCTAssertTrue(html.contains("活动类型") && html.contains("游戏活动"))
        XCTAssertTrue(html.contains("保教活动评估（满分100分"))
        XCTAssertTrue(html.contains("保育员") && html.contains("家长3人"))
        XCTAssertFalse(html.contains(">学生<"), "children are not interviewed")
        XCTAssertFalse(html.contains("学科"))
        XCTAssertFalse(html.contains("年级段"), "no 五项管理 grade bands at a kindergarten")
        XCTAssertTrue(html.contains("存在小学化倾向"))
        XCTAssertTrue(html.contains("师幼比1:10.7"))
        XCTAssertTrue(html.contains("晨午检与消毒记录"))
        XCTAssertFalse(html.contains("作业布置与批改"))
    }

    func testAChecklistItemTheOfficeNamedWithMarkupIsShownAsTextInTheFormAndTheRecord() {
        let hostile = "\"><svg onload=alert(1)>"
        let item = ChecklistItem(code: hostile, title: hostile, guidance: hostile, area: hostile)
        let record = ChecklistRecord(
            versionID: 7, name: hostile, entries: [hostile: ChecklistEntry(verdict: .notMet, note: hostile)])
        let base = Self.draft()
        var withList = base.record
        withList.checklist = VisitChecklist(versionID: 7, name: hostile, items: [item], record: record)
        let draft = VisitDetail(
            record: withList, categories: base.categories, documents: base.documents, reminders: base.reminders,
            pendingFindings: base.pendingFindings, editable: true, mayAmend: false, issuesNotices: true,
            followUp: nil, failure: nil)
        let submitted = VisitDetail(
            record: withList, categories: [], documents: [], reminders: [], pendingFindings: [], editable: false,
            mayAmend: false, issuesNotices: false, followUp: nil, failure: nil)

        for model in [draft, submitted] {
            let html = VisitDetailView(ctx: .fixture(.inspector, path: "/visits/12"), model: model).render().html

            XCTAssertTrue(html.contains("主题检查表"))
            XCTAssertFalse(html.contains("<svg"), "code, title, guidance, area, name and note are escaped everywhere")
            XCTAssertTrue(html.contains("&lt;svg onload=alert(1)&gt;"))
        }
    }

    func testTheAuthorOfADraftGetsEverySectionsFormTheAutosaveRemindersAndWhatToFollowUp() {
        let view = VisitDetailView(ctx: .fixture(.inspector, path: "/visits/12"), model: Self.draft())

        assertSnapshot(of: view.document(), as: .html)
    }

    func testASectionSentWithErrorsIsOpenWithItsMessages() {
        let failure = VisitDetail.Failure(
            section: "observations", errors: [.init("topic", "请填写课题"), .init("score_教学目标", "“教学目标”应为0到15之间的整数")])

        let view = VisitDetailView(
            ctx: .fixture(.inspector, path: "/visits/12/observations"), model: Self.draft(failure: failure))

        assertSnapshot(of: view.document(), as: .html)
    }

    func testASubmittedRecordReadsAsAWholeWithItsCorrectionsAndTheFormToCorrectIt() {
        let amendment = VisitDetail.Record.Amendment(
            at: fixtureTime, userName: "王建华", reason: "漏记了第二节课",
            changes: [.init(field: "督导情况", before: "听课一节。", after: "听课两节。")])
        let model = VisitDetail(
            record: VisitFixtures.record(isDraft: false, amendments: [amendment]), categories: [], documents: [],
            reminders: [],
            pendingFindings: [],
            editable: false,
            mayAmend: true, issuesNotices: true, followUp: nil,
            failure: .init(section: "amend", errors: [.init("reason", "请填写更正原因")]))

        let view = VisitDetailView(ctx: .fixture(.inspector, path: "/visits/12/amend"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testASchoolReadsTheRecordWithoutFormsOrNoticeLinks() {
        let model = VisitDetail(
            record: VisitFixtures.record(isDraft: false), categories: [], documents: [], reminders: [],
            pendingFindings: [],
            editable: false,
            mayAmend: false,
            issuesNotices: false, followUp: nil, failure: nil)

        let html = VisitDetailView(ctx: .fixture(.school, path: "/visits/12"), model: model).render().html

        XCTAssertFalse(html.contains("data-autosave"))
        XCTAssertFalse(html.contains("action=\"/visits/12/amend\""))
        XCTAssertFalse(html.contains("下达整改通知"))
        XCTAssertTrue(html.contains("没有更正"))
    }
}
