import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class InspectorDetailViewTests: XCTestCase {
    static let facts = InspectorDetail.Facts(
        id: 2, name: "李秀英", kind: .partTime, gender: .female, phone: "13800000002", employer: "区教师发展中心", post: "教研员",
        termStart: "2026-09-01", termEnd: "2029-08-31", duties: "监督学校依法规范办学。", status: .active, photo: "ab12cd",
        account: "lixiuying")

    func testTheOfficeSeesWarningsSchoolsTermsThePhotoFormAndTheAuditTrail() {
        let model = InspectorDetail(
            inspector: Self.facts,
            assignments: [
                .init(school: NamedID(id: 5, name: "临江镇育才学校"), schoolType: .nineYear, start: "2026-10-01", end: nil),
                .init(school: nil, schoolType: nil, start: "2023-09-01", end: "2026-06-30"),
            ],
            terms: [.init(start: "2020-09-01", end: "2023-08-31"), .init(start: "2026-09-01", end: "2029-08-31")],
            currentSchools: 6, limit: 5, termWarning: "兼职督学连续聘任不超过3个聘期", mayEdit: true,
            audit: [
                .init(
                    time: fixtureTime, actor: "督导室 陈立新", action: "督学 · 更换照片", summary: "更换督学 李秀英 的照片",
                    changes: [])
            ])

        let view = InspectorDetailView(ctx: .fixture(.office, path: "/inspectors/2"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }

    func testAnInspectorSeesTheirOwnPageWithoutActions() {
        let retired = InspectorDetail.Facts(
            id: 1, name: "王建华", kind: .fullTime, gender: .male, phone: "13800000001", employer: "区教育督导室", post: "督学",
            termStart: nil, termEnd: nil, duties: "", status: .retired, photo: nil, account: nil)
        let model = InspectorDetail(
            inspector: retired, assignments: [], terms: [], currentSchools: 0, limit: 5, termWarning: nil,
            mayEdit: false,
            audit: nil)

        let view = InspectorDetailView(ctx: .fixture(.inspector, path: "/inspectors/1"), model: model)

        assertSnapshot(of: view.document(), as: .html)
    }
}
