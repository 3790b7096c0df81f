import Foundation
import XCTest

@testable import DudaoCore

final class DistrictSettingsInputTests: XCTestCase {
    private let saved = DistrictSettingsValues(
        officeName: "青川区人民政府教育督导室", maxSchoolsPerInspector: 6, complaintPhone: "0816-3212345",
        complaintChannel: "qcdd@example.cn", responsiblePerson: "张主任", responsiblePhone: "13800138000",
        supervisionItems: "学校管理与制度执行；校园及周边安全。", compliance: ComplianceSettings(), rubric: .standard,
        problemCategories: ["安全", "教学", "食堂"], noticePrefix: "督整", noticeDays: 30, noticeRequiresApproval: true,
        escalation: EscalationPolicy(), holidays: "2026-10-01~2026-10-07\n+2026-10-10",
        complaintLimits: ComplaintTimeLimits(), webhookURL: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k")

    private func errors(_ input: DistrictSettingsInput) -> [FieldError] {
        if case .failure(let e) = input.validated() { return e }
        return []
    }

    func testSavedSettingsShownOnTheFormSaveUnchanged() {
        let input = DistrictSettingsInput(saved)
        XCTAssertEqual(input.maxSchools, "6")
        XCTAssertEqual(input.problemCategories, "安全、教学、食堂")
        XCTAssertEqual(input.reminderAfter, "0")
        XCTAssertEqual(input.interviewAfter, "7")
        XCTAssertEqual(input.publicNoticeAfter, "15")
        XCTAssertEqual(input.limitAccept, "3")
        XCTAssertEqual(input.rubric, Rubric.standard.setting)
        guard case .success(let v) = input.validated() else { return XCTFail("\(errors(input))") }
        XCTAssertEqual(v, saved)
    }

    func testTextIsSavedTrimmedAndStepsMayBeLeftOut() {
        var input = DistrictSettingsInput(saved)
        input.officeName = "  督导室 "
        input.maxSchools = " 8 "
        input.problemCategories = " 安全 、、教学 "
        input.noticePrefix = " 青督 "
        input.reminderAfter = ""
        input.interviewAfter = " 3 "
        input.publicNoticeAfter = ""
        input.holidays = "2026-10-01，2026-10-02"
        input.webhookURL = " https://oapi.dingtalk.com/robot/send?access_token=t "
        guard case .success(let v) = input.validated() else { return XCTFail("\(errors(input))") }
        XCTAssertEqual(v.officeName, "督导室")
        XCTAssertEqual(v.maxSchoolsPerInspector, 8)
        XCTAssertEqual(v.problemCategories, ["安全", "教学"])
        XCTAssertEqual(v.noticePrefix, "青督")
        XCTAssertEqual(v.escalation, EscalationPolicy(steps: [.init(step: .interview, afterDaysOverdue: 3)]))
        XCTAssertEqual(v.holidays, "2026-10-01~2026-10-02", "the calendar's canonical text")
        XCTAssertEqual(v.webhookURL, "https://oapi.dingtalk.com/robot/send?access_token=t")
    }

    func testTheDistrictsOwnListsRubricAndGradeLinesAreSaved() {
        var input = DistrictSettingsInput(saved)
        input.documentChecklist = "教师备课（教案）、作业布置与批改\n信息化教学"
        input.kindergartenDocuments = "保教计划、食品留样台账"
        input.complaintCategories = "乱收费、校园欺凌、其他"
        input.urgentCategories = ["校园欺凌", "校园安全"]
        input.kindergartenRubric = "游戏水平:50；师幼互动:50"
        input.bandExcellent = "90"
        input.bandGood = "80"
        input.bandPass = "60"
        guard case .success(let v) = input.validated() else { return XCTFail("\(errors(input))") }
        XCTAssertEqual(v.documentChecklist, ["教师备课（教案）", "作业布置与批改", "信息化教学"])
        XCTAssertEqual(v.kindergartenDocuments, ["保教计划", "食品留样台账"])
        XCTAssertEqual(v.complaintCategories, ["乱收费", "校园欺凌", "其他"])
        XCTAssertEqual(v.urgentCategories, ["校园欺凌"], "only the district's own categories can be urgent")
        XCTAssertEqual(v.kindergartenRubric.total, 100)
        XCTAssertEqual(v.rubricBands, RubricBands(excellent: 90, good: 80, pass: 60))
        XCTAssertEqual(DistrictSettingsInput(v).documentChecklist, "教师备课（教案）、作业布置与批改、信息化教学")
    }

    /// One change to good settings, and the messages it must give (field, message).
    func testEachMistakeHasItsMessage() {
        let cases: [(String, (inout DistrictSettingsInput) -> Void, [FieldError])] = [
            ("no office name", { $0.officeName = " " }, [.init("officeName", "请填写督导室名称")]),
            (
                "long office name", { $0.officeName = String(repeating: "室", count: 41) },
                [.init("officeName", "督导室名称不能超过40个字")]
            ),
            ("no limit", { $0.maxSchools = "" }, [.init("maxSchools", "请填写1到50之间的整数")]),
            ("limit 0", { $0.maxSchools = "0" }, [.init("maxSchools", "请填写1到50之间的整数")]),
            ("limit 51", { $0.maxSchools = "51" }, [.init("maxSchools", "请填写1到50之间的整数")]),
            (
                "bad phone", { $0.complaintPhone = "12" },
                [.init("complaintPhone", "电话格式不正确，手机号为11位数字，座机请写成“区号-号码”")]
            ),
            (
                "bad responsible phone", { $0.responsiblePhone = "abc" },
                [.init("responsiblePhone", "电话格式不正确，手机号为11位数字，座机请写成“区号-号码”")]
            ),
            (
                "long channel", { $0.complaintChannel = String(repeating: "x", count: 201) },
                [.init("complaintChannel", "投诉渠道不能超过200个字")]
            ),
            (
                "long person", { $0.responsiblePerson = String(repeating: "人", count: 41) },
                [.init("responsiblePerson", "区级负责人不能超过40个字")]
            ),
            (
                "long items", { $0.supervisionItems = String(repeating: "项", count: 2001) },
                [.init("supervisionItems", "督导事项不能超过2000个字")]
            ),
            (
                "compliance", { $0.compliance.visitsPerSchoolPerMonth = "11" },
                [.init("visitsPerSchoolPerMonth", "每校每月督导次数应为1到10之间的整数")]
            ),
            (
                "rubric", { $0.rubric = "教学目标" },
                [.init("rubric", "评估表格式应为“教学目标:15；教学内容:20”，每项满分1到100")]
            ),
            (
                "no categories", { $0.problemCategories = "、 、" },
                [.init("problemCategories", "请填写1到30个问题类别，用顿号分隔，每个不超过10个字")]
            ),
            (
                "long category", { $0.problemCategories = "安全、" + String(repeating: "类", count: 11) },
                [.init("problemCategories", "请填写1到30个问题类别，用顿号分隔，每个不超过10个字")]
            ),
            (
                "31 categories", { $0.problemCategories = (1...31).map { "类\($0)" }.joined(separator: "、") },
                [.init("problemCategories", "请填写1到30个问题类别，用顿号分隔，每个不超过10个字")]
            ),
            ("no prefix", { $0.noticePrefix = " " }, [.init("noticePrefix", "文号前缀为1到6个字")]),
            ("long prefix", { $0.noticePrefix = "一二三四五六七" }, [.init("noticePrefix", "文号前缀为1到6个字")]),
            ("0 days", { $0.noticeDays = "0" }, [.init("noticeDays", "整改期限应为1到180天")]),
            ("181 days", { $0.noticeDays = "181" }, [.init("noticeDays", "整改期限应为1到180天")]),
            ("step not a number", { $0.reminderAfter = "x" }, [.init("reminderAfter", "应为0到365之间的整数，或留空")]),
            ("step 366", { $0.interviewAfter = "366" }, [.init("interviewAfter", "应为0到365之间的整数，或留空")]),
            (
                "steps out of order",
                {
                    $0.reminderAfter = "9"
                    $0.interviewAfter = "3"
                    $0.publicNoticeAfter = ""
                },
                [.init("publicNoticeAfter", "“约谈”不能早于“提醒”")]
            ),
            (
                "holidays", { $0.holidays = "十月一日" },
                [.init("holidays", "第1行：无法识别“十月一日”，请写成 2026-10-01、+2026-10-10 或 2026-10-01~2026-10-07")]
            ),
            (
                "kindergarten rubric", { $0.kindergartenRubric = "活动目标" },
                [.init("kindergartenRubric", "评估表格式应为“活动目标:15；环境与材料:20”，每项满分1到100")]
            ),
            (
                "bands out of order", { $0.bandGood = "90" },
                [.init("bandExcellent", "等级线为1到100的整数，且优秀高于良好、良好高于合格")]
            ),
            (
                "empty checklist", { $0.documentChecklist = " 、 " },
                [.init("documentChecklist", "请填写1到40项，用顿号或换行分隔，每项不超过20个字")]
            ),
            (
                "long complaint category", { $0.complaintCategories = "乱收费、一个超过十个字的投诉类别名称" },
                [.init("complaintCategories", "请填写1到30个投诉类别，用顿号分隔，每个不超过10个字")]
            ),
            (
                "kindergarten parents", { $0.compliance.kindergartenParentsPerVisit = "99" },
                [.init("kindergartenParentsPerVisit", "幼儿园每次访谈家长人数应为0到50之间的整数")]
            ),
            ("limit not a number", { $0.limitHandle = "五" }, [.init("limitHandle", "办理时限应为整数（工作日）")]),
            ("limit 0", { $0.limitReply = "0" }, [.init("limitReply", "回复时限应为1到60个工作日")]),
        ]
        for (name, change, expected) in cases {
            var input = DistrictSettingsInput(saved)
            change(&input)
            XCTAssertEqual(errors(input), expected, name)
        }
    }

    /// Every message at once, in the order of the form; the webhook address is not judged here.
    func testAllMistakesComeInTheOrderOfTheForm() {
        var input = DistrictSettingsInput()
        input.complaintPhone = "x"
        input.responsiblePhone = "x"
        input.reminderAfter = "9"
        input.interviewAfter = "3"
        input.holidays = "x"
        input.webhookURL = "http://127.0.0.1/"
        XCTAssertEqual(
            errors(input).map(\.field),
            [
                "officeName", "maxSchools", "complaintPhone", "responsiblePhone", "visitsPerSchoolPerMonth",
                "observationsPerVisit", "teachersPerVisit", "studentsPerVisit", "kindergartenStaffPerVisit",
                "kindergartenParentsPerVisit", "summariesPerSemester", "casesPerSemester",
                "minAssignedDaysInMonth", "rubric", "kindergartenRubric", "bandExcellent", "documentChecklist",
                "kindergartenDocuments", "problemCategories", "noticePrefix", "noticeDays",
                "publicNoticeAfter",
                "holidays", "complaintCategories", "limitAccept", "limitVerify", "limitHandle", "limitReply",
            ])
    }
}
