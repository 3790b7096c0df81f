import XCTest

@testable import DudaoCore

final class AuditWordsTests: XCTestCase {
    func testEveryStepOfANoticeComplaintAndDecisionHasItsOwnChineseName() {
        for a in NoticeAction.allCases {
            XCTAssertEqual(AuditWords.action(a.rawValue, entity: "notice"), a.label)
        }
        for a in ComplaintAction.allCases {
            XCTAssertEqual(AuditWords.action(a.rawValue, entity: "complaint"), a.label)
        }
        for s in AccountabilityState.allCases {
            XCTAssertEqual(AuditWords.action(s.rawValue, entity: "accountability"), s.label)
        }
    }

    func testTheSameCodeReadsByTheRecordItBelongsTo() {
        XCTAssertEqual(AuditWords.action("reject", entity: "notice"), "审批退回")
        XCTAssertEqual(AuditWords.action("reject", entity: "complaint"), "不予受理")
        XCTAssertEqual(AuditWords.action("withdrawn", entity: "accountability"), "撤销")
        XCTAssertEqual(AuditWords.action("create", entity: "accountability"), "新建")
    }

    func testSharedActionsAndKindsAreChineseAndUnknownCodesNeverShow() {
        let shared = [
            "create", "update", "deactivate", "reactivate", "assign", "import", "photo", "reset", "login", "unlock",
            "revoke", "amend", "delete", "grant", "submit", "file", "return", "respond",
        ]
        for code in shared {
            let word = AuditWords.action(code, entity: "school")
            XCTAssertNotEqual(word, "其他操作", code)
            XCTAssertFalse(word.contains(where: \.isASCII), code)
        }
        XCTAssertEqual(AuditWords.action("submitForApproval", entity: "visit"), "其他操作")
        XCTAssertEqual(AuditWords.entity("area_plan"), "片区工作计划")
        XCTAssertEqual(AuditWords.entity("nonsense"), "其他记录")
    }

    func testTheActorLosesALoginNameButKeepsAChineseRemark() {
        XCTAssertEqual(AuditWords.actor("王建华（inspector）"), "王建华")
        XCTAssertEqual(AuditWords.actor("督导室 陈立新（office_2）"), "督导室 陈立新")
        XCTAssertEqual(AuditWords.actor("王建华（督学）"), "王建华（督学）")
        XCTAssertEqual(AuditWords.actor("系统"), "系统")
        XCTAssertEqual(AuditWords.actor("（）"), "（）")
    }
}
