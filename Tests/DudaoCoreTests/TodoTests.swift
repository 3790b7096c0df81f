import XCTest

@testable import DudaoCore

final class TodoTests: XCTestCase {
    let today = Day(year: 2026, month: 12, day: 10)!

    func item(_ title: String, due offset: Int?) -> TodoItem {
        TodoItem(title: title, link: "/x", due: offset.map { today.adding(days: $0) })
    }

    func testDueLabelCountsCalendarDaysEitherSide() {
        let cases: [(Int?, String, TodoUrgency)] = [
            (nil, "", .plain), (-12, "逾期12天", .danger), (-1, "逾期1天", .danger), (0, "今天到期", .danger),
            (1, "还剩1天", .warn), (3, "还剩3天", .warn), (4, "还剩4天", .plain), (40, "还剩40天", .plain),
        ]
        for (offset, label, urgency) in cases {
            let t = item("x", due: offset)
            XCTAssertEqual(t.dueLabel(today: today), label, "\(String(describing: offset))")
            XCTAssertEqual(t.urgency(today: today), urgency, "\(String(describing: offset))")
        }
    }

    func testTheSoonWindowIsAParameter() {
        XCTAssertEqual(item("x", due: 5).urgency(today: today, soonWithin: 7), .warn)
        XCTAssertEqual(item("x", due: 1).urgency(today: today, soonWithin: 0), .plain)
    }

    func testMostUrgentFirstKeepsUndatedItemsInTheirOrderAfterTheDatedOnes() {
        let items = [
            item("a", due: nil), item("b", due: 5), item("c", due: -2), item("d", due: nil), item("e", due: 5),
        ]
        XCTAssertEqual(Todo.mostUrgentFirst(items).map(\.title), ["c", "b", "e", "a", "d"])
    }

    func testAGroupSortsItsItemsAndNeverCountsFewerThanItShows() {
        let g = TodoGroup(title: "待签收", total: 1, items: [item("late", due: 2), item("early", due: -1)])
        XCTAssertEqual(g.items.map(\.title), ["early", "late"])
        XCTAssertEqual(g.total, 2)
        XCTAssertEqual(TodoGroup(title: "x", total: 30, items: [item("a", due: nil)]).total, 30)
    }

    func testPendingDropsEmptyGroupsAndAddsTheRest() {
        let groups = [
            TodoGroup(title: "a", total: 0, items: []), TodoGroup(title: "b", total: 7, items: [item("x", due: nil)]),
            TodoGroup(title: "c", total: 2, items: []),
        ]
        let p = Todo.pending(groups)
        XCTAssertEqual(p.groups.map(\.title), ["b", "c"])
        XCTAssertEqual(p.total, 9)
    }

    func testDayTextNamesTodayAndTomorrow() {
        XCTAssertEqual(Todo.dayText(today, today: today), "今天")
        XCTAssertEqual(Todo.dayText(today.adding(days: 1), today: today), "明天")
        XCTAssertEqual(Todo.dayText(Day(year: 2026, month: 12, day: 14)!, today: today), "12月14日 星期一")
    }
}
