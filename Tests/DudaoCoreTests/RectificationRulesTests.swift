import Foundation
import XCTest

@testable import DudaoCore

private func d(_ text: String) -> Day { Day(parsing: text)! }

/// The refusal of a result, or nil when it succeeded.
private func refusal<S>(_ r: Result<S, TransitionError>) -> String? {
    if case .failure(let e) = r { return e.message }
    return nil
}

/// A refusal must be Chinese for the user: no codes or English words leak through.
private func assertReadable(_ message: String, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertFalse(message.isEmpty, context, file: file, line: line)
    XCTAssertFalse(message.contains { $0.isASCII && $0.isLetter }, "\(context): \(message)", file: file, line: line)
}

// MARK: - 整改通知书

final class RectificationMachineTests: XCTestCase {
    private enum Needs { case any, approval, direct }

    /// Every allowed transition; anything not listed must be refused.
    private let table: [(action: NoticeAction, from: [NoticeState], roles: [Role], needs: Needs, to: NoticeState)] = [
        (.submitForApproval, [.draft], [.inspector], .approval, .pendingApproval),
        (.approve, [.pendingApproval], [.office, .admin], .any, .issued),
        (.reject, [.pendingApproval], [.office, .admin], .any, .draft),
        (.issue, [.draft], [.inspector, .office], .direct, .issued),
        (.acknowledge, [.issued], [.school], .any, .acknowledged),
        (.report, [.issued, .acknowledged, .returned], [.school], .any, .reported),
        (.returnReport, [.reported], [.inspector, .office], .any, .returned),
        (.close, [.reported], [.inspector, .office], .any, .closed),
        (
            .withdraw, [.draft, .pendingApproval, .issued, .acknowledged, .reported, .returned], [.office, .admin],
            .any, .withdrawn
        ),
    ]

    private func expected(_ from: NoticeState, _ action: NoticeAction, _ role: Role, approval: Bool) -> NoticeState? {
        for row in table where row.action == action && row.from.contains(from) && row.roles.contains(role) {
            switch row.needs {
            case .any: return row.to
            case .approval: return approval ? row.to : nil
            case .direct: return approval ? nil : row.to
            }
        }
        return nil
    }

    func testEveryStateActionRoleAndPolicyAgainstTheTable() {
        var allowed = 0
        var refused = 0
        for approval in [false, true] {
            let policy = NoticePolicy(requiresApproval: approval)
            for from in NoticeState.allCases {
                for action in NoticeAction.allCases {
                    for role in Role.allCases {
                        let context = "\(from) —\(action)→ by \(role), requiresApproval=\(approval)"
                        let result = RectificationMachine.next(from: from, action: action, role: role, policy: policy)
                        switch (result, expected(from, action, role, approval: approval)) {
                        case (.success(let to), let want?):
                            XCTAssertEqual(to, want, context)
                            allowed += 1
                        case (.failure(let error), nil):
                            assertReadable(error.message, context)
                            refused += 1
                        case (.success(let to), nil):
                            XCTFail("\(context) should be refused, went to \(to)")
                        case (.failure(let error), let want?):
                            XCTFail("\(context) should go to \(want), refused: \(error.message)")
                        }
                    }
                }
            }
        }
        // 2 policies × 8 states × 9 actions × 5 roles; allowed: 26 without approval, 25 with it.
        XCTAssertEqual(allowed + refused, 720)
        XCTAssertEqual(allowed, 26 + 25)
    }

    func testAllowedCountsPerPolicy() {
        func count(_ policy: NoticePolicy) -> Int {
            NoticeState.allCases.reduce(0) { sum, from in
                sum
                    + Role.allCases.reduce(0) {
                        $0 + RectificationMachine.allowedActions(from: from, role: $1, policy: policy).count
                    }
            }
        }
        // approve 2, reject 2, acknowledge 1, report 3, returnReport 2, close 2, withdraw 6 × 2 = 24
        XCTAssertEqual(count(NoticePolicy(requiresApproval: false)), 24 + 2, "plus issue by inspector or office")
        XCTAssertEqual(count(NoticePolicy(requiresApproval: true)), 24 + 1, "plus submit by inspector")
    }

    func testAllowedActionsMatchNext() {
        for approval in [false, true] {
            let policy = NoticePolicy(requiresApproval: approval)
            for from in NoticeState.allCases {
                for role in Role.allCases {
                    let want = NoticeAction.allCases.filter { expected(from, $0, role, approval: approval) != nil }
                    XCTAssertEqual(
                        RectificationMachine.allowedActions(from: from, role: role, policy: policy), want,
                        "\(from) \(role) \(approval)")
                }
            }
        }
    }

    func testAllowedActionsAtAGlance() {
        let direct = NoticePolicy()
        let approval = NoticePolicy(requiresApproval: true)
        XCTAssertEqual(RectificationMachine.allowedActions(from: .draft, role: .inspector, policy: direct), [.issue])
        XCTAssertEqual(
            RectificationMachine.allowedActions(from: .draft, role: .inspector, policy: approval), [.submitForApproval])
        XCTAssertEqual(
            RectificationMachine.allowedActions(from: .draft, role: .office, policy: direct), [.issue, .withdraw])
        XCTAssertEqual(RectificationMachine.allowedActions(from: .draft, role: .office, policy: approval), [.withdraw])
        XCTAssertEqual(
            RectificationMachine.allowedActions(from: .pendingApproval, role: .admin, policy: approval),
            [.approve, .reject, .withdraw])
        XCTAssertEqual(
            RectificationMachine.allowedActions(from: .issued, role: .school, policy: direct), [.acknowledge, .report])
        XCTAssertEqual(RectificationMachine.allowedActions(from: .returned, role: .school, policy: direct), [.report])
        XCTAssertEqual(
            RectificationMachine.allowedActions(from: .reported, role: .inspector, policy: direct),
            [.returnReport, .close])
        XCTAssertEqual(
            RectificationMachine.allowedActions(from: .reported, role: .office, policy: direct),
            [.returnReport, .close, .withdraw])
        for state in NoticeState.allCases {
            XCTAssertEqual(RectificationMachine.allowedActions(from: state, role: .leader, policy: direct), [])
            XCTAssertEqual(RectificationMachine.allowedActions(from: state, role: .leader, policy: approval), [])
        }
        for role in Role.allCases {
            XCTAssertEqual(RectificationMachine.allowedActions(from: .closed, role: role, policy: direct), [])
            XCTAssertEqual(RectificationMachine.allowedActions(from: .withdrawn, role: role, policy: direct), [])
        }
    }

    func testApprovalStillPossibleAfterTheDistrictDropsIt() {
        XCTAssertEqual(
            try RectificationMachine.next(
                from: .pendingApproval, action: .approve, role: .office, policy: NoticePolicy()
            )
            .get(), .issued)
    }

    func testRefusalMessages() {
        let direct = NoticePolicy()
        let approval = NoticePolicy(requiresApproval: true)
        func says(
            _ from: NoticeState, _ action: NoticeAction, _ role: Role, _ policy: NoticePolicy = NoticePolicy()
        ) -> String? {
            refusal(RectificationMachine.next(from: from, action: action, role: role, policy: policy))
        }
        XCTAssertEqual(says(.closed, .report, .school), "整改通知书已销号，不能再提交整改报告")
        XCTAssertEqual(says(.closed, .withdraw, .office), "整改通知书已销号，不能再撤回")
        XCTAssertEqual(says(.withdrawn, .acknowledge, .school), "整改通知书已撤回，不能再签收")
        XCTAssertEqual(says(.issued, .acknowledge, .inspector), "只有学校可以签收整改通知书")
        XCTAssertEqual(says(.issued, .report, .office), "只有学校可以提交整改报告")
        XCTAssertEqual(says(.draft, .issue, .inspector, approval), "本区要求整改通知书经督导室审批后下达，请先提交审批")
        XCTAssertEqual(says(.draft, .issue, .office, approval), "本区要求整改通知书经督导室审批后下达，请先提交审批")
        XCTAssertEqual(says(.draft, .submitForApproval, .inspector, direct), "本区不要求审批，整改通知书可以直接下达")
        XCTAssertEqual(says(.draft, .submitForApproval, .office, approval), "只有督学可以将整改通知书提交审批")
        XCTAssertEqual(says(.pendingApproval, .approve, .inspector), "只有督导室或平台管理员可以审批整改通知书")
        XCTAssertEqual(says(.pendingApproval, .reject, .school), "只有督导室或平台管理员可以退回待审批的整改通知书")
        XCTAssertEqual(says(.draft, .issue, .school), "只有督学或督导室可以下达整改通知书")
        XCTAssertEqual(says(.draft, .issue, .admin), "只有督学或督导室可以下达整改通知书")
        XCTAssertEqual(says(.reported, .close, .school), "只有督学或督导室可以复查销号")
        XCTAssertEqual(says(.reported, .returnReport, .admin), "只有督学或督导室可以退回整改报告")
        XCTAssertEqual(says(.issued, .withdraw, .inspector), "只有督导室或平台管理员可以撤回整改通知书")
        XCTAssertEqual(says(.issued, .acknowledge, .leader), "领导只能查看整改通知书，不能办理")
        XCTAssertEqual(says(.pendingApproval, .submitForApproval, .inspector, approval), "整改通知书已提交审批，正在等待督导室审批")
        XCTAssertEqual(says(.issued, .submitForApproval, .inspector, approval), "整改通知书已下达，不能再提交审批")
        XCTAssertEqual(says(.draft, .approve, .office), "整改通知书还没有提交审批")
        XCTAssertEqual(says(.reported, .approve, .admin), "整改通知书已下达，无需审批")
        XCTAssertEqual(says(.pendingApproval, .issue, .office), "整改通知书正在等待审批，审批同意后即下达")
        XCTAssertEqual(says(.acknowledged, .issue, .inspector), "整改通知书已下达，不能重复下达")
        XCTAssertEqual(says(.draft, .acknowledge, .school), "整改通知书还没有下达，不能签收")
        XCTAssertEqual(says(.acknowledged, .acknowledge, .school), "学校已签收这份整改通知书")
        XCTAssertEqual(says(.reported, .acknowledge, .school), "学校已提交过整改报告，无需再签收")
        XCTAssertEqual(says(.pendingApproval, .report, .school), "整改通知书还没有下达，不能提交整改报告")
        XCTAssertEqual(says(.reported, .report, .school), "整改报告已提交，正在等待复查")
        XCTAssertEqual(says(.draft, .close, .inspector), "整改通知书还没有下达，不能销号")
        XCTAssertEqual(says(.issued, .close, .inspector), "学校还没有提交整改报告，不能销号")
        XCTAssertEqual(says(.acknowledged, .returnReport, .office), "学校还没有提交整改报告，不能退回整改报告")
        XCTAssertEqual(says(.returned, .close, .office), "整改报告已退回学校重报，学校重新提交后才能销号")
    }

    func testAWholeLifeWithApprovalAndOneReturn() throws {
        let policy = NoticePolicy(requiresApproval: true)
        let steps: [(NoticeAction, Role, NoticeState)] = [
            (.submitForApproval, .inspector, .pendingApproval),
            (.reject, .office, .draft),
            (.submitForApproval, .inspector, .pendingApproval),
            (.approve, .office, .issued),
            (.acknowledge, .school, .acknowledged),
            (.report, .school, .reported),
            (.returnReport, .inspector, .returned),
            (.report, .school, .reported),
            (.close, .inspector, .closed),
        ]
        var state = NoticeState.draft
        for (action, role, want) in steps {
            state = try RectificationMachine.next(from: state, action: action, role: role, policy: policy).get()
            XCTAssertEqual(state, want, "\(action)")
        }
        XCTAssertFalse(state.isOpen)
    }

    func testLabelsAndOpenness() {
        XCTAssertEqual(
            NoticeState.allCases.map(\.label), ["草稿", "待审批", "已下达", "已签收", "待复查", "已退回", "已销号", "已撤回"])
        XCTAssertEqual(
            NoticeAction.allCases.map(\.label),
            ["提交审批", "审批同意", "审批退回", "下达", "签收", "提交整改报告", "退回重报", "复查销号", "撤回"])
        XCTAssertEqual(NoticeState.allCases.filter { !$0.isOpen }, [.closed, .withdrawn])
        XCTAssertEqual(NoticeState.allCases.filter(\.isWithSchool), [.issued, .acknowledged, .returned])
        XCTAssertEqual(NoticeState(label: "待复查"), .reported)
        XCTAssertEqual(NoticeAction(label: "复查销号"), .close)
        XCTAssertEqual(NoticePolicy().requiresApproval, false)
    }

    /// The overdue lists, counts and the escalation job filter by `withSchool`: the states the school reports from.
    func testTheSchoolsDeadlineRunsInTheStatesItReportsFrom() {
        XCTAssertEqual(Set(NoticeState.withSchool), RectificationMachine.rule(.report).from)
        XCTAssertTrue(NoticeState.withSchool.allSatisfy(\.isOpen))
        XCTAssertEqual(NoticeState.allCases.filter(\.isWithSchool), NoticeState.withSchool)
    }
}

// MARK: - 逐级督促

final class EscalationPolicyTests: XCTestCase {
    let policy = EscalationPolicy()

    func testDefaultSteps() {
        XCTAssertEqual(
            policy.steps,
            [
                .init(step: .reminder, afterDaysOverdue: 0), .init(step: .interview, afterDaysOverdue: 7),
                .init(step: .publicNotice, afterDaysOverdue: 15),
            ])
        XCTAssertEqual(EscalationStep.allCases.map(\.label), ["提醒", "约谈", "通报"])
        XCTAssertTrue(EscalationStep.reminder < .interview && EscalationStep.interview < .publicNotice)
        XCTAssertEqual(
            [EscalationStep.publicNotice, .reminder, .interview].sorted(), [.reminder, .interview, .publicNotice])
    }

    func testNothingIsDueUntilTheDayAfterTheDeadline() {
        XCTAssertEqual(policy.stepsDue(overdueDays: -3, taken: []), [])
        XCTAssertEqual(policy.stepsDue(overdueDays: 0, taken: []), [], "the deadline itself")
        XCTAssertEqual(policy.stepsDue(overdueDays: 1, taken: []), [.reminder])
        XCTAssertEqual(policy.stepsDue(due: d("2026-10-10"), today: d("2026-10-10"), taken: []), [])
        XCTAssertEqual(policy.stepsDue(due: d("2026-10-10"), today: d("2026-10-11"), taken: []), [.reminder])
        let status = DeadlineStatus.of(due: d("2026-10-10"), today: d("2026-10-11"))
        XCTAssertEqual(policy.stepsDue(overdueDays: status.overdueDays, taken: []), [.reminder])
    }

    func testThresholdsAreMoreThanTheGivenDays() {
        XCTAssertEqual(policy.stepsDue(overdueDays: 7, taken: [.reminder]), [])
        XCTAssertEqual(policy.stepsDue(overdueDays: 8, taken: [.reminder]), [.interview])
        XCTAssertEqual(policy.stepsDue(overdueDays: 15, taken: [.reminder, .interview]), [])
        XCTAssertEqual(policy.stepsDue(overdueDays: 16, taken: [.reminder, .interview]), [.publicNotice])
    }

    func testMissedStepsComeTogetherInOrder() {
        XCTAssertEqual(policy.stepsDue(overdueDays: 8, taken: []), [.reminder, .interview])
        XCTAssertEqual(policy.stepsDue(overdueDays: 40, taken: []), [.reminder, .interview, .publicNotice])
        let shuffled = EscalationPolicy(steps: [
            .init(step: .publicNotice, afterDaysOverdue: 10), .init(step: .reminder, afterDaysOverdue: 1),
            .init(step: .interview, afterDaysOverdue: 5),
        ])
        XCTAssertEqual(shuffled.stepsDue(overdueDays: 30, taken: []), [.reminder, .interview, .publicNotice])
    }

    func testIdempotentWhenTheTimerRunsTwiceADay() {
        var taken: Set<EscalationStep> = []
        var log: [(Int, EscalationStep)] = []
        for day in -5...40 {
            for run in 0..<2 {
                let due = policy.stepsDue(overdueDays: day, taken: taken)
                if run == 1 { XCTAssertEqual(due, [], "second run on day \(day)") }
                for step in due { log.append((day, step)) }
                taken.formUnion(due)
            }
        }
        XCTAssertEqual(log.map(\.0), [1, 8, 16])
        XCTAssertEqual(log.map(\.1), [.reminder, .interview, .publicNotice])
    }

    func testIdempotentWhateverTheTimerMisses() {
        for start in 0...30 {
            var taken: Set<EscalationStep> = []
            var returned: [EscalationStep] = []
            for day in stride(from: start, through: 40, by: 5) {
                let due = policy.stepsDue(overdueDays: day, taken: taken)
                XCTAssertEqual(due, due.sorted())
                returned += due
                taken.formUnion(due)
                XCTAssertEqual(policy.stepsDue(overdueDays: day, taken: taken), [])
            }
            XCTAssertEqual(returned, [.reminder, .interview, .publicNotice], "from day \(start)")
        }
    }

    func testNeverStepsBackDown() {
        XCTAssertEqual(policy.stepsDue(overdueDays: 3, taken: [.interview]), [], "no reminder after an early interview")
        XCTAssertEqual(policy.stepsDue(overdueDays: 20, taken: [.interview]), [.publicNotice])
        XCTAssertEqual(policy.stepsDue(overdueDays: 20, taken: [.publicNotice]), [])
    }

    func testDuplicateAndMissingRules() {
        let twice = EscalationPolicy(steps: [
            .init(step: .reminder, afterDaysOverdue: 0), .init(step: .reminder, afterDaysOverdue: 3),
        ])
        XCTAssertEqual(twice.stepsDue(overdueDays: 5, taken: []), [.reminder])
        XCTAssertEqual(EscalationPolicy(steps: []).stepsDue(overdueDays: 100, taken: []), [])
        let noInterview = EscalationPolicy(steps: [
            .init(step: .reminder, afterDaysOverdue: 2), .init(step: .publicNotice, afterDaysOverdue: 30),
        ])
        XCTAssertEqual(noInterview.stepsDue(overdueDays: 31, taken: [.reminder]), [.publicNotice])
    }

    func testProblemsForTheSettingsForm() {
        XCTAssertEqual(policy.problems, [])
        let bad = EscalationPolicy(steps: [
            .init(step: .reminder, afterDaysOverdue: 10), .init(step: .interview, afterDaysOverdue: 5),
            .init(step: .publicNotice, afterDaysOverdue: -1), .init(step: .publicNotice, afterDaysOverdue: 20),
        ])
        XCTAssertEqual(
            bad.problems.map(\.message),
            [
                "“通报”的逾期天数应为0到365之间的整数", "“通报”重复设置", "“约谈”不能早于“提醒”",
                "“通报”不能早于“提醒”", "“通报”不能早于“约谈”",
            ])
        XCTAssertEqual(bad.problems.first?.field, "publicNotice")
    }

    func testCodableRoundTrip() throws {
        let custom = EscalationPolicy(steps: [.init(step: .interview, afterDaysOverdue: 3)])
        let data = try JSONEncoder().encode(custom)
        XCTAssertEqual(try JSONDecoder().decode(EscalationPolicy.self, from: data), custom)
        let json = #"{"steps":[{"step":"reminder","afterDaysOverdue":1}]}"#
        XCTAssertEqual(
            try JSONDecoder().decode(EscalationPolicy.self, from: Data(json.utf8)),
            EscalationPolicy(steps: [.init(step: .reminder, afterDaysOverdue: 1)]))
    }
}

// MARK: - 文号

final class NoticeNumberTests: XCTestCase {
    func testFormat() {
        XCTAssertEqual(NoticeNumber.format(prefix: "青督整", year: 2026, sequence: 3), "青督整〔2026〕3号")
        XCTAssertEqual(NoticeNumber.format(prefix: "青督整", year: 2026, sequence: 12), "青督整〔2026〕12号")
        XCTAssertEqual(NoticeNumber.format(prefix: " 海督 ", year: 2027, sequence: 105), "海督〔2027〕105号")
    }

    func testParseBack() {
        let n = NoticeNumber.parse("青督整〔2026〕3号")
        XCTAssertEqual(n?.prefix, "青督整")
        XCTAssertEqual(n?.year, 2026)
        XCTAssertEqual(n?.sequence, 3)
        for loose in ["青督整[2026]3号", "青督整【2026】3号", "青督整（2026）3号", " 青督整〔2026〕 3 号 "] {
            let m = NoticeNumber.parse(loose)
            XCTAssertEqual(m.map { "\($0.prefix)|\($0.year)|\($0.sequence)" }, "青督整|2026|3", loose)
        }
        for bad in ["", "青督整2026-3号", "〔2026〕3号", "青督整〔26〕3号", "青督整〔2026〕号", "青督整〔2026〕0号", "青督整〔2026〕3"] {
            XCTAssertNil(NoticeNumber.parse(bad), bad)
        }
        for seq in [1, 9, 10, 999] {
            let text = NoticeNumber.format(prefix: "青督整", year: 2026, sequence: seq)
            XCTAssertEqual(NoticeNumber.parse(text)?.sequence, seq)
        }
    }
}
